import { networkSubgraph } from './network';
import { ordersSubgraph } from './orders';
import type { SubgraphDefinition } from '../platform/runtime/subgraph';
import { suppliersSubgraph } from './suppliers';
import { capacitySubgraph } from './capacity';
import { kitchensSubgraph } from './kitchens';
import { vocabularySubgraph } from './vocabulary';
import { notificationsSubgraph } from './notifications';
import { traceabilitySubgraph } from './traceability';

/**
 * Every subgraph of the hub, in start (and demo seeding) order; the gateway composes them all.
 * Suppliers seed before orders, so the demo orders find their bills of materials and stock, and
 * notifications before orders, so the demo orders' events find their customers' preferences.
 */
export const SUBGRAPHS: readonly SubgraphDefinition<any>[] = [
  networkSubgraph,
  vocabularySubgraph,
  suppliersSubgraph,
  capacitySubgraph,
  kitchensSubgraph,
  notificationsSubgraph,
  ordersSubgraph,
  traceabilitySubgraph,
];

export function subgraphNamed(name: string): SubgraphDefinition<any> {
  const found = SUBGRAPHS.find((subgraph) => subgraph.name === name);
  if (!found) throw new Error(`Unknown subgraph "${name}"; known: ${SUBGRAPHS.map((subgraph) => subgraph.name).join(', ')}`);
  return found;
}
