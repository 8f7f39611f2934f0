import type { Role } from '../contracts';
import { publishedRule, type AccessPolicy } from '../platform/access/policy';

/**
 * Who may use each root field of the hub (`Query.order`, `Mutation.startStage` …), read from the
 * subgraphs' access policies — the rules the subgraphs enforce — and written beside the API
 * schema, so the web app asks and offers only what the signed-in role may use instead of
 * keeping a copy of the rules by hand.
 */
export type OperationRoles = Record<string, 'PUBLIC' | 'AUTHENTICATED' | Role[]>;

export function operationRolesOf(policies: readonly AccessPolicy[]): OperationRoles {
  const entries = policies.flatMap((policy) =>
    Object.entries(policy.operations).map(([field, rule]) => [field, publishedRule(rule)] as const),
  );
  return Object.fromEntries(entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}
