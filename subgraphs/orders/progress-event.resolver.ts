import { ArrayMaxSize, IsOptional, Length, Matches } from 'class-validator';
import type { FilterQuery } from '@mikro-orm/core';
import { Arg, Ctx, Field, FieldResolver, ID, InputType, Int, ObjectType, Query, Resolver, Root } from 'type-graphql';
import { ENTERPRISE_ID_PATTERN, ORDER_EVENTS, type OrderEventType } from '../../contracts';
import type { GraphQLContext } from '../../platform/access/context';
import { badInput } from '../../platform/base/errors';
import { decodeCursor, PageInfo, pageOf, pageSize } from '../../platform/graphql/pagination';
import { ProgressEvent } from './entities/progress';
import { EnterpriseReference, StatusCodeReference } from './entities/references';
import { StageRun } from './entities/stage-run';
import { TraceCode } from './entities/trace';
import type { OrderLoaders } from './loaders';

type Context = GraphQLContext<OrderLoaders>;

/** The entries that concern the finished products (once their codes are issued) rather than the order as a whole. */
const PRODUCT_EVENTS: readonly string[] = [
  ORDER_EVENTS.TRACE_CODES_ISSUED,
  ORDER_EVENTS.SHIPMENT_ADDED,
  ORDER_EVENTS.SHIPMENT_EVENT,
  ORDER_EVENTS.DELIVERED,
  ORDER_EVENTS.COMPLETED,
] satisfies OrderEventType[];

@InputType({ description: 'Which progress entries: every condition given must hold (an empty list matches nothing)' })
export class VisibilityEventFilter {
  @Field(() => [String], { nullable: true, description: 'Event types, e.g. order.stage.completed' })
  @IsOptional()
  @ArrayMaxSize(50)
  @Length(1, 80, { each: true })
  types?: string[];

  @Field(() => [String], { nullable: true, description: 'Status codes the entries carry' })
  @IsOptional()
  @ArrayMaxSize(500)
  @Length(1, 20, { each: true })
  statusCodes?: string[];

  @Field(() => [ID], { nullable: true })
  @IsOptional()
  @ArrayMaxSize(100)
  @Length(1, 40, { each: true })
  orderIds?: string[];

  @Field(() => [String], {
    nullable: true,
    description: 'Traceability codes: the entries that name those products (see ProgressEvent.products)',
  })
  @IsOptional()
  @ArrayMaxSize(100)
  @Length(1, 40, { each: true })
  productCodes?: string[];

  @Field(() => [ID], { nullable: true, description: 'Where the entries happened (ProgressEvent.workshop)' })
  @IsOptional()
  @ArrayMaxSize(100)
  @Matches(ENTERPRISE_ID_PATTERN, { each: true, message: 'workshopIds must be enterprise ids' })
  workshopIds?: string[];

  @Field({ nullable: true, description: 'Occurred at or after' })
  @IsOptional()
  occurredFrom?: Date;

  @Field({ nullable: true, description: 'Occurred before' })
  @IsOptional()
  occurredBefore?: Date;

  @Field({ nullable: true, description: 'Recorded at or after' })
  @IsOptional()
  recordedFrom?: Date;
}

@ObjectType({ description: 'A page of progress entries, in the order the hub recorded them' })
export class VisibilityEventPage {
  @Field(() => [ProgressEvent])
  nodes!: ProgressEvent[];

  @Field()
  pageInfo!: PageInfo;
}

const recordedAtOf = (entry: ProgressEvent): Date => entry.recordedAt ?? entry.occurredAt;
/** The page key: when recorded, then the id (entries recorded in the same millisecond). */
const keyOf = (entry: ProgressEvent) => `${recordedAtOf(entry).toISOString()}|${entry.id}`;

function afterKey(after: string): FilterQuery<ProgressEvent> {
  const [at, id] = decodeCursor(after).split('|');
  const time = new Date(at);
  if (!id || Number.isNaN(time.getTime())) throw badInput('Malformed cursor', { field: 'after' });
  return { $or: [{ recordedAt: { $gt: time } }, { recordedAt: time, id: { $gt: id } }] };
}

/**
 * The progress log read as visibility events (what the EPCIS query interface at the gateway
 * serves): the row rules say whose entries a viewer gets — a studio its own, a partner those
 * written at its workshop, a customer their order's timeline at their tier — and the field
 * rules what of each.
 */
@Resolver(() => ProgressEvent)
export class ProgressEventResolver {
  @Query(() => VisibilityEventPage, { description: 'Progress entries you may see, oldest recorded first, with cursor pagination' })
  async visibilityEvents(
    @Ctx() { ctx }: Context,
    @Arg('filter', () => VisibilityEventFilter, { nullable: true }) filter?: VisibilityEventFilter,
    @Arg('first', () => Int, { nullable: true }) first?: number,
    @Arg('after', { nullable: true }) after?: string,
  ): Promise<VisibilityEventPage> {
    const size = pageSize(first);
    const conditions: FilterQuery<ProgressEvent>[] = [];
    if (filter?.types) conditions.push({ type: { $in: filter.types } });
    if (filter?.statusCodes) conditions.push({ statusCodeValue: { $in: filter.statusCodes } });
    if (filter?.orderIds) conditions.push({ orderId: { $in: filter.orderIds } });
    if (filter?.workshopIds)
      conditions.push({ $or: [{ workshopId: { $in: filter.workshopIds } }, { workshopId: null, studioId: { $in: filter.workshopIds } }] });
    if (filter?.productCodes) {
      // The products' orders as this viewer may see their codes (the codes' row rule applies).
      const codes = await ctx.em.find(TraceCode, { code: { $in: filter.productCodes } }, { fields: ['orderId'] });
      conditions.push({ orderId: { $in: [...new Set(codes.map((code) => code.orderId))] }, type: { $in: [...PRODUCT_EVENTS] } });
    }
    if (filter?.occurredFrom) conditions.push({ occurredAt: { $gte: filter.occurredFrom } });
    if (filter?.occurredBefore) conditions.push({ occurredAt: { $lt: filter.occurredBefore } });
    if (filter?.recordedFrom) conditions.push({ recordedAt: { $gte: filter.recordedFrom } });
    if (after) conditions.push(afterKey(after));
    const rows = await ctx.em.find(ProgressEvent, conditions.length ? { $and: conditions } : {}, {
      orderBy: [{ recordedAt: 'asc' }, { id: 'asc' }],
      limit: size + 1,
    });
    return pageOf(rows, size, keyOf);
  }

  @FieldResolver(() => StatusCodeReference, { nullable: true })
  statusCode(@Root() entry: ProgressEvent): StatusCodeReference | null {
    return entry.statusCodeValue ? { code: entry.statusCodeValue } : null;
  }

  @FieldResolver(() => Date, { description: 'When the hub wrote the entry (occurredAt may be earlier: a carrier’s or an operator’s time)' })
  recordedAt(@Root() entry: ProgressEvent): Date {
    return recordedAtOf(entry);
  }

  @FieldResolver(() => EnterpriseReference, { description: 'The studio whose order it is' })
  studio(@Root() entry: ProgressEvent): EnterpriseReference {
    return { id: entry.studioId };
  }

  @FieldResolver(() => EnterpriseReference, {
    nullable: true,
    description: 'Where it happened: the workshop holding the stage then (a partner’s, or the studio’s own)',
  })
  workshop(@Root() entry: ProgressEvent): EnterpriseReference {
    return { id: entry.workshopId ?? entry.studioId };
  }

  @FieldResolver(() => StageRun, { nullable: true, description: 'The stage the entry is about, as you may see it' })
  async stage(@Root() entry: ProgressEvent, @Ctx() { ctx }: Context): Promise<StageRun | null> {
    if (!entry.stageRunId) return null;
    const stages = await ctx.loaders.stagesByOrder.load(entry.orderId);
    return stages.find((stage) => stage.id === entry.stageRunId) ?? null;
  }

  @FieldResolver(() => [TraceCode], {
    nullable: true,
    description: 'The finished products the entry is about: from the issue of their codes on, as you may see them',
  })
  async products(@Root() entry: ProgressEvent, @Ctx() { ctx }: Context): Promise<TraceCode[]> {
    if (!PRODUCT_EVENTS.includes(entry.type)) return [];
    const codes = await ctx.loaders.traceCodesByOrder.load(entry.orderId);
    return codes.filter((code) => code.issuedAt <= entry.occurredAt);
  }
}
