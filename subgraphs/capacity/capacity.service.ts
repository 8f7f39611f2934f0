import type { EntityManager } from '@mikro-orm/core';
import { CAPACITY_EVENTS, isCapability, type EventActor } from '../../contracts';
import type { RequestContext } from '../../platform/access/context';
import { forUpdate } from '../../platform/data/database';
import { addDays, dayOf } from '../../platform/data/days';
import { badInput, failedPrecondition, notFound } from '../../platform/base/errors';
import { recordEvent } from '../../platform/events/outbox';
import { newId, requireEnterpriseId, requireId } from '../../platform/data/ids';
import { idempotent, inTransaction } from '../../platform/data/transactions';
import type { AllocationInstance, AllocationPlan } from './allocation/model';
import { AllocationSolver } from './allocation/solver-thread';
import { allocationSolves } from '../../platform/runtime/metrics';
import { AllianceMember, CapacityOffer, OfferBooking } from './entities/offer';
import { Allocation, OverflowRequest, type RequestStatus } from './entities/request';
import type { CapacityOfferInput, OverflowRequestInput } from './inputs';

export const SOURCE = 'capacity';
export const ID_PREFIX = { offer: 'cof', request: 'ovr', allocation: 'alc' } as const;
/** Fen per unit per day late: what a day's delay costs the studio's customer, as the model weighs it. */
const LATENESS_PENALTY_CENTS = 2_000;
const LATENESS_HORIZON_DAYS = 7;
/** Offers are planned this many days ahead at most. */
const PLANNING_DAYS = 60;

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
 * Offers, overflow requests and their allocation. An allocation round locks the offers it may
 * use (SELECT … FOR UPDATE on PostgreSQL, in id order), reads what is free, solves the model
 * on the solver thread and books the result in the same transaction: two rounds never book the
 * same capacity twice.
 */
export class CapacityService {
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

  /** Places the caller's own open requests (`requestIds`, each visible to the caller or it is NOT_FOUND). */
  allocate(ctx: RequestContext<unknown>, scope: { requestIds: string[] }): Promise<AllocationRound> {
    scope.requestIds.forEach((id) => requireId(ID_PREFIX.request, id, 'overflow request'));
    return inTransaction(ctx, (em) => this.allocateIn(em, ctx.actor, scope));
  }

  async allocateIn(em: EntityManager, actor: EventActor, scope: { requestIds: string[] }): Promise<AllocationRound> {
    const requests = await em.find(OverflowRequest, { id: { $in: [...new Set(scope.requestIds)] } }, { orderBy: { id: 'asc' } });
    const missing = scope.requestIds.find((id) => !requests.some((request) => request.id === id));
    if (missing) throw notFound('Overflow request', missing);
    const open = requests.filter((request) => request.status === 'OPEN' || request.status === 'PARTIAL');
    if (open.length === 0) return { allocations: [], unmet: [], objectiveCents: 0, optimal: true };

    const placed = await this.placedUnits(
      em,
      open.map((request) => request.id),
    );
    const offers = await em.find(
      CapacityOffer,
      { capability: { $in: [...new Set(open.map((request) => request.capability))] }, status: 'ACTIVE' },
      { orderBy: { id: 'asc' }, filters: false, ...forUpdate(em) },
    );
    const bookings = await this.bookingsOf(
      em,
      offers.map((offer) => offer.id),
    );
    const membersOf = new Map<string, string[]>();
    for (const member of await em.find(AllianceMember, {}, { filters: false })) {
      const members = membersOf.get(member.alliance);
      if (members) members.push(member.enterpriseId);
      else membersOf.set(member.alliance, [member.enterpriseId]);
    }
    const now = this.clock();
    const instance: AllocationInstance = {
      latenessPenaltyCents: LATENESS_PENALTY_CENTS,
      latenessHorizonDays: LATENESS_HORIZON_DAYS,
      requests: open.map((request) => ({
        id: request.id,
        studioId: request.studioId,
        capability: request.capability,
        units: request.units - (placed.get(request.id) ?? 0),
        indivisible: request.indivisible,
        earliestStart: request.earliestStart > dayOf(now) ? request.earliestStart : dayOf(now),
        dueDate: request.dueDate,
        priceCapCents: request.priceCapCents,
        minQuality: request.minQuality,
      })),
      offers: offers.map((offer) => {
        const free: Record<string, number> = {};
        const first = offer.availableFrom > dayOf(now) ? offer.availableFrom : dayOf(now);
        for (let day = first, count = 0; day <= offer.availableTo && count < PLANNING_DAYS; day = addDays(day, 1), count += 1) {
          const booked = bookings.get(bookingKey(offer.id, day))?.bookedUnits ?? 0;
          free[day] = Math.max(0, offer.spareUnitsPerDay - booked);
        }
        const sharedWith = new Set([
          offer.enterpriseId,
          ...offer.shareWithEnterprises,
          ...offer.shareWithAlliances.flatMap((alliance) => membersOf.get(alliance) ?? []),
        ]);
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
    const timer = allocationSolves.startTimer();
    const plan: AllocationPlan = await this.solver.solve(instance).finally(() => timer());

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
        await em.flush();
        await this.allocateIn(em, ctx.actor, { requestIds: [request.id] });
        return request.id;
      }),
    );
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

  /** Gives allocations back: capacity freed, their requests reopened (or cancelled with their order). */
  async release(em: EntityManager, allocations: Allocation[], reason: 'DECLINED' | 'ORDER_CANCELLED', actor: EventActor): Promise<void> {
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
      request.status = reason === 'ORDER_CANCELLED' ? 'CANCELLED' : statusOf(request.units, placed.get(request.id) ?? 0);
      request.unmetUnits = request.units - (placed.get(request.id) ?? 0);
      request.unmetReason = null;
    }
  }

  /** Stops the solver thread (a later solve starts a new one). */
  close(): Promise<void> {
    return this.solver.close();
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

function statusOf(units: number, placed: number): RequestStatus {
  if (placed >= units) return 'ALLOCATED';
  return placed > 0 ? 'PARTIAL' : 'OPEN';
}

/** The process's one solver thread and the service that uses it. */
export const capacityService = new CapacityService(new AllocationSolver());
