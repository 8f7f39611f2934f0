import type { EntityManager } from '@mikro-orm/core';
import { ORDER_EVENTS, STATUS } from '../../contracts';
import type { RequestContext } from '../../platform/access/context';
import { failedPrecondition } from '../../platform/base/errors';
import { newId, requireEnterpriseId, requireId } from '../../platform/data/ids';
import { idempotent, inTransaction } from '../../platform/data/transactions';
import type { Order } from './entities/order';
import { OrderLine } from './entities/order';
import { StageRun } from './entities/stage-run';
import { TraceCode } from './entities/trace';
import type { CompleteStageInput, OperatorInput } from './inputs';
import { appendProgress } from './progress-log';
import { delayService } from './delay.service';
import { followRoute, isClosed, planDueDates, requireOpen, startBlocker } from './lifecycle/route';
import { studioCalendar } from './resource-events';
import { requireOperatorSkill } from './studio-resources';
import { ID_PREFIX, loadStage } from './order-loaders';
import { type Clock, systemClock } from './clock';
import { allows, ORDER_MACHINE, STAGE_MACHINE } from './lifecycle/machines';
import { requireMove, transition } from './lifecycle/transition';
import type { QcResult } from './lifecycle/states';

const stagePayload = (stage: StageRun) => ({
  stageRunId: stage.id,
  statusCode: stage.code,
  position: stage.position,
  status: stage.status,
  assignedTo: stage.assignedToId,
});

/**
 * The enterprise holding a stage works it: the studio's own staff, or the partner it was
 * assigned to — not both.
 */
function requireHolder(ctx: RequestContext<unknown>, stage: StageRun): void {
  if (ctx.viewer.system || stage.assignedToId === ctx.viewer.org) return;
  throw failedPrecondition('STAGE_HELD_ELSEWHERE', `Stage run "${stage.id}" is held by ${stage.assignedToId}`, {
    stageRunId: stage.id,
    assignedTo: stage.assignedToId,
  });
}

/** Finishing QC & packing gives every unit of every line its traceability code. */
async function issueTraceCodes(em: EntityManager, order: Order, ctx: RequestContext<unknown>, now: Date): Promise<void> {
  if ((await em.count(TraceCode, { orderId: order.id }, { filters: false })) > 0) return;
  const codes: string[] = [];
  for (const line of await em.find(OrderLine, { orderId: order.id }, { orderBy: { position: 'asc' }, filters: false })) {
    for (let unit = 1; unit <= line.quantity; unit += 1) {
      const code = `WT${newId('x', now.getTime()).slice(2)}`;
      em.persist(
        em.create(TraceCode, {
          code,
          orderId: order.id,
          studioId: order.studioId,
          productCode: line.productCode,
          gtin: line.gtin ?? null,
          unit,
          issuedAt: now,
        }),
      );
      codes.push(code);
    }
  }
  appendProgress(em, order, { type: ORDER_EVENTS.TRACE_CODES_ISSUED, actor: ctx.actor, at: now, payload: { codes } });
}

/**
 * Gives a stage that has not started to another holder (a partner, a kitchen, or back to the
 * studio) and logs it. A no-op when it already holds it or has started.
 */
export function handOver(
  em: EntityManager,
  order: Order,
  stage: StageRun,
  enterpriseId: string,
  actor: RequestContext['actor'],
  at: Date,
): boolean {
  if (stage.assignedToId === enterpriseId || stage.status !== 'PENDING' || isClosed(order)) return false;
  const previous = stage.assignedToId;
  stage.assignedToId = enterpriseId;
  appendProgress(em, order, {
    type: ORDER_EVENTS.STAGE_ASSIGNED,
    actor,
    at,
    statusCode: stage.code,
    stageRunId: stage.id,
    payload: { ...stagePayload(stage), previouslyAssignedTo: previous },
  });
  return true;
}

/** The stages held outside the studio that may start now: the ones whose holder waits to be told. */
function readyElsewhere(order: Order, route: readonly StageRun[]): Set<StageRun> {
  return new Set(
    route.filter(
      (stage) =>
        stage.status === 'PENDING' && stage.assignedToId && stage.assignedToId !== order.studioId && startBlocker(route, stage) === null,
    ),
  );
}

/** Stage runs: starting, completing and QC. Start and complete are safe to repeat as they are. */
export class StageService {
  constructor(private readonly clock: Clock = systemClock) {}

  async startStage(ctx: RequestContext<unknown>, stageRunId: string, operator?: OperatorInput): Promise<StageRun> {
    requireId(ID_PREFIX.stage, stageRunId, 'stage run');
    return inTransaction(ctx, async (em) => {
      const { stage, order, route } = await loadStage(em, stageRunId);
      // A repeated start (or a start after completion) answers with the stage as it is.
      if (stage.status === 'IN_PROGRESS' || stage.status === 'DONE') return stage;
      requireOpen(order);
      requireHolder(ctx, stage);
      requireMove(STAGE_MACHINE, stage, 'IN_PROGRESS');
      const blocker = startBlocker(route, stage);
      if (blocker) {
        throw failedPrecondition(
          blocker.reason,
          blocker.reason === 'QC_NOT_PASSED'
            ? `Stage run "${stage.id}" cannot start: QC checkpoint "${blocker.stageId}" has not passed`
            : `Stage run "${stage.id}" cannot start before stage run "${blocker.stageId}" is done`,
          { stageRunId: stage.id, blockingStageRunId: blocker.stageId },
        );
      }
      // A registered operator must have the skill the stage needs (a partner's workshop keeps its own people).
      if (operator?.code && stage.assignedToId === order.studioId)
        await requireOperatorSkill(em, order.studioId, operator.code, stage.skill, 'operator.code');
      const now = this.clock();
      // The holder's load before this stage joins it (forecasts learn waits by load).
      stage.loadAtStart = await em.count(StageRun, { assignedToId: stage.assignedToId, status: 'IN_PROGRESS' }, { filters: false });
      stage.startedAt = now;
      if (operator) {
        stage.operatorName = operator.name;
        stage.operatorPenName = operator.penName;
      }
      transition(em, STAGE_MACHINE, stage, 'IN_PROGRESS', order, {
        statusCode: stage.code,
        progress: () => ({
          type: ORDER_EVENTS.STAGE_STARTED,
          actor: ctx.actor,
          at: now,
          statusCode: stage.code,
          stageRunId: stage.id,
          payload: stagePayload(stage),
        }),
      });
      if (allows(ORDER_MACHINE, order.status, 'IN_PRODUCTION')) transition(em, ORDER_MACHINE, order, 'IN_PRODUCTION', order);
      planDueDates(order, route, now, await studioCalendar(em, order.studioId));
      return stage;
    });
  }

  async completeStage(ctx: RequestContext<unknown>, stageRunId: string, given?: CompleteStageInput | null): Promise<StageRun> {
    requireId(ID_PREFIX.stage, stageRunId, 'stage run');
    // `input: null` is as good as leaving it out (it used to fail as an internal error).
    const input = given ?? {};
    return inTransaction(ctx, async (em) => {
      const { stage, order, route } = await loadStage(em, stageRunId);
      if (stage.status === 'DONE') return stage;
      requireOpen(order);
      requireHolder(ctx, stage);
      if (stage.status === 'PENDING') {
        throw failedPrecondition('STAGE_NOT_STARTED', `Stage run "${stage.id}" has not started`, { stageRunId: stage.id });
      }
      if (stage.qcCheckpoint && stage.qcResult !== 'PASS') {
        throw failedPrecondition(
          stage.qcResult === 'FAIL' ? 'QC_FAILED' : 'QC_RESULT_MISSING',
          `Stage run "${stage.id}" is a QC checkpoint: record a passing QC result before completing it`,
          { stageRunId: stage.id },
        );
      }
      const now = this.clock();
      const readyBefore = readyElsewhere(order, route);
      stage.finishedAt = now;
      if (input.environment)
        stage.environment = input.environment.map((reading) => ({ ...reading, recordedAt: reading.recordedAt ?? now }));
      if (input.processParameters) stage.processParameters = input.processParameters.map((parameter) => ({ ...parameter }));
      if (input.photoUrls) stage.photoUrls = [...input.photoUrls];
      transition(em, STAGE_MACHINE, stage, 'DONE', order, {
        statusCode: stage.code,
        progress: () => ({
          type: ORDER_EVENTS.STAGE_COMPLETED,
          actor: ctx.actor,
          at: now,
          statusCode: stage.code,
          stageRunId: stage.id,
          payload: stagePayload(stage),
        }),
      });
      // The route done makes the order: the customer is told (order.completed) with a share link.
      followRoute(em, order, route, () => ({
        type: ORDER_EVENTS.COMPLETED,
        actor: ctx.actor,
        at: now,
        statusCode: order.statusCodeValue,
        payload: { statusCode: order.statusCodeValue },
      }));
      planDueDates(order, route, now, await studioCalendar(em, order.studioId));
      // A partner following its stage learns it may start (the stage just done is not its to see).
      for (const next of readyElsewhere(order, route)) {
        if (readyBefore.has(next)) continue;
        appendProgress(em, order, {
          type: ORDER_EVENTS.STAGE_READY,
          actor: ctx.actor,
          at: now,
          statusCode: next.code,
          stageRunId: next.id,
          payload: stagePayload(next),
        });
      }
      await delayService.closeFor(em, stage.id, now);
      if (stage.code === STATUS.QC_AND_PACKING) await issueTraceCodes(em, order, ctx, now);
      return stage;
    });
  }

  /** QC on a checkpoint stage: FAIL blocks it (and so every later stage); PASS after rework resumes it. */
  async recordQcResult(
    ctx: RequestContext<unknown>,
    stageRunId: string,
    result: QcResult,
    note: string | undefined,
    idempotencyKey: string,
  ): Promise<StageRun> {
    requireId(ID_PREFIX.stage, stageRunId, 'stage run');
    const id = await inTransaction(ctx, (em) =>
      idempotent(em, ctx.viewer, 'recordQcResult', idempotencyKey, { stageRunId, result, note }, async () => {
        const { stage, order } = await loadStage(em, stageRunId);
        requireOpen(order);
        requireHolder(ctx, stage);
        if (!stage.qcCheckpoint)
          throw failedPrecondition('NOT_A_QC_CHECKPOINT', `Stage run "${stage.id}" is not a QC checkpoint`, { stageRunId: stage.id });
        if (stage.status !== 'IN_PROGRESS' && stage.status !== 'BLOCKED') {
          throw failedPrecondition(
            'STAGE_NOT_IN_PROGRESS',
            `QC is recorded while a stage runs; stage run "${stage.id}" is ${stage.status}`,
            { stageRunId: stage.id },
          );
        }
        const now = this.clock();
        stage.qcResult = result;
        stage.qcNote = note ?? null;
        const type = result === 'FAIL' ? ORDER_EVENTS.STAGE_BLOCKED : ORDER_EVENTS.QC_RECORDED;
        const progress = () => ({
          type,
          actor: ctx.actor,
          at: now,
          statusCode: stage.code,
          stageRunId: stage.id,
          payload: { ...stagePayload(stage), qcResult: result },
        });
        // FAIL blocks a running checkpoint, PASS after rework resumes it; any other result is recorded as it stands.
        const to =
          result === 'FAIL' && stage.status === 'IN_PROGRESS'
            ? 'BLOCKED'
            : result === 'PASS' && stage.status === 'BLOCKED'
              ? 'IN_PROGRESS'
              : null;
        if (to) transition(em, STAGE_MACHINE, stage, to, order, { progress });
        else appendProgress(em, order, progress());
        return stage.id;
      }),
    );
    return ctx.em.fork().findOneOrFail(StageRun, { id });
  }

  /**
   * Hands a stage that has not started to another enterprise (a partner workshop, a kitchen) or
   * back to the studio. The holder is the only one who may then start, complete and QC it.
   */
  async assignStage(ctx: RequestContext<unknown>, stageRunId: string, enterpriseId: string, idempotencyKey: string): Promise<StageRun> {
    requireId(ID_PREFIX.stage, stageRunId, 'stage run');
    requireEnterpriseId(enterpriseId, 'enterpriseId');
    const id = await inTransaction(ctx, (em) =>
      idempotent(em, ctx.viewer, 'assignStage', idempotencyKey, { stageRunId, enterpriseId }, async () => {
        const { stage, order } = await loadStage(em, stageRunId);
        requireOpen(order);
        if (stage.status !== 'PENDING' && stage.assignedToId !== enterpriseId) {
          throw failedPrecondition(
            'STAGE_ALREADY_STARTED',
            `Stage run "${stage.id}" is ${stage.status.toLowerCase()}: only a stage that has not started can change hands`,
            { stageRunId: stage.id },
          );
        }
        // The route said whether a partner may take this stage (copied onto it at import).
        if (!stage.partnerAllowed && enterpriseId !== order.studioId)
          throw failedPrecondition(
            'PARTNER_NOT_ALLOWED',
            `Stage run "${stage.id}" (${stage.code}) stays in the studio: its route allows no partner`,
            {
              stageRunId: stage.id,
              field: 'enterpriseId',
            },
          );
        handOver(em, order, stage, enterpriseId, ctx.actor, this.clock());
        return stage.id;
      }),
    );
    return ctx.em.fork().findOneOrFail(StageRun, { id });
  }
}
