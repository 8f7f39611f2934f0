import { ORDER_EVENTS } from '../../contracts';
import { eventConsumer } from '../../platform/events/consumer';
import { delayService } from './delay.service';
import { StageRun } from './entities/stage-run';

/**
 * Every progress event of an order re-evaluates its running stages for delay alerts (the timer
 * in the subgraph definition catches the stages no event touches). The alerts it raises commit
 * with the consumer's record of the event.
 */
export const delayEventsConsumer = eventConsumer({
  name: 'orders.delays',
  types: [
    ORDER_EVENTS.STAGE_STARTED,
    ORDER_EVENTS.STAGE_COMPLETED,
    ORDER_EVENTS.STAGE_BLOCKED,
    ORDER_EVENTS.QC_RECORDED,
    ORDER_EVENTS.EXCEPTION_REPORTED,
    ORDER_EVENTS.EXCEPTION_RESOLVED,
    ORDER_EVENTS.ROUTE_CHANGED,
    ORDER_EVENTS.MATERIAL_FLAGGED,
  ],
  async handle(em, event, ctx) {
    await delayService.raiseDue(
      em,
      await em.find(StageRun, { orderId: event.payload.orderId, status: 'IN_PROGRESS' }, { filters: false }),
      ctx.actor,
    );
  },
});
