import type { EntityManager } from '@mikro-orm/core';
import { VOCABULARY, VocabularyError } from '../../contracts';
import { badInput, failedPrecondition, notFound } from '../shared/errors';
import { requireId } from '../shared/ids';
import { Order } from './entities/order';
import { StageRun } from './entities/stage-run';
import type { OrderStatus } from './stage-rules';

/** A service's clock: real time in production, a fixed one when seeding history. */
export type Clock = () => Date;
export const systemClock: Clock = () => new Date();

export const ID_PREFIX = { order: 'ord', line: 'oln', stage: 'stg', exception: 'exc', shipment: 'shp', shipmentEvent: 'sev' } as const;

export async function loadOrder(em: EntityManager, orderId: string): Promise<Order> {
  requireId(ID_PREFIX.order, orderId, 'order');
  const order = await em.findOne(Order, { id: orderId });
  if (!order) throw notFound('Order', orderId);
  return order;
}

/** A stage run with its order and the order's whole route, in route order. */
export async function loadStage(em: EntityManager, stageRunId: string): Promise<{ stage: StageRun; order: Order; route: StageRun[] }> {
  requireId(ID_PREFIX.stage, stageRunId, 'stage run');
  const stage = await em.findOne(StageRun, { id: stageRunId });
  if (!stage) throw notFound('Stage run', stageRunId);
  const order = await loadOrder(em, stage.orderId);
  const route = await loadRoute(em, order.id);
  return { stage, order, route };
}

export function loadRoute(em: EntityManager, orderId: string): Promise<StageRun[]> {
  return em.find(StageRun, { orderId }, { orderBy: { position: 'asc' } });
}

const CLOSED: readonly OrderStatus[] = ['CANCELLED', 'DELIVERED', 'SHIPPED'];

export function requireOpen(order: Order): void {
  if (CLOSED.includes(order.status)) {
    throw failedPrecondition('ORDER_CLOSED', `Order "${order.id}" is ${order.status.toLowerCase()} and can no longer change`, { status: order.status });
  }
}

/** A status code this studio may put on a route: a standard code, or one of its own extensions. */
export function requireStatusCodeFor(studioId: string, code: string): string {
  try {
    const found = VOCABULARY.requireStatus(code);
    if (found.parent && (found as { enterpriseId?: string }).enterpriseId !== studioId) {
      throw badInput(`Status code "${code}" is another enterprise's extension`, { field: 'statusCode', value: code });
    }
    return found.code;
  } catch (error) {
    if (error instanceof VocabularyError) throw badInput(error.message, { field: 'statusCode', value: code });
    throw error;
  }
}

export function requireExceptionCodeFor(studioId: string, code: string): string {
  try {
    const found = VOCABULARY.requireException(code);
    if (found.parent && (found as { enterpriseId?: string }).enterpriseId !== studioId) {
      throw badInput(`Exception code "${code}" is another enterprise's extension`, { field: 'code', value: code });
    }
    return found.code;
  } catch (error) {
    if (error instanceof VocabularyError) throw badInput(error.message, { field: 'code', value: code });
    throw error;
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
