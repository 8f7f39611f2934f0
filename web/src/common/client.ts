import { Client, cacheExchange, fetchExchange } from 'urql';

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

export { hubMessage, type HubMessage } from './hub-message';

/** A fresh key for a retryable mutation: the same key replays, a new one acts again. */
export const idempotencyKey = (what: string) => `${what}-${crypto.randomUUID()}`;
