import type { Principal } from '../contracts';
import type { TokenService } from '../platform/access/tokens';

const SERVICE_TOKEN_SECONDS = 60;

/**
 * One GraphQL question to the network subgraph as a service principal (a hub admin token of a
 * minute, named for the gateway part that asks): the gateway loads no subgraph code, so what it
 * must know of the directory or of memberships it asks over HTTP. The answer's field, or an
 * error saying what came back instead.
 */
export async function askNetwork<T>(
  networkUrl: string,
  auth: TokenService,
  as: Principal,
  question: { query: string; variables?: Record<string, unknown>; field: string },
): Promise<T> {
  const token = await auth.sign(as, SERVICE_TOKEN_SECONDS);
  const response = await fetch(networkUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'apollo-require-preflight': 'true', authorization: `Bearer ${token}` },
    body: JSON.stringify({ query: question.query, variables: question.variables }),
    signal: AbortSignal.timeout(5_000),
  });
  const body = (await response.json()) as { data?: Record<string, unknown> };
  const answer = body.data?.[question.field];
  if (!Array.isArray(answer)) throw new Error(`the network subgraph answered HTTP ${response.status} without ${question.field}`);
  return answer as T;
}
