import type { GraphQLContext } from '../shared/context';
import { isId } from '../shared/ids';
import type { Order } from './entities/order';
import type { OrderLoaders } from './loaders';
import { ID_PREFIX } from './order-access';

/** `_entities` lookups from other subgraphs batch through the same loader as `order(id)`. */
export async function resolveOrderReference(reference: Pick<Order, 'id'>, { ctx }: GraphQLContext<OrderLoaders>): Promise<Order | null> {
  if (!isId(ID_PREFIX.order, reference.id)) return null;
  return ctx.loaders.order.load(reference.id);
}
