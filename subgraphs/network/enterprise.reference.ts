import type { GraphQLContext } from '../../platform/access/context';
import type { Enterprise } from './enterprise';
import type { NetworkLoaders } from './loaders';

/** Other subgraphs hand us `{ id }`; the loader turns a batch of them into one SELECT. */
export async function resolveEnterpriseReference(
  reference: Pick<Enterprise, 'id'>,
  { ctx }: GraphQLContext<NetworkLoaders>,
): Promise<Enterprise | null> {
  return ctx.loaders.enterprise.load(reference.id);
}
