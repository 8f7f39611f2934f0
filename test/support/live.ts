import { randomUUID } from 'node:crypto';
import type { Client } from 'graphql-ws';
import { createClient } from 'graphql-ws';
import WebSocket from 'ws';
import { EVENT_ENVELOPE_VERSION, type EventEnvelope } from '../../contracts';
import { waitFor } from './wait';

/**
 * Events of an order's topic, of a type no subgraph consumes (a newer peer's, say), to publish
 * straight onto the bus: only the gateway's feed does work for them.
 */
export const fillerEvents = (orderId: string, count: number): EventEnvelope[] =>
  Array.from({ length: count }, () => ({
    id: randomUUID(),
    type: 'order.test.filler',
    version: EVENT_ENVELOPE_VERSION,
    source: 'orders',
    subject: { type: 'Order', id: orderId },
    actor: { subject: 'test', enterprise: 'moyun-studio' },
    occurredAt: new Date().toISOString(),
    payload: { orderId, studioId: 'moyun-studio' },
  }));

/** What a live subscription received, as a stock graphql-ws client saw it. */
export interface LiveStream<T = any> {
  results: { data?: T; errors?: any[] }[];
  /** Errors the server answered the subscribe with (validation, FORBIDDEN …). */
  errors: any[];
  completed: boolean;
  /** Waits until at least `count` results arrived. */
  received(count: number, timeoutMs?: number): Promise<void>;
  /** Unsubscribes (the connection stays). */
  stop(): void;
}

export interface LiveConnection {
  client: Client;
  /** Close events seen (code and reason), most recent last. */
  closes: { code: number; reason: string }[];
  subscribe<T = any>(query: string, variables?: Record<string, unknown>): LiveStream<T>;
  /**
   * A query over this connection, answered after everything the server sent before it: once the
   * hub has settled, what it delivered has then arrived.
   */
  roundTrip(): Promise<void>;
  dispose(): Promise<void>;
}

/** The WebSocket URL of a gateway path (http://…/graphql → ws://…/graphql). */
export const wsUrl = (httpUrl: string) => httpUrl.replace(/^http/, 'ws');

/**
 * A stock graphql-ws client (the graphql-transport-ws protocol) with the token in
 * connection_init, as a front end would open it. It does not retry unless asked.
 */
export interface LiveConnectionOptions {
  retryAttempts?: number;
  /**
   * Event types this test is not about (forecast updates, which arrive whenever the forecast
   * moves): results whose `type` is one of them are left out of `results`.
   */
  ignoreTypes?: readonly string[];
  /** The WebSocket class the client opens its socket with (default ws's; e.g. one sending a header). */
  webSocketImpl?: unknown;
}

export function liveConnection(httpUrl: string, token?: string, options: LiveConnectionOptions = {}): LiveConnection {
  const ignored = (result: { data?: any }) =>
    Object.values(result.data ?? {}).some((value: any) => options.ignoreTypes?.includes(value?.type));
  const closes: { code: number; reason: string }[] = [];
  const client = createClient({
    url: wsUrl(httpUrl),
    webSocketImpl: options.webSocketImpl ?? WebSocket,
    connectionParams: token ? { authorization: `Bearer ${token}` } : {},
    retryAttempts: options.retryAttempts ?? 0,
    retryWait: async () => new Promise((resolve) => setTimeout(resolve, 100)),
    shouldRetry: () => true,
    lazy: true,
    on: {
      closed: (event) =>
        closes.push({ code: (event as { code: number }).code, reason: String((event as { reason?: string }).reason ?? '') }),
    },
  });
  return {
    client,
    closes,
    subscribe: <T>(query: string, variables?: Record<string, unknown>) => {
      const stream: LiveStream<T> = {
        results: [],
        errors: [],
        completed: false,
        received: (count, timeoutMs = 30_000) =>
          waitFor(
            () => stream.results.length >= count || stream.errors.length > 0,
            timeoutMs,
            `${count} live results (got ${stream.results.length})`,
          ),
        stop: () => unsubscribe(),
      };
      const unsubscribe = client.subscribe<T>(
        { query, variables },
        {
          next: (result) => {
            if (!ignored(result)) stream.results.push(result as { data?: T; errors?: any[] });
          },
          error: (error) => stream.errors.push(Array.isArray(error) ? error : error instanceof Error ? { message: error.message } : error),
          complete: () => (stream.completed = true),
        },
      );
      return stream;
    },
    roundTrip: () =>
      new Promise<void>((resolve, reject) => {
        client.subscribe({ query: 'query WeftRoundTrip { __typename }' }, { next: () => undefined, error: reject, complete: resolve });
      }),
    dispose: () => Promise.resolve(client.dispose()),
  };
}
