import type http from 'node:http';
import type { Duplex } from 'node:stream';
import { GraphQLError, type ExecutionResult, type FormattedExecutionResult, type GraphQLFormattedError } from 'graphql';
import { useServer } from 'graphql-ws/use/ws';
import type { WebSocket } from 'ws';
import { WebSocketServer } from 'ws';
import { LIVE_CLOSE_CODES } from '../../contracts';
import type { TokenService } from '../../platform/access/tokens';
import type { GatewayContext } from '../context';
import { clientAddressOf } from '../rate-limits';
import type { SuspendedEnterprises } from '../suspensions';
import { LiveOperations, onTokenExpiry, type LiveEnding } from './live-operations';

export interface LiveServerOptions {
  server: http.Server;
  /** Each GraphQL path's operations (shared with the SSE transport). */
  operations: Record<string, LiveOperations>;
  auth: TokenService;
  /** How often a connection is pinged; one that does not answer in time is cut. */
  keepAliveMs: number;
  /** Connections open at once from one client address; past it an upgrade is answered 429. */
  connectionsPerAddress: number;
  /** The proxies whose X-Forwarded-For tells the client's address (TRUSTED_PROXIES). */
  trustedProxies: readonly string[];
  /** Enterprises whose members are refused: their connections close when one is suspended. */
  suspended?: SuspendedEnterprises;
}

export interface RunningLiveServer {
  /** Open graphql-ws connections (diagnostics, benchmarks). */
  connections(): number;
  /** Closes every live connection (clients reconnect and resume), e.g. before a deploy. */
  dropConnections(code?: number, reason?: string): void;
  close(): Promise<void>;
}

interface ConnectionState {
  context: GatewayContext;
  expiry?: NodeJS.Timeout;
}

interface Extra {
  socket: WebSocket;
  request: http.IncomingMessage;
  state?: ConnectionState;
}

/**
 * A result as graphql-ws sends it in `next`. graphql-ws calls `toJSON()` on each error, but a
 * query's or mutation's answer comes from Apollo already formatted (plain objects): sent as they
 * are, so an error in an answer is a `next` with errors, not a thrown call that closes the socket.
 */
const nextPayload = ({ errors, ...result }: ExecutionResult): FormattedExecutionResult => ({
  ...result,
  ...(errors
    ? {
        errors: (errors as readonly (GraphQLError | GraphQLFormattedError)[]).map((error) =>
          error instanceof GraphQLError ? error.toJSON() : error,
        ),
      }
    : {}),
});

/** graphql-ws tells a subscription's end by closing the socket with a code (contracts' LIVE_CLOSE_CODES). */
const socketEnding = (socket: WebSocket): LiveEnding => ({
  slowConsumer: () => socket.close(LIVE_CLOSE_CODES.SLOW_CONSUMER, 'Slow consumer: resubscribe with after set to your last cursor'),
  tokenRejected: () => socket.close(LIVE_CLOSE_CODES.TOKEN_EXPIRED, 'Token no longer accepted: reconnect with a fresh one'),
  failed: () => socket.close(4500, 'Internal error: resubscribe with after set to your last cursor'),
});

/**
 * Serves graphql-ws (the graphql-transport-ws protocol) on every GraphQL path of the gateway.
 * The token goes in `connection_init` (`{ "authorization": "Bearer …" }`) and is verified as
 * on HTTP; operations pass the same abuse limits. Queries and mutations run through the
 * endpoint's Apollo server; subscriptions are served from the bus through the live feed (see
 * docs/live-updates.md for the design).
 */
export function serveLive(options: LiveServerOptions): RunningLiveServer {
  const servers = new Map<string, WebSocketServer>();
  // The enterprise each open connection acts for, so a suspension can close its connections.
  const orgOf = new Map<WebSocket, string>();
  options.suspended?.onSuspended((enterpriseId) => {
    for (const [socket, org] of orgOf)
      if (org === enterpriseId) socket.close(LIVE_CLOSE_CODES.FORBIDDEN, 'Enterprise suspended: no access until a hub admin reinstates it');
  });
  for (const [path, operations] of Object.entries(options.operations)) {
    const wss = new WebSocketServer({ noServer: true, maxPayload: 1_000_000 });
    servers.set(path, wss);
    useServer<Record<string, unknown> | undefined, Partial<Extra>>(
      {
        connectionInitWaitTimeout: 10_000,
        onConnect: async (ctx) => {
          const params = ctx.connectionParams ?? {};
          const token = typeof params.token === 'string' ? `Bearer ${params.token}` : undefined;
          const authorization =
            typeof params.authorization === 'string'
              ? params.authorization
              : typeof params.Authorization === 'string'
                ? params.Authorization
                : token;
          const socket = ctx.extra.socket;
          try {
            const principal = await options.auth.principalOf(authorization);
            if (principal?.org && options.suspended?.has(principal.org)) {
              socket.close(LIVE_CLOSE_CODES.FORBIDDEN, 'Enterprise suspended: no access until a hub admin reinstates it');
              return false;
            }
            if (principal?.org) {
              orgOf.set(socket, principal.org);
              socket.once('close', () => orgOf.delete(socket));
            }
            const expiry = onTokenExpiry(authorization, () =>
              socket.close(LIVE_CLOSE_CODES.TOKEN_EXPIRED, 'Token expired: reconnect with a fresh token and resume with after'),
            );
            // The upgrade request's address: operations without a token are counted per address, as over HTTP.
            const clientAddress = clientAddressOf(ctx.extra.request, options.trustedProxies);
            ctx.extra.state = { context: { principal, authorization, clientAddress }, expiry };
            return true;
          } catch (error) {
            socket.close(4401, `Unauthorized: ${(error as Error).message}`.slice(0, 120));
            return false;
          }
        },
        onDisconnect: (ctx) => {
          if (ctx.extra.state?.expiry) clearTimeout(ctx.extra.state.expiry);
        },
        onClose: (ctx) => {
          if (ctx.extra.state?.expiry) clearTimeout(ctx.extra.state.expiry);
        },
        onSubscribe: async (ctx, _id, payload) => operations.prepare(ctx.extra.state!.context, payload, socketEnding(ctx.extra.socket)),
        onNext: (_ctx, _id, _payload, _args, result) => nextPayload(result),
        subscribe: (args) => LiveOperations.subscription(args),
        execute: (args): Promise<ExecutionResult> => operations.execute(args),
      },
      wss,
      // Pings every keepAliveMs; a client that does not answer in time is cut (1006) and resumes.
      options.keepAliveMs,
    );
  }
  // Open connections per client address (every path together), bounded by connectionsPerAddress.
  const perAddress = new Map<string, number>();
  const onUpgrade = (request: http.IncomingMessage, socket: Duplex, head: Buffer) => {
    const wss = servers.get(new URL(request.url ?? '/', 'http://localhost').pathname);
    if (!wss) {
      socket.destroy();
      return;
    }
    const address = clientAddressOf(request, options.trustedProxies);
    if ((perAddress.get(address) ?? 0) >= options.connectionsPerAddress) {
      socket.end('HTTP/1.1 429 Too Many Requests\r\nConnection: close\r\nRetry-After: 10\r\nContent-Length: 0\r\n\r\n');
      return;
    }
    wss.handleUpgrade(request, socket, head, (ws) => {
      perAddress.set(address, (perAddress.get(address) ?? 0) + 1);
      ws.once('close', () => {
        const count = (perAddress.get(address) ?? 1) - 1;
        if (count > 0) perAddress.set(address, count);
        else perAddress.delete(address);
      });
      wss.emit('connection', ws, request);
    });
  };
  options.server.on('upgrade', onUpgrade);
  const dropConnections = (
    code: number = LIVE_CLOSE_CODES.GOING_AWAY,
    reason = 'The gateway is going away: reconnect and resume with after',
  ) => {
    for (const wss of servers.values()) for (const client of wss.clients) client.close(code, reason);
  };
  return {
    connections: () => [...servers.values()].reduce((sum, wss) => sum + wss.clients.size, 0),
    dropConnections,
    close: async () => {
      options.server.off('upgrade', onUpgrade);
      dropConnections();
      // A moment for the close frames to go out; then whatever is left is cut.
      if ([...servers.values()].some((wss) => wss.clients.size > 0)) await new Promise((resolve) => setTimeout(resolve, 100));
      for (const wss of servers.values()) {
        for (const client of wss.clients) client.terminate();
        await new Promise<void>((resolve) => wss.close(() => resolve()));
      }
    },
  };
}
