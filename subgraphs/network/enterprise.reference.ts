import type { GraphQLContext } from '../../platform/access/context';
import type { Enterprise } from './enterprise';
import type { NetworkLoaders } from './loaders';
import { LISTED_STATUSES } from './enterprise-status';

/** Other subgraphs hand us `{ id }`; the loader turns a batch of them into one SELECT. */
export async function resolveEnterpriseReference(
  reference: Pick<Enterprise, 'id'>,
  { ctx }: GraphQLContext<NetworkLoaders>,
): Promise<Enterprise | null> {
  const found = await ctx.loaders.enterprise.load(reference.id);
  // An application is no one's partner or supplier yet: not in the directory, so not found by reference.
  return found && LISTED_STATUSES.includes(found.status) ? found : null;
}
