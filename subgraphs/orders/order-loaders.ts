import type { EntityManager } from '@mikro-orm/core';
import { ORDER_ID_PREFIX } from '../../contracts';
import { notFound } from '../../platform/base/errors';
import { requireId } from '../../platform/data/ids';
import { Order } from './entities/order';
import { StageRun } from './entities/stage-run';

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
