import { Arg, Ctx, Field, FieldResolver, Float, ID, Int, Mutation, ObjectType, Query, Resolver, Root, Subscription } from 'type-graphql';
import { AFTER_DESCRIPTION, LiveEvent, liveSubscription } from '../../platform/graphql/live-event';
import type { GraphQLContext } from '../../platform/access/context';
import { requireEnterpriseId } from '../../platform/data/ids';
import { capacityService } from './capacity.service';
import { CapacityOffer } from './entities/offer';
import { EnterpriseCapacity } from './entities/references';
import {
  Allocation,
  AllocationStatusEnum,
  OverflowRequest,
  RequestStatusEnum,
  UnmetReasonEnum,
  type AllocationStatus,
  type RequestStatus,
} from './entities/request';
import { CapacityOfferInput, DateWindowInput, OverflowRequestInput } from './inputs';
import type { CapacityLoaders } from './loaders';

type Context = GraphQLContext<CapacityLoaders>;

@ObjectType({ description: 'Units of a request no offer could take, and why' })
class UnmetDemand {
  @Field(() => OverflowRequest)
  request!: OverflowRequest;

  @Field(() => Int)
  units!: number;

  @Field(() => UnmetReasonEnum)
  reason!: string;
}

@ObjectType({ description: 'The result of an allocation: what went where, what could not be placed' })
export class AllocationRound {
  @Field(() => [Allocation])
  allocations!: Allocation[];

  @Field(() => [UnmetDemand])
  unmet!: UnmetDemand[];

  @Field(() => Int, { description: 'Price plus lateness penalty plus the unmet penalty, in fen: the minimum for this instance' })
  objectiveCents!: number;

  @Field({ description: 'Every sub-problem solved to proven optimality' })
  optimal!: boolean;
}

@Resolver(() => CapacityOffer)
export class CapacityResolver {
  constructor(private readonly service = capacityService) {}

  @Query(() => [CapacityOffer], { description: 'Active offers you may see (studios: all; partners and kitchens: their own)' })
  capacityOffers(@Ctx() { ctx }: Context, @Arg('capability', { nullable: true }) capability?: string): Promise<CapacityOffer[]> {
    return ctx.em.find(CapacityOffer, { status: 'ACTIVE', ...(capability ? { capability } : {}) }, { orderBy: { id: 'asc' }, limit: 1000 });
  }

  @Query(() => [OverflowRequest], { description: "A studio's overflow requests, newest first" })
  overflowRequests(
    @Ctx() { ctx }: Context,
    @Arg('status', () => RequestStatusEnum, { nullable: true }) status?: RequestStatus,
  ): Promise<OverflowRequest[]> {
    return ctx.em.find(OverflowRequest, status ? { status } : {}, { orderBy: { id: 'desc' }, limit: 500 });
  }

  @Query(() => [Allocation], { description: "Allocations you may see: a studio's placed work, a partner's or kitchen's allocated work" })
  allocations(
    @Ctx() { ctx }: Context,
    @Arg('status', () => AllocationStatusEnum, { nullable: true }) status?: AllocationStatus,
  ): Promise<Allocation[]> {
    return ctx.em.find(Allocation, status ? { status } : {}, { orderBy: [{ day: 'asc' }, { id: 'asc' }], limit: 1000 });
  }

  @Query(() => Allocation, { nullable: true, description: 'One allocation; null when there is none you may see' })
  allocation(@Arg('id', () => ID) id: string, @Ctx() { ctx }: Context): Promise<Allocation | null> {
    return ctx.em.findOne(Allocation, { id });
  }

  @Query(() => Float, {
    nullable: true,
    description: '(max daily − base daily) / base daily × 100 over the active offers; null without base capacity',
  })
  async capacityElasticity(@Arg('enterpriseId', () => ID) enterpriseId: string, @Ctx() { ctx }: Context): Promise<number | null> {
    requireEnterpriseId(enterpriseId, 'enterpriseId');
    const offers = await ctx.em.find(CapacityOffer, { enterpriseId, status: 'ACTIVE' }, { filters: false });
    const base = offers.reduce((sum, offer) => sum + offer.baseUnitsPerDay, 0);
    const max = offers.reduce((sum, offer) => sum + offer.maxUnitsPerDay, 0);
    return base > 0 ? Math.round(((max - base) / base) * 10_000) / 100 : null;
  }

  @Mutation(() => CapacityOffer, { description: 'Offers idle capacity of a capability over a date window' })
  publishCapacityOffer(
    @Arg('input', () => CapacityOfferInput) input: CapacityOfferInput,
    @Arg('idempotencyKey') idempotencyKey: string,
    @Ctx() { ctx }: Context,
  ): Promise<CapacityOffer> {
    return this.service.publishOffer(ctx, input, idempotencyKey);
  }

  @Mutation(() => CapacityOffer, { description: 'Stops offering; allocations already made stand' })
  withdrawCapacityOffer(@Arg('offerId', () => ID) offerId: string, @Ctx() { ctx }: Context): Promise<CapacityOffer> {
    return this.service.withdrawOffer(ctx, offerId);
  }

  @Mutation(() => OverflowRequest, { description: 'Asks the network to take work: an order stage (whole) or units of a capability' })
  requestOverflow(
    @Arg('input', () => OverflowRequestInput) input: OverflowRequestInput,
    @Arg('idempotencyKey') idempotencyKey: string,
    @Ctx() { ctx }: Context,
  ): Promise<OverflowRequest> {
    return this.service.requestOverflow(ctx, input, idempotencyKey);
  }

  @Mutation(() => AllocationRound, { description: "Places a studio's own open requests now, optimally, against what is free" })
  allocateOverflow(@Arg('requestIds', () => [ID]) requestIds: string[], @Ctx() { ctx }: Context): Promise<AllocationRound> {
    return this.service.allocate(ctx, { requestIds });
  }

  @Mutation(() => OverflowRequest, {
    description:
      'The studio withdraws its overflow request: placements not started are given back, the request is cancelled (again: no change)',
  })
  withdrawOverflowRequest(@Arg('requestId', () => ID) requestId: string, @Ctx() { ctx }: Context): Promise<OverflowRequest> {
    return this.service.withdrawRequest(ctx, requestId);
  }

  @Mutation(() => Allocation, { description: 'A partner declines work it has not started: the capacity returns and the request reopens' })
  declineAllocation(@Arg('allocationId', () => ID) allocationId: string, @Ctx() { ctx }: Context): Promise<Allocation> {
    return this.service.decline(ctx, allocationId);
  }
}

@Resolver(() => EnterpriseCapacity)
export class EnterpriseCapacityResolver {
  @FieldResolver(() => [CapacityOffer], {
    nullable: true,
    description: "The enterprise's active capacity offers (as far as you may see them)",
  })
  capacityOffers(@Root() enterprise: EnterpriseCapacity, @Ctx() { ctx }: Context): Promise<CapacityOffer[]> {
    return ctx.loaders.offersByEnterprise.load(enterprise.id);
  }

  @FieldResolver(() => [OverflowRequest], { nullable: true, description: 'Overflow the enterprise asked for (its own studio sees them)' })
  overflowRequests(@Root() enterprise: EnterpriseCapacity, @Ctx() { ctx }: Context): Promise<OverflowRequest[]> {
    return ctx.loaders.requestsByStudio.load(enterprise.id);
  }

  @FieldResolver(() => [Allocation], {
    nullable: true,
    description: 'Work allocated to the enterprise (it and the studios that asked see it)',
  })
  allocations(@Root() enterprise: EnterpriseCapacity, @Ctx() { ctx }: Context): Promise<Allocation[]> {
    return ctx.loaders.allocationsByEnterprise.load(enterprise.id);
  }
}

@ObjectType({ description: 'Where a demand surge went' })
class SurgePlacement {
  @Field(() => EnterpriseCapacity)
  enterprise!: EnterpriseCapacity;

  @Field(() => Int)
  units!: number;
}

@ObjectType({ description: 'A demand surge: placed where, and what could not be' })
class SurgeResult {
  @Field(() => OverflowRequest)
  request!: OverflowRequest;

  @Field(() => [Allocation])
  allocations!: Allocation[];

  @Field(() => [SurgePlacement], { description: 'Units per kitchen or partner' })
  placements!: SurgePlacement[];

  @Field(() => Int)
  placedUnits!: number;

  @Field(() => Int)
  unmetUnits!: number;

  @Field(() => UnmetReasonEnum, { nullable: true })
  unmetReason!: string | null;
}

@Resolver()
export class SurgeResolver {
  constructor(private readonly service = capacityService) {}

  @Mutation(() => SurgeResult, {
    description: 'Turns a demand surge into overflow placed on kitchens and partners at once; idempotent by key',
  })
  async declareDemandSurge(
    @Arg('studioId', () => ID) studioId: string,
    @Arg('capability') capability: string,
    @Arg('extraUnits', () => Int) extraUnits: number,
    @Arg('window', () => DateWindowInput) window: DateWindowInput,
    @Arg('idempotencyKey') idempotencyKey: string,
    @Ctx() { ctx }: Context,
    @Arg('priceCapCents', () => Int, { defaultValue: 100_000, description: 'Most per unit, in fen' }) priceCapCents = 100_000,
    @Arg('minQuality', () => Float, { defaultValue: 0 }) minQuality = 0,
  ): Promise<SurgeResult> {
    const request = await this.service.declareSurge(
      ctx,
      { studioId, capability, extraUnits, from: window.from, to: window.to, priceCapCents, minQuality },
      idempotencyKey,
    );
    const allocations = await ctx.em.find(
      Allocation,
      { requestId: request.id, status: 'ACTIVE' },
      { orderBy: [{ day: 'asc' }, { id: 'asc' }] },
    );
    const byEnterprise = new Map<string, number>();
    for (const allocation of allocations)
      byEnterprise.set(allocation.enterpriseId, (byEnterprise.get(allocation.enterpriseId) ?? 0) + allocation.units);
    const placedUnits = allocations.reduce((sum, allocation) => sum + allocation.units, 0);
    return {
      request,
      allocations,
      placements: [...byEnterprise].map(([id, units]) => ({ enterprise: { id }, units })),
      placedUnits,
      unmetUnits: request.units - placedUnits,
      unmetReason: request.units > placedUnits ? (request.unmetReason ?? null) : null,
    };
  }
}

@ObjectType({ description: 'An allocation made or released, as `allocationEvents` delivers it' })
export class AllocationEvent extends LiveEvent {
  @Field(() => ID)
  allocationId!: string;

  @Field(() => Allocation, { nullable: true, description: 'The allocation as it is now' })
  allocation?: Allocation | null;
}

/** The capacity subgraph's live surface: declared here, served by the gateway (see platform/graphql/live-event.ts). */
@Resolver()
export class AllocationLiveResolver {
  @Subscription(() => AllocationEvent, liveSubscription('allocationEvents'))
  allocationEvents(
    @Root() event: AllocationEvent,
    @Arg('enterpriseId', () => ID) _enterpriseId: string,
    @Arg('after', () => String, { nullable: true, description: AFTER_DESCRIPTION }) _after?: string,
  ): AllocationEvent {
    return event;
  }
}
