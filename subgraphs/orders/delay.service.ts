import type { EntityManager } from '@mikro-orm/core';
import { DELAY_THRESHOLDS, ORDER_EVENTS, type DelayChoice, type EventActor } from '../../contracts';
import type { RequestContext } from '../../platform/access/context';
import { badInput, conflict, failedPrecondition, notFound } from '../../platform/base/errors';
import { newId, requireEnterpriseId } from '../../platform/data/ids';
import { idempotent, inTransaction } from '../../platform/data/transactions';
import { DelayAlert, DelayPolicy } from './entities/delay';
import { Order } from './entities/order';
import { OrderException } from './entities/progress';
import { StageRun } from './entities/stage-run';
import { appendProgress } from './progress-log';
import { type Clock, systemClock } from './clock';

const THRESHOLDS = [DELAY_THRESHOLDS.SUPERVISORS, DELAY_THRESHOLDS.CUSTOMER] as const;

/**
 * The answers a notice offers: accepting the delay (with a compensation the studio offers, if the
 * customer picks one) or being contacted. Cancelling a rush needs an order with a rush, and no
 * order carries one yet (no shop channel sends it), so no notice offers CANCEL_RUSH today.
 */
export function delayChoicesOf(alert: Pick<DelayAlert, 'threshold'>): DelayChoice[] {
  return alert.threshold === DELAY_THRESHOLDS.CUSTOMER ? ['ACCEPT_DELAY', 'CONTACT_ME'] : [];
}

/** How far over its standard duration a running stage is, in whole percent (null if not running). */
export function overrunPercent(stage: Pick<StageRun, 'status' | 'startedAt' | 'standardMinutes'>, now: Date): number | null {
  if (stage.status !== 'IN_PROGRESS' || !stage.startedAt || stage.standardMinutes <= 0) return null;
  return Math.floor(((now.getTime() - stage.startedAt.getTime()) / (stage.standardMinutes * 60_000) - 1) * 100);
}

/** `<stage run>:<threshold>` of the alerts these stages already have. */
async function raisedOf(em: EntityManager, stages: readonly Pick<StageRun, 'id'>[]): Promise<Set<string>> {
  const known = await em.find(
    DelayAlert,
    { stageRunId: { $in: stages.map((stage) => stage.id) } },
    { filters: false, fields: ['stageRunId', 'threshold'] },
  );
  return new Set(known.map((alert) => `${alert.stageRunId}:${alert.threshold}`));
}

/** The thresholds a running stage has passed that have no alert yet. */
function pendingThresholds(
  stage: Pick<StageRun, 'id' | 'status' | 'startedAt' | 'standardMinutes'>,
  now: Date,
  raised: Set<string>,
): number[] {
  const overrun = overrunPercent(stage, now);
  return overrun === null ? [] : THRESHOLDS.filter((threshold) => overrun >= threshold && !raised.has(`${stage.id}:${threshold}`));
}

/**
 * Delay alerts. Running stages are evaluated on every progress event of their order (a
 * consumer) and on a timer; each threshold a stage passes raises one alert, once, whatever the
 * number of evaluations or instances (the alert's unique key on stage run and threshold), and
 * writes a progress entry: the supervisors' alert at 30 %, the customer's notice at 50 %, with
 * the reason (the order's open exception) and the studio's compensation options. Completing the
 * stage closes its alerts.
 */
export class DelayService {
  constructor(private readonly clock: Clock = systemClock) {}

  /** Raises what the given running stages have reached, in the caller's transaction. */
  async raiseDue(em: EntityManager, stages: StageRun[], actor: EventActor): Promise<DelayAlert[]> {
    const now = this.clock();
    const late = stages.filter((stage) => (overrunPercent(stage, now) ?? -1) >= DELAY_THRESHOLDS.SUPERVISORS);
    if (late.length === 0) return [];
    const raised = await raisedOf(em, late);
    const created: DelayAlert[] = [];
    for (const stage of late) {
      const thresholds = pendingThresholds(stage, now, raised);
      if (thresholds.length === 0) continue;
      // What every alert of this stage carries: its order, the reason given, the studio's offer.
      const order = await em.findOneOrFail(Order, { id: stage.orderId }, { filters: false });
      const reason = await em.findOne(
        OrderException,
        { orderId: order.id, status: 'OPEN' },
        { orderBy: { reportedAt: 'desc' }, filters: false },
      );
      const policy = thresholds.includes(DELAY_THRESHOLDS.CUSTOMER)
        ? await em.findOne(DelayPolicy, { studioId: order.studioId }, { filters: false })
        : null;
      const overrun = overrunPercent(stage, now)!;
      for (const threshold of thresholds) {
        const alert = em.create(DelayAlert, {
          id: newId('alr', now.getTime()),
          studioId: order.studioId,
          orderId: order.id,
          stageRunId: stage.id,
          stageCode: stage.code,
          threshold,
          raisedAt: now,
          overrunPercent: overrun,
          reasonCode: reason?.code ?? null,
          compensationOptions: threshold === DELAY_THRESHOLDS.CUSTOMER ? (policy?.compensationOptions ?? []) : [],
        });
        em.persist(alert);
        appendProgress(em, order, {
          type: threshold === DELAY_THRESHOLDS.CUSTOMER ? ORDER_EVENTS.DELAY_NOTICE : ORDER_EVENTS.DELAY_ALERTED,
          actor,
          at: now,
          statusCode: stage.code,
          stageRunId: stage.id,
          payload: {
            alertId: alert.id,
            stageRunId: stage.id,
            statusCode: stage.code,
            threshold,
            overrunPercent: overrun,
            reasonCode: alert.reasonCode ?? null,
            compensationOptions: alert.compensationOptions,
          },
        });
        created.push(alert);
      }
    }
    return created;
  }

  /**
   * The timer's pass over every running stage of the hub (or of one order): a transaction only
   * for the orders with a threshold passed and not yet alerted.
   */
  async evaluate(ctx: RequestContext<unknown>, orderId?: string): Promise<number> {
    const em = ctx.em.fork();
    const now = this.clock();
    const running = await em.find(
      StageRun,
      { status: 'IN_PROGRESS', startedAt: { $ne: null }, ...(orderId ? { orderId } : {}) },
      { filters: false, fields: ['id', 'orderId', 'status', 'startedAt', 'standardMinutes'], limit: 5000 },
    );
    const late = running.filter((stage) => (overrunPercent(stage, now) ?? -1) >= DELAY_THRESHOLDS.SUPERVISORS);
    if (late.length === 0) return 0;
    const alerted = await raisedOf(em, late);
    const pending = late.filter((stage) => pendingThresholds(stage, now, alerted).length > 0);
    let raised = 0;
    for (const order of new Set(pending.map((stage) => stage.orderId))) {
      raised += (
        await inTransaction(ctx, async (tx) =>
          this.raiseDue(tx, await tx.find(StageRun, { orderId: order, status: 'IN_PROGRESS' }, { filters: false }), ctx.actor),
        )
      ).length;
    }
    return raised;
  }

  /** Completing a stage closes its alerts (in the completion's transaction). */
  async closeFor(em: EntityManager, stageRunId: string, at: Date): Promise<void> {
    await em.nativeUpdate(DelayAlert, { stageRunId, status: 'OPEN' }, { status: 'CLOSED', closedAt: at }, { filters: false });
  }

  /** The customer's answer to a notice on their order; the same answer again changes nothing. */
  async respond(
    ctx: RequestContext<unknown>,
    alertId: string,
    choice: DelayChoice,
    idempotencyKey: string,
    compensation: string | null = null,
  ): Promise<DelayAlert> {
    // The row rule shows a customer the notices of their own orders only. It is asked before the
    // transaction: it reads the customer's orders on a connection of its own (SQLite has one).
    if (!(await ctx.em.fork().findOne(DelayAlert, { id: alertId }))) throw notFound('Alert', alertId);
    const id = await inTransaction(ctx, (em) =>
      idempotent(em, ctx.viewer, 'respondToDelay', idempotencyKey, { alertId, choice, compensation }, async () => {
        const alert = await em.findOneOrFail(DelayAlert, { id: alertId }, { filters: false });
        if (alert.threshold !== DELAY_THRESHOLDS.CUSTOMER)
          throw failedPrecondition('NOT_A_CUSTOMER_NOTICE', `Alert "${alertId}" is for the studio, not a notice to answer`, { alertId });
        if (alert.customerResponse && alert.customerResponse !== choice) {
          throw conflict(`Alert "${alertId}" was already answered with ${alert.customerResponse}`, {
            alertId,
            customerResponse: alert.customerResponse,
          });
        }
        if (!alert.customerResponse) {
          if (!delayChoicesOf(alert).includes(choice))
            throw failedPrecondition('CHOICE_NOT_OFFERED', `This notice does not offer ${choice}`, { alertId, choice });
          if (compensation !== null && !alert.compensationOptions.includes(compensation))
            throw badInput('That compensation is not one this notice offers', { field: 'compensation', alertId });
          if (compensation !== null && choice !== 'ACCEPT_DELAY')
            throw badInput('A compensation goes with accepting the delay', { field: 'compensation', alertId });
          const now = this.clock();
          alert.customerResponse = choice;
          alert.chosenCompensation = compensation;
          alert.respondedAt = now;
          const order = await em.findOneOrFail(Order, { id: alert.orderId }, { filters: false });
          appendProgress(em, order, {
            type: ORDER_EVENTS.DELAY_RESPONDED,
            actor: ctx.actor,
            at: now,
            statusCode: alert.stageCode,
            stageRunId: alert.stageRunId,
            payload: { alertId, choice },
          });
        }
        return alert.id;
      }),
    );
    return ctx.em.fork().findOneOrFail(DelayAlert, { id }, { filters: false });
  }

  /** What the studio offers when a stage runs late; copied into each notice as it is raised. */
  async setCompensation(ctx: RequestContext<unknown>, studioId: string, options: string[]): Promise<DelayPolicy> {
    requireEnterpriseId(studioId, 'studioId');
    const cleaned = [...new Set(options.map((option) => option.trim()).filter(Boolean))];
    return inTransaction(ctx, async (em) => {
      const policy =
        (await em.findOne(DelayPolicy, { studioId }, { filters: false })) ?? em.create(DelayPolicy, { studioId, compensationOptions: [] });
      policy.compensationOptions = cleaned;
      em.persist(policy);
      return policy;
    });
  }
}

export const delayService = new DelayService();
