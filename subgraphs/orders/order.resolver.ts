import type { EntityManager } from '@mikro-orm/core';
import { Arg, Ctx, Field, FieldResolver, ID, Int, Mutation, ObjectType, Query, Resolver, Root } from 'type-graphql';
import { STATUS_CODES, type PromiseChangeCause, type VisibilityTier } from '../../contracts';
import { VisibilityTierEnum } from '../../platform/graphql/enums';
import type { GraphQLContext } from '../../platform/access/context';
import { badInput } from '../../platform/base/errors';
import { containsText } from '../../platform/data/database';
import { requireEnterpriseId, requireId } from '../../platform/data/ids';
import { decodeCursor, encodeCursor, PageInfo, pageSize } from '../../platform/graphql/pagination';
import { Customer, Order, OrderLine, OrderPhaseEnum, OrderStatusEnum, PromiseChangeCauseEnum } from './entities/order';
import { OrderException, ProgressEvent, Shipment } from './entities/progress';
import { EnterpriseReference, StatusCodeReference } from './entities/references';
import { StageRun } from './entities/stage-run';
import { DelayAlert } from './entities/delay';
import { RouteStepInput, ShopOrderInput } from './inputs';
import type { OrderLoaders } from './loaders';
import { OrderService } from './order.service';
import { ID_PREFIX } from './order-loaders';
import { ORDER_PHASE, type OrderPhase, type OrderStatus } from './lifecycle/states';

type Context = GraphQLContext<OrderLoaders>;

@ObjectType()
class OrderEdge {
  @Field()
  cursor!: string;

  @Field(() => Order)
  node!: Order;
}

@ObjectType({ description: 'A page of orders, newest first' })
class OrderConnection {
  @Field(() => [OrderEdge])
  edges!: OrderEdge[];

  @Field(() => [Order])
  nodes!: Order[];

  @Field(() => PageInfo)
  pageInfo!: PageInfo;

  @Field(() => Int, { description: 'Orders matching the filter, over all pages' })
  totalCount!: number;
}

@ObjectType({ description: 'One kanban column: the orders whose current stage has this code' })
class StageColumn {
  @Field()
  code!: string;

  @Field(() => StatusCodeReference)
  statusCode!: StatusCodeReference;

  @Field(() => Int, { description: 'Orders whose current stage is waiting to start' })
  waiting!: number;

  @Field(() => Int)
  inProgress!: number;

  @Field(() => Int)
  blocked!: number;

  @Field(() => Int, { description: 'Running past the standard duration, or not started by the due date' })
  overdue!: number;

  @Field(() => Int, { description: 'Running with an open delay alert (30 % or more over the standard duration)' })
  delayed!: number;

  @Field(() => [ID])
  orderIds!: string[];
}

@ObjectType({ description: "A studio's kanban: open orders per current stage" })
class StageBoard {
  @Field(() => EnterpriseReference)
  studio!: EnterpriseReference;

  @Field()
  generatedAt!: Date;

  @Field(() => [StageColumn])
  columns!: StageColumn[];

  @Field(() => Int)
  overdueTotal!: number;
}

const SEARCH_MAX = 100;

/**
 * What a search term matches: the order number, the order id, and — for those who may read it
 * (the owning studio's staff) — the customer's name; nobody learns a name they could not read.
 */
function searchFilter(em: EntityManager, search: string | undefined, mayReadCustomer: boolean): Record<string, unknown> {
  const term = search?.trim();
  if (!term) return {};
  if (term.length > SEARCH_MAX) throw badInput(`search may be at most ${SEARCH_MAX} characters`, { field: 'search', max: SEARCH_MAX });
  const anyOf: Record<string, unknown>[] = [{ externalOrderId: containsText(em, term) }, { id: term }];
  if (mayReadCustomer) anyOf.push({ customerName: containsText(em, term) });
  return { $or: anyOf };
}

const vocabularyOrder = new Map(STATUS_CODES.map((code, index) => [code.code, index]));

@Resolver(() => Order)
export class OrderResolver {
  constructor(private readonly orderService = new OrderService()) {}

  @Query(() => Order, { nullable: true, description: 'One order; null when there is none with this id' })
  async order(@Arg('id', () => ID) id: string, @Ctx() { ctx }: Context): Promise<Order | null> {
    requireId(ID_PREFIX.order, id, 'order');
    return ctx.loaders.order.load(id);
  }

  @Query(() => OrderConnection, { description: "A studio's orders, newest first, with cursor pagination" })
  async orders(
    @Arg('studioId', () => ID) studioId: string,
    @Ctx() { ctx }: Context,
    @Arg('status', () => OrderStatusEnum, { nullable: true }) status?: OrderStatus,
    @Arg('first', () => Int, { nullable: true }) first?: number,
    @Arg('after', { nullable: true }) after?: string,
    @Arg('search', {
      nullable: true,
      description: `Part of the order number (the shop's order id) or the order's id; the studio's own staff also find orders by part of the customer's name (at most ${SEARCH_MAX} characters)`,
    })
    search?: string,
  ): Promise<OrderConnection> {
    requireEnterpriseId(studioId, 'studioId');
    const size = pageSize(first);
    const filter = { studioId, ...(status ? { status } : {}), ...searchFilter(ctx.em, search, ctx.viewer.isStaffOf(studioId)) };
    const afterId = after ? decodeCursor(after) : undefined;
    const [rows, totalCount] = await Promise.all([
      ctx.em.find(Order, afterId ? { ...filter, id: { $lt: afterId } } : filter, { orderBy: { id: 'desc' }, limit: size + 1 }),
      ctx.em.count(Order, filter),
    ]);
    const page = rows.slice(0, size);
    for (const order of page) ctx.loaders.order.prime(order.id, order);
    const edges = page.map((node) => ({ cursor: encodeCursor(node.id), node }));
    return { edges, nodes: page, totalCount, pageInfo: { hasNextPage: rows.length > size, endCursor: edges.at(-1)?.cursor } };
  }

  @Query(() => StageBoard, { description: "Kanban of a studio's open orders by current stage, with overdue counts" })
  async stageBoard(@Arg('studioId', () => ID) studioId: string, @Ctx() { ctx }: Context): Promise<StageBoard> {
    requireEnterpriseId(studioId, 'studioId');
    const now = new Date();
    const open = await ctx.em.find(
      StageRun,
      { studioId, status: { $in: ['PENDING', 'IN_PROGRESS', 'BLOCKED'] } },
      { orderBy: [{ orderId: 'asc' }, { position: 'asc' }] },
    );
    const alerted = new Set(
      (await ctx.em.find(DelayAlert, { studioId, status: 'OPEN' }, { fields: ['stageRunId'] })).map((alert) => alert.stageRunId),
    );
    const columns = new Map<string, StageColumn>();
    const seen = new Set<string>();
    for (const stage of open) {
      if (seen.has(stage.orderId)) continue; // only the first open stage is the order's current one
      seen.add(stage.orderId);
      const column = columns.get(stage.code) ?? {
        code: stage.code,
        statusCode: { code: stage.code },
        waiting: 0,
        inProgress: 0,
        blocked: 0,
        overdue: 0,
        delayed: 0,
        orderIds: [],
      };
      columns.set(stage.code, column);
      column.orderIds.push(stage.orderId);
      if (stage.status === 'PENDING') column.waiting += 1;
      if (stage.status === 'IN_PROGRESS') column.inProgress += 1;
      if (stage.status === 'BLOCKED') column.blocked += 1;
      const runningLate = stage.startedAt && now.getTime() > stage.startedAt.getTime() + stage.standardMinutes * 60_000;
      const startLate = !stage.startedAt && stage.dueAt && now > stage.dueAt;
      if (runningLate || startLate) column.overdue += 1;
      if (stage.status === 'IN_PROGRESS' && alerted.has(stage.id)) column.delayed += 1;
    }
    const sorted = [...columns.values()].sort(
      (a, b) => (vocabularyOrder.get(a.code) ?? 999) - (vocabularyOrder.get(b.code) ?? 999) || a.code.localeCompare(b.code),
    );
    return {
      studio: { id: studioId },
      generatedAt: now,
      columns: sorted,
      overdueTotal: sorted.reduce((sum, column) => sum + column.overdue, 0),
    };
  }

  @Mutation(() => Order, { description: 'Imports a shop order; idempotent on channel + external order id' })
  importShopOrder(@Arg('input', () => ShopOrderInput) input: ShopOrderInput, @Ctx() { ctx }: Context): Promise<Order> {
    return this.orderService.importShopOrder(ctx, input);
  }

  @Mutation(() => Order)
  cancelOrder(
    @Arg('orderId', () => ID) orderId: string,
    @Arg('reason') reason: string,
    @Arg('idempotencyKey') idempotencyKey: string,
    @Ctx() { ctx }: Context,
  ): Promise<Order> {
    return this.orderService.cancelOrder(ctx, orderId, reason, idempotencyKey);
  }

  @Mutation(() => Order, { description: 'Replaces the not-yet-started tail of the route: insert, skip or reorder stages' })
  changeRoute(
    @Arg('orderId', () => ID) orderId: string,
    @Arg('steps', () => [RouteStepInput]) steps: RouteStepInput[],
    @Arg('idempotencyKey') idempotencyKey: string,
    @Ctx() { ctx }: Context,
  ): Promise<Order> {
    return this.orderService.changeRoute(ctx, orderId, steps, idempotencyKey);
  }

  @Mutation(() => Order, { description: 'Caps the tier the customer of an order may see; takes effect at once' })
  setCustomerTierMax(
    @Arg('orderId', () => ID) orderId: string,
    @Arg('tier', () => VisibilityTierEnum) tier: VisibilityTier,
    @Arg('idempotencyKey') idempotencyKey: string,
    @Ctx() { ctx }: Context,
  ): Promise<Order> {
    return this.orderService.setCustomerTierMax(ctx, orderId, tier, idempotencyKey);
  }

  @Mutation(() => Order, {
    description: 'Moves the date promised to the customer, with its cause (recorded on the timeline); re-plans never move it',
  })
  changePromise(
    @Arg('orderId', () => ID) orderId: string,
    @Arg('promisedAt', () => Date) promisedAt: Date,
    @Arg('cause', () => PromiseChangeCauseEnum) cause: PromiseChangeCause,
    @Arg('idempotencyKey') idempotencyKey: string,
    @Ctx() { ctx }: Context,
  ): Promise<Order> {
    return this.orderService.changePromise(ctx, orderId, promisedAt, cause, idempotencyKey);
  }

  @FieldResolver(() => EnterpriseReference)
  studio(@Root() order: Order): EnterpriseReference {
    return { id: order.studioId };
  }

  @FieldResolver(() => OrderPhaseEnum, { description: 'In progress, done or cancelled: what every viewer of the order may see' })
  phase(@Root() order: Order): OrderPhase {
    return ORDER_PHASE[order.status];
  }

  @FieldResolver(() => StatusCodeReference, {
    nullable: true,
    description: 'The latest milestone reached: what customers follow from tier BASIC',
  })
  milestone(@Root() order: Order): StatusCodeReference {
    return { code: order.milestoneCodeValue };
  }

  @FieldResolver(() => StatusCodeReference, { nullable: true, description: 'The latest progress status code reached' })
  statusCode(@Root() order: Order): StatusCodeReference {
    return { code: order.statusCodeValue };
  }

  @FieldResolver(() => Customer, { nullable: true })
  customer(@Root() order: Order): Customer {
    return { name: order.customerName, contact: order.customerContact, address: order.customerAddress };
  }

  @FieldResolver(() => [OrderLine], { nullable: true })
  lines(@Root() order: Order, @Ctx() { ctx }: Context): Promise<OrderLine[]> {
    return ctx.loaders.linesByOrder.load(order.id);
  }

  @FieldResolver(() => [StageRun], { description: 'The route, in order' })
  stages(@Root() order: Order, @Ctx() { ctx }: Context): Promise<StageRun[]> {
    return ctx.loaders.stagesByOrder.load(order.id);
  }

  @FieldResolver(() => [ProgressEvent], { nullable: true, description: 'The append-only progress log, oldest first' })
  progress(@Root() order: Order, @Ctx() { ctx }: Context): Promise<ProgressEvent[]> {
    return ctx.loaders.progressByOrder.load(order.id);
  }

  @FieldResolver(() => [OrderException], { nullable: true })
  exceptions(@Root() order: Order, @Ctx() { ctx }: Context): Promise<OrderException[]> {
    return ctx.loaders.exceptionsByOrder.load(order.id);
  }

  @FieldResolver(() => [Shipment], { nullable: true })
  shipments(@Root() order: Order, @Ctx() { ctx }: Context): Promise<Shipment[]> {
    return ctx.loaders.shipmentsByOrder.load(order.id);
  }
}
