import { Client, cacheExchange, fetchExchange, type CombinedError } from 'urql';

/**
 * One GraphQL client per endpoint the page talks to (/graphql for the studio, the audience
 * contracts for customers, partners and suppliers), sending the bearer token it is given.
 */
export function graphqlClient(endpoint: string, token: () => string | null): Client {
  return new Client({
    url: endpoint,
    exchanges: [cacheExchange, fetchExchange],
    requestPolicy: 'cache-and-network',
    preferGetMethod: false,
    fetchOptions: (): RequestInit => {
      const bearer = token();
      const headers: Record<string, string> = bearer ? { authorization: `Bearer ${bearer}` } : {};
      return { headers };
    },
  });
}

/** What the hub said, for people: the GraphQL error's message and its stable code. */
export function hubMessage(error: CombinedError | null | undefined): { message: string; code: string | null } | null {
  if (!error) return null;
  const first = error.graphQLErrors[0];
  if (first) return { message: first.message, code: (first.extensions?.code as string | undefined) ?? null };
  return { message: error.networkError ? 'network' : error.message, code: error.networkError ? 'NETWORK' : null };
}

/** A fresh key for a retryable mutation: the same key replays, a new one acts again. */
export const idempotencyKey = (what: string) => `${what}-${crypto.randomUUID()}`;
