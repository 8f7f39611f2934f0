import type { ApolloServer } from '@apollo/server';
import type { ExecutionArgs, ExecutionResult, FieldNode, GraphQLSchema, SelectionSetNode } from 'graphql';
import {
  getArgumentValues,
  getOperationAST,
  getVariableValues,
  GraphQLError,
  Kind,
  OperationTypeNode,
  parse,
  specifiedRules,
  validate,
  type DocumentNode,
  type ValidationRule,
} from 'graphql';
import { decodeJwt } from 'jose';
import { Viewer } from '../../platform/access/viewer';
import { hubError } from '../../platform/base/errors';
import { logger } from '../../platform/base/logger';
import type { GatewayContext } from '../context';
import { rateLimited, type RateLimits } from '../rate-limits';
import { LIVE_FIELDS, type Ask } from './fields';
import type { LiveFeed } from './feed';
import { LiveBatches } from './live-batches';
import type { PlannedResult, RunQuery } from './live-operation';
import { LiveOperation, TokenRejectedError } from './live-operation';
import { LiveSubscription } from './live-subscription';
import type { LiveSettings } from './settings';

/** One path's GraphQL: its Apollo server (queries go through its planner) and its API schema. */
export interface LiveEndpoint {
  apollo: ApolloServer<GatewayContext>;
  schema(): GraphQLSchema;
}

/** What every live transport shares: the abuse limits, the feed and its bounds. */
export interface LiveOperationSettings {
  /** The gateway's abuse limits, as validation rules, plus its token limit (applied at parse). */
  validationRules: readonly ValidationRule[];
  maxTokens: number;
  /** Absent: no bus, so subscriptions are refused (queries and mutations still work). */
  feed?: LiveFeed;
  settings: LiveSettings;
  /** Each subscription's start counts as one operation of its caller (its event queries do not). */
  rateLimits?: RateLimits;
}

/** An operation as a live transport receives it (graphql-ws's subscribe payload, graphql-sse's request). */
export interface LiveRequest {
  query: string;
  operationName?: string | null;
  variables?: Record<string, unknown> | null;
}

/**
 * How a transport tells a subscriber that its subscription ends and why: graphql-ws closes the
 * socket with a close code, SSE sends an error event and ends the stream (docs/live-updates.md).
 */
export interface LiveEnding {
  /** Its queue of undelivered events passed the bound: it resumes with `after`. */
  slowConsumer(): void;
  /** Its token stopped being accepted while it followed. */
  tokenRejected(): void;
  /** Something unexpected: it resumes with `after`. */
  failed(): void;
}

/**
 * Live streams outlast tokens: when the (already verified) token expires, its stream is told
 * so, and the client comes back with a fresh one. Calls `expired` then; answers the timer.
 */
export function onTokenExpiry(authorization: string | undefined, expired: () => void): NodeJS.Timeout | undefined {
  const exp = authorization ? decodeJwt(authorization.replace(/^Bearer\s+/i, '')).exp : undefined;
  if (!exp) return undefined;
  const timer = setTimeout(expired, Math.max(0, Math.min(exp * 1000 - Date.now(), 2 ** 31 - 1)));
  timer.unref();
  return timer;
}

/** What a prepared operation carries to `subscribe` / `execute`. */
export type LiveOperationContext = { live: LiveSubscription } | { operation: GatewayContext; query: string };

const asGraphQLError = (error: unknown) =>
  error instanceof GraphQLError ? error : hubError('INTERNAL_SERVER_ERROR', 'Internal server error');

function singleResult(response: Awaited<ReturnType<ApolloServer<GatewayContext>['executeOperation']>>): PlannedResult {
  if (response.body.kind !== 'single')
    return { errors: [{ message: 'Incremental delivery is not supported here', extensions: { code: 'BAD_REQUEST' } }] };
  return response.body.singleResult as PlannedResult;
}

/** The subscription's one root field, looking through fragments. */
function rootFieldOf(set: SelectionSetNode, document: DocumentNode): FieldNode | undefined {
  for (const selection of set.selections) {
    if (selection.kind === Kind.FIELD) return selection;
    if (selection.kind === Kind.INLINE_FRAGMENT) return rootFieldOf(selection.selectionSet, document);
    const fragment = document.definitions.find(
      (definition) => definition.kind === Kind.FRAGMENT_DEFINITION && definition.name.value === selection.name.value,
    );
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
 * The operations of one GraphQL path, whatever transport carries them (graphql-ws or SSE):
 * parsed and checked against the same limits as HTTP; queries and mutations run through the
 * path's Apollo server; subscriptions are authorized by their field's declaration and served
 * from the bus through the live feed, their events resolved under the subscriber's token.
 */
export class LiveOperations {
  private readonly shared = new SharedResolutions();
  private readonly batches: LiveBatches;

  constructor(
    private readonly endpoint: LiveEndpoint,
    private readonly options: LiveOperationSettings,
  ) {
    // A merged batch passes the same limits as any operation (armor's rules only: it is valid by construction).
    this.batches = new LiveBatches((text) => {
      try {
        return validate(this.endpoint.schema(), parse(text, { maxTokens: options.maxTokens }), options.validationRules).length === 0;
      } catch {
        return false;
      }
    });
  }

  /** Execution arguments for the operation, or the errors that refuse it (nothing is followed then). */
  async prepare(context: GatewayContext, request: LiveRequest, ending: LiveEnding): Promise<readonly GraphQLError[] | ExecutionArgs> {
    const schema = this.endpoint.schema();
    let document: DocumentNode;
    try {
      document = parse(request.query, { maxTokens: this.options.maxTokens });
    } catch (error) {
      return [asGraphQLError(error)];
    }
    const errors = validate(schema, document, [...specifiedRules, ...this.options.validationRules]);
    if (errors.length)
      return errors.map(
        (error) =>
          new GraphQLError(error.message, { nodes: error.nodes, extensions: { ...error.extensions, code: 'GRAPHQL_VALIDATION_FAILED' } }),
      );
    const operationName = request.operationName ?? undefined;
    const operation = getOperationAST(document, operationName);
    if (!operation) return [hubError('BAD_REQUEST', 'Name the operation to run (operationName)')];
    const variables = request.variables ?? {};
    const base: Omit<ExecutionArgs, 'contextValue'> = { schema, document, operationName, variableValues: variables };
    if (operation.operation !== OperationTypeNode.SUBSCRIPTION)
      return { ...base, contextValue: { operation: context, query: request.query } satisfies LiveOperationContext };
    const feed = this.options.feed;
    if (!feed)
      return [hubError('SERVICE_UNAVAILABLE', 'This gateway runs without an event bus, so it serves no subscriptions (set NATS_URL)')];
    const coerced = getVariableValues(schema, operation.variableDefinitions ?? [], variables);
    if (coerced.errors) return coerced.errors;
    const rootField = rootFieldOf(operation.selectionSet, document)!;
    const fieldDef = schema.getSubscriptionType()!.getFields()[rootField.name.value];
    const field = LIVE_FIELDS[rootField.name.value];
    if (!field) return [hubError('BAD_REQUEST', `Subscription.${rootField.name.value} is not served`)];
    const args = getArgumentValues(fieldDef, rootField, coerced.coerced);
    if (!context.counted && this.options.rateLimits) {
      const wait = await this.options.rateLimits.take(context);
      if (wait !== null) return [rateLimited(wait)];
    }
    const viewer = Viewer.of(context.principal);
    // The subscription was counted once, above: what it asks on its way is not.
    const asked: GatewayContext = { ...context, counted: true };
    const execute = async (query: string, queryVariables: Record<string, unknown>) =>
      singleResult(await this.endpoint.apollo.executeOperation({ query, variables: queryVariables }, { contextValue: asked }));
    const viewerKey = JSON.stringify(context.principal);
    // An event's queries of one viewer (principal and token) asked at once run as one operation.
    const batchKey = `${viewerKey}|${context.authorization ?? ''}`;
    const resolveEvent = (query: string, queryVariables: Record<string, unknown>) =>
      this.batches.run(batchKey, execute, query, queryVariables);
    const run: RunQuery = (query, queryVariables, event) =>
      event
        ? this.shared.run(`${event}|${viewerKey}|${query}|${JSON.stringify(queryVariables)}`, () => resolveEvent(query, queryVariables))
        : execute(query, queryVariables);
    const ask: Ask = async (query, queryVariables) => {
      const result = await run(query, queryVariables);
      const first = result.errors?.[0];
      if (first) throw new GraphQLError(first.message, { extensions: first.extensions });
      return result.data ?? {};
    };
    try {
      await field.authorize(viewer, args, ask);
    } catch (error) {
      return [asGraphQLError(error)];
    }
    const live = new LiveSubscription(
      new LiveOperation(schema, document, operation, variables, coerced.coerced, rootField, field, args, viewer, run),
      feed,
      field.topic(args),
      this.options.settings,
      () => ending.slowConsumer(),
      (error) => {
        if (error instanceof TokenRejectedError) return ending.tokenRejected();
        logger.error({ err: error }, 'live subscription failed');
        ending.failed();
      },
    );
    try {
      await live.start(args.after as string | null | undefined);
    } catch (error) {
      return [asGraphQLError(error)];
    }
    return { ...base, contextValue: { live } satisfies LiveOperationContext };
  }

  /** The subscription a prepared subscription follows. */
  static subscription(args: ExecutionArgs): LiveSubscription {
    return (args.contextValue as { live: LiveSubscription }).live;
  }

  /**
   * Runs a prepared query or mutation through the path's Apollo server. Its errors are Apollo's,
   * already formatted; it never throws (a transport would end the connection on a throw).
   */
  async execute(args: ExecutionArgs): Promise<ExecutionResult> {
    const context = args.contextValue as { operation: GatewayContext; query: string };
    try {
      const result = singleResult(
        await this.endpoint.apollo.executeOperation(
          {
            query: context.query,
            variables: (args.variableValues as Record<string, unknown> | undefined) ?? undefined,
            operationName: args.operationName ?? undefined,
          },
          { contextValue: context.operation },
        ),
      );
      return result as ExecutionResult;
    } catch (error) {
      logger.error({ err: error }, 'live operation failed');
      return { errors: [asGraphQLError(error)] };
    }
  }
}
