import type { EntityManager } from '@mikro-orm/core';
import { ORDER_ID_PREFIX, STATUS, VOCABULARY, VocabularyEntry, VocabularyError } from '../../contracts';
import { badInput, failedPrecondition, notFound } from '../../platform/graphql/errors';
import { requireId } from '../../platform/data/ids';
import { Order } from './entities/order';
import { StageRun } from './entities/stage-run';
import { canOrderTransition, isSettled, type OrderStatus } from './stage-rules';

/** A service's clock: real time in production, a fixed one when seeding history. */
export type Clock = () => Date;
export const systemClock: Clock = () => new Date();

export const ID_PREFIX = ORDER_ID_PREFIX;

/**
 * The order, if the caller may see it: the row filter decides, so an order that is not yours
 * answers NOT_FOUND exactly as one that does not exist.
 */
export async function loadOrder(em: EntityManager, orderId: string): Promise<Order> {
  requireId(ID_PREFIX.order, orderId, 'order');
  const order = await em.findOne(Order, { id: orderId });
  if (!order) throw notFound('Order', orderId);
  return order;
}

/**
 * A stage run the caller may see (NOT_FOUND otherwise), with its order and the order's whole
 * route in route order. Once the stage passed the row filter, the aggregate is read whole: a
 * partner holding one stage must still be checked against the stages before it.
 */
export async function loadStage(em: EntityManager, stageRunId: string): Promise<{ stage: StageRun; order: Order; route: StageRun[] }> {
  requireId(ID_PREFIX.stage, stageRunId, 'stage run');
  const visible = await em.findOne(StageRun, { id: stageRunId });
  if (!visible) throw notFound('Stage run', stageRunId);
  const order = await em.findOneOrFail(Order, { id: visible.orderId }, { filters: false });
  const route = await loadRoute(em, order.id);
  return { stage: route.find((stage) => stage.id === stageRunId)!, order, route };
}

/** The whole route of an order the caller was already allowed to act on. */
export function loadRoute(em: EntityManager, orderId: string): Promise<StageRun[]> {
  return em.find(StageRun, { orderId }, { orderBy: { position: 'asc' }, filters: false });
}

const CLOSED: readonly OrderStatus[] = ['CANCELLED', 'DELIVERED', 'SHIPPED'];

export const isClosed = (order: Order): boolean => CLOSED.includes(order.status);

export function requireOpen(order: Order): void {
  if (isClosed(order)) {
    throw failedPrecondition('ORDER_CLOSED', `Order "${order.id}" is ${order.status.toLowerCase()} and can no longer change`, { status: order.status });
  }
}

/**
 * A code this studio may use: a standard one, or one of its own extensions. Unknown codes and
 * other enterprises' extensions are BAD_USER_INPUT on `field`.
 */
function requireCodeFor(lookup: (code: string) => VocabularyEntry<{ code: string }>, what: string, field: string, studioId: string, code: string): string {
  let found: VocabularyEntry<{ code: string }>;
  try {
    found = lookup(code);
  } catch (error) {
    if (error instanceof VocabularyError) throw badInput(error.message, { field, value: code });
    throw error;
  }
  if (found.parent && found.enterpriseId !== studioId) {
    throw badInput(`${what} "${code}" is another enterprise's extension`, { field, value: code });
  }
  return found.code;
}

export const requireStatusCodeFor = (studioId: string, code: string) => requireCodeFor(VOCABULARY.requireStatus, 'Status code', 'statusCode', studioId, code);
export const requireExceptionCodeFor = (studioId: string, code: string) => requireCodeFor(VOCABULARY.requireException, 'Exception code', 'code', studioId, code);

/**
 * Moves the order with its route: ready to ship once every stage is settled (status code: the
 * last stage done), back in production when a route change adds work to a ready order.
 */
export function followRoute(order: Order, route: StageRun[]): void {
  const settled = route.every((stage) => isSettled(stage.status));
  if (!settled && order.status === 'READY_TO_SHIP') order.status = 'IN_PRODUCTION';
  if (settled && order.status !== 'READY_TO_SHIP' && canOrderTransition(order.status, 'READY_TO_SHIP')) {
    order.status = 'READY_TO_SHIP';
    order.statusCodeValue = route.filter((stage) => stage.status === 'DONE').at(-1)?.code ?? STATUS.ORDER_RECEIVED;
  }
}

const MINUTE = 60_000;

/**
 * Plans due dates along the route: a done stage anchors the plan at its finish, a running stage
 * is due its standard time after it started, and each pending stage follows the one before.
 */
export function planDueDates(order: Order, route: StageRun[], now: Date): void {
  let cursor = order.createdAt.getTime();
  for (const stage of route) {
    if (stage.status === 'CANCELLED') continue;
    if (stage.status === 'DONE') {
      cursor = (stage.finishedAt ?? stage.dueAt ?? now).getTime();
      continue;
    }
    if (stage.status === 'IN_PROGRESS' || stage.status === 'BLOCKED') {
      stage.dueAt = new Date((stage.startedAt ?? now).getTime() + stage.standardMinutes * MINUTE);
    } else {
      stage.dueAt = new Date(cursor + stage.standardMinutes * MINUTE);
    }
    cursor = stage.dueAt.getTime();
  }
  order.dueAt = new Date(cursor);
}
