import type { FilterQuery } from '@mikro-orm/core';
import { Arg, Ctx, Field, ID, Int, ObjectType, Query, registerEnumType, Resolver } from 'type-graphql';
import { SUPPLY_EVENT_KINDS, type SupplyEventKind } from '../../contracts';
import type { GraphQLContext } from '../../platform/access/context';
import { enumOf } from '../../platform/graphql/enums';
import { badInput } from '../../platform/base/errors';
import { decodeCursor, PageInfo, pageOf, pageSize } from '../../platform/graphql/pagination';
import { nameBasedUuid } from '../../platform/data/ids';
import { PurchaseOrder, PurchaseOrderLine } from './entities/purchase-order';
import { EnterpriseSupply } from './entities/references';
import { StockLot } from './entities/stock';

const SupplyEventKindEnum = enumOf(SUPPLY_EVENT_KINDS);
registerEnumType(SupplyEventKindEnum, { name: 'SupplyEventKind' });

@ObjectType({ description: 'A lot a supply event is about (with its quantity where the event counted it)' })
export class SupplyEventLot {
  @Field()
  sku!: string;

  @Field()
  lotCode!: string;

  @Field(() => Int, { nullable: true })
  quantity?: number | null;
}

@ObjectType({
  description: "A supply event as the EPCIS query interface serves it, from the subgraph's own records (stock lots, purchase orders)",
})
export class SupplyVisibilityEvent {
  @Field(() => ID, { description: 'A stable UUID for the fact' })
  eventId!: string;

  @Field(() => SupplyEventKindEnum)
  kind!: SupplyEventKind;

  @Field()
  occurredAt!: Date;

  @Field(() => ID, { nullable: true })
  purchaseOrderId?: string | null;

  @Field(() => EnterpriseSupply)
  supplier!: EnterpriseSupply;

  @Field(() => EnterpriseSupply, { nullable: true, description: 'The studio whose purchase order it is' })
  studio?: EnterpriseSupply | null;

  @Field(() => [SupplyEventLot])
  lots!: SupplyEventLot[];

  @Field(() => [PurchaseOrderLine], { description: "A purchase order's lines (what was ordered, by material)" })
  lines!: PurchaseOrderLine[];
}

@ObjectType()
export class SupplyVisibilityEventPage {
  @Field(() => [SupplyVisibilityEvent])
  nodes!: SupplyVisibilityEvent[];

  @Field()
  pageInfo!: PageInfo;
}

/** The merged order of the three kinds: by time, then kind, then the row's id. */
type Key = { at: Date; rank: number; id: string };
const RANK: Record<SupplyEventKind, number> = { LOT_COMMISSIONED: 0, PURCHASE_ORDER_SHIPPED: 1, PURCHASE_ORDER_RECEIVED: 2 };
const keyText = (key: Key) => `${key.at.toISOString()}|${key.rank}|${key.id}`;
const compare = (a: Key, b: Key) => a.at.getTime() - b.at.getTime() || a.rank - b.rank || a.id.localeCompare(b.id);

function afterKey(after: string): Key {
  const [at, rank, id] = decodeCursor(after).split('|');
  const key = { at: new Date(at), rank: Number(rank), id };
  if (!id || Number.isNaN(key.at.getTime()) || !Number.isInteger(key.rank)) throw badInput('Malformed cursor', { field: 'after' });
  return key;
}

/** Rows of one kind (its time in `field`) that come after the cursor in the merged order. */
function after<T extends object>(field: string, rank: number, cursor: Key | null, from?: Date, before?: Date): FilterQuery<T> {
  const conditions: FilterQuery<any>[] = [{ [field]: { $ne: null } }];
  if (from) conditions.push({ [field]: { $gte: from } });
  if (before) conditions.push({ [field]: { $lt: before } });
  if (cursor) {
    if (rank > cursor.rank) conditions.push({ [field]: { $gte: cursor.at } });
    else if (rank < cursor.rank) conditions.push({ [field]: { $gt: cursor.at } });
    else conditions.push({ $or: [{ [field]: { $gt: cursor.at } }, { [field]: cursor.at, id: { $gt: cursor.id } }] });
  }
  return { $and: conditions };
}

/**
 * The supply events a viewer may see, oldest first: the shipping and receiving of purchase
 * orders (the purchase orders' row rule: the studio's own, those sent to a supplier), and a
 * supplier's own lots coming into its stock (published stock is every studio's to plan with,
 * but its lots' events are the supplier's business).
 */
@Resolver()
export class SupplyEventResolver {
  @Query(() => SupplyVisibilityEventPage, {
    description: 'Supply events you may see (what the EPCIS query interface serves), oldest first, with cursor pagination',
  })
  async supplyVisibilityEvents(
    @Ctx() { ctx }: GraphQLContext,
    @Arg('first', () => Int, { nullable: true }) first?: number,
    @Arg('after', { nullable: true }) afterCursor?: string,
    @Arg('occurredFrom', { nullable: true }) occurredFrom?: Date,
    @Arg('occurredBefore', { nullable: true }) occurredBefore?: Date,
  ): Promise<SupplyVisibilityEventPage> {
    const size = pageSize(first);
    const cursor = afterCursor ? afterKey(afterCursor) : null;
    const viewer = ctx.viewer;
    const found: { key: Key; event: SupplyVisibilityEvent }[] = [];
    if (viewer.isHubAdmin || viewer.system || viewer.has(['SUPPLIER'])) {
      const scope = viewer.isHubAdmin || viewer.system ? {} : { supplierId: viewer.org! };
      // A lot held for a studio is what it received: its arrival is the purchase order's receiving
      // event at the studio, not stock commissioned at the supplier.
      const lots = await ctx.em.find(
        StockLot,
        {
          $and: [
            scope,
            { heldForStudioId: null },
            after<StockLot>('receivedAt', RANK.LOT_COMMISSIONED, cursor, occurredFrom, occurredBefore),
          ],
        },
        { orderBy: [{ receivedAt: 'asc' }, { id: 'asc' }], limit: size + 1 },
      );
      for (const lot of lots) {
        found.push({
          key: { at: lot.receivedAt, rank: RANK.LOT_COMMISSIONED, id: lot.id },
          event: {
            eventId: nameBasedUuid(`lot/${lot.id}/commissioned`),
            kind: 'LOT_COMMISSIONED',
            occurredAt: lot.receivedAt,
            purchaseOrderId: null,
            supplier: { id: lot.supplierId },
            studio: null,
            lots: [{ sku: lot.sku, lotCode: lot.lotCode, quantity: null }],
            lines: [],
          },
        });
      }
    }
    for (const [kind, field] of [
      ['PURCHASE_ORDER_SHIPPED', 'shippedAt'],
      ['PURCHASE_ORDER_RECEIVED', 'receivedAt'],
    ] as const) {
      const orders = await ctx.em.find(PurchaseOrder, after<PurchaseOrder>(field, RANK[kind], cursor, occurredFrom, occurredBefore), {
        orderBy: [{ [field]: 'asc' }, { id: 'asc' }],
        limit: size + 1,
      });
      for (const order of orders) {
        const at = order[field]!;
        found.push({
          key: { at, rank: RANK[kind], id: order.id },
          event: {
            eventId: nameBasedUuid(`purchase-order/${order.id}/${kind === 'PURCHASE_ORDER_SHIPPED' ? 'shipped' : 'received'}`),
            kind,
            occurredAt: at,
            purchaseOrderId: order.id,
            supplier: { id: order.supplierId },
            studio: { id: order.studioId },
            lots: order.shippedLots ?? [],
            lines: order.lines,
          },
        });
      }
    }
    found.sort((a, b) => compare(a.key, b.key));
    const page = pageOf(found, size, (entry) => keyText(entry.key));
    return { nodes: page.nodes.map((entry) => entry.event), pageInfo: page.pageInfo };
  }
}
