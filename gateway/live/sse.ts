import type http from 'node:http';
import type { ExecutionResult } from 'graphql';
import {
  createHandler,
  type ExecutionResult as SseResult,
  type OperationArgs,
  type Request as SseRequest,
  type Response as SseResponse,
} from 'graphql-sse';
import { LIVE_CLOSE_CODES } from '../../contracts';
import type { TokenService } from '../../platform/access/tokens';
import { BodyTooLargeError, readBody, sendGraphQLError } from '../../platform/runtime/http-server';
import { requestIdOf } from '../../platform/graphql/request-errors';
import type { GatewayContext } from '../context';
import { clientAddressOf, rateLimited, type RateLimits } from '../rate-limits';
import { LiveOperations, onTokenExpiry, type LiveEnding } from './live-operations';
import type { LiveSubscription } from './live-subscription';

/**
 * Why a stream ends, as an SSE client is told (SSE has no close codes): an event whose
 * `errors[0].extensions` carry the code (and graphql-ws's close code for the same case), then
 * the end of the stream. docs/live-updates.md says what a client does with each.
 */
export const STREAM_ENDINGS = {
  SLOW_CONSUMER: {
    closeCode: LIVE_CLOSE_CODES.SLOW_CONSUMER,
    message: 'Slow consumer: subscribe again with after set to your last cursor',
  },
  TOKEN_EXPIRED: {
    closeCode: LIVE_CLOSE_CODES.TOKEN_EXPIRED,
    message: 'Token expired or no longer accepted: subscribe again with a fresh token and after set to your last cursor',
  },
  GOING_AWAY: {
    closeCode: LIVE_CLOSE_CODES.GOING_AWAY,
    message: 'The gateway is going away: subscribe again (to another instance) with after set to your last cursor',
  },
  INTERNAL_ERROR: { closeCode: 4500, message: 'Internal error: subscribe again with after set to your last cursor' },
} as const;
export type StreamEndingCode = keyof typeof STREAM_ENDINGS;

/**
 * One HTTP response carrying SSE. In distinct-connections mode it is cut right after its ending
 * event: graphql-sse queues results as they come, so the ending is known by its place among them
 * (the n-th `next` event written), not by when the subscription produced it.
 */
interface StreamResponse {
  response: http.ServerResponse;
  cutAfterResult?: number;
}

interface RequestContext {
  stream: StreamResponse;
  gateway: GatewayContext;
}

/**
 * A subscription served over SSE: the live subscription's results, then — when it is ended for
 * a reason — one result with the reason's code. In distinct-connections mode the response is
 * then cut before graphql-sse's `complete`, so a stock client sees a dropped stream and, as it
 * does for any network error, sends the same request again (its `after` kept current); in
 * single-connection mode the operation completes and the client subscribes again.
 */
class EndableSubscription implements AsyncIterableIterator<ExecutionResult> {
  private reason?: StreamEndingCode;
  private told = false;
  private results = 0;
  private readonly expiry?: NodeJS.Timeout;

  constructor(
    private readonly live: LiveSubscription,
    private readonly stream: StreamResponse | undefined,
    authorization: string | undefined,
    /** Once, when it is over however it ends. */
    private readonly onFinished: () => void,
  ) {
    this.expiry = onTokenExpiry(authorization, () => this.end('TOKEN_EXPIRED'));
  }

  /** Ends the subscription, telling the client why (the first reason given wins). */
  end(reason: StreamEndingCode): void {
    this.reason ??= reason;
    void this.live.return();
  }

  async next(): Promise<IteratorResult<ExecutionResult>> {
    const result = await this.live.next();
    if (!result.done) {
      this.results += 1;
      return result;
    }
    if (!this.reason || this.told) {
      this.finish();
      return result;
    }
    this.told = true;
    const ending = STREAM_ENDINGS[this.reason];
    if (this.stream) this.stream.cutAfterResult = this.results + 1;
    return {
      done: false,
      value: {
        errors: [{ message: ending.message, extensions: { code: this.reason, closeCode: ending.closeCode } }],
      } as unknown as ExecutionResult,
    };
  }

  async return(): Promise<IteratorResult<ExecutionResult>> {
    this.finish();
    return this.live.return();
  }

  async throw(error?: unknown): Promise<IteratorResult<ExecutionResult>> {
    this.finish();
    return this.live.throw(error);
  }

  [Symbol.asyncIterator](): this {
    return this;
  }

  private finish(): void {
    if (this.expiry) clearTimeout(this.expiry);
    this.onFinished();
  }
}

export interface SseOptions {
  operations: Record<string, LiveOperations>;
  auth: TokenService;
  rateLimits?: RateLimits;
  trustedProxies: readonly string[];
  maxBodyBytes?: number;
}

export interface RunningSse {
  /** The routes to mount: `<path>/stream` for every GraphQL path. */
  routes: Record<string, (request: http.IncomingMessage, response: http.ServerResponse) => Promise<void>>;
  /** Open SSE responses (diagnostics). */
  streams(): number;
  /** Ends every stream (GOING_AWAY), e.g. before a deploy; clients resume elsewhere with `after`. */
  dropStreams(): void;
  close(): Promise<void>;
}

/**
 * GraphQL over Server-Sent Events (the graphql-sse protocol), beside graphql-ws, on
 * `/graphql/stream` and `/graphql/<audience>/stream`: distinct-connections mode (one request
 * per operation, `Accept: text/event-stream`) and single-connection mode (a reserved stream,
 * operations POSTed to it with its token). The same operations, feed, permissions, cursors and
 * limits as graphql-ws (LiveOperations); the token goes in the Authorization header only, and
 * every operation counts against the caller's rate limit, as an HTTP operation does.
 */
export function serveSse(options: SseOptions): RunningSse {
  const open = new Set<StreamResponse>();
  const subscriptions = new Set<EndableSubscription>();
  const routes: RunningSse['routes'] = {};
  for (const [path, operations] of Object.entries(options.operations)) {
    const handler = createHandler<http.IncomingMessage, RequestContext, any>({
      // The reservation token of single-connection mode (graphql-sse's own header); never the JWT.
      authenticate: (request) =>
        request.headers.get('x-graphql-event-stream-token') ||
        new URL(request.url, 'http://localhost').searchParams.get('token') ||
        crypto.randomUUID(),
      onSubscribe: async (
        request: SseRequest<http.IncomingMessage, RequestContext>,
        params,
      ): Promise<SseResponse | SseResult | OperationArgs<any>> => {
        // Counted here, so the refusal is a 429 a stock client retries after; nothing counts it again.
        const context: GatewayContext = { ...request.context.gateway, counted: true };
        const wait = await options.rateLimits?.take(request.context.gateway);
        if (wait != null) {
          // The same refusal as over HTTP, its status and Retry-After as headers.
          const { message, extensions } = rateLimited(wait);
          const { http: _http, ...reported } = extensions;
          const refused: SseResponse = [
            JSON.stringify({ errors: [{ message, extensions: reported }] }),
            {
              status: 429,
              statusText: 'Too Many Requests',
              headers: { 'content-type': 'application/json; charset=utf-8', 'retry-after': String(wait) },
            },
          ];
          return refused;
        }
        // Distinct-connections mode answers on this request's response; single-connection mode on the reserved stream.
        const distinct = (request.headers.get('accept') ?? '') === 'text/event-stream';
        let subscription: EndableSubscription | undefined;
        const ending: LiveEnding = {
          slowConsumer: () => subscription?.end('SLOW_CONSUMER'),
          tokenRejected: () => subscription?.end('TOKEN_EXPIRED'),
          failed: () => subscription?.end('INTERNAL_ERROR'),
        };
        const prepared = await operations.prepare(
          context,
          { query: params.query, operationName: params.operationName, variables: params.variables },
          ending,
        );
        // (graphql-sse takes a result only with a `data` key.)
        if (Array.isArray(prepared)) return { data: null, errors: prepared.map((error) => error.toJSON()) } as SseResult;
        const args = prepared as OperationArgs<any>;
        const live = (args.contextValue as { live?: LiveSubscription }).live;
        if (!live) return args;
        const followed = new EndableSubscription(live, distinct ? request.context.stream : undefined, context.authorization, () =>
          subscriptions.delete(followed),
        );
        subscription = followed;
        subscriptions.add(followed);
        return { ...args, contextValue: { live, subscription: followed } };
      },
      // LiveOperations.prepare has validated the document already, with the armor rules too.
      validate: () => [],
      subscribe: (args) => (args.contextValue as { subscription: EndableSubscription }).subscription,
      execute: (args) => operations.execute(args),
    });

    routes[`${path}/stream`] = async (request, response) => {
      const url = request.url ?? '/';
      let principal: GatewayContext['principal'];
      try {
        principal = await options.auth.principalOf(request.headers.authorization);
      } catch (error) {
        return sendGraphQLError(response, 401, (error as Error).message, 'UNAUTHENTICATED', { 'www-authenticate': 'Bearer' });
      }
      let body: string | null = null;
      if (request.method === 'POST') {
        try {
          body = await readBody(request, options.maxBodyBytes);
        } catch (error) {
          if (!(error instanceof BodyTooLargeError)) throw error;
          return sendGraphQLError(response, 413, error.message, 'PAYLOAD_TOO_LARGE', { connection: 'close' });
        }
      }
      const stream: StreamResponse = { response };
      const gateway: GatewayContext = {
        principal,
        authorization: request.headers.authorization,
        requestId: requestIdOf(request),
        clientAddress: clientAddressOf(request, options.trustedProxies),
      };
      const [answer, init] = await handler({
        method: request.method ?? 'GET',
        url,
        headers: { get: (key) => [request.headers[key]].flat().join('\n') || undefined },
        body,
        raw: request,
        context: { stream, gateway },
      });
      response.writeHead(init.status, init.statusText, init.headers);
      if (!answer || typeof answer === 'string') {
        response.end(answer ?? undefined);
        return;
      }
      open.add(stream);
      const stop = () => void answer.return(undefined);
      response.once('close', stop);
      let written = 0;
      try {
        for await (const chunk of answer) {
          if (!response.writable) break;
          await new Promise<void>((resolve, reject) => response.write(chunk, (error) => (error ? reject(error) : resolve())));
          if (chunk.startsWith('event: next')) written += 1;
          if (stream.cutAfterResult !== undefined && written >= stream.cutAfterResult) {
            // Told why; now the stream ends without `complete`, so a stock client retries with its after.
            stop();
            break;
          }
        }
      } catch {
        // The client went away while an event was being written: nothing more to send.
      } finally {
        response.off('close', stop);
        open.delete(stream);
        response.end();
      }
    };
  }

  const dropStreams = () => {
    for (const subscription of subscriptions) subscription.end('GOING_AWAY');
    // Single-connection streams with no operation left, and anything that did not end, are ended too.
    setTimeout(() => {
      for (const stream of open) stream.response.end();
    }, 100).unref();
  };
  return {
    routes,
    streams: () => open.size,
    dropStreams,
    close: async () => {
      dropStreams();
      if (open.size > 0) await new Promise((resolve) => setTimeout(resolve, 150));
      for (const stream of open) stream.response.destroy();
    },
  };
}
