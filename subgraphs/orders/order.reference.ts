import type { GraphQLContext } from '../../platform/access/context';
import { isId } from '../../platform/data/ids';
import type { Order } from './entities/order';
import type { OrderLoaders } from './loaders';
import { ID_PREFIX } from './order-loaders';

/**
 * `_entities` lookups from other subgraphs batch through the same loader (and row rules) as
 * `order(id)`. A representation may carry fields this subgraph `@requires` from another one.
 */
export async function resolveOrderReference(
  reference: Pick<Order, 'id' | 'materialCostCents'>,
  { ctx }: GraphQLContext<OrderLoaders>,
): Promise<Order | null> {
  if (!isId(ID_PREFIX.order, reference.id)) return null;
  const order = await ctx.loaders.order.load(reference.id);
  if (order && reference.materialCostCents !== undefined) order.materialCostCents = reference.materialCostCents;
  return order;
}
