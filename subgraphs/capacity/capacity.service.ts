import type { EntityManager } from '@mikro-orm/core';
import { CAPACITY_EVENTS, isCapability, type EventActor } from '../../contracts';
import type { RequestContext } from '../../platform/access/context';
import { forUpdate } from '../../platform/data/database';
import { addDays, dayOf } from '../../platform/data/days';
import { badInput, conflict, failedPrecondition, hubError, notFound } from '../../platform/base/errors';
import type { AllocationBounds } from '../../platform/base/settings';
import { recordEvent } from '../../platform/events/outbox';
import { newId, requireEnterpriseId, requireId } from '../../platform/data/ids';
import { idempotent, inTransaction } from '../../platform/data/transactions';
import { placementsOf, type AllocationInstance, type AllocationPlan } from './allocation/model';
import { SolveDeadlineError } from './allocation/deadline';
import { AllocationLane } from './allocation/lane';
import { AllocationSolver } from './allocation/solver-thread';
import { toWire } from './allocation/wire';
import { allocationSolves } from '../../platform/runtime/metrics';
import { AllianceMember, CapacityOffer, OfferBooking } from './entities/offer';
import { PartnerStageGrant } from './entities/partner-grant';
import { Allocation, OverflowRequest, type RequestStatus } from './entities/request';
import type { CapacityOfferInput, OverflowRequestInput } from './inputs';

export const SOURCE = 'capacity';
export const ID_PREFIX = { offer: 'cof', request: 'ovr', allocation: 'alc' } as const;
/** Fen per unit per day late: what a day's delay costs the studio's customer, as the model weighs it. */
const LATENESS_PENALTY_CENTS = 2_000;
const LATENESS_HORIZON_DAYS = 7;
/** Offers are planned this many days ahead at most. */
const PLANNING_DAYS = 60;

/** Which requests an allocation places: the caller's own by id, or every open one (a round). */
export type AllocationScope = { requestIds?: string[]; all?: boolean };

/** Tries at one allocation: the first solve and at most two more when what is free changed before booking. */
const SOLVE_ATTEMPTS = 3;

/** What an allocation read: the instance it solves, and the rows it books against. */
interface InstanceRead {
  now: Date;
  open: OverflowRequest[];
  offers: CapacityOffer[];
  bookings: Map<string, OfferBooking>;
  instance: AllocationInstance;
  key: string;
}

export interface AllocationRound {
  allocations: Allocation[];
  unmet: { request: OverflowRequest; units: number; reason: string }[];
  objectiveCents: number;
  optimal: boolean;
}

function requireCapability(capability: string): void {
  if (!isCapability(capability))
    throw badInput(`Unknown capability "${capability}": a production status code or a kitchen capability`, { field: 'capability' });
}

/**
 * Offers, overflow requests and their allocation. An allocation reads what is free, solves the
 * model on the solver thread with no transaction open, then locks the offers it used
 * (SELECT … FOR UPDATE on PostgreSQL, in id order), reads again and books in one short
 * transaction only if nothing changed: two allocations never book the same capacity twice.
 */
export class CapacityService {
  /** This process's allocations, one at a time (see lane.ts). */
  private readonly lane = new AllocationLane();

  constructor(
    private readonly solver: AllocationSolver,
    private readonly clock: () => Date = () => new Date(),
  ) {}

  async publishOffer(ctx: RequestContext<unknown>, input: CapacityOfferInput, idempotencyKey: string): Promise<CapacityOffer> {
    requireEnterpriseId(input.enterpriseId, 'enterpriseId');
    requireCapability(input.capability);
    if (input.maxUnitsPerDay < input.baseUnitsPerDay)
      throw badInput('maxUnitsPerDay must be at least baseUnitsPerDay', { field: 'maxUnitsPerDay' });
    if (input.availableTo < input.availableFrom) throw badInput('availableTo is before availableFrom', { field: 'availableTo' });
    input.shareWithEnterprises.forEach((id, index) => requireEnterpriseId(id, `shareWithEnterprises.${index}`));
    const id = await inTransaction(ctx, (em) =>
      idempotent(em, ctx.viewer, 'publishCapacityOffer', idempotencyKey, input, async () => {
        const offer = em.create(CapacityOffer, { id: newId(ID_PREFIX.offer), ...input, createdAt: this.clock() });
        em.persist(offer);
        return offer.id;
      }),
    );
    return ctx.em.fork().findOneOrFail(CapacityOffer, { id });
  }

  /** Withdrawing keeps what is already allocated; nothing new is placed on it. */
  async withdrawOffer(ctx: RequestContext<unknown>, offerId: string): Promise<CapacityOffer> {
    requireId(ID_PREFIX.offer, offerId, 'capacity offer');
    return inTransaction(ctx, async (em) => {
      const offer = await em.findOne(CapacityOffer, { id: offerId });
      if (!offer) throw notFound('Capacity offer', offerId);
      offer.status = 'WITHDRAWN';
      return offer;
    });
  }

  async requestOverflow(
    ctx: RequestContext<unknown>,
    input: OverflowRequestInput,
    idempotencyKey: string,
    surgeKey?: string,
  ): Promise<OverflowRequest> {
    requireEnterpriseId(input.studioId, 'studioId');
    requireCapability(input.capability);
    if (input.dueDate < input.earliestStart) throw badInput('dueDate is before earliestStart', { field: 'dueDate' });
    const forStage = input.stageRunId != null;
    if (forStage) requireId('stg', input.stageRunId!, 'stage run');
    if (input.orderId != null) requireId('ord', input.orderId, 'order');
    if (forStage && input.orderId == null) throw badInput('A stage request names its order too', { field: 'orderId' });
    if (forStage && input.units !== 1) throw badInput('An order stage is one indivisible unit', { field: 'units' });
    const id = await inTransaction(ctx, (em) =>
      idempotent(em, ctx.viewer, 'requestOverflow', idempotencyKey, input, async () => {
        return this.newRequest(em, {
          studioId: input.studioId,
          capability: input.capability,
          units: input.units,
          indivisible: forStage,
          orderId: input.orderId ?? null,
          stageRunId: input.stageRunId ?? null,
          earliestStart: input.earliestStart,
          dueDate: input.dueDate,
          priceCapCents: input.priceCapCents,
          minQuality: input.minQuality,
          surgeKey: surgeKey ?? null,
        }).id;
      }),
    );
    return ctx.em.fork().findOneOrFail(OverflowRequest, { id });
  }

  /**
   * Places open requests: the caller's own (`requestIds`, each visible to the caller or it is
   * NOT_FOUND; at most ALLOCATION_MAX_REQUESTS of them), or with `all` every open request of every
   * studio jointly (the hub-wide optimum), the oldest ALLOCATION_MAX_REQUESTS at a time.
   */
  async allocate(ctx: RequestContext<unknown>, scope: AllocationScope): Promise<AllocationRound> {
    const { maxRequests } = ctx.settings.allocation;
    if (scope.requestIds && scope.requestIds.length > maxRequests)
      throw badInput(
        `At most ${maxRequests} requests per allocation (this one names ${scope.requestIds.length}); allocate them in smaller sets`,
        {
          field: 'requestIds',
          reason: 'LIMIT_EXCEEDED',
          limit: maxRequests,
        },
      );
    scope.requestIds?.forEach((id) => requireId(ID_PREFIX.request, id, 'overflow request'));
    return this.place(ctx, scope);
  }

  /**
   * Reads what is free (no transaction, no lock), solves it by the call's one deadline, then in a
   * short transaction locks the offers, reads again and books only if nothing the plan rests on
   * changed; otherwise it solves again, at most twice, and then answers a retryable CONFLICT. No
   * transaction is open while the solver works, so every other call of the subgraph goes on.
   */
  private async place(ctx: RequestContext<unknown>, scope: AllocationScope): Promise<AllocationRound> {
    const bounds = ctx.settings.allocation;
    const deadline = Date.now() + bounds.deadlineMs;
    try {
      return await this.lane.run(deadline, async () => {
        for (let attempt = 1; attempt <= SOLVE_ATTEMPTS; attempt += 1) {
          const snapshot = await this.readInstance(ctx.em.fork(), scope, bounds, this.clock());
          if (snapshot.open.length === 0) return { allocations: [], unmet: [], objectiveCents: 0, optimal: true };
          const timer = allocationSolves.startTimer();
          const plan = await this.solver.solve(snapshot.instance, deadline).finally(() => timer());
          const round = await inTransaction(ctx, (em) => this.bookIfUnchanged(em, scope, bounds, snapshot, plan, ctx.actor));
          if (round) return round;
        }
        throw conflict(
          `What is free changed while the allocation was being solved, ${SOLVE_ATTEMPTS} times in a row; nothing was booked. Send it again.`,
          { retryable: true, reason: 'CAPACITY_CHANGED' },
        );
      });
    } catch (error) {
      if (!(error instanceof SolveDeadlineError)) throw error;
      throw hubError(
        'SERVICE_UNAVAILABLE',
        `The allocation was not solved within ${bounds.deadlineMs / 1000} s; nothing was booked. Send it again, or with fewer requests.`,
        { retryable: true, reason: 'SOLVER_DEADLINE' },
      );
    }
  }

  /** Books the plan if the instance it was solved for is still what the database holds, under the offers' locks; else null. */
  private async bookIfUnchanged(
    em: EntityManager,
    scope: AllocationScope,
    bounds: AllocationBounds,
    snapshot: InstanceRead,
    plan: AllocationPlan,
    actor: EventActor,
  ): Promise<AllocationRound | null> {
    // The snapshot's offers, locked in id order (as release does) before anything is read again.
    const offerIds = snapshot.offers.map((offer) => offer.id).sort();
    if (offerIds.length > 0)
      await em.find(CapacityOffer, { id: { $in: offerIds } }, { orderBy: { id: 'asc' }, filters: false, ...forUpdate(em) });
    const fresh = await this.readInstance(em, scope, bounds, snapshot.now);
    if (fresh.key !== snapshot.key) return null;
    const { now, open, offers, bookings } = fresh;
    const byOffer = new Map(offers.map((offer) => [offer.id, offer]));
    const byRequest = new Map(open.map((request) => [request.id, request]));
    const created: Allocation[] = [];
    for (const planned of plan.allocations) {
      const offer = byOffer.get(planned.offerId)!;
      const request = byRequest.get(planned.requestId)!;
      const allocation = em.create(Allocation, {
        id: newId(ID_PREFIX.allocation, now.getTime()),
        requestId: request.id,
        offerId: offer.id,
        enterpriseId: offer.enterpriseId,
        studioId: request.studioId,
        orderId: request.orderId ?? null,
        stageRunId: request.stageRunId ?? null,
        capability: request.capability,
        day: planned.day,
        units: planned.units,
        unitPriceCents: planned.unitPriceCents,
        daysLate: planned.daysLate,
        status: 'ACTIVE',
        createdAt: now,
      });
      em.persist(allocation);
      created.push(allocation);
      this.book(em, bookings, offer.id, planned.day, planned.units);
      recordEvent(em, SOURCE, {
        type: CAPACITY_EVENTS.ALLOCATED,
        subject: { type: 'Allocation', id: allocation.id },
        actor,
        occurredAt: now,
        payload: {
          allocationId: allocation.id,
          requestId: request.id,
          studioId: request.studioId,
          enterpriseId: offer.enterpriseId,
          orderId: request.orderId ?? null,
          stageRunId: request.stageRunId ?? null,
          capability: request.capability,
          day: planned.day,
          units: planned.units,
        },
      });
    }
    const unmetByRequest = new Map(plan.unmet.map((entry) => [entry.requestId, entry]));
    for (const request of open) {
      const unmet = unmetByRequest.get(request.id);
      request.unmetUnits = unmet?.units ?? 0;
      request.unmetReason = unmet?.reason ?? null;
      request.status = statusOf(request.units, request.units - (unmet?.units ?? 0));
    }
    return {
      allocations: created,
      unmet: plan.unmet.map((entry) => ({ request: byRequest.get(entry.requestId)!, units: entry.units, reason: entry.reason })),
      objectiveCents: plan.objectiveCents,
      optimal: plan.statuses.every((status) => status === 'Optimal'),
    };
  }

  /**
   * The allocation instance as the database holds it now: the open requests in scope (their units
   * still unplaced), and the offers they may use — the ALLOCATION_MAX_OFFERS cheapest active ones
   * of those capabilities not yet over — with what each has free per day. `key` is all of it, so
   * two reads that differ in anything a plan rests on differ in `key`.
   */
  private async readInstance(em: EntityManager, scope: AllocationScope, bounds: AllocationBounds, now: Date): Promise<InstanceRead> {
    const requests = scope.all
      ? await em.find(OverflowRequest, { status: { $in: ['OPEN', 'PARTIAL'] } }, { orderBy: { id: 'asc' }, limit: bounds.maxRequests })
      : await em.find(OverflowRequest, { id: { $in: [...new Set(scope.requestIds ?? [])] } }, { orderBy: { id: 'asc' } });
    const missing = (scope.requestIds ?? []).find((id) => !requests.some((request) => request.id === id));
    if (missing) throw notFound('Overflow request', missing);
    const open = requests.filter((request) => request.status === 'OPEN' || request.status === 'PARTIAL');
    const today = dayOf(now);
    const offers = open.length
      ? await em.find(
          CapacityOffer,
          { capability: { $in: [...new Set(open.map((request) => request.capability))] }, status: 'ACTIVE', availableTo: { $gte: today } },
          { orderBy: { unitPriceCents: 'asc', id: 'asc' }, limit: bounds.maxOffers, filters: false },
        )
      : [];
    const placed = await this.placedUnits(
      em,
      open.map((request) => request.id),
    );
    const bookings = await this.bookingsOf(
      em,
      offers.map((offer) => offer.id),
    );
    const alliances = [...new Set(offers.flatMap((offer) => offer.shareWithAlliances))];
    const membersOf = new Map<string, string[]>();
    for (const member of alliances.length ? await em.find(AllianceMember, { alliance: { $in: alliances } }, { filters: false }) : []) {
      const members = membersOf.get(member.alliance);
      if (members) members.push(member.enterpriseId);
      else membersOf.set(member.alliance, [member.enterpriseId]);
    }
    // A studio that named a partner lets it take only its relationship's stage codes (none once ended).
    const partners = [...new Set(offers.map((offer) => offer.enterpriseId))];
    const grants = new Map<string, string[]>();
    for (const grant of partners.length ? await em.find(PartnerStageGrant, { partnerId: { $in: partners } }, { filters: false }) : [])
      grants.set(`${grant.studioId}\n${grant.partnerId}`, grant.stageCodes);
    const mayTake = (studioId: string, offer: CapacityOffer) =>
      studioId === offer.enterpriseId || (grants.get(`${studioId}\n${offer.enterpriseId}`)?.includes(offer.capability) ?? true);
    const instance: AllocationInstance = {
      latenessPenaltyCents: LATENESS_PENALTY_CENTS,
      latenessHorizonDays: LATENESS_HORIZON_DAYS,
      requests: open.map((request) => ({
        id: request.id,
        studioId: request.studioId,
        capability: request.capability,
        units: request.units - (placed.get(request.id) ?? 0),
        indivisible: request.indivisible,
        earliestStart: request.earliestStart > today ? request.earliestStart : today,
        dueDate: request.dueDate,
        priceCapCents: request.priceCapCents,
        minQuality: request.minQuality,
      })),
      offers: offers.map((offer) => {
        const free: Record<string, number> = {};
        const first = offer.availableFrom > today ? offer.availableFrom : today;
        for (let day = first, count = 0; day <= offer.availableTo && count < PLANNING_DAYS; day = addDays(day, 1), count += 1) {
          const booked = bookings.get(bookingKey(offer.id, day))?.bookedUnits ?? 0;
          free[day] = Math.max(0, offer.spareUnitsPerDay - booked);
        }
        const sharedWith = new Set(
          [
            offer.enterpriseId,
            ...offer.shareWithEnterprises,
            ...offer.shareWithAlliances.flatMap((alliance) => membersOf.get(alliance) ?? []),
          ].filter((studioId) => mayTake(studioId, offer)),
        );
        return {
          id: offer.id,
          enterpriseId: offer.enterpriseId,
          capability: offer.capability,
          unitPriceCents: offer.unitPriceCents,
          qualityScore: offer.qualityScore,
          free,
          sharedWith,
        };
      }),
    };
    const kept = withinPlacements(instance, scope, bounds);
    const bounded = { ...instance, requests: instance.requests.filter((request) => kept.has(request.id)) };
    return { now, open: open.filter((request) => kept.has(request.id)), offers, bookings, instance: bounded, key: instanceKey(bounded) };
  }

  /**
   * A demand surge (e.g. subscriptions up 300% for a week) becomes one splittable overflow
   * request, placed at once on kitchens and partners; replaying the same key answers the same.
   */
  async declareSurge(
    ctx: RequestContext<unknown>,
    input: {
      studioId: string;
      capability: string;
      extraUnits: number;
      from: string;
      to: string;
      priceCapCents: number;
      minQuality: number;
    },
    idempotencyKey: string,
  ): Promise<OverflowRequest> {
    requireEnterpriseId(input.studioId, 'studioId');
    requireCapability(input.capability);
    if (!Number.isInteger(input.extraUnits) || input.extraUnits < 1)
      throw badInput('extraUnits must be a whole number of at least 1', { field: 'extraUnits' });
    if (input.to < input.from) throw badInput('The window ends before it starts', { field: 'window.to' });
    const id = await inTransaction(ctx, (em) =>
      idempotent(em, ctx.viewer, 'declareDemandSurge', idempotencyKey, input, async () => {
        const request = this.newRequest(em, {
          studioId: input.studioId,
          capability: input.capability,
          units: input.extraUnits,
          indivisible: false,
          earliestStart: input.from,
          dueDate: input.to,
          priceCapCents: input.priceCapCents,
          minQuality: input.minQuality,
          surgeKey: idempotencyKey,
        });
        return request.id;
      }),
    );
    // Placed outside the transaction that made it. A replay places a surge whose placement never
    // ran (it was refused at its deadline, or raced): a retry with the same key finishes it.
    if (await this.neverPlaced(ctx.em.fork(), id)) await this.place(ctx, { requestIds: [id] });
    return ctx.em.fork().findOneOrFail(OverflowRequest, { id });
  }

  /** A partner turns down work it has not started: the capacity returns, the request reopens. */
  async decline(ctx: RequestContext<unknown>, allocationId: string): Promise<Allocation> {
    requireId(ID_PREFIX.allocation, allocationId, 'allocation');
    return inTransaction(ctx, async (em) => {
      const allocation = await em.findOne(Allocation, { id: allocationId });
      if (!allocation) throw notFound('Allocation', allocationId);
      if (allocation.status !== 'ACTIVE') return allocation;
      if (allocation.started)
        throw failedPrecondition('ALLOCATION_STARTED', `Allocation "${allocation.id}" has started and can no longer be declined`, {
          allocationId,
        });
      await this.release(em, [allocation], 'DECLINED', ctx.actor);
      return allocation;
    });
  }

  /**
   * The studio takes back an overflow request (a surge that placed nothing, or work it will do
   * itself): what was placed and not started is given back, and the request is cancelled.
   * Withdrawing a cancelled request again changes nothing.
   */
  async withdrawRequest(ctx: RequestContext<unknown>, requestId: string): Promise<OverflowRequest> {
    requireId(ID_PREFIX.request, requestId, 'overflow request');
    return inTransaction(ctx, async (em) => {
      const request = await em.findOne(OverflowRequest, { id: requestId });
      if (!request) throw notFound('Overflow request', requestId);
      if (request.status === 'CANCELLED') return request;
      const active = await em.find(Allocation, { requestId, status: 'ACTIVE' }, { filters: false });
      const started = active.filter((allocation) => allocation.started);
      if (started.length)
        throw failedPrecondition(
          'ALLOCATION_STARTED',
          `Overflow request "${request.id}" has work under way and can no longer be withdrawn`,
          {
            requestId,
            allocationIds: started.map((allocation) => allocation.id),
          },
        );
      await this.release(em, active, 'WITHDRAWN', ctx.actor);
      request.status = 'CANCELLED';
      request.unmetUnits = request.units;
      request.unmetReason = null;
      return request;
    });
  }

  /** Gives allocations back: capacity freed, their requests reopened (or cancelled with their order, or withdrawn). */
  async release(
    em: EntityManager,
    allocations: Allocation[],
    reason: 'DECLINED' | 'ORDER_CANCELLED' | 'WITHDRAWN',
    actor: EventActor,
  ): Promise<void> {
    if (allocations.length === 0) return;
    const offerIds = [...new Set(allocations.map((allocation) => allocation.offerId))];
    await em.find(CapacityOffer, { id: { $in: offerIds } }, { orderBy: { id: 'asc' }, filters: false, ...forUpdate(em) });
    const bookings = await this.bookingsOf(em, offerIds);
    for (const allocation of allocations) {
      allocation.status = reason === 'DECLINED' ? 'DECLINED' : 'RELEASED';
      this.book(em, bookings, allocation.offerId, allocation.day, -allocation.units);
      recordEvent(em, SOURCE, {
        type: CAPACITY_EVENTS.RELEASED,
        subject: { type: 'Allocation', id: allocation.id },
        actor,
        payload: {
          allocationId: allocation.id,
          requestId: allocation.requestId,
          studioId: allocation.studioId,
          enterpriseId: allocation.enterpriseId,
          orderId: allocation.orderId ?? null,
          stageRunId: allocation.stageRunId ?? null,
          reason,
        },
      });
    }
    await em.flush();
    const requests = await em.find(
      OverflowRequest,
      { id: { $in: [...new Set(allocations.map((allocation) => allocation.requestId))] } },
      { filters: false },
    );
    const placed = await this.placedUnits(
      em,
      requests.map((request) => request.id),
    );
    for (const request of requests) {
      request.status = reason === 'DECLINED' ? statusOf(request.units, placed.get(request.id) ?? 0) : 'CANCELLED';
      request.unmetUnits = request.units - (placed.get(request.id) ?? 0);
      request.unmetReason = null;
    }
  }

  /** Starts the solver thread ahead of the first call. */
  warmUp(): void {
    this.solver.warmUp();
  }

  /** Stops the solver thread (a later solve starts a new one). */
  close(): Promise<void> {
    return this.solver.close();
  }

  /** Open, with no reason recorded and no allocation ever made: no placement has run for it. */
  private async neverPlaced(em: EntityManager, requestId: string): Promise<boolean> {
    const request = await em.findOneOrFail(OverflowRequest, { id: requestId }, { filters: false });
    if (request.status !== 'OPEN' || request.unmetReason != null) return false;
    return (await em.count(Allocation, { requestId }, { filters: false })) === 0;
  }

  private newRequest(
    em: EntityManager,
    fields: Omit<OverflowRequest, 'id' | 'createdAt' | 'status' | 'unmetUnits' | 'unmetReason' | 'version'>,
  ): OverflowRequest {
    const request = em.create(OverflowRequest, { ...fields, id: newId(ID_PREFIX.request), createdAt: this.clock() });
    em.persist(request);
    return request;
  }

  private async placedUnits(em: EntityManager, requestIds: string[]): Promise<Map<string, number>> {
    const active = requestIds.length
      ? await em.find(Allocation, { requestId: { $in: requestIds }, status: 'ACTIVE' }, { filters: false })
      : [];
    const placed = new Map<string, number>();
    for (const allocation of active) placed.set(allocation.requestId, (placed.get(allocation.requestId) ?? 0) + allocation.units);
    return placed;
  }

  /** The bookings of these offers, read once (under the caller's offer locks), by offer and day. */
  private async bookingsOf(em: EntityManager, offerIds: string[]): Promise<Map<string, OfferBooking>> {
    const bookings = offerIds.length ? await em.find(OfferBooking, { offerId: { $in: offerIds } }, { filters: false }) : [];
    return new Map(bookings.map((booking) => [bookingKey(booking.offerId, booking.day), booking]));
  }

  private book(em: EntityManager, bookings: Map<string, OfferBooking>, offerId: string, day: string, units: number): void {
    const booking = bookings.get(bookingKey(offerId, day));
    if (booking) {
      booking.bookedUnits += units;
      return;
    }
    const created = em.create(OfferBooking, { offerId, day, bookedUnits: units });
    em.persist(created);
    bookings.set(bookingKey(offerId, day), created);
  }
}

const bookingKey = (offerId: string, day: string) => `${offerId}|${day}`;

/**
 * The requests whose placements (the model's variables) fit in ALLOCATION_MAX_PLACEMENTS: all of
 * the caller's or a refusal; a round takes the oldest that fit and leaves the rest for the next.
 */
function withinPlacements(instance: AllocationInstance, scope: AllocationScope, bounds: AllocationBounds): Set<string> {
  const placements = placementsOf(instance);
  const kept = new Set<string>();
  let total = 0;
  for (const request of instance.requests) {
    total += placements.get(request.id)!;
    if (total <= bounds.maxPlacements) kept.add(request.id);
  }
  // The running total only grows: what is kept is the oldest requests, in order.
  if (kept.size === instance.requests.length || (scope.all && kept.size > 0)) return kept;
  throw badInput(
    `This allocation weighs ${total} placements (request × offer × day), more than the ${bounds.maxPlacements} one call may; allocate fewer requests at a time`,
    { ...(scope.requestIds ? { field: 'requestIds' } : {}), reason: 'LIMIT_EXCEEDED', limit: bounds.maxPlacements },
  );
}

/** An instance as one string, sharing lists in order: equal keys, equal instances. */
const instanceKey = (instance: AllocationInstance): string =>
  JSON.stringify(
    toWire({
      ...instance,
      offers: instance.offers.map((offer) => ({
        ...offer,
        sharedWith: offer.sharedWith === 'ALL' ? 'ALL' : new Set([...offer.sharedWith].sort()),
      })),
    }),
  );

function statusOf(units: number, placed: number): RequestStatus {
  if (placed >= units) return 'ALLOCATED';
  return placed > 0 ? 'PARTIAL' : 'OPEN';
}

/** The process's one solver thread and the service that uses it. */
export const capacityService = new CapacityService(new AllocationSolver());
