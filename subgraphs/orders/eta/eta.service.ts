import type { EntityManager } from '@mikro-orm/core';
import { ORDER_EVENTS, type EventActor } from '../../../contracts';
import type { SubgraphSettings } from '../../../platform/base/settings';
import type { RequestContext } from '../../../platform/access/context';
import { dayInChina } from '../../../platform/data/days';
import { inTransaction } from '../../../platform/data/transactions';
import { DurationRecord, OrderEta, type Eta } from '../entities/eta';
import { Order } from '../entities/order';
import { ProgressEvent } from '../entities/progress';
import { StageRun } from '../entities/stage-run';
import { appendProgress } from '../progress-log';
import { ETA_CONFIDENCE, fitEtaModel, forecastOrder, type EtaModel, type Forecast, type OrderSnapshot } from './model';
import { type Clock, systemClock } from '../clock';
import { isSettled } from '../lifecycle/route';
import { ORDER_STATUSES } from '../lifecycle/states';

const MINUTE = 60_000;
/** Completed runs per studio a model learns from: the most recent. */
const HISTORY_LIMIT = 6000;
/** A published forecast moves on when a bound shifts by an hour, or a tenth of the time left to it. */
const MATERIAL_SHIFT_MINUTES = 60;
const MATERIAL_SHIFT_SHARE = 0.1;

/** What a customer reads: "90 % likely delivered before 5 Dec". */
function statementOf(row: Pick<OrderEta, 'deliveryBound'>, delivered: boolean): string {
  return delivered
    ? `Delivered ${dayInChina(row.deliveryBound)}`
    : `${Math.round(ETA_CONFIDENCE * 100)} % likely delivered before ${dayInChina(row.deliveryBound)}`;
}

function etaView(row: OrderEta, delivered = false): Eta {
  return {
    completion: { median: row.completionMedian, likelyBefore: row.completionBound },
    delivery: { median: row.deliveryMedian, likelyBefore: row.deliveryBound },
    confidence: ETA_CONFIDENCE,
    computedAt: row.computedAt,
    basis: row.basis,
    statement: statementOf(row, delivered),
  };
}

function moved(published: Date | null | undefined, next: Date, now: Date): boolean {
  if (!published) return true;
  const left = Math.max(0, published.getTime() - now.getTime());
  return Math.abs(next.getTime() - published.getTime()) >= Math.max(MATERIAL_SHIFT_MINUTES * MINUTE, MATERIAL_SHIFT_SHARE * left);
}

/** What a forecast row keeps of a forecast. */
const stored = (forecast: Forecast, computedAt: Date) => ({
  completionMedian: forecast.completion.median,
  completionBound: forecast.completion.bound,
  deliveryMedian: forecast.delivery.median,
  deliveryBound: forecast.delivery.bound,
  computedAt,
  basis: forecast.basis,
});

/** Orders whose forecast still moves: neither cancelled nor delivered. */
const OPEN_STATUSES = ORDER_STATUSES.filter((status) => status !== 'CANCELLED' && status !== 'DELIVERED');

const deliveryRecordId = (orderId: string) => `dlv:${orderId}`;

/**
 * Order forecasts. Each progress event of an order re-estimates it (the `orders.eta` consumer),
 * and a timer refreshes the open ones no event touched; completed stage runs and deliveries
 * become the history the studio's model learns from. A forecast that moves enough for a
 * customer to care appends `order.eta.changed` to the order's timeline, so `orderProgress`
 * carries it (at tier BASIC and above, as `Order.eta`).
 */
export class EtaService {
  private readonly models = new Map<string, { model: EtaModel; fittedAt: number }>();

  constructor(private readonly clock: Clock = systemClock) {}

  /** The studio's model, refitted from its latest history at most every `ttlMs` (ETA_MODEL_TTL_SECONDS). */
  async modelFor(em: EntityManager, studioId: string, ttlMs: number): Promise<EtaModel> {
    const cached = this.models.get(studioId);
    if (cached && Date.now() - cached.fittedAt < ttlMs) return cached.model;
    const records = await em.find(DurationRecord, { studioId }, { orderBy: { finishedAt: 'desc' }, limit: HISTORY_LIMIT, filters: false });
    const model = fitEtaModel(records.map((record) => ({ ...record, operator: record.operator ?? null })));
    this.models.set(studioId, { model, fittedAt: Date.now() });
    return model;
  }

  /** Forgets fitted models (after history was imported). */
  forget(): void {
    this.models.clear();
  }

  /** The order as the model sees it now, recording its completed runs (and delivery) as history on the way. */
  private async snapshot(em: EntityManager, order: Order, record: boolean): Promise<OrderSnapshot> {
    const stages = await em.find(StageRun, { orderId: order.id }, { orderBy: { position: 'asc' }, filters: false });
    const routeDone = stages.length > 0 && stages.every((stage) => isSettled(stage.status));
    const routeDoneAt = routeDone ? new Date(Math.max(...stages.map((stage) => stage.finishedAt?.getTime() ?? 0))) : null;
    const deliveredAt =
      order.status === 'DELIVERED'
        ? ((
            await em.findOne(
              ProgressEvent,
              { orderId: order.id, type: ORDER_EVENTS.DELIVERED },
              { filters: false, orderBy: { sequence: 'desc' } },
            )
          )?.occurredAt ?? order.updatedAt)
        : null;
    if (record) await this.record(em, order, stages, routeDoneAt, deliveredAt);
    return {
      id: order.id,
      studioId: order.studioId,
      productType: order.productFamily,
      routeDoneAt,
      deliveredAt,
      currentLoad: await em.count(StageRun, { assignedToId: order.studioId, status: 'IN_PROGRESS' }, { filters: false }),
      stages: stages.map((stage) => ({
        code: stage.code,
        standardMinutes: stage.standardMinutes,
        status: stage.status,
        startedAt: stage.startedAt,
        finishedAt: stage.finishedAt,
        operator: stage.assignedToId === order.studioId ? (stage.operatorName ?? null) : null,
        heldElsewhere: stage.assignedToId !== order.studioId,
      })),
    };
  }

  /** Completed runs and the delivery of an order become history, once each (keyed by run). */
  private async record(
    em: EntityManager,
    order: Order,
    stages: StageRun[],
    routeDoneAt: Date | null,
    deliveredAt: Date | null,
  ): Promise<void> {
    const minutes = (from: Date, to: Date) => Math.max(0, (to.getTime() - from.getTime()) / MINUTE);
    const records: Omit<DurationRecord, 'studioId' | 'productType'>[] = [];
    let readyAt = order.createdAt;
    for (const stage of stages) {
      if (stage.status === 'DONE' && stage.startedAt && stage.finishedAt) {
        const operator = stage.assignedToId === order.studioId ? (stage.operatorName ?? null) : null;
        records.push({
          id: stage.id,
          kind: 'STAGE',
          code: stage.code,
          operator,
          standardMinutes: stage.standardMinutes,
          actualMinutes: minutes(stage.startedAt, stage.finishedAt),
          waitMinutes: minutes(readyAt, stage.startedAt),
          load: stage.loadAtStart ?? 0,
          finishedAt: stage.finishedAt,
        });
      }
      if (stage.finishedAt) readyAt = stage.finishedAt;
    }
    if (deliveredAt && routeDoneAt) {
      records.push({
        id: deliveryRecordId(order.id),
        kind: 'DELIVERY',
        code: 'DELIVERY',
        operator: null,
        standardMinutes: 0,
        actualMinutes: minutes(routeDoneAt, deliveredAt),
        waitMinutes: 0,
        load: 0,
        finishedAt: deliveredAt,
      });
    }
    if (records.length === 0) return;
    const known = new Set(
      (await em.find(DurationRecord, { id: { $in: records.map((record) => record.id) } }, { fields: ['id'], filters: false })).map(
        (row) => row.id,
      ),
    );
    for (const record of records)
      if (!known.has(record.id))
        em.persist(em.create(DurationRecord, { ...record, studioId: order.studioId, productType: order.productFamily }));
  }

  private async forecast(
    em: EntityManager,
    order: Order,
    record: boolean,
    settings: SubgraphSettings,
  ): Promise<{ forecast: Forecast; delivered: boolean }> {
    const snapshot = await this.snapshot(em, order, record);
    return {
      forecast: forecastOrder(await this.modelFor(em, order.studioId, settings.etaModelTtlMs), snapshot, this.clock()),
      delivered: Boolean(snapshot.deliveredAt),
    };
  }

  /**
   * Re-estimates one order in the caller's transaction: stores the forecast and, when it moved
   * enough since customers were last told, tells them (a progress entry and its event).
   * Cancelled orders have none. Given the sequence of the event that asked, it does nothing
   * unless that is the order's latest change: a backlog being caught up on forecasts once.
   */
  async estimate(
    em: EntityManager,
    orderId: string,
    actor: EventActor,
    settings: SubgraphSettings,
    triggerSequence?: number,
  ): Promise<OrderEta | null> {
    const order = await em.findOne(Order, { id: orderId }, { filters: false });
    const existing = await em.findOne(OrderEta, { orderId }, { filters: false });
    if (!order || order.status === 'CANCELLED') {
      if (existing) em.remove(existing);
      return null;
    }
    // A backlog being caught up on: only the order's latest change forecasts (and tells customers).
    if (
      triggerSequence !== undefined &&
      (await em.count(
        ProgressEvent,
        { orderId, sequence: { $gt: triggerSequence }, type: { $ne: ORDER_EVENTS.ETA_CHANGED } },
        { filters: false },
      )) > 0
    ) {
      return existing;
    }
    const { forecast, delivered } = await this.forecast(em, order, true, settings);
    const now = this.clock();
    const row = existing ? Object.assign(existing, stored(forecast, now)) : em.create(OrderEta, { orderId, ...stored(forecast, now) });
    em.persist(row);
    const publish =
      !delivered &&
      (moved(row.publishedCompletionBound, row.completionBound, now) || moved(row.publishedDeliveryBound, row.deliveryBound, now));
    if (publish) {
      row.publishedCompletionBound = row.completionBound;
      row.publishedDeliveryBound = row.deliveryBound;
      appendProgress(em, order, {
        type: ORDER_EVENTS.ETA_CHANGED,
        actor,
        at: now,
        // The order's milestone: customers see the entry from BASIC, as they see `Order.eta`.
        statusCode: order.milestoneCodeValue,
        payload: {
          completionMedian: row.completionMedian.toISOString(),
          completionLikelyBefore: row.completionBound.toISOString(),
          deliveryMedian: row.deliveryMedian.toISOString(),
          deliveryLikelyBefore: row.deliveryBound.toISOString(),
          method: forecast.basis.method,
        },
      });
    }
    return row;
  }

  /** `Order.eta`: the stored forecast (through the request's loader), or one computed now for an order not estimated yet. */
  async etaOf(
    em: EntityManager,
    order: Order,
    load: (orderId: string) => Promise<OrderEta | null>,
    settings: SubgraphSettings,
  ): Promise<Eta | null> {
    if (order.status === 'CANCELLED') return null;
    const row = await load(order.id);
    if (row) return etaView(row, order.status === 'DELIVERED');
    const { forecast, delivered } = await this.forecast(em, order, false, settings);
    return etaView(Object.assign(new OrderEta(), { orderId: order.id, ...stored(forecast, this.clock()) }), delivered);
  }

  /**
   * The timer's pass: open orders whose forecast is older than ETA_REFRESH_SECONDS (a running
   * stage that overstays moves its order's forecast with no event to say so).
   */
  async refresh(ctx: RequestContext<unknown>, limit = 200): Promise<number> {
    const before = this.clock().getTime() - ctx.settings.etaRefreshMs;
    const em = ctx.em.fork();
    const open = await em.find(Order, { status: { $in: OPEN_STATUSES } }, { fields: ['id'], filters: false, limit: 5000 });
    const computed = new Map(
      (
        await em.find(OrderEta, { orderId: { $in: open.map((order) => order.id) } }, { fields: ['orderId', 'computedAt'], filters: false })
      ).map((row) => [row.orderId, row.computedAt.getTime()]),
    );
    const due = open.filter((order) => (computed.get(order.id) ?? 0) < before).slice(0, limit);
    for (const order of due) await inTransaction(ctx, (tx) => this.estimate(tx, order.id, ctx.actor, ctx.settings));
    return due.length;
  }
}

export const etaService = new EtaService();
