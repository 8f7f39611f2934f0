import { createContext, useCallback, useContext } from 'react';
import operationRoles from '../../../schema/api/operation-roles.json';

/**
 * Who may use each operation, as the subgraphs' access policies say (written beside the API
 * schema by `npm run compose`): a page asks for, and offers, only what the signed-in role may
 * use, rather than a panel failing whole on one field the role may not read. The hub checks
 * every request again; this only keeps pages from asking what it would refuse.
 */
type Rule = 'PUBLIC' | 'AUTHENTICATED' | string[];
const RULES = operationRoles as Record<string, Rule>;
const ROOT_TYPES: Record<string, string> = { query: 'Query', mutation: 'Mutation', subscription: 'Subscription' };

/** A GraphQL document as far as this reads it (a typed document from codegen is one). */
interface Operations {
  readonly definitions: readonly {
    kind: string;
    operation?: string;
    selectionSet?: { selections: readonly { kind: string; name?: { value: string } }[] };
  }[];
}

/** May someone in `role` use every root field of the document's operations? */
export function mayUse(role: string, document: Operations): boolean {
  return document.definitions.every(
    (definition) =>
      definition.kind !== 'OperationDefinition' ||
      (definition.selectionSet?.selections ?? []).every((selection) => {
        if (selection.kind !== 'Field' || selection.name?.value === '__typename') return true;
        const rule = RULES[`${ROOT_TYPES[definition.operation ?? 'query']}.${selection.name?.value}`];
        return rule === 'PUBLIC' || rule === 'AUTHENTICATED' || (Array.isArray(rule) && rule.includes(role));
      }),
  );
}

/** The signed-in person's role, for the workspace's pages. */
export const RoleContext = createContext<string | null>(null);

/** `may(DOCUMENT)`: whether the signed-in role may use it (false when no one is signed in). */
export function useMayUse(): (document: Operations) => boolean {
  const role = useContext(RoleContext);
  return useCallback((document: Operations) => role !== null && mayUse(role, document), [role]);
}
