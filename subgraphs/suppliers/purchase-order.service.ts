import type { EntityManager } from '@mikro-orm/core';
import { SUPPLY_EVENTS } from '../../contracts';
import type { RequestContext } from '../../platform/access/context';
import { daysAfter } from '../../platform/data/days';
import { badInput, failedPrecondition, notFound } from '../../platform/base/errors';
import { recordEvent } from '../../platform/events/outbox';
import { newId, requireEnterpriseId, requireId } from '../../platform/data/ids';
import { idempotent, inTransaction } from '../../platform/data/transactions';
import { Material } from './entities/material';
import { OrderMaterial } from './entities/order-supply';
import type { PurchaseOrderStatus } from './entities/purchase-order';
import { OPEN_PURCHASE_ORDER, PURCHASE_ORDER_TRANSITIONS, PurchaseOrder } from './entities/purchase-order';
import { availableOf, StockLot, usableBy } from './entities/stock';
import type { Supplier, SupplierTier } from './entities/supplier';
import type { PlacePurchaseOrderInput, ShipPurchaseOrderInput } from './inputs';
import { MaterialLedger, SOURCE } from './material-ledger';
import { namedSuppliers, supplying } from './studio-suppliers';

type PurchaseOrderEventType = (typeof SUPPLY_EVENTS)[
  'PURCHASE_ORDER_PLACED' | 'PURCHASE_ORDER_CONFIRMED' | 'PURCHASE_ORDER_SHIPPED' | 'PURCHASE_ORDER_RECEIVED'];
/** The event each status a purchase order moves to is announced by. */
const EVENT_OF: Partial<Record<PurchaseOrderStatus, PurchaseOrderEventType>> = {
  CONFIRMED: SUPPLY_EVENTS.PURCHASE_ORDER_CONFIRMED,
  SHIPPED: SUPPLY_EVENTS.PURCHASE_ORDER_SHIPPED,
  RECEIVED: SUPPLY_EVENTS.PURCHASE_ORDER_RECEIVED,
};

export interface ReorderSuggestion {
  sku: string;
  material: Material;
  /** What the studio's open orders still lack. */
  openDemand: number;
  /** How far network stock is below the safety stock. */
  safetyGap: number;
  /** Already on the studio's open purchase orders. */
  onOrder: number;
  quantity: number;
  supplier: Supplier;
  /** The supplier's tier with this studio. */
  tier: SupplierTier;
  expectedAt: Date;
  /** Every supplier of the material the studio names, in the order they are suggested (the first is `supplier`). */
  alternatives: { supplier: Supplier; tier: SupplierTier; expectedAt: Date }[];
}

/** Reorder suggestions and purchase orders: a studio places them, its supplier confirms them. */
export class PurchaseOrderService {
  constructor(
    private readonly ledger = new MaterialLedger(),
    private readonly clock: () => Date = () => new Date(),
  ) {}

  /**
   * What to order to cover the studio's open demand plus the safety stock, from the first
   * supplier of the material in the studio's tier order: its primary, then secondary, then the
   * emergency pool (the shorter lead time first within a tier). Only suppliers the studio names.
   */
  async reorderSuggestions(ctx: RequestContext<unknown>, studioId: string): Promise<ReorderSuggestion[]> {
    requireEnterpriseId(studioId, 'studioId');
    const em = ctx.em.fork();
    const demands = await em.find(OrderMaterial, { studioId, open: true }, { filters: false });
    const skus = [...new Set(demands.map((demand) => demand.sku))].sort();
    if (skus.length === 0) return [];
    const [materials, lots, named, openOrders] = await Promise.all([
      em.find(Material, { studioId, sku: { $in: skus } }, { filters: false }),
      em.find(StockLot, { sku: { $in: skus } }, { filters: false }),
      namedSuppliers(em, studioId),
      // Shipped is still on order (in transit); received is stock (its lots, held for the studio).
      em.find(PurchaseOrder, { studioId, status: { $in: [...OPEN_PURCHASE_ORDER] } }, { filters: false }),
    ]);
    const now = this.clock();
    const suggestions: ReorderSuggestion[] = [];
    for (const material of materials) {
      const openDemand = demands
        .filter((demand) => demand.sku === material.sku)
        .reduce((sum, demand) => sum + Math.max(0, demand.required - demand.reserved - demand.consumed), 0);
      const available = availableOf(lots.filter((lot) => lot.sku === material.sku && usableBy(lot, studioId)));
      // A made-to-order material is bought for its orders only: no safety stock to refill.
      const safetyGap = material.stockingPolicy === 'MADE_TO_ORDER' ? 0 : Math.max(0, material.safetyStock - available);
      const onOrder = openOrders
        .flatMap((order) => order.lines)
        .filter((line) => line.sku === material.sku)
        .reduce((sum, line) => sum + line.quantity, 0);
      const quantity = openDemand + safetyGap - onOrder;
      if (quantity <= 0) continue;
      const candidates = supplying(named, material.sku);
      if (candidates.length === 0) continue;
      const { supplier, terms } = candidates[0];
      suggestions.push({
        sku: material.sku,
        material,
        openDemand,
        safetyGap,
        onOrder,
        quantity,
        supplier,
        tier: terms.tier,
        expectedAt: daysAfter(now, supplier.leadTimeDays),
        alternatives: candidates.map((candidate) => ({
          supplier: candidate.supplier,
          tier: candidate.terms.tier,
          expectedAt: daysAfter(now, candidate.supplier.leadTimeDays),
        })),
      });
    }
    return suggestions;
  }

  async place(
    ctx: RequestContext<unknown>,
    studioId: string,
    input: PlacePurchaseOrderInput,
    idempotencyKey: string,
  ): Promise<PurchaseOrder> {
    requireEnterpriseId(studioId, 'studioId');
    requireEnterpriseId(input.supplierId, 'supplierId');
    const id = await inTransaction(ctx, (em) =>
      idempotent(em, ctx.viewer, 'placePurchaseOrder', idempotencyKey, { studioId, ...input }, async () => {
        // Only a supplier the studio names sees the order (access-policy.ts): it must be one of them.
        const supplier = (await namedSuppliers(em, studioId)).find((named) => named.supplier.id === input.supplierId)?.supplier;
        if (!supplier)
          throw badInput(`input.supplierId: ${studioId} does not name "${input.supplierId}" as a supplier`, {
            field: 'input.supplierId',
            reason: 'NOT_A_SUPPLIER_OF_STUDIO',
          });
        const skus = input.lines.map((line) => line.sku);
        if (new Set(skus).size !== skus.length) throw badInput('Each material may appear once in a purchase order', { field: 'lines' });
        const unknown = skus.filter((sku) => !supplier.skus.includes(sku));
        if (unknown.length) throw badInput(`${supplier.id} does not supply ${unknown.join(', ')}`, { field: 'lines', skus: unknown });
        const now = this.clock();
        const order = em.create(PurchaseOrder, {
          id: newId('po', now.getTime()),
          studioId,
          supplierId: supplier.id,
          status: 'PLACED',
          lines: input.lines.map((line) => ({ sku: line.sku, quantity: line.quantity })),
          expectedAt: input.expectedAt ?? daysAfter(now, supplier.leadTimeDays),
          placedAt: now,
        });
        em.persist(order);
        this.record(em, ctx, order, SUPPLY_EVENTS.PURCHASE_ORDER_PLACED);
        await em.flush();
        await this.resettle(em, ctx, order);
        return order.id;
      }),
    );
    return ctx.em.fork().findOneOrFail(PurchaseOrder, { id });
  }

  /** The supplier confirms (and may move the expected date); the studio marks it received (who may do which is the access policy's). */
  async transition(
    ctx: RequestContext<unknown>,
    purchaseOrderId: string,
    to: PurchaseOrderStatus,
    expectedAt?: Date,
  ): Promise<PurchaseOrder> {
    requireId('po', purchaseOrderId, 'purchase order');
    return inTransaction(ctx, async (em) => {
      const order = await em.findOne(PurchaseOrder, { id: purchaseOrderId });
      if (!order) throw notFound('Purchase order', purchaseOrderId);
      if (order.status === to) return order;
      const now = this.clock();
      this.move(
        em,
        ctx,
        order,
        to,
        to === 'CONFIRMED' ? { confirmedAt: now, ...(expectedAt ? { expectedAt } : {}) } : to === 'RECEIVED' ? { receivedAt: now } : {},
      );
      if (to === 'RECEIVED') this.stockReceived(em, order, now);
      await em.flush();
      await this.resettle(em, ctx, order);
      return order;
    });
  }

  /**
   * What a studio receives becomes stock its own orders draw on: a lot per lot shipped (or per
   * line, when the supplier shipped without naming lots), held for the studio. Its code is the
   * supplier's lot code with the purchase order's tail, so it never meets the supplier's own
   * lot of that code, which the supplier's publications keep setting.
   */
  private stockReceived(em: EntityManager, order: PurchaseOrder, now: Date): void {
    const received = order.shippedLots?.length
      ? order.shippedLots
      : order.lines.map((line) => ({ sku: line.sku, lotCode: 'PO', quantity: line.quantity }));
    for (const lot of received) {
      em.persist(
        em.create(StockLot, {
          id: newId('lot', now.getTime()),
          supplierId: order.supplierId,
          sku: lot.sku,
          lotCode: `${lot.lotCode.slice(0, 60)}-${order.id.slice(-12)}`,
          receivedAt: now,
          onHand: lot.quantity,
          lastSequence: 0,
          heldForStudioId: order.studioId,
        }),
      );
    }
  }

  /** The supplier ships it: the lots and quantities it sent, each of a material the order asks for. */
  async ship(
    ctx: RequestContext<unknown>,
    purchaseOrderId: string,
    input: ShipPurchaseOrderInput,
    idempotencyKey: string,
  ): Promise<PurchaseOrder> {
    requireId('po', purchaseOrderId, 'purchase order');
    const id = await inTransaction(ctx, (em) =>
      idempotent(em, ctx.viewer, 'shipPurchaseOrder', idempotencyKey, { purchaseOrderId, ...input }, async () => {
        const order = await em.findOne(PurchaseOrder, { id: purchaseOrderId });
        if (!order) throw notFound('Purchase order', purchaseOrderId);
        const ordered = new Set(order.lines.map((line) => line.sku));
        const strangers = [...new Set(input.lots.map((lot) => lot.sku).filter((sku) => !ordered.has(sku)))];
        if (strangers.length)
          throw badInput(`Purchase order "${order.id}" does not ask for ${strangers.join(', ')}`, { field: 'lots', skus: strangers });
        this.move(em, ctx, order, 'SHIPPED', {
          shippedAt: input.shippedAt ?? this.clock(),
          shippedLots: input.lots.map((lot) => ({ sku: lot.sku, lotCode: lot.lotCode, quantity: lot.quantity })),
        });
        await em.flush();
        await this.resettle(em, ctx, order);
        return order.id;
      }),
    );
    return ctx.em.fork().findOneOrFail(PurchaseOrder, { id });
  }

  /** The one place a purchase order's status changes: checked against the lifecycle table, with what the move records, announced by its event. */
  private move(
    em: EntityManager,
    ctx: RequestContext<unknown>,
    order: PurchaseOrder,
    to: PurchaseOrderStatus,
    changes: Partial<Pick<PurchaseOrder, 'confirmedAt' | 'expectedAt' | 'shippedAt' | 'shippedLots' | 'receivedAt'>>,
  ): void {
    if (!PURCHASE_ORDER_TRANSITIONS[order.status].includes(to)) {
      throw failedPrecondition(
        'INVALID_PURCHASE_ORDER_TRANSITION',
        `Purchase order "${order.id}" is ${order.status} and cannot become ${to}`,
        { status: order.status },
      );
    }
    Object.assign(order, changes, { status: to });
    this.record(em, ctx, order, EVENT_OF[to]!);
  }

  private record(em: EntityManager, ctx: RequestContext<unknown>, order: PurchaseOrder, type: PurchaseOrderEventType): void {
    recordEvent(em, SOURCE, {
      type,
      subject: { type: 'PurchaseOrder', id: order.id },
      actor: ctx.actor,
      payload: {
        purchaseOrderId: order.id,
        studioId: order.studioId,
        supplierId: order.supplierId,
        status: order.status,
        expectedAt: order.expectedAt.toISOString(),
        lines: order.lines.map((line) => ({ sku: line.sku, quantity: line.quantity })),
      },
    });
  }

  /** Open purchase orders change which short orders count as ON_ORDER. */
  private async resettle(em: EntityManager, ctx: RequestContext<unknown>, order: PurchaseOrder): Promise<void> {
    const skus = order.lines.map((line) => line.sku);
    await this.ledger.settle(em, await this.ledger.lockLots(em, skus), skus, ctx.actor);
  }
}
