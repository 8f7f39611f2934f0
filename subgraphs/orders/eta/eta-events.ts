import { ORDER_EVENTS } from '../../../contracts';
import { eventConsumer } from '../../../platform/events/consumer';
import { etaService } from './eta.service';

/**
 * Every change to an order's progress re-estimates its forecast (and records completed runs as
 * history); the forecast commits with the consumer's record of the event. Its own
 * `order.eta.changed` is not among the types, so a forecast never re-triggers itself, and only
 * an order's latest change is forecast (a backlog is caught up on at once).
 */
export const etaEventsConsumer = eventConsumer({
  name: 'orders.eta',
  // Every order event but its own: whatever the order's latest change is, it gets forecast.
  types: Object.values(ORDER_EVENTS).filter((type) => type !== ORDER_EVENTS.ETA_CHANGED),
  async handle(em, event, ctx) {
    await etaService.estimate(em, event.payload.orderId, ctx.actor, ctx.settings, event.payload.sequence);
  },
});
