import { gtin14, ORDER_EVENTS, STATUS, WECHAT_BINDING_PURPOSE, type PromiseChangeCause, type VisibilityTier } from '../../contracts';
import type { RequestContext } from '../../platform/access/context';
import { badInput, conflict, failedPrecondition } from '../../platform/base/errors';
import { newId, requireId } from '../../platform/data/ids';
import { idempotent, inTransaction, requestHash } from '../../platform/data/transactions';
import { Order, OrderLine } from './entities/order';
import { StageRun } from './entities/stage-run';
import type { RouteStepInput, ShopOrderInput } from './inputs';
import { appendProgress } from './progress-log';
import { requireStudioWorkCenters } from './studio-resources';
import { catalogueService, unknownProduct } from './catalogue.service';
import { CatalogueProblem, checkedStep } from './catalogue-rules';
import { followRoute, isSettled, planDueDates, requireOpen } from './lifecycle/route';
import { studioCalendar } from './resource-events';
import { ORDER_MACHINE, STAGE_MACHINE } from './lifecycle/machines';
import { transition } from './lifecycle/transition';
import { ID_PREFIX, loadOrder, loadRoute } from './order-loaders';
import { requireStatusCodeFor } from './studio-codes';
import { type Clock, systemClock } from './clock';

const MAX_PROMISE_AHEAD_MS = 366 * 24 * 3_600_000;

/** Orders as a whole: intake from shops, route changes, cancellation, the promised date. */
export class OrderService {
  constructor(private readonly clock: Clock = systemClock) {}

  /**
   * Idempotent on (studio, channel, external order id): the same payload again returns the same order;
   * a different payload under the same id is a CONFLICT. `id` is for seeding stable demo ids.
   */
  async importShopOrder(ctx: RequestContext<unknown>, input: ShopOrderInput, options: { id?: string } = {}): Promise<Order> {
    const hash = requestHash(input);
    return inTransaction(ctx, async (em) => {
      // The caller acts for input.studioId (the operation rule checked it); look past the row
      // filter only within that studio.
      const existing = await em.findOne(
        Order,
        { studioId: input.studioId, channel: input.channel, externalOrderId: input.externalOrderId },
        { filters: false },
      );
      if (existing) {
        if (existing.payloadHash !== hash) {
          throw conflict(`Shop order ${input.channel}/${input.externalOrderId} was already imported with different content`, {
            orderId: existing.id,
          });
        }
        return existing;
      }
      // The studio's catalogue names the product and the route version its stages are copied from.
      const productCode = input.lines[0]?.productCode ?? '';
      const resolved = await catalogueService.resolveProduct(em, input.studioId, productCode, input.productFamily ?? input.productType);
      if (!resolved) throw unknownProduct(productCode, input.studioId);
      const now = this.clock();
      const order = em.create(Order, {
        id: options.id ?? newId(ID_PREFIX.order, now.getTime()),
        studioId: input.studioId,
        channel: input.channel,
        externalOrderId: input.externalOrderId,
        payloadHash: hash,
        productFamily: resolved.product.familyCode,
        catalogueProductCode: resolved.product.productCode,
        productNameZh: resolved.product.nameZh,
        productNameEn: resolved.product.nameEn,
        routeCode: resolved.route.routeCode,
        routeVersion: resolved.route.version,
        customerName: input.customer.name,
        customerContact: input.customer.contact,
        customerAddress: input.customer.address,
        priceCents: input.priceCents,
        currency: 'CNY',
        customerTierMax: input.customerTierMax,
        status: 'RECEIVED',
        statusCodeValue: STATUS.ORDER_RECEIVED,
        milestoneCodeValue: STATUS.ORDER_RECEIVED,
        createdAt: now,
        updatedAt: now,
        lastSequence: 0,
      });
      input.lines.forEach((line, index) =>
        em.persist(
          em.create(OrderLine, {
            id: newId(ID_PREFIX.line),
            orderId: order.id,
            studioId: order.studioId,
            position: index + 1,
            productCode: line.productCode,
            gtin: line.gtin ? gtin14(line.gtin) : null,
            quantity: line.quantity,
            personalisation: line.personalisation ?? null,
          }),
        ),
      );
      const route = resolved.route.steps.map((step, index) =>
        em.create(StageRun, {
          id: newId(ID_PREFIX.stage),
          orderId: order.id,
          studioId: order.studioId,
          position: index + 1,
          code: step.statusCode,
          standardMinutes: step.standardMinutes,
          qcCheckpoint: step.qcCheckpoint,
          workCenterCode: step.workCenterCode,
          skill: step.skill,
          partnerAllowed: step.partnerAllowed,
          assignedToId: order.studioId,
          status: 'PENDING',
        }),
      );
      planDueDates(order, route, now, await studioCalendar(em, order.studioId));
      // The promise is the plan at intake; re-plans move dueAt, only changePromise moves this.
      order.promisedAt = order.dueAt;
      em.persist([order, ...route]);
      // The openid goes to the notifications subgraph sealed (orders keeps none): personal data never travels readable on the bus.
      const openId = input.customer.wechatOpenId;
      const wechatBinding = openId
        ? await ctx.auth.sealer.seal(WECHAT_BINDING_PURPOSE, JSON.stringify({ orderId: order.id, openId }))
        : null;
      appendProgress(em, order, {
        type: ORDER_EVENTS.IMPORTED,
        actor: ctx.actor,
        at: now,
        statusCode: STATUS.ORDER_RECEIVED,
        payload: {
          channel: order.channel,
          productType: order.productFamily,
          productFamily: order.productFamily,
          catalogueProductCode: resolved.product.productCode,
          productNameZh: resolved.product.nameZh,
          productNameEn: resolved.product.nameEn,
          customerTierMax: order.customerTierMax,
          statusCode: STATUS.ORDER_RECEIVED,
          lines: input.lines.map((line) => ({ productCode: line.productCode, quantity: line.quantity })),
          stages: route.map((stage) => ({ stageRunId: stage.id, statusCode: stage.code, position: stage.position })),
          wechatBinding,
        },
      });
      return order;
    });
  }

  /** Cancels the order and every stage not yet done; others release what they hold on the event. */
  async cancelOrder(ctx: RequestContext<unknown>, orderId: string, reason: string, idempotencyKey: string): Promise<Order> {
    requireId(ID_PREFIX.order, orderId, 'order');
    if (!reason.trim()) throw badInput('A cancellation needs a reason', { field: 'reason' });
    const id = await inTransaction(ctx, (em) =>
      idempotent(em, ctx.viewer, 'cancelOrder', idempotencyKey, { orderId, reason }, async () => {
        const order = await loadOrder(em, orderId);
        requireOpen(order);
        const now = this.clock();
        const route = await loadRoute(em, order.id);
        const released: string[] = [];
        for (const stage of route) {
          if (!isSettled(stage.status)) {
            stage.cancelReason = 'order cancelled';
            transition(em, STAGE_MACHINE, stage, 'CANCELLED', order);
            released.push(stage.id);
          }
        }
        order.cancelReason = reason;
        transition(em, ORDER_MACHINE, order, 'CANCELLED', order, {
          statusCode: STATUS.CANCELLED,
          progress: () => ({
            type: ORDER_EVENTS.CANCELLED,
            actor: ctx.actor,
            at: now,
            statusCode: STATUS.CANCELLED,
            note: reason,
            payload: { statusCode: STATUS.CANCELLED, cancelledStageRunIds: released },
          }),
        });
        return order.id;
      }),
    );
    return loadOrder(ctx.em.fork(), id);
  }

  /**
   * Replaces the route's tail after the last started stage: each step keeps a pending stage
   * (reordering it) or inserts a new one; pending stages left out are skipped. Stages already
   * started or done cannot be touched.
   */
  async changeRoute(ctx: RequestContext<unknown>, orderId: string, steps: RouteStepInput[], idempotencyKey: string): Promise<Order> {
    requireId(ID_PREFIX.order, orderId, 'order');
    if (steps.length > 50) throw badInput('A route holds at most 50 stages', { field: 'steps' });
    const id = await inTransaction(ctx, (em) =>
      idempotent(em, ctx.viewer, 'changeRoute', idempotencyKey, { orderId, steps }, async () => {
        const order = await loadOrder(em, orderId);
        requireOpen(order);
        const route = await loadRoute(em, order.id);
        const byId = new Map(route.map((stage) => [stage.id, stage]));
        const fixed = route.filter((stage) => stage.status !== 'PENDING');
        const lastFixed = fixed.reduce((max, stage) => Math.max(max, stage.position), 0);
        const kept = new Set<string>();
        const newTail: StageRun[] = [];
        steps.forEach((step, index) => {
          if ((step.stageRunId ? 1 : 0) + (step.statusCode ? 1 : 0) !== 1) {
            throw badInput(`Route step ${index + 1} must give exactly one of stageRunId or statusCode`, { field: `steps.${index}` });
          }
          if (step.stageRunId) {
            const stage = byId.get(step.stageRunId);
            if (!stage)
              throw badInput(`Stage run "${step.stageRunId}" is not on this order's route`, { field: `steps.${index}.stageRunId` });
            if (stage.status !== 'PENDING') {
              throw failedPrecondition(
                'STAGE_ALREADY_STARTED',
                `Stage run "${stage.id}" is ${stage.status.toLowerCase()}: the route can change only where stages have not started`,
                { stageRunId: stage.id },
              );
            }
            if (kept.has(stage.id)) throw badInput(`Stage run "${stage.id}" appears twice`, { field: `steps.${index}.stageRunId` });
            kept.add(stage.id);
            // A kept stage may get new needs (work center, skill, partner allowed) with it.
            const needs = stageNeeds(order.studioId, step, index, stage);
            Object.assign(stage, needs);
            newTail.push(stage);
          } else {
            const code = requireStatusCodeFor(order.studioId, step.statusCode!);
            if (!step.standardMinutes) throw badInput(`A new stage needs standardMinutes`, { field: `steps.${index}.standardMinutes` });
            const needs = stageNeeds(order.studioId, step, index);
            newTail.push(
              em.create(StageRun, {
                id: newId(ID_PREFIX.stage),
                orderId: order.id,
                studioId: order.studioId,
                position: 0,
                code,
                standardMinutes: step.standardMinutes,
                qcCheckpoint: step.qcCheckpoint ?? false,
                ...needs,
                assignedToId: order.studioId,
                status: 'PENDING',
              }),
            );
          }
        });
        // A work center given anew (its form checked above) must be one the studio has; a kept stage's copy stays as it was.
        await requireStudioWorkCenters(
          em,
          order.studioId,
          steps.map((step) => ({ workCenterCode: step.workCenterCode?.trim() })),
          (index) => `steps.${index}.workCenterCode`,
        );
        const now = this.clock();
        const skipped: string[] = [];
        for (const stage of route) {
          if (stage.status === 'PENDING' && !kept.has(stage.id)) {
            stage.cancelReason = 'skipped by route change';
            transition(em, STAGE_MACHINE, stage, 'CANCELLED', order);
            skipped.push(stage.id);
          }
        }
        // Skipped stages keep their place; the new tail follows everything already on the route.
        let position = Math.max(lastFixed, ...route.filter((stage) => stage.status === 'CANCELLED').map((stage) => stage.position));
        for (const stage of newTail) stage.position = ++position;
        em.persist(newTail);
        const newRoute = [...route.filter((stage) => !kept.has(stage.id)), ...newTail].sort((a, b) => a.position - b.position);
        planDueDates(order, newRoute, now, await studioCalendar(em, order.studioId));
        followRoute(em, order, newRoute);
        appendProgress(em, order, {
          type: ORDER_EVENTS.ROUTE_CHANGED,
          actor: ctx.actor,
          at: now,
          payload: {
            skippedStageRunIds: skipped,
            route: newTail.map((stage) => ({ stageRunId: stage.id, statusCode: stage.code, position: stage.position })),
          },
        });
        return order.id;
      }),
    );
    return loadOrder(ctx.em.fork(), id);
  }

  /**
   * Caps the tier the customer of this order may see. Lowering it takes effect on the
   * customer's next request, whatever tier their token names.
   */
  async setCustomerTierMax(ctx: RequestContext<unknown>, orderId: string, tier: VisibilityTier, idempotencyKey: string): Promise<Order> {
    requireId(ID_PREFIX.order, orderId, 'order');
    const id = await inTransaction(ctx, (em) =>
      idempotent(em, ctx.viewer, 'setCustomerTierMax', idempotencyKey, { orderId, tier }, async () => {
        const order = await loadOrder(em, orderId);
        if (order.customerTierMax === tier) return order.id;
        const previous = order.customerTierMax;
        order.customerTierMax = tier;
        appendProgress(em, order, {
          type: ORDER_EVENTS.CUSTOMER_TIER_CHANGED,
          actor: ctx.actor,
          at: this.clock(),
          payload: { tier, previousTier: previous },
        });
        return order.id;
      }),
    );
    return loadOrder(ctx.em.fork(), id);
  }

  /**
   * Moves the date the studio promised the customer, recording why (a progress entry the
   * customer's timeline shows). The same date again changes nothing. A promise is kept for open
   * orders only, and is never in the past of the change.
   */
  async changePromise(
    ctx: RequestContext<unknown>,
    orderId: string,
    promisedAt: Date,
    cause: PromiseChangeCause,
    idempotencyKey: string,
  ): Promise<Order> {
    requireId(ID_PREFIX.order, orderId, 'order');
    if (Number.isNaN(promisedAt.getTime())) throw badInput('promisedAt is not a date', { field: 'promisedAt' });
    const id = await inTransaction(ctx, (em) =>
      idempotent(em, ctx.viewer, 'changePromise', idempotencyKey, { orderId, promisedAt: promisedAt.toISOString(), cause }, async () => {
        const order = await loadOrder(em, orderId);
        requireOpen(order);
        const now = this.clock();
        if (order.promisedAt?.getTime() === promisedAt.getTime()) return order.id;
        if (promisedAt.getTime() <= now.getTime())
          throw badInput('A new promise must be a date still to come', { field: 'promisedAt', reason: 'PROMISE_IN_PAST' });
        if (promisedAt.getTime() - now.getTime() > MAX_PROMISE_AHEAD_MS)
          throw badInput('A promise can be at most a year ahead', { field: 'promisedAt', reason: 'PROMISE_TOO_FAR' });
        const previous = order.promisedAt ?? null;
        order.promisedAt = promisedAt;
        order.updatedAt = now;
        appendProgress(em, order, {
          type: ORDER_EVENTS.PROMISE_CHANGED,
          actor: ctx.actor,
          at: now,
          // The order's milestone, as for forecasts: the entry sits where the customer's timeline is.
          statusCode: order.milestoneCodeValue,
          payload: { promisedAt: promisedAt.toISOString(), previousPromisedAt: previous?.toISOString() ?? null, cause },
        });
        return order.id;
      }),
    );
    return loadOrder(ctx.em.fork(), id);
  }
}

/** A route step's needs (work center, skill, partner allowed), checked as a catalogue route's are; a kept stage keeps what is not given. */
function stageNeeds(studioId: string, step: RouteStepInput, index: number, kept?: StageRun) {
  const field = (name: string) => `steps.${index}.${name}`;
  try {
    const checked = checkedStep(
      studioId,
      {
        statusCode: kept?.code ?? step.statusCode,
        standardMinutes: 1,
        workCenterCode: step.workCenterCode === undefined ? kept?.workCenterCode : step.workCenterCode,
        skill: step.skill === undefined ? kept?.skill : step.skill,
        partnerAllowed: step.partnerAllowed ?? kept?.partnerAllowed,
      },
      {
        statusCode: field('statusCode'),
        standardMinutes: field('standardMinutes'),
        qcCheckpoint: field('qcCheckpoint'),
        workCenterCode: field('workCenterCode'),
        skill: field('skill'),
        partnerAllowed: field('partnerAllowed'),
      },
    );
    return { workCenterCode: checked.workCenterCode, skill: checked.skill, partnerAllowed: checked.partnerAllowed };
  } catch (error) {
    if (error instanceof CatalogueProblem) throw error.toError();
    throw error;
  }
}
