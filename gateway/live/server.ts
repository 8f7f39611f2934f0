import type http from 'node:http';
import type { Duplex } from 'node:stream';
import type { ApolloServer } from '@apollo/server';
import {
  ExecutionArgs,
  ExecutionResult,
  FieldNode,
  getArgumentValues,
  getOperationAST,
  getVariableValues,
  GraphQLError,
  GraphQLSchema,
  Kind,
  parse,
  SelectionSetNode,
  specifiedRules,
  validate,
  type DocumentNode,
  type ValidationRule,
} from 'graphql';
import { useServer } from 'graphql-ws/use/ws';
import { decodeJwt } from 'jose';
import { WebSocket, WebSocketServer } from 'ws';
import { LIVE_CLOSE_CODES } from '../../contracts';
import { Viewer } from '../../platform/access/viewer';
import type { TokenService } from '../../platform/access/tokens';
import { hubError } from '../../platform/graphql/errors';
import { logger } from '../../platform/runtime/logger';
import type { GatewayContext } from '../context';
import { LIVE_FIELDS, type Ask } from './fields';
import type { LiveFeed } from './feed';
import { LiveBatches } from './live-batches';
import { LiveOperation, PlannedResult, RunQuery, TokenRejectedError } from './live-operation';
import { LiveSubscription } from './live-subscription';
import type { LiveSettings } from './settings';

/** One path's GraphQL: its Apollo server (queries go through its planner) and its API schema. */
export interface LiveEndpoint {
  apollo: ApolloServer<GatewayContext>;
  schema(): GraphQLSchema;
}

export interface LiveServerOptions {
  server: http.Server;
  endpoints: Record<string, LiveEndpoint>;
  auth: TokenService;
  /** The gateway's abuse limits, as validation rules, plus its token limit (applied at parse). */
  validationRules: readonly ValidationRule[];
  maxTokens: number;
  /** Absent: no bus, so subscriptions are refused (queries and mutations still work). */
  feed?: LiveFeed;
  settings: LiveSettings;
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

type OperationContext = { live: LiveSubscription } | { operation: GatewayContext; query: string };

const asGraphQLError = (error: unknown) =>
  error instanceof GraphQLError ? error : hubError('INTERNAL_SERVER_ERROR', 'Internal server error');

function singleResult(response: Awaited<ReturnType<ApolloServer<GatewayContext>['executeOperation']>>): PlannedResult {
  if (response.body.kind !== 'single') return { errors: [{ message: 'Incremental delivery is not supported here', extensions: { code: 'BAD_REQUEST' } }] };
  return response.body.singleResult as PlannedResult;
}

/** The subscription's one root field, looking through fragments. */
function rootFieldOf(set: SelectionSetNode, document: DocumentNode): FieldNode | undefined {
  for (const selection of set.selections) {
    if (selection.kind === Kind.FIELD) return selection;
    if (selection.kind === Kind.INLINE_FRAGMENT) return rootFieldOf(selection.selectionSet, document);
    const fragment = document.definitions.find((definition) => definition.kind === Kind.FRAGMENT_DEFINITION && definition.name.value === selection.name.value);
    if (fragment && fragment.kind === Kind.FRAGMENT_DEFINITION) return rootFieldOf(fragment.selectionSet, document);
  }
  return undefined;
}

/**
 * One execution for identical per-event queries of the same viewer (many followers of a studio
 * channel, say): what the planner answers depends on the query, its variables and the verified
 * principal, never on which connection asked. Kept a few seconds after it settles.
 */
class SharedResolutions {
  private readonly pending = new Map<string, Promise<PlannedResult>>();

  run(key: string, execute: () => Promise<PlannedResult>): Promise<PlannedResult> {
    const known = this.pending.get(key);
    if (known) return known;
    const result = execute();
    this.pending.set(key, result);
    // A failed answer is not shared beyond this moment: the retry asks again.
    result.then(
      (settled) => (settled.errors?.length ? this.pending.delete(key) : setTimeout(() => this.pending.delete(key), 5_000).unref()),
      () => this.pending.delete(key),
    );
    return result;
  }
}

/**
 * Serves graphql-ws (the graphql-transport-ws protocol) on every GraphQL path of the gateway.
 * The token goes in `connection_init` (`{ "authorization": "Bearer …" }`) and is verified as
 * on HTTP; operations pass the same abuse limits. Queries and mutations run through the
 * endpoint's Apollo server; subscriptions are served from the bus through the live feed (see
 * docs/live-updates.md for the design).
 */
export function serveLive(options: LiveServerOptions): RunningLiveServer {
  const servers = new Map<string, WebSocketServer>();
  for (const [path, endpoint] of Object.entries(options.endpoints)) {
    const shared = new SharedResolutions();
    const batches = new LiveBatches(options.maxTokens);
    const wss = new WebSocketServer({ noServer: true, maxPayload: 1_000_000 });
    servers.set(path, wss);
    useServer<Record<string, unknown> | undefined, Partial<Extra>>(
      {
        connectionInitWaitTimeout: 10_000,
        onConnect: async (ctx) => {
          const params = ctx.connectionParams ?? {};
          const token = typeof params.token === 'string' ? `Bearer ${params.token}` : undefined;
          const authorization = typeof params.authorization === 'string' ? params.authorization : typeof params.Authorization === 'string' ? params.Authorization : token;
          const socket = ctx.extra.socket!;
          try {
            const principal = await options.auth.principalOf(authorization);
            const state: ConnectionState = { context: { principal, authorization } };
            const exp = authorization ? decodeJwt(authorization.replace(/^Bearer\s+/i, '')).exp : undefined;
            if (exp) {
              // Live connections outlast tokens: when it expires, the client reconnects with a fresh one.
              const delay = Math.min(exp * 1000 - Date.now(), 2 ** 31 - 1);
              state.expiry = setTimeout(() => socket.close(LIVE_CLOSE_CODES.TOKEN_EXPIRED, 'Token expired: reconnect with a fresh token and resume with after'), Math.max(0, delay));
              state.expiry.unref();
            }
            ctx.extra.state = state;
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
        onSubscribe: async (ctx, _id, payload) => {
          const context = ctx.extra.state!.context;
          const schema = endpoint.schema();
          let document: DocumentNode;
          try {
            document = parse(payload.query, { maxTokens: options.maxTokens });
          } catch (error) {
            return [asGraphQLError(error)];
          }
          const errors = validate(schema, document, [...specifiedRules, ...options.validationRules]);
          if (errors.length) return errors.map((error) => new GraphQLError(error.message, { nodes: error.nodes, extensions: { ...error.extensions, code: 'GRAPHQL_VALIDATION_FAILED' } }));
          const operation = getOperationAST(document, payload.operationName);
          if (!operation) return [hubError('BAD_REQUEST', 'Name the operation to run (operationName)')];
          const base: Omit<ExecutionArgs, 'contextValue'> = { schema, document, operationName: payload.operationName, variableValues: payload.variables };
          if (operation.operation !== 'subscription') return { ...base, contextValue: { operation: context, query: payload.query } satisfies OperationContext };
          if (!options.feed) return [hubError('SERVICE_UNAVAILABLE', 'This gateway runs without an event bus, so it serves no subscriptions (set NATS_URL)')];
          const coerced = getVariableValues(schema, operation.variableDefinitions ?? [], payload.variables ?? {});
          if (coerced.errors) return coerced.errors;
          const rootField = rootFieldOf(operation.selectionSet, document)!;
          const fieldDef = schema.getSubscriptionType()!.getFields()[rootField.name.value];
          const field = LIVE_FIELDS[rootField.name.value];
          if (!field) return [hubError('BAD_REQUEST', `Subscription.${rootField.name.value} is not served`)];
          const args = getArgumentValues(fieldDef, rootField, coerced.coerced);
          const viewer = Viewer.of(context.principal);
          const execute = async (query: string, variables: Record<string, unknown>) => singleResult(await endpoint.apollo.executeOperation({ query, variables }, { contextValue: context }));
          const viewerKey = JSON.stringify(context.principal);
          // An event's queries of one viewer (principal and token) asked at once run as one operation.
          const batchKey = `${viewerKey}|${context.authorization ?? ''}`;
          const resolveEvent = (query: string, variables: Record<string, unknown>) => batches.run(batchKey, execute, query, variables);
          const run: RunQuery = (query, variables, event) => (event ? shared.run(`${event}|${viewerKey}|${query}|${JSON.stringify(variables)}`, () => resolveEvent(query, variables)) : execute(query, variables));
          const ask: Ask = async (query, variables) => {
            const result = await run(query, variables);
            const first = result.errors?.[0];
            if (first) throw new GraphQLError(first.message, { extensions: first.extensions });
            return result.data ?? {};
          };
          try {
            await field.authorize(viewer, args, ask);
          } catch (error) {
            return [asGraphQLError(error)];
          }
          const socket = ctx.extra.socket!;
          const live = new LiveSubscription(
            new LiveOperation(schema, document, operation, payload.variables ?? {}, coerced.coerced, rootField, field, args, viewer, run),
            options.feed,
            field.topic(args),
            options.settings,
            () => socket.close(LIVE_CLOSE_CODES.SLOW_CONSUMER, 'Slow consumer: resubscribe with after set to your last cursor'),
            (error) => {
              if (error instanceof TokenRejectedError) return socket.close(LIVE_CLOSE_CODES.TOKEN_EXPIRED, 'Token no longer accepted: reconnect with a fresh one');
              logger.error({ err: error }, 'live subscription failed');
              socket.close(4500, 'Internal error: resubscribe with after set to your last cursor');
            },
          );
          try {
            await live.start(args.after as string | null | undefined);
          } catch (error) {
            return [asGraphQLError(error)];
          }
          return { ...base, contextValue: { live } satisfies OperationContext };
        },
        subscribe: (args) => (args.contextValue as { live: LiveSubscription }).live,
        execute: async (args): Promise<ExecutionResult> => {
          const context = args.contextValue as { operation: GatewayContext; query: string };
          const result = singleResult(
            await endpoint.apollo.executeOperation({ query: context.query, variables: args.variableValues ?? undefined, operationName: args.operationName ?? undefined }, { contextValue: context.operation }),
          );
          return result as ExecutionResult;
        },
      },
      wss,
      // Pings every keepAliveMs; a client that does not answer in time is cut (1006) and resumes.
      options.settings.keepAliveMs,
    );
  }
  const onUpgrade = (request: http.IncomingMessage, socket: Duplex, head: Buffer) => {
    const wss = servers.get(new URL(request.url ?? '/', 'http://localhost').pathname);
    if (!wss) {
      socket.destroy();
      return;
    }
    wss.handleUpgrade(request, socket, head, (ws) => wss.emit('connection', ws, request));
  };
  options.server.on('upgrade', onUpgrade);
  const dropConnections = (code: number = LIVE_CLOSE_CODES.GOING_AWAY, reason = 'The gateway is going away: reconnect and resume with after') => {
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
