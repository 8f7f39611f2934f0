import { isVisibilityTier, ORDER_EVENTS, STATUS } from '../../contracts';
import type { EventConsumer } from '../../platform/events/consumer';
import { OrderSupply } from './entities/order-supply';
import { MaterialLedger, type NewOrderDemand } from './material-ledger';

const ledger = new MaterialLedger();

/**
 * What the suppliers subgraph does with the orders subgraph's events: a new order reserves its
 * bill of materials, a cancelled one releases it, finishing material preparation consumes it,
 * and a lowered tier cap reaches the customers' row rules here.
 */
export const orderEventsConsumer: EventConsumer = {
  name: 'suppliers.orders',
  types: [ORDER_EVENTS.IMPORTED, ORDER_EVENTS.CANCELLED, ORDER_EVENTS.STAGE_COMPLETED, ORDER_EVENTS.CUSTOMER_TIER_CHANGED],
  async handle(em, event, ctx) {
    const payload = event.payload as Record<string, any>;
    const actor = ctx.actor;
    switch (event.type) {
      case ORDER_EVENTS.IMPORTED: {
        const demand: NewOrderDemand = {
          orderId: payload.orderId,
          studioId: payload.studioId,
          customerTierMax: isVisibilityTier(payload.customerTierMax) ? payload.customerTierMax : 'MINIMAL',
          lines: payload.lines ?? [],
        };
        return ledger.openOrder(em, demand, actor);
      }
      case ORDER_EVENTS.CANCELLED:
        return ledger.closeOrder(em, payload.orderId, actor);
      case ORDER_EVENTS.STAGE_COMPLETED:
        if (payload.statusCode === STATUS.MATERIAL_PREPARATION) await ledger.consumeOrder(em, payload.orderId, actor);
        return;
      case ORDER_EVENTS.CUSTOMER_TIER_CHANGED: {
        const supply = await em.findOne(OrderSupply, { id: payload.orderId }, { filters: false });
        if (supply && isVisibilityTier(payload.tier)) supply.customerTierMax = payload.tier;
        return;
      }
    }
  },
};
