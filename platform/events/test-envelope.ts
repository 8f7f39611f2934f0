import { randomUUID } from 'node:crypto';
import { EVENT_ENVELOPE_VERSION, type EventEnvelope } from '../../contracts';

/** An order event as the bus carries it, for the platform's own unit tests (bus, consumers). */
export const testEnvelope = (id: string = randomUUID(), type: EventEnvelope['type'] = 'order.route.changed'): EventEnvelope => ({
  id,
  type,
  version: EVENT_ENVELOPE_VERSION,
  source: 'orders',
  subject: { type: 'Order', id: 'ord_1' },
  actor: { subject: 'test', enterprise: null },
  occurredAt: new Date().toISOString(),
  payload: { orderId: id },
});
