import { CAPACITY_EVENTS } from '../../contracts';
import { eventConsumer } from '../../platform/events/consumer';
import { Order } from './entities/order';
import { StageRun } from './entities/stage-run';
import { handOver } from './stage.service';

/**
 * The capacity subgraph placed an order stage with a partner (it now holds the stage, sees it
 * and works it), or the partner declined it or the order was cancelled (it comes back to the
 * studio, if it has not started).
 */
export const capacityEventsConsumer = eventConsumer({
  name: 'orders.capacity',
  types: [CAPACITY_EVENTS.ALLOCATED, CAPACITY_EVENTS.RELEASED],
  async handle(em, event, ctx) {
    const payload = event.payload;
    if (!payload.stageRunId) return; // kitchen boxes, not an order stage
    const stage = await em.findOne(StageRun, { id: payload.stageRunId }, { filters: false });
    // A request naming another studio's stage moves nothing.
    if (!stage || stage.studioId !== payload.studioId) return;
    const order = await em.findOneOrFail(Order, { id: stage.orderId }, { filters: false });
    if (event.type === CAPACITY_EVENTS.ALLOCATED) handOver(em, order, stage, payload.enterpriseId, ctx.actor, new Date());
    else if (stage.assignedToId === payload.enterpriseId) handOver(em, order, stage, stage.studioId, ctx.actor, new Date());
  },
});
