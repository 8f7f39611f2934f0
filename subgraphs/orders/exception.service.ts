import { ORDER_EVENTS } from '../../contracts';
import type { RequestContext } from '../../platform/access/context';
import { badInput, failedPrecondition, notFound } from '../../platform/base/errors';
import { newId, requireId } from '../../platform/data/ids';
import { idempotent, inTransaction } from '../../platform/data/transactions';
import { OrderException } from './entities/progress';
import { StageRun } from './entities/stage-run';
import { appendProgress } from './progress-log';
import { ID_PREFIX, loadOrder } from './order-loaders';
import { requireExceptionCodeFor } from './studio-codes';
import { requireOpen } from './lifecycle/route';
import { type Clock, systemClock } from './clock';

/** Exceptions on orders, coded by the shared taxonomy. */
export class ExceptionService {
  constructor(private readonly clock: Clock = systemClock) {}

  async reportException(
    ctx: RequestContext<unknown>,
    input: { orderId: string; stageRunId?: string; code: string; note?: string },
    idempotencyKey: string,
  ): Promise<OrderException> {
    requireId(ID_PREFIX.order, input.orderId, 'order');
    if (input.stageRunId) requireId(ID_PREFIX.stage, input.stageRunId, 'stage run');
    const id = await inTransaction(ctx, (em) =>
      idempotent(em, ctx.viewer, 'reportException', idempotencyKey, input, async () => {
        const order = await loadOrder(em, input.orderId);
        const code = requireExceptionCodeFor(order.studioId, input.code);
        requireOpen(order);
        if (input.stageRunId && !(await em.findOne(StageRun, { id: input.stageRunId, orderId: order.id }))) {
          throw badInput(`Stage run "${input.stageRunId}" is not on order "${order.id}"`, { field: 'stageRunId' });
        }
        const now = this.clock();
        const exception = em.create(OrderException, {
          id: newId(ID_PREFIX.exception, now.getTime()),
          orderId: order.id,
          studioId: order.studioId,
          stageRunId: input.stageRunId ?? null,
          code,
          note: input.note ?? null,
          status: 'OPEN',
          reportedAt: now,
        });
        em.persist(exception);
        appendProgress(em, order, {
          type: ORDER_EVENTS.EXCEPTION_REPORTED,
          actor: ctx.actor,
          at: now,
          stageRunId: exception.stageRunId,
          note: exception.note,
          payload: { exceptionId: exception.id, exceptionCode: code, stageRunId: exception.stageRunId ?? null },
        });
        return exception.id;
      }),
    );
    return (await ctx.em.fork().findOne(OrderException, { id }))!;
  }

  async resolveException(
    ctx: RequestContext<unknown>,
    exceptionId: string,
    resolution: string,
    idempotencyKey: string,
  ): Promise<OrderException> {
    requireId(ID_PREFIX.exception, exceptionId, 'exception');
    if (!resolution.trim()) throw badInput('A resolution needs a description', { field: 'resolution' });
    const id = await inTransaction(ctx, (em) =>
      idempotent(em, ctx.viewer, 'resolveException', idempotencyKey, { exceptionId, resolution }, async () => {
        const exception = await em.findOne(OrderException, { id: exceptionId });
        if (!exception) throw notFound('Exception', exceptionId);
        if (exception.status === 'RESOLVED')
          throw failedPrecondition('EXCEPTION_RESOLVED', `Exception "${exceptionId}" is already resolved`);
        const order = await loadOrder(em, exception.orderId);
        const now = this.clock();
        exception.status = 'RESOLVED';
        exception.resolvedAt = now;
        exception.resolution = resolution;
        appendProgress(em, order, {
          type: ORDER_EVENTS.EXCEPTION_RESOLVED,
          actor: ctx.actor,
          at: now,
          stageRunId: exception.stageRunId,
          payload: { exceptionId: exception.id, exceptionCode: exception.code },
        });
        return exception.id;
      }),
    );
    return (await ctx.em.fork().findOne(OrderException, { id }))!;
  }
}
