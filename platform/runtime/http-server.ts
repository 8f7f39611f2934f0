import http from 'node:http';
import net, { type AddressInfo } from 'node:net';
import type { ApolloServer, BaseContext } from '@apollo/server';
import { HeaderMap } from '@apollo/server';

export type RouteHandler = (request: http.IncomingMessage, response: http.ServerResponse) => void | Promise<void>;

export interface RunningHttpServer {
  server: http.Server;
  port: number;
  url: string;
  /** Drains and stops (see below); `graceMs`: how long it goes on taking connections, saying it is not ready, first. */
  close(drain?: Drain): Promise<void>;
}

/** How a stop drains: a process told to stop (SIGTERM) gives requests already on their way a moment to arrive. */
export interface Drain {
  graceMs: number;
}

/** What a process's SIGTERM / SIGINT handler passes when it stops. */
export const SIGNAL_DRAIN: Drain = Object.freeze({ graceMs: 500 });

/** How long a stopping server waits for the requests in flight before it cuts them. */
const DRAIN_MS = 10_000;
/** A drain's grace goes on until no connection has arrived for this long (at most MAX_EXTRA_GRACE_MS more). */
const QUIET_MS = 250;
const MAX_EXTRA_GRACE_MS = 5_000;
/** How long after it stops listening a connection with no request yet is left before it is closed. */
const IDLE_AFTER_MS = 1_000;

/** The largest request body read, by default (MAX_BODY_BYTES). */
const DEFAULT_MAX_BODY_BYTES = 1_000_000;

/** A body past the limit: answered 413 (with a GraphQL error), then the connection closes. */
export class BodyTooLargeError extends Error {
  readonly status = 413;
  constructor(readonly limit: number) {
    super(`The request body is larger than ${limit} bytes (MAX_BODY_BYTES)`);
  }
}

/** How much of an oversized body is read and dropped before the answer, so the client sees the 413 instead of a reset. */
const DRAIN_LIMIT_BYTES = 64 * 1024 * 1024;

export async function readBody(request: http.IncomingMessage, maxBodyBytes: number = DEFAULT_MAX_BODY_BYTES): Promise<string> {
  return (await readBodyBytes(request, maxBodyBytes)).toString('utf8');
}

/** The body as bytes (a file upload), within the limit (BodyTooLargeError past it). */
export function readBodyBytes(request: http.IncomingMessage, maxBodyBytes: number = DEFAULT_MAX_BODY_BYTES): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const tooLarge = () => reject(new BodyTooLargeError(maxBodyBytes));
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= maxBodyBytes) chunks.push(chunk);
      else {
        // Keep nothing more; answer at the end of the body (or once it is absurdly large).
        chunks.length = 0;
        if (size > DRAIN_LIMIT_BYTES) tooLarge();
      }
    });
    request.on('end', () => (size > maxBodyBytes ? tooLarge() : resolve(Buffer.concat(chunks))));
    request.on('error', reject);
  });
}

/** A GraphQL error as the whole answer (`{ errors: [...] }`). */
export const sendGraphQLError = (
  response: http.ServerResponse,
  status: number,
  message: string,
  code: string,
  headers: Record<string, string> = {},
): void => {
  for (const [name, value] of Object.entries(headers)) response.setHeader(name, value);
  sendJson(response, status, { errors: [{ message, extensions: { code } }] });
};

/**
 * GraphQL-over-HTTP's status codes: with `application/graphql-response+json` a document that
 * does not parse or validate (or variables that do not coerce) is a 400; with `application/json`
 * the spec asks for 200 for every well-formed request, whatever errors the GraphQL response
 * holds. Apollo Server answers 400 for both, so the status is set here.
 */
const REQUEST_ERROR_CODES = new Set([
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_USER_INPUT',
  'OPERATION_RESOLUTION_FAILURE',
  'PERSISTED_QUERY_NOT_FOUND',
]);
function statusFor(status: number, contentType: string | undefined, body: string): number {
  if (status !== 400 || !contentType?.startsWith('application/json')) return status;
  try {
    const errors = (JSON.parse(body) as { errors?: { extensions?: { code?: string } }[] }).errors;
    return errors?.length && errors.every((error) => REQUEST_ERROR_CODES.has(String(error.extensions?.code))) ? 200 : status;
  } catch {
    return status;
  }
}

/** A JSON answer; `headers` add to (or, for content-type, replace) the defaults. */
export function sendJson(response: http.ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const text = JSON.stringify(body);
  response.writeHead(status, { 'content-type': 'application/json; charset=utf-8', ...headers, 'content-length': Buffer.byteLength(text) });
  response.end(text);
}

/** One GraphQL endpoint: the Apollo server behind a path and how a request becomes its context. */
export interface GraphQLEndpoint<TContext extends BaseContext = any> {
  apollo: ApolloServer<TContext>;
  context(request: http.IncomingMessage): Promise<TContext>;
}

/** A route registered as `/prefix/*` answers every path below the prefix (e.g. `/epcis/events/<id>`). */
function prefixRoute(routes: Record<string, RouteHandler> | undefined, pathname: string): RouteHandler | undefined {
  if (!routes) return undefined;
  const key = Object.keys(routes).find(
    (candidate) => candidate.endsWith('/*') && pathname.startsWith(candidate.slice(0, -1)) && pathname.length > candidate.length - 1,
  );
  return key ? routes[key] : undefined;
}

/**
 * Serves Apollo servers on plain node:http through Apollo's integration API
 * (`executeHTTPGraphQLRequest`), one per path, plus a few extra routes such as /healthz. Used by
 * the gateway and by every subgraph, so all speak HTTP the same way. A batched request (a JSON
 * array) is refused above `maxBatch` operations.
 */
export async function serveApollo(options: {
  endpoints: Record<string, GraphQLEndpoint>;
  port: number;
  host?: string;
  routes?: Record<string, RouteHandler>;
  /** Asked for any other path before the 404 (the web app's pages and files); true when it answered. */
  fallback?: (request: http.IncomingMessage, response: http.ServerResponse) => Promise<boolean>;
  maxBatch?: number;
  maxBodyBytes?: number;
}): Promise<RunningHttpServer> {
  const endpoints = options.endpoints;
  for (const endpoint of Object.values(endpoints)) await endpoint.apollo.start();
  let closing = false;
  let listenerClosed = false;
  let lastConnectionAt = 0;
  const serve = async (request: http.IncomingMessage, response: http.ServerResponse): Promise<void> => {
    // Draining: answer, then let the connection go (no keep-alive past a stop); not ready.
    if (closing) {
      response.setHeader('connection', 'close');
      if (new URL(request.url ?? '/', 'http://localhost').pathname === '/readyz') return sendJson(response, 503, { status: 'draining' });
    }
    // Once the listener is closed, a keep-alive connection whose request finishes closes right
    // away (not before: a connection just accepted looks idle until its request is read).
    response.once('finish', () => listenerClosed && server.closeIdleConnections());
    const url = new URL(request.url ?? '/', 'http://localhost');
    try {
      const route = options.routes?.[url.pathname] ?? prefixRoute(options.routes, url.pathname);
      if (route) return await route(request, response);
      const endpoint = endpoints[url.pathname];
      if (!endpoint) {
        if (options.fallback && (await options.fallback(request, response))) return;
        return sendJson(response, 404, { error: 'not found' });
      }
      const headers = new HeaderMap();
      for (const [key, value] of Object.entries(request.headers)) {
        if (value !== undefined) headers.set(key, Array.isArray(value) ? value.join(', ') : value);
      }
      let raw = '';
      if (request.method === 'POST') {
        try {
          raw = await readBody(request, options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES);
        } catch (error) {
          if (!(error instanceof BodyTooLargeError)) throw error;
          return sendGraphQLError(response, 413, error.message, 'PAYLOAD_TOO_LARGE', { connection: 'close' });
        }
      }
      let body: unknown = raw;
      if (raw && (headers.get('content-type') ?? '').includes('application/json')) {
        try {
          body = JSON.parse(raw);
        } catch {
          return sendGraphQLError(response, 400, 'Malformed JSON body', 'BAD_REQUEST');
        }
      }
      if (Array.isArray(body) && options.maxBatch !== undefined && body.length > options.maxBatch) {
        return sendGraphQLError(
          response,
          400,
          `A batch may hold at most ${options.maxBatch} operations; this one holds ${body.length}`,
          'BAD_REQUEST',
        );
      }
      const result = await endpoint.apollo.executeHTTPGraphQLRequest({
        httpGraphQLRequest: { method: request.method ?? 'GET', headers, search: url.search, body },
        context: () => endpoint.context(request),
      });
      for (const [key, value] of result.headers) response.setHeader(key, value);
      response.statusCode = result.status ?? 200;
      if (result.body.kind === 'complete') {
        response.statusCode = statusFor(response.statusCode, result.headers.get('content-type'), result.body.string);
        response.end(result.body.string);
      } else {
        for await (const chunk of result.body.asyncIterator) response.write(chunk);
        response.end();
      }
    } catch (error) {
      const status = (error as { status?: number }).status ?? 500;
      if (!response.headersSent)
        sendJson(response, status, { errors: [{ message: status === 500 ? 'Internal server error' : (error as Error).message }] });
      else response.end();
    }
  };
  // serve() answers its own failures (the catch above), so nobody waits on it.
  const server = http.createServer((request, response) => void serve(request, response));
  server.keepAliveTimeout = 65_000;
  server.on('connection', () => (lastConnectionAt = Date.now()));
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    // A deep accept queue: thousands of live clients may (re)connect at once after a restart.
    server.listen(options.port, options.host ?? '127.0.0.1', 4096, () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  return {
    server,
    port,
    url: `http://${options.host && options.host !== '0.0.0.0' ? options.host : '127.0.0.1'}:${port}`,
    // Drains: /readyz answers 503 and, for `graceMs`, requests already on their way still arrive;
    // then no new connections, requests in flight finish (up to DRAIN_MS), and each keep-alive
    // connection closes once idle; whatever is left after DRAIN_MS is cut.
    // Without a drain (tests, a failed start) it stops at once.
    close: async (drain?: Drain) => {
      closing = true;
      if (!drain) {
        await new Promise<void>((resolve) => {
          server.close(() => resolve());
          server.closeAllConnections();
        });
      } else {
        // At least the grace, and on while connections still arrive (a busy process accepts late).
        const graceUntil = Date.now() + drain.graceMs;
        while (Date.now() < graceUntil || (Date.now() - lastConnectionAt < QUIET_MS && Date.now() < graceUntil + MAX_EXTRA_GRACE_MS)) {
          await new Promise((resolve) => setTimeout(resolve, 50));
        }
        await new Promise<void>((resolve) => {
          const cut = setTimeout(() => server.closeAllConnections(), DRAIN_MS);
          // A moment on, connections still idle had nothing coming: close them.
          const idle = setTimeout(() => server.closeIdleConnections(), IDLE_AFTER_MS);
          // Stop listening, leaving accepted connections be: http.Server#close would also close
          // the ones that look idle, among them those whose request is still being read.
          net.Server.prototype.close.call(server, () => {
            clearTimeout(cut);
            clearTimeout(idle);
            resolve();
          });
          listenerClosed = true;
        });
      }
      for (const endpoint of Object.values(endpoints)) await endpoint.apollo.stop();
    },
  };
}
