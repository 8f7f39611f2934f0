import type { CombinedError } from 'urql';

/**
 * What the hub said: its stable code and, for refused preconditions, the rule (`reason`) — what
 * a page words in the reader's language (HubRefusal) — and the hub's own English message, for support.
 */
export interface HubMessage {
  message: string;
  code: string | null;
  reason?: string | null;
}

export function hubMessage(error: CombinedError | null | undefined): HubMessage | null {
  if (!error) return null;
  const first = error.graphQLErrors[0];
  if (first) {
    const reason = first.extensions?.reason;
    return {
      message: first.message,
      code: (first.extensions?.code as string | undefined) ?? null,
      reason: typeof reason === 'string' ? reason : null,
    };
  }
  return { message: error.networkError ? 'network' : error.message, code: error.networkError ? 'NETWORK' : null };
}
