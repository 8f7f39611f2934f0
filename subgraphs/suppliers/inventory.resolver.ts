import { Arg, Ctx, Field, FieldResolver, ID, Int, Mutation, ObjectType, Query, Resolver, Root, Subscription } from 'type-graphql';
import { AFTER_DESCRIPTION, LiveEvent, liveSubscription } from '../../platform/graphql/live-event';
import type { GraphQLContext } from '../../platform/access/context';
import { requireEnterpriseId } from '../../platform/data/ids';
import { materialFor, materialScope } from './access-policy';
import { requireProductCode } from './bill-of-materials.service';
import { BillOfMaterials, BomLine, Material } from './entities/material';
import { EnterpriseSupply } from './entities/references';
import { availableOf, StockLot } from './entities/stock';
import { Supplier } from './entities/supplier';
import { InventoryItemInput } from './inputs';
import { InventoryService } from './inventory.service';
import type { SupplierLoaders } from './loaders';

type Context = GraphQLContext<SupplierLoaders>;

@ObjectType({ description: 'An item of a publication that an equal or newer sequence had already set' })
class StaleItem {
  @Field()
  sku!: string;

  @Field()
  lotCode!: string;

  @Field(() => Int, { description: 'The sequence that set the lot and stands' })
  appliedSequence!: number;
}

@ObjectType({ description: 'What a publication changed' })
class InventoryPublication {
  @Field(() => ID)
  supplierId!: string;

  @Field(() => Int)
  sequence!: number;

  @Field(() => Int, { description: 'Items applied' })
  applied!: number;

  @Field(() => [StaleItem], { description: 'Items skipped: a newer (or the same) sequence had set their lot' })
  stale!: StaleItem[];
}

@ObjectType({ description: "A material's stock over the lots you may see: on hand, reserved, available" })
class MaterialStock {
  @Field(() => Material)
  material!: Material;

  @Field(() => Int)
  onHand!: number;

  @Field(() => Int)
  reserved!: number;

  @Field(() => Int, { description: 'On hand less reserved, lot by lot' })
  available!: number;

  @Field(() => Boolean, {
    nullable: true,
    description:
      "Available is below the material's safety stock: null outside the material's studio and the hub (the safety stock is the studio's)",
  })
  belowSafetyStock!: boolean | null;

  @Field(() => [StockLot], { description: 'Oldest first' })
  lots!: StockLot[];
}

@Resolver()
export class InventoryResolver {
  constructor(private readonly inventory = new InventoryService()) {}

  @Query(() => [Material], {
    description:
      "The materials you may see, by SKU: a studio's staff their studio's, a supplier those it supplies (once per SKU), hub admins every studio's",
  })
  async materials(@Ctx() { ctx }: Context): Promise<Material[]> {
    const scope = await materialScope(ctx.viewer, ctx.em);
    if (!scope) return [];
    const rows = await ctx.em.find(Material, scope, { orderBy: [{ sku: 'asc' }, { studioId: 'asc' }], limit: 5000 });
    // A supplier's view is of network SKUs: one entry per SKU, however many studios catalogue it.
    return ctx.viewer.has(['SUPPLIER']) ? rows.filter((row, index) => index === 0 || rows[index - 1].sku !== row.sku) : rows;
  }

  @Query(() => MaterialStock, {
    nullable: true,
    description: 'Stock of one material (a supplier: its own lots, and only of a material of a studio that names it)',
  })
  async materialStock(@Arg('sku') sku: string, @Ctx() { ctx }: Context): Promise<MaterialStock | null> {
    const material = await materialFor(ctx.viewer, ctx.em, await ctx.loaders.materialsBySku.load(sku));
    if (!material) return null;
    const lots = await ctx.em.find(StockLot, { sku }, { orderBy: [{ receivedAt: 'asc' }, { id: 'asc' }] });
    const onHand = lots.reduce((sum, lot) => sum + lot.onHand, 0);
    const reserved = lots.reduce((sum, lot) => sum + lot.reserved, 0);
    const available = availableOf(lots);
    // Compared with another studio's safety stock, the answer would tell that studio's terms.
    const ownTerms = ctx.viewer.system || ctx.viewer.isHubAdmin || ctx.viewer.isStaffOf(material.studioId);
    return { material, onHand, reserved, available, belowSafetyStock: ownTerms ? available < material.safetyStock : null, lots };
  }

  @Query(() => [StockLot], { description: "A supplier's published lots" })
  stockLots(
    @Arg('supplierId', () => ID) supplierId: string,
    @Ctx() { ctx }: Context,
    @Arg('sku', { nullable: true }) sku?: string,
  ): Promise<StockLot[]> {
    requireEnterpriseId(supplierId, 'supplierId');
    return ctx.em.find(
      StockLot,
      // Lots a studio received are at the studio, not the supplier's to publish or ship.
      { supplierId, heldForStudioId: null, ...(sku ? { sku } : {}) },
      { orderBy: [{ sku: 'asc' }, { receivedAt: 'asc' }], limit: 5000 },
    );
  }

  @Query(() => [BomLine], { description: "A product's bill of materials as new orders use it (its studio's own)" })
  async billOfMaterials(@Arg('productCode') productCode: string, @Ctx() { ctx }: Context): Promise<BomLine[]> {
    requireProductCode(productCode);
    const heads = await ctx.em.find(BillOfMaterials, { productCode });
    if (heads.length === 0) return [];
    return ctx.em.find(
      BomLine,
      { $or: heads.map((head) => ({ studioId: head.studioId, productCode, version: head.version })) },
      { orderBy: [{ studioId: 'asc' }, { sku: 'asc' }] },
    );
  }

  @Mutation(() => InventoryPublication, {
    description:
      'Publishes a batch of up to 1,000 lot figures atomically; `sequence` grows per supplier, and an older item never overwrites a newer one',
  })
  publishInventory(
    @Arg('supplierId', () => ID) supplierId: string,
    @Arg('sequence', () => Int) sequence: number,
    @Arg('items', () => [InventoryItemInput]) items: InventoryItemInput[],
    @Ctx() { ctx }: Context,
  ): Promise<InventoryPublication> {
    return this.inventory.publishInventory(ctx, supplierId, sequence, items);
  }
}

@Resolver(() => EnterpriseSupply)
export class EnterpriseSupplyResolver {
  @FieldResolver(() => Supplier, { nullable: true, description: "The enterprise's supplier terms, when it is a supplier" })
  supplier(@Root() enterprise: EnterpriseSupply, @Ctx() { ctx }: Context): Promise<Supplier | null> {
    return ctx.loaders.supplier.load(enterprise.id);
  }
}

@Resolver(() => Supplier)
export class SupplierResolver {
  @FieldResolver(() => EnterpriseSupply)
  enterprise(@Root() supplier: Supplier): EnterpriseSupply {
    return { id: supplier.id };
  }
}

@ObjectType({ description: "A change of one material's stock as `inventoryChanges` delivers it" })
export class InventoryChange extends LiveEvent {
  @Field()
  sku!: string;

  @Field(() => MaterialStock, { nullable: true, description: 'The stock now, over the lots the subscriber may see' })
  stock?: MaterialStock | null;
}

/** The suppliers subgraph's live surface: declared here, served by the gateway (see platform/graphql/live-event.ts). */
@Resolver()
export class InventoryLiveResolver {
  @Subscription(() => InventoryChange, liveSubscription('inventoryChanges'))
  inventoryChanges(
    @Root() event: InventoryChange,
    @Arg('sku') _sku: string,
    @Arg('after', () => String, { nullable: true, description: AFTER_DESCRIPTION }) _after?: string,
  ): InventoryChange {
    return event;
  }
}
