import { ORDER_EVENTS } from '../../contracts';
import { eventConsumer } from '../../platform/events/consumer';
import type { CapacityService } from './capacity.service';
import { Allocation } from './entities/request';

/**
 * What capacity does with the orders subgraph's events: a cancelled order gives back what it
 * holds; a started stage can no longer be declined by its partner.
 */
export function orderEventsConsumer(capacity: CapacityService) {
  return eventConsumer({
    name: 'capacity.orders',
    types: [ORDER_EVENTS.CANCELLED, ORDER_EVENTS.STAGE_STARTED],
    async handle(em, event, ctx) {
      if (event.type === ORDER_EVENTS.CANCELLED) {
        await capacity.release(
          em,
          await em.find(Allocation, { orderId: event.payload.orderId, status: 'ACTIVE' }, { filters: false }),
          'ORDER_CANCELLED',
          ctx.actor,
        );
        return;
      }
      for (const allocation of await em.find(Allocation, { stageRunId: event.payload.stageRunId, status: 'ACTIVE' }, { filters: false }))
        allocation.started = true;
    },
  });
}
