import { ORDER_EVENTS } from '../../../contracts';
import type { EventConsumer } from '../../shared/events/consumer';
import { etaService } from './eta.service';

/**
 * Every change to an order's progress re-estimates its forecast (and records completed runs as
 * history); the forecast commits with the consumer's record of the event. Its own
 * `order.eta.changed` is not among the types, so a forecast never re-triggers itself.
 */
export const etaEventsConsumer: EventConsumer = {
  name: 'orders.eta',
  types: [
    ORDER_EVENTS.IMPORTED,
    ORDER_EVENTS.STAGE_STARTED,
    ORDER_EVENTS.STAGE_COMPLETED,
    ORDER_EVENTS.STAGE_BLOCKED,
    ORDER_EVENTS.QC_RECORDED,
    ORDER_EVENTS.STAGE_ASSIGNED,
    ORDER_EVENTS.EXCEPTION_REPORTED,
    ORDER_EVENTS.EXCEPTION_RESOLVED,
    ORDER_EVENTS.ROUTE_CHANGED,
    ORDER_EVENTS.CANCELLED,
    ORDER_EVENTS.SHIPMENT_ADDED,
    ORDER_EVENTS.DELIVERED,
    ORDER_EVENTS.DELAY_NOTICE,
  ],
  async handle(em, event, ctx) {
    const orderId = event.payload.orderId;
    const sequence = event.payload.sequence;
    if (typeof orderId === 'string') await etaService.estimate(em, orderId, ctx.actor, typeof sequence === 'number' ? sequence : undefined);
  },
};
