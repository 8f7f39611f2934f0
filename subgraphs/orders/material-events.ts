import { ORDER_EVENTS, STATUS, SUPPLY_EVENTS } from '../../contracts';
import { eventConsumer } from '../../platform/events/consumer';
import { Order } from './entities/order';
import { appendProgress } from './progress-log';
import { isClosed } from './lifecycle/route';

const atRisk = (status: string | null) => status !== null && status !== 'AVAILABLE';

/**
 * The suppliers subgraph tells when an order's material becomes unsafe (low or short) or safe
 * again; the order's progress log shows it: "material procurement" (B20) to the studio, and to
 * the customer from tier BASIC.
 */
export const materialEventsConsumer = eventConsumer({
  name: 'orders.materials',
  types: [SUPPLY_EVENTS.MATERIAL_STATUS_CHANGED],
  async handle(em, event, ctx) {
    const payload = event.payload;
    const order = await em.findOne(Order, { id: payload.orderId }, { filters: false });
    // A closed order's materials no longer matter to its timeline.
    if (!order || isClosed(order)) return;
    const entering = atRisk(payload.status) && !atRisk(payload.previousStatus);
    const leaving = !atRisk(payload.status) && atRisk(payload.previousStatus);
    if (!entering && !leaving) return;
    appendProgress(em, order, {
      type: entering ? ORDER_EVENTS.MATERIAL_FLAGGED : ORDER_EVENTS.MATERIAL_CLEARED,
      actor: ctx.actor,
      at: new Date(),
      statusCode: entering ? STATUS.MATERIAL_PROCUREMENT : null,
      note: `${payload.sku}: ${payload.status}`,
      payload: { sku: payload.sku, materialStatus: payload.status },
    });
  },
});
