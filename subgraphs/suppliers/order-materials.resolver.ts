import { Arg, Ctx, Field, FieldResolver, ID, Int, Mutation, ObjectType, Query, Resolver, Root } from 'type-graphql';
import type { GraphQLContext } from '../../platform/access/context';
import { requireEnterpriseId } from '../../platform/data/ids';
import { Material } from './entities/material';
import { MaterialStatus, MaterialStatusEnum, OrderMaterial, OrderSupply, worstStatus } from './entities/order-supply';
import { PurchaseOrder, PurchaseOrderStatus, PurchaseOrderStatusEnum } from './entities/purchase-order';
import { EnterpriseSupply } from './entities/references';
import { Reservation } from './entities/stock';
import { SupplierTierEnum, type SupplierTier } from './entities/supplier';
import { PlacePurchaseOrderInput, ShipPurchaseOrderInput } from './inputs';
import { materialOf, type SupplierLoaders } from './loaders';
import { PurchaseOrderService } from './purchase-order.service';

type Context = GraphQLContext<SupplierLoaders>;

/** The order as the suppliers subgraph sees it: its materials, their risk and cost. */
@Resolver(() => OrderSupply)
export class OrderSupplyResolver {
  @FieldResolver(() => [OrderMaterial], {
    nullable: true,
    description: 'Each material the order needs, how much is held, and how safe it is',
  })
  materials(@Root() order: OrderSupply, @Ctx() { ctx }: Context): Promise<OrderMaterial[]> {
    return ctx.loaders.materialsByOrder.load(order.id);
  }

  @FieldResolver(() => MaterialStatusEnum, {
    nullable: true,
    description: "The worst status of the order's open materials; null when none is open",
  })
  async materialRisk(@Root() order: OrderSupply, @Ctx() { ctx }: Context): Promise<MaterialStatus | null> {
    const materials = await ctx.loaders.materialsByOrder.load(order.id);
    return worstStatus(materials.filter((material) => material.open).map((material) => material.status));
  }

  @FieldResolver(() => Int, { nullable: true, description: 'Cost of the material held or consumed, in fen (studio only)' })
  async materialCostCents(@Root() order: OrderSupply, @Ctx() { ctx }: Context): Promise<number> {
    const reservations = await ctx.loaders.reservationsByOrder.load(order.id);
    return reservations
      .filter((reservation) => reservation.status !== 'RELEASED')
      .reduce((sum, reservation) => sum + reservation.quantity * reservation.unitCostCents, 0);
  }

  @FieldResolver(() => [Reservation], { nullable: true, description: 'The material lots held for or consumed by the order (traceability)' })
  async materialLots(@Root() order: OrderSupply, @Ctx() { ctx }: Context): Promise<Reservation[]> {
    const reservations = await ctx.loaders.reservationsByOrder.load(order.id);
    return reservations.filter((reservation) => reservation.status !== 'RELEASED');
  }
}

@Resolver(() => OrderMaterial)
export class OrderMaterialResolver {
  @FieldResolver(() => Material)
  async material(@Root() demand: OrderMaterial, @Ctx() { ctx }: Context): Promise<Material> {
    return materialOf(await ctx.loaders.materialsBySku.load(demand.sku), demand.studioId)!;
  }
}

@ObjectType({ description: 'A supplier a reorder may go to instead: its tier, lead time and when the goods would come' })
class SupplierChoice {
  @Field(() => EnterpriseSupply)
  supplier!: EnterpriseSupply;

  @Field(() => SupplierTierEnum, { description: "Its tier with this studio (the studio's relationship)" })
  tier!: SupplierTier;

  @Field(() => Int)
  leadTimeDays!: number;

  @Field()
  expectedAt!: Date;
}

@ObjectType({ description: 'What to order, from whom, to cover open demand and the safety stock' })
class ReorderSuggestion {
  @Field()
  sku!: string;

  @Field(() => Material)
  material!: Material;

  @Field(() => Int, { description: "What the studio's open orders still lack" })
  openDemand!: number;

  @Field(() => Int, { description: 'How far network stock is below the safety stock' })
  safetyGap!: number;

  @Field(() => Int, { description: "Already on the studio's open purchase orders" })
  onOrder!: number;

  @Field(() => Int)
  quantity!: number;

  @Field(() => EnterpriseSupply)
  supplier!: EnterpriseSupply;

  @Field(() => SupplierTierEnum, { description: "The supplier's tier with this studio (its relationship)" })
  supplierTier!: SupplierTier;

  @Field()
  expectedAt!: Date;

  @Field(() => [SupplierChoice], {
    description: 'Every supplier of the material the studio names, the suggested one first (primary, secondary, emergency pool)',
  })
  alternatives!: SupplierChoice[];
}

@Resolver(() => PurchaseOrder)
export class PurchaseOrderResolver {
  constructor(private readonly purchases = new PurchaseOrderService()) {}

  @Query(() => [ReorderSuggestion], {
    description: 'What a studio should order, from the suppliers it names: its primary first, then secondary, then the emergency pool',
  })
  async reorderSuggestions(@Arg('studioId', () => ID) studioId: string, @Ctx() { ctx }: Context): Promise<ReorderSuggestion[]> {
    const suggestions = await this.purchases.reorderSuggestions(ctx, studioId);
    return suggestions.map((suggestion) => ({
      ...suggestion,
      supplier: { id: suggestion.supplier.id },
      supplierTier: suggestion.tier,
      alternatives: suggestion.alternatives.map(({ supplier, tier, expectedAt }) => ({
        supplier: { id: supplier.id },
        tier,
        leadTimeDays: supplier.leadTimeDays,
        expectedAt,
      })),
    }));
  }

  @Query(() => [PurchaseOrder], { description: "Purchase orders: a studio's own, or those sent to a supplier; newest first" })
  purchaseOrders(
    @Ctx() { ctx }: Context,
    @Arg('status', () => PurchaseOrderStatusEnum, { nullable: true }) status?: PurchaseOrderStatus,
  ): Promise<PurchaseOrder[]> {
    return ctx.em.find(PurchaseOrder, status ? { status } : {}, { orderBy: { id: 'desc' }, limit: 500 });
  }

  @Mutation(() => PurchaseOrder, { description: 'Places a purchase order with a supplier (e.g. from a reorder suggestion)' })
  placePurchaseOrder(
    @Arg('studioId', () => ID) studioId: string,
    @Arg('input', () => PlacePurchaseOrderInput) input: PlacePurchaseOrderInput,
    @Arg('idempotencyKey') idempotencyKey: string,
    @Ctx() { ctx }: Context,
  ): Promise<PurchaseOrder> {
    requireEnterpriseId(studioId, 'studioId');
    return this.purchases.place(ctx, studioId, input, idempotencyKey);
  }

  @Mutation(() => PurchaseOrder, {
    description: 'The supplier confirms a purchase order, optionally with a new expected date; repeating it changes nothing',
  })
  confirmPurchaseOrder(
    @Arg('purchaseOrderId', () => ID) purchaseOrderId: string,
    @Ctx() { ctx }: Context,
    @Arg('expectedAt', { nullable: true }) expectedAt?: Date,
  ): Promise<PurchaseOrder> {
    return this.purchases.transition(ctx, purchaseOrderId, 'CONFIRMED', expectedAt);
  }

  @Mutation(() => PurchaseOrder, {
    description:
      'The supplier ships a purchase order, naming the lots and quantities (its EPCIS shipping event at /epcis/capture does the same); repeating it with the same key changes nothing',
  })
  shipPurchaseOrder(
    @Arg('purchaseOrderId', () => ID) purchaseOrderId: string,
    @Arg('input', () => ShipPurchaseOrderInput) input: ShipPurchaseOrderInput,
    @Arg('idempotencyKey') idempotencyKey: string,
    @Ctx() { ctx }: Context,
  ): Promise<PurchaseOrder> {
    return this.purchases.ship(ctx, purchaseOrderId, input, idempotencyKey);
  }

  @Mutation(() => PurchaseOrder, { description: 'The studio marks a purchase order received; repeating it changes nothing' })
  receivePurchaseOrder(@Arg('purchaseOrderId', () => ID) purchaseOrderId: string, @Ctx() { ctx }: Context): Promise<PurchaseOrder> {
    return this.purchases.transition(ctx, purchaseOrderId, 'RECEIVED');
  }

  @FieldResolver(() => EnterpriseSupply)
  studio(@Root() order: PurchaseOrder): EnterpriseSupply {
    return { id: order.studioId };
  }

  @FieldResolver(() => EnterpriseSupply)
  supplier(@Root() order: PurchaseOrder): EnterpriseSupply {
    return { id: order.supplierId };
  }
}
