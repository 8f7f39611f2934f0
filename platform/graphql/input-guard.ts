import type { ApolloServerPlugin, BaseContext } from '@apollo/server';
import { GraphQLError, OperationTypeNode } from 'graphql';

/** The path to the first string holding a NUL character (U+0000) in a value, or null. */
function nulAt(value: unknown, path: string): string | null {
  if (typeof value === 'string') return value.includes('\u0000') ? path : null;
  if (Array.isArray(value)) {
    for (const [index, item] of value.entries()) {
      const found = nulAt(item, `${path}[${index}]`);
      if (found) return found;
    }
    return null;
  }
  if (value && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) {
      const found = nulAt(item, `${path}.${key}`);
      if (found) return found;
    }
  }
  return null;
}

/**
 * Requests no resolver should see, refused before any runs. A subscription over HTTP: the
 * gateway serves subscriptions over graphql-ws only (a subgraph never does), so over HTTP it is
 * a BAD_REQUEST saying where to go. And no value of the hub holds a NUL character, and neither database takes one in text (SQLite
 * ends the statement there, PostgreSQL refuses the bytes): a request carrying one is refused
 * with BAD_USER_INPUT naming where, before any resolver runs, at the gateway and at every subgraph.
 */
export function inputGuardPlugin<TContext extends BaseContext>(): ApolloServerPlugin<TContext> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ request, source, operation }) {
          if (operation?.operation === OperationTypeNode.SUBSCRIPTION) {
            throw new GraphQLError('Subscriptions are served by the gateway over graphql-ws (graphql-transport-ws), not over HTTP', {
              extensions: { code: 'BAD_REQUEST', http: { status: 400 } },
            });
          }
          // A NUL in a literal is in the document's text as it is (or escaped as \u0000): no walk of the tree needed.
          const where = nulAt(request.variables ?? {}, '$variables') ?? (/\0|\\u0000/.test(source) ? 'the document' : null);
          if (!where) return;
          const at = where.replace(/^\$variables\./, '$');
          throw new GraphQLError(`${at} holds a NUL character (U+0000), which no value of the hub may contain`, {
            extensions: { code: 'BAD_USER_INPUT', argumentName: at, http: { status: 400 } },
          });
        },
      };
    },
  };
}
