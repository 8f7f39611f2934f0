import { ORDER_EVENTS } from '../../../contracts';
import type { EventConsumer } from '../../../platform/events/consumer';
import { etaService } from './eta.service';

/**
 * Every change to an order's progress re-estimates its forecast (and records completed runs as
 * history); the forecast commits with the consumer's record of the event. Its own
 * `order.eta.changed` is not among the types, so a forecast never re-triggers itself, and only
 * an order's latest change is forecast (a backlog is caught up on at once).
 */
export const etaEventsConsumer: EventConsumer = {
  name: 'orders.eta',
  // Every order event but its own: whatever the order's latest change is, it gets forecast.
  types: Object.values(ORDER_EVENTS).filter((type) => type !== ORDER_EVENTS.ETA_CHANGED),
  async handle(em, event, ctx) {
    const orderId = event.payload.orderId;
    const sequence = event.payload.sequence;
    if (typeof orderId === 'string') await etaService.estimate(em, orderId, ctx.actor, ctx.settings, typeof sequence === 'number' ? sequence : undefined);
  },
};
