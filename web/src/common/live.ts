import { createClient, type Client } from 'graphql-ws';
import { print, type DocumentNode } from 'graphql';
import type { TypedDocumentNode } from '@graphql-typed-document-node/core';

export type LiveState = 'connecting' | 'live' | 'reconnecting' | 'stopped';

/** Close codes that no retry can mend (docs: live updates): a rejected token, a refused operation. */
const FINAL_CLOSE_CODES = new Set([4401, 4400, 4403]);

export interface Follow<TData> {
  /** The subscription (typed), with `after` among its variables. */
  document: TypedDocumentNode<TData, any> | DocumentNode;
  variables: Record<string, unknown>;
  /** The cursor of an event, to resume after it. */
  cursorOf(data: TData): string | undefined;
  onEvent(data: TData): void;
  onState(state: LiveState, detail?: string): void;
}

/**
 * Follows a subscription over graphql-ws and keeps it whole across dropped connections: the
 * client reconnects on its own (a phone waking, a network change, a gateway restart, a token
 * that expired and was refreshed) and re-sends the same variables object, whose `after` is kept
 * at the last cursor rendered — so it resumes with nothing missed, and a cursor already seen is
 * never rendered twice.
 */
export function follow<TData>(url: string, token: () => string | null, spec: Follow<TData>): () => void {
  const variables = { ...spec.variables, after: spec.variables.after ?? null };
  const seen = new Set<string>();
  let stopped = false;
  const client: Client = createClient({
    url,
    lazy: false,
    retryAttempts: Infinity,
    keepAlive: 15_000,
    shouldRetry: (event) => !FINAL_CLOSE_CODES.has((event as CloseEvent | undefined)?.code ?? 0),
    retryWait: async (retries) =>
      new Promise((resolve) => setTimeout(resolve, Math.min(10_000, 500 * 2 ** retries) * (0.8 + Math.random() * 0.4))),
    connectionParams: () => {
      const bearer = token();
      return bearer ? { authorization: `Bearer ${bearer}` } : {};
    },
    on: {
      connecting: (reconnecting) => spec.onState(reconnecting ? 'reconnecting' : 'connecting'),
      connected: () => spec.onState('live'),
      closed: (event) => {
        if (stopped) return;
        const code = (event as CloseEvent | undefined)?.code ?? 0;
        spec.onState(FINAL_CLOSE_CODES.has(code) ? 'stopped' : 'reconnecting', (event as CloseEvent | undefined)?.reason);
      },
    },
  });
  const unsubscribe = client.subscribe<TData>(
    { query: print(spec.document as DocumentNode), variables },
    {
      next: (result) => {
        if (!result.data) return;
        const cursor = spec.cursorOf(result.data);
        if (cursor) {
          if (seen.has(cursor)) return;
          seen.add(cursor);
          variables.after = cursor;
        }
        spec.onEvent(result.data);
      },
      error: (error) => spec.onState('stopped', Array.isArray(error) ? error[0]?.message : String((error as Error)?.message ?? error)),
      complete: () => undefined,
    },
  );
  return () => {
    stopped = true;
    unsubscribe();
    void client.dispose();
  };
}

/** The WebSocket URL of a GraphQL endpoint on this origin (ws:// beside http://, wss:// beside https://). */
export const liveUrl = (path: string) => `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}${path}`;
