import { isVisibilityTier, ORDER_EVENTS } from '../../contracts';
import { eventConsumer } from '../../platform/events/consumer';
import { OrderSupply } from './entities/order-supply';
import { TracedProduct } from './entities/traced-product';
import { MaterialLedger, type NewOrderDemand } from './material-ledger';

const ledger = new MaterialLedger();

/**
 * What the suppliers subgraph does with the orders subgraph's events: a new order reserves its
 * bill of materials, a cancelled one releases it, finishing a stage consumes what its bill lines name for that stage,
 * a lowered tier cap reaches the customers' row rules here, and the products' traceability
 * codes are kept so that their public stories can tell where the materials came from.
 */
export const orderEventsConsumer = eventConsumer({
  name: 'suppliers.orders',
  types: [
    ORDER_EVENTS.IMPORTED,
    ORDER_EVENTS.CANCELLED,
    ORDER_EVENTS.STAGE_COMPLETED,
    ORDER_EVENTS.CUSTOMER_TIER_CHANGED,
    ORDER_EVENTS.TRACE_CODES_ISSUED,
  ],
  async handle(em, event, ctx) {
    const actor = ctx.actor;
    switch (event.type) {
      case ORDER_EVENTS.IMPORTED: {
        const { orderId, studioId, customerTierMax, lines } = event.payload;
        const demand: NewOrderDemand = {
          orderId,
          studioId,
          customerTierMax: isVisibilityTier(customerTierMax) ? customerTierMax : 'MINIMAL',
          lines,
        };
        return ledger.openOrder(em, demand, actor);
      }
      case ORDER_EVENTS.CANCELLED:
        return ledger.closeOrder(em, event.payload.orderId, actor);
      case ORDER_EVENTS.STAGE_COMPLETED:
        // The materials whose bill line names this stage (material preparation, for the demo's bills).
        return ledger.consumeOrder(em, event.payload.orderId, event.payload.statusCode, actor);
      case ORDER_EVENTS.CUSTOMER_TIER_CHANGED: {
        const supply = await em.findOne(OrderSupply, { id: event.payload.orderId }, { filters: false });
        if (supply && isVisibilityTier(event.payload.tier)) supply.customerTierMax = event.payload.tier;
        return;
      }
      case ORDER_EVENTS.TRACE_CODES_ISSUED: {
        const { orderId, studioId, codes } = event.payload;
        const known = new Set(
          (await em.find(TracedProduct, { code: { $in: codes } }, { filters: false, fields: ['code'] })).map((product) => product.code),
        );
        for (const code of codes) if (!known.has(code)) em.persist(em.create(TracedProduct, { code, orderId, studioId }));
        return;
      }
    }
  },
});
