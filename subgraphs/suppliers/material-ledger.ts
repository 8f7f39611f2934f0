import type { EntityManager } from '@mikro-orm/core';
import { SUPPLY_EVENTS, type EventActor, type VisibilityTier } from '../../contracts';
import { forUpdate } from '../../platform/data/database';
import { recordEvent } from '../../platform/events/outbox';
import { newId } from '../../platform/data/ids';
import { currentBillsOf } from './bill-lines';
import { Material } from './entities/material';
import type { MaterialStatus } from './entities/order-supply';
import { OrderMaterial, OrderSupply } from './entities/order-supply';
import { OPEN_PURCHASE_ORDER, PurchaseOrder } from './entities/purchase-order';
import { availableOf, freeOf, Reservation, StockLot } from './entities/stock';

export const SOURCE = 'suppliers';

/** What an order brings when it is imported: its lines, whose it is, the customer's tier cap. */
export interface NewOrderDemand {
  orderId: string;
  studioId: string;
  customerTierMax: VisibilityTier;
  lines: { productCode: string; quantity: number }[];
}

const oldestFirst = (a: StockLot, b: StockLot) => a.receivedAt.getTime() - b.receivedAt.getTime() || a.id.localeCompare(b.id);

/**
 * The hub's side of inventory: reservations of lots for open orders, and each order's material
 * status. Every change to stock or demand ends in `settle`, which (for the materials touched)
 * keeps reservations within what lots hold, fills short orders oldest first from the oldest
 * lots, recomputes every open order's status against safety stock and open purchase orders,
 * and publishes a `material.status.changed` event for each order whose status moved.
 *
 * Lots are locked in id order (SELECT … FOR UPDATE on PostgreSQL) before anything changes, and
 * every path locks the same way, so concurrent publications and reservations serialise per
 * material without deadlocking.
 */
export class MaterialLedger {
  constructor(private readonly clock: () => Date = () => new Date()) {}

  /** Locks and returns every lot of these materials. Call first in a transaction. */
  lockLots(em: EntityManager, skus: readonly string[]): Promise<StockLot[]> {
    if (skus.length === 0) return Promise.resolve([]);
    return em.find(StockLot, { sku: { $in: [...new Set(skus)] } }, { orderBy: { id: 'asc' }, filters: false, ...forUpdate(em) });
  }

  /** A new order: what its bills of materials need, reserved as far as stock allows. */
  async openOrder(em: EntityManager, demand: NewOrderDemand, actor: EventActor): Promise<void> {
    if (await em.findOne(OrderSupply, { id: demand.orderId }, { filters: false })) return;
    const now = this.clock();
    em.persist(
      em.create(OrderSupply, {
        id: demand.orderId,
        studioId: demand.studioId,
        customerTierMax: demand.customerTierMax,
        open: true,
        createdAt: now,
      }),
    );
    // The bills' current versions: a bill set later never changes what this order reserved.
    const bom = await currentBillsOf(
      em,
      demand.studioId,
      demand.lines.map((line) => line.productCode),
    );
    const required = new Map<string, { quantity: number; stageCode: string }>();
    for (const line of demand.lines) {
      for (const item of bom.filter((entry) => entry.productCode === line.productCode)) {
        const sum = required.get(item.sku) ?? { quantity: 0, stageCode: item.stageCode };
        sum.quantity += item.quantityPerUnit * line.quantity;
        required.set(item.sku, sum);
      }
    }
    if (required.size === 0) return;
    const lots = await this.lockLots(em, [...required.keys()]);
    for (const [sku, { quantity, stageCode }] of required) {
      em.persist(
        em.create(OrderMaterial, {
          id: newId('omt', now.getTime()),
          orderId: demand.orderId,
          studioId: demand.studioId,
          sku,
          required: quantity,
          stageCode,
          status: 'SHORT',
          createdAt: now,
        }),
      );
    }
    await em.flush();
    await this.settle(em, lots, [...required.keys()], actor, demand.orderId);
  }

  /** A cancelled order gives back what it held. */
  async closeOrder(em: EntityManager, orderId: string, actor: EventActor): Promise<void> {
    const supply = await em.findOne(OrderSupply, { id: orderId }, { filters: false });
    if (!supply || !supply.open) return;
    supply.open = false;
    const materials = await em.find(OrderMaterial, { orderId, open: true }, { filters: false });
    const lots = await this.lockLots(
      em,
      materials.map((material) => material.sku),
    );
    const byId = new Map(lots.map((lot) => [lot.id, lot]));
    for (const reservation of await em.find(Reservation, { orderId, status: 'RESERVED' }, { filters: false })) {
      reservation.status = 'RELEASED';
      const lot = byId.get(reservation.lotId);
      if (lot) lot.reserved -= reservation.quantity;
    }
    for (const material of materials) {
      material.reserved = 0;
      material.open = false;
    }
    await em.flush();
    await this.settle(
      em,
      lots,
      materials.map((material) => material.sku),
      actor,
    );
  }

  /** A stage is done: what was reserved of the materials its bill line names left the supplier's stock for the order. */
  async consumeOrder(em: EntityManager, orderId: string, stageCode: string, actor: EventActor): Promise<void> {
    const materials = await em.find(OrderMaterial, { orderId, stageCode, open: true }, { filters: false });
    if (materials.length === 0) return;
    const lots = await this.lockLots(
      em,
      materials.map((material) => material.sku),
    );
    const byId = new Map(lots.map((lot) => [lot.id, lot]));
    const bySku = new Map(materials.map((material) => [material.sku, material]));
    const skus = materials.map((material) => material.sku);
    for (const reservation of await em.find(Reservation, { orderId, sku: { $in: skus }, status: 'RESERVED' }, { filters: false })) {
      reservation.status = 'CONSUMED';
      const lot = byId.get(reservation.lotId);
      if (lot) {
        lot.reserved -= reservation.quantity;
        lot.onHand = Math.max(0, lot.onHand - reservation.quantity);
      }
      const material = bySku.get(reservation.sku);
      if (material) {
        material.reserved -= reservation.quantity;
        material.consumed += reservation.quantity;
      }
    }
    for (const material of materials) material.open = false;
    await em.flush();
    await this.settle(
      em,
      lots,
      materials.map((material) => material.sku),
      actor,
    );
  }

  /**
   * Brings reservations and statuses of these materials in line with their (locked) lots.
   * `newOrderId`: an order whose materials were just created (its first status is always news).
   */
  async settle(em: EntityManager, lots: StockLot[], skus: readonly string[], actor: EventActor, newOrderId?: string): Promise<void> {
    const now = this.clock();
    const unique = [...new Set(skus)].sort();
    if (unique.length === 0) return;
    // Each studio's own material: its safety stock and catalogue cost.
    const materials = new Map<string, Map<string, Material>>();
    for (const material of await em.find(Material, { sku: { $in: unique } }, { orderBy: { studioId: 'asc' }, filters: false })) {
      if (!materials.has(material.sku)) materials.set(material.sku, new Map());
      materials.get(material.sku)!.set(material.studioId, material);
    }
    const openOrders = await em.find(
      PurchaseOrder,
      { status: { $in: [...OPEN_PURCHASE_ORDER] } },
      { orderBy: { expectedAt: 'asc' }, filters: false },
    );
    for (const sku of unique) {
      const ofStudio = materials.get(sku);
      if (!ofStudio) continue;
      // A demand of a studio without the material (made before it was catalogued) is held to the first studio's.
      const materialOf = (studioId: string) => ofStudio.get(studioId) ?? ofStudio.values().next().value!;
      const skuLots = lots.filter((lot) => lot.sku === sku).sort(oldestFirst);
      // A new order's demands only, unless a lot holds more than it has: every settle leaves no
      // older demand short while stock is free, so a new demand comes last in line and takes only
      // what is free, and the others' statuses stay as they were unless what is available
      // crosses the safety stock (LOW / AVAILABLE) — then all of them are looked at.
      const onlyNew = newOrderId !== undefined && !skuLots.some((lot) => lot.reserved > lot.onHand);
      const before = availableOf(skuLots);
      let demands = await this.openDemands(em, sku, onlyNew ? newOrderId : undefined);
      await this.withinLots(em, skuLots, new Map(demands.map((demand) => [demand.orderId, demand])));
      for (const demand of demands) {
        const missing = demand.required - demand.reserved - demand.consumed;
        if (missing > 0) this.reserve(em, demand, skuLots, missing, materialOf(demand.studioId), now);
      }
      const available = availableOf(skuLots);
      if (onlyNew && [...ofStudio.values()].some((material) => before < material.safetyStock !== available < material.safetyStock))
        demands = await this.openDemands(em, sku);
      const onOrder = expectedBy(openOrders, sku);
      for (const demand of demands) {
        const { safetyStock } = materialOf(demand.studioId);
        const covered = demand.reserved + demand.consumed >= demand.required;
        const expected = onOrder.get(demand.studioId) ?? null;
        const status: MaterialStatus = covered ? (available < safetyStock ? 'LOW' : 'AVAILABLE') : expected ? 'ON_ORDER' : 'SHORT';
        const isNew = demand.orderId === newOrderId;
        demand.expectedAt = status === 'ON_ORDER' ? expected : null;
        if (status === demand.status && !isNew) continue;
        const previous = isNew ? null : demand.status;
        demand.status = status;
        if (isNew && status === 'AVAILABLE') continue;
        recordEvent(em, SOURCE, {
          type: SUPPLY_EVENTS.MATERIAL_STATUS_CHANGED,
          subject: { type: 'Order', id: demand.orderId },
          actor,
          occurredAt: now,
          payload: {
            orderId: demand.orderId,
            studioId: demand.studioId,
            sku,
            status,
            previousStatus: previous,
            available,
            safetyStock,
          },
        });
      }
    }
  }

  /** A material's open demands, oldest first (of one order, when given). */
  private openDemands(em: EntityManager, sku: string, orderId?: string): Promise<OrderMaterial[]> {
    return em.find(
      OrderMaterial,
      { sku, open: true, ...(orderId ? { orderId } : {}) },
      { orderBy: [{ createdAt: 'asc' }, { id: 'asc' }], filters: false },
    );
  }

  /** A lot now holding less than is reserved on it gives back its newest reservations first. */
  private async withinLots(em: EntityManager, lots: StockLot[], demands: Map<string, OrderMaterial>): Promise<void> {
    const over = lots.filter((lot) => lot.reserved > lot.onHand);
    if (over.length === 0) return;
    const reservations = await em.find(
      Reservation,
      { lotId: { $in: over.map((lot) => lot.id) }, status: 'RESERVED' },
      { orderBy: [{ createdAt: 'desc' }, { id: 'desc' }], filters: false },
    );
    for (const lot of over) {
      for (const reservation of reservations.filter((candidate) => candidate.lotId === lot.id)) {
        const excess = lot.reserved - lot.onHand;
        if (excess <= 0) break;
        const given = Math.min(excess, reservation.quantity);
        reservation.quantity -= given;
        if (reservation.quantity === 0) reservation.status = 'RELEASED';
        lot.reserved -= given;
        const demand = demands.get(reservation.orderId);
        if (demand) demand.reserved -= given;
      }
    }
  }

  /**
   * Reserves up to `missing` from the oldest lots with free stock: first what the order's studio
   * received itself, then the suppliers' lots (never another studio's received lots).
   */
  private reserve(em: EntityManager, demand: OrderMaterial, lots: StockLot[], missing: number, material: Material, now: Date): void {
    let needed = missing;
    const held = lots.filter((lot) => lot.heldForStudioId === demand.studioId);
    for (const lot of [...held, ...lots.filter((lot) => !lot.heldForStudioId)]) {
      if (needed === 0) break;
      const take = Math.min(needed, freeOf(lot));
      if (take === 0) continue;
      lot.reserved += take;
      demand.reserved += take;
      needed -= take;
      em.persist(
        em.create(Reservation, {
          id: newId('rsv', now.getTime()),
          orderId: demand.orderId,
          studioId: demand.studioId,
          sku: demand.sku,
          lotId: lot.id,
          lotCode: lot.lotCode,
          supplierId: lot.supplierId,
          quantity: take,
          unitCostCents: lot.unitCostCents ?? material.unitCostCents,
          status: 'RESERVED',
          createdAt: now,
        }),
      );
    }
  }
}

/** Per studio, when its earliest open purchase order of this material is expected. */
function expectedBy(openOrders: PurchaseOrder[], sku: string): Map<string, Date> {
  const expected = new Map<string, Date>();
  for (const order of openOrders) {
    if (order.lines.some((line) => line.sku === sku) && !expected.has(order.studioId)) expected.set(order.studioId, order.expectedAt);
  }
  return expected;
}
