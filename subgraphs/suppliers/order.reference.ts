import type { GraphQLContext } from '../../platform/access/context';
import type { EnterpriseSupply } from './entities/references';
import type { OrderSupply } from './entities/order-supply';
import type { SupplierLoaders } from './loaders';

/** `_entities` for Order: what this subgraph knows of it, under the same row rules as any query. */
export function resolveOrderSupplyReference(
  reference: { id: string },
  { ctx }: GraphQLContext<SupplierLoaders>,
): Promise<OrderSupply | null> {
  return ctx.loaders.orderSupply.load(reference.id);
}

/** `_entities` for Enterprise: every enterprise can be asked for its supplier terms (null when it has none). */
export function resolveEnterpriseSupplyReference(reference: { id: string }): EnterpriseSupply {
  return { id: reference.id };
}

/** `_entities` for ProductStory: keyed by its code alone (the story itself is the orders subgraph's). */
export function resolveProductStoryOriginsReference(reference: { code: string }): { code: string } {
  return { code: reference.code };
}
