import { networkSubgraph } from './network';
import { ordersSubgraph } from './orders';
import type { SubgraphDefinition } from './shared/subgraph';
import { vocabularySubgraph } from './vocabulary';

/** Every subgraph of the hub, in start order (the gateway composes them all). */
export const SUBGRAPHS: readonly SubgraphDefinition<any>[] = [networkSubgraph, vocabularySubgraph, ordersSubgraph];

export function subgraphNamed(name: string): SubgraphDefinition<any> {
  const found = SUBGRAPHS.find((subgraph) => subgraph.name === name);
  if (!found) throw new Error(`Unknown subgraph "${name}"; known: ${SUBGRAPHS.map((subgraph) => subgraph.name).join(', ')}`);
  return found;
}
