import type http from 'node:http';
import type { ExecutionArgs, ExecutionResult, GraphQLError } from 'graphql';
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
import { enterpriseSuspended, type SuspendedEnterprises } from '../suspensions';
import type { GatewayContext } from '../context';
import { clientAddressOf, rateLimited, type RateLimits } from '../rate-limits';
import type { LiveOperations } from './live-operations';
import { onTokenExpiry, type LiveEnding } from './live-operations';
import type { LiveSubscription } from './live-subscription';
import { SseReservations } from './sse-reservations';
import type { LiveSettings } from './settings';

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
  ENTERPRISE_SUSPENDED: {
    closeCode: LIVE_CLOSE_CODES.FORBIDDEN,
    message: 'Enterprise suspended: no access until a hub admin reinstates it',
  },
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
  /** The reservation token the request names or, for a PUT, was given (set by `authenticate`). */
  token?: string;
  /** The gateway itself ending a reservation that was never opened. */
  ending?: true;
}

const TOKEN_HEADER = 'x-graphql-event-stream-token';

/** An answer of graphql-sse's handler: a JSON body with one error and its code. */
const refusal = (status: number, statusText: string, message: string, code: string, headers: Record<string, string> = {}): SseResponse => [
  JSON.stringify({ errors: [{ message, extensions: { code } }] }),
  { status, statusText, headers: { 'content-type': 'application/json; charset=utf-8', ...headers } },
];

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
    /** The enterprise the subscriber acts for: a suspension ends the stream. */
    readonly org: string | null,
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
  /** The reservations' lifetime and counts (the rest of the live settings apply through the operations). */
  settings: Pick<LiveSettings, 'sseReservationMs' | 'sseReservationsPerPrincipal' | 'sseReservations'>;
  rateLimits?: RateLimits;
  trustedProxies: readonly string[];
  /** Enterprises whose members are refused a stream (see gateway/suspensions.ts). */
  suspended?: SuspendedEnterprises;
  maxBodyBytes?: number;
}

export interface RunningSse {
  /** The routes to mount: `<path>/stream` for every GraphQL path. */
  routes: Record<string, (request: http.IncomingMessage, response: http.ServerResponse) => Promise<void>>;
  /** Open SSE responses (diagnostics). */
  streams(): number;
  /** Reserved single-connection streams, open or waiting to be opened (diagnostics). */
  reservations(): number;
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
  options.suspended?.onSuspended((enterpriseId) => {
    for (const subscription of subscriptions) if (subscription.org === enterpriseId) subscription.end('ENTERPRISE_SUSPENDED');
  });
  const routes: RunningSse['routes'] = {};
  const reservations = new SseReservations(options.settings);
  for (const [path, operations] of Object.entries(options.operations)) {
    /** Ends a reservation whose stream was never opened: opened here and closed at once, so graphql-sse forgets it. */
    const endUnopened = async (token: string) => {
      const [answer] = await handler({
        method: 'GET',
        url: `${path}/stream`,
        headers: { get: (key) => (key === 'accept' ? 'text/event-stream' : key === TOKEN_HEADER ? token : undefined) },
        body: null,
        raw: undefined as unknown as http.IncomingMessage,
        context: { stream: { response: undefined as unknown as http.ServerResponse }, gateway: { principal: null }, token, ending: true },
      });
      // Not an event stream: its client opened it meanwhile (409), and it stays.
      if (answer && typeof answer !== 'string') await answer.return(undefined);
    };
    const handler = createHandler<http.IncomingMessage, RequestContext, any>({
      // The reservation token of single-connection mode (graphql-sse's own header); never the JWT.
      // A reservation is a principal's, bounded in number, and given a fresh token by the hub.
      authenticate: (request) => {
        const context = request.context;
        if (request.method === 'PUT') {
          const owner = context.gateway.principal?.subject;
          if (!owner)
            return refusal(401, 'Unauthorized', 'Reserving a stream needs a token (Authorization: Bearer …)', 'UNAUTHENTICATED', {
              'www-authenticate': 'Bearer',
            });
          const token = crypto.randomUUID();
          const refused = reservations.reserve(owner, token, () => endUnopened(token));
          const retryAfter = String(Math.max(1, Math.ceil(options.settings.sseReservationMs / 1000)));
          if (refused === 'PER_PRINCIPAL')
            return refusal(
              429,
              'Too Many Requests',
              `You hold ${options.settings.sseReservationsPerPrincipal} reserved streams already: use or close one first`,
              'RATE_LIMITED',
              { 'retry-after': retryAfter },
            );
          if (refused === 'OVERALL')
            return refusal(
              503,
              'Service Unavailable',
              'This gateway holds all the reserved streams it may: try again shortly',
              'SERVICE_UNAVAILABLE',
              {
                'retry-after': retryAfter,
              },
            );
          return (context.token = token);
        }
        const named = request.headers.get(TOKEN_HEADER) || new URL(request.url, 'http://localhost').searchParams.get('token');
        if (!named) return crypto.randomUUID();
        // Another principal's reservation is as unknown to a caller as one that does not exist.
        const owner = reservations.ownerOf(named);
        if (owner !== undefined && owner !== context.gateway.principal?.subject && !context.ending)
          return refusal(404, 'Not Found', 'Stream not found', 'NOT_FOUND');
        return (context.token = named);
      },
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
        let subscription: EndableSubscription | undefined = undefined;
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
        // (graphql-sse takes a result only with a `data` key; it sends it through JSON.stringify, which
        // writes each GraphQLError as its toJSON().)
        if (isErrors(prepared)) return { data: null, errors: prepared };
        const args = prepared as OperationArgs<any>;
        const live = (args.contextValue as { live?: LiveSubscription }).live;
        if (!live) return args;
        const followed = new EndableSubscription(
          live,
          distinct ? request.context.stream : undefined,
          context.authorization,
          context.principal?.org ?? null,
          () => subscriptions.delete(followed),
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
      if (principal?.org && options.suspended?.has(principal.org))
        return sendGraphQLError(response, 403, enterpriseSuspended(principal.org).message, 'FORBIDDEN');
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
      const context: RequestContext = { stream, gateway };
      const [answer, init] = await handler({
        method: request.method ?? 'GET',
        url,
        headers: { get: (key) => [request.headers[key]].flat().join('\n') || undefined },
        body,
        raw: request,
        context,
      });
      // A PUT that did not create its stream after all (406, 409) frees the place it took.
      if (request.method === 'PUT' && init.status !== 201 && context.token) reservations.release(context.token);
      response.writeHead(init.status, init.statusText, init.headers);
      if (!answer || typeof answer === 'string') {
        response.end(answer ?? undefined);
        return;
      }
      // The reserved stream is open: it lasts as long as its response, and is released with it.
      const reserved = context.token !== undefined && reservations.ownerOf(context.token) !== undefined ? context.token : undefined;
      if (reserved) reservations.opened(reserved);
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
        if (reserved) reservations.release(reserved);
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
    reservations: () => reservations.size,
    dropStreams,
    close: async () => {
      reservations.close();
      dropStreams();
      if (open.size > 0) await new Promise((resolve) => setTimeout(resolve, 150));
      for (const stream of open) stream.response.destroy();
    },
  };
}

/** What `prepare` refused with (Array.isArray alone narrows a readonly array to `any[]`). */
function isErrors(prepared: readonly GraphQLError[] | ExecutionArgs): prepared is readonly GraphQLError[] {
  return Array.isArray(prepared);
}
