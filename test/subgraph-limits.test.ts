import 'reflect-metadata';
import { operationFromDocument, Supergraph } from '@apollo/federation-internals';
import { QueryPlanner, type PlanNode, type QueryPlan, type SubscriptionNode } from '@apollo/query-planner';
import { ApolloArmor } from '@escape.tech/graphql-armor';
import {
  buildSchema,
  getArgumentValues,
  getVariableValues,
  Kind,
  Lexer,
  OperationTypeNode,
  parse,
  print,
  Source,
  TokenKind,
  specifiedRules,
  validate,
  type DocumentNode,
  type FieldNode,
  type GraphQLSchema,
  type OperationDefinitionNode,
} from 'graphql';
import { ORDER_EVENTS, type EventEnvelope, type Principal } from '../contracts';
import { LIVE_FIELDS } from '../gateway/live/fields';
import { LiveBatches } from '../gateway/live/live-batches';
import { LiveOperation } from '../gateway/live/live-operation';
import { Viewer } from '../platform/access/viewer';
import { DEFAULT_LIMITS, operationRules, subgraphLimits, type OperationLimits } from '../platform/graphql/limits';
import { SUBGRAPHS } from '../subgraphs/registry';
import { customer, partner, staff } from './support/principals';
import { apiSchemaText, supergraphText, WEB_ENDPOINTS, webOperations, type WebEndpoint } from './support/web-operations';

/**
 * The subgraphs' limits (platform/graphql/limits.ts: subgraphLimits) admit every fetch the
 * gateway's query planner makes for what the gateway admits: each committed web operation, and
 * for each subscription the queries the gateway asks per event, alone and merged into the
 * largest live batch the gateway's limits allow. Each operation is taken at the very edge of what
 * the gateway admits — limits set to its own depth, cost, aliases, directives and tokens — and
 * each of its fetches is checked as the subgraph it goes to would check it under the limits it
 * derives from those (its served schema, the token limit, the limits' validation rules).
 */
const ORDER = 'ord_01M6A7GRP02MF6GCH46PHS6GKC';
const VIEWERS: Record<WebEndpoint, Principal> = {
  hub: staff('moyun-studio'),
  customer: customer([ORDER], 'DETAILED'),
  partner: partner('gilding-atelier'),
  supplier: partner('jingdezhen-clay', 'SUPPLIER'),
};

/** An operation's own depth, cost, aliases, directives and tokens: the tightest gateway limits that admit it. */
function tightLimits(text: string): OperationLimits {
  const found = { maxDepth: 0, maxCost: 0, maxAliases: 0, maxDirectives: 0 };
  const record = (key: keyof typeof found) => [
    (_context: unknown, details: { n: number }) => (found[key] = Math.max(found[key], details.n)),
  ];
  const { validationRules } = new ApolloArmor({
    maxDepth: { n: Infinity, onAccept: record('maxDepth') },
    costLimit: { maxCost: Infinity, onAccept: record('maxCost') },
    maxAliases: { n: Infinity, onAccept: record('maxAliases') },
    maxDirectives: { n: Infinity, onAccept: record('maxDirectives') },
    maxTokens: { enabled: false },
    blockFieldSuggestion: { enabled: false },
  }).protect();
  validate(buildSchema('type Query { unused: Int }'), parse(text), validationRules);
  const lexer = new Lexer(new Source(text));
  let tokens = 0;
  while (lexer.advance().kind !== TokenKind.EOF) tokens += 1;
  return { ...found, maxCost: Math.ceil(found.maxCost), maxTokens: tokens, maxBatch: 1 };
}

function fetchesOf(node: PlanNode | SubscriptionNode | undefined, into: { serviceName: string; operation: string }[] = []) {
  if (!node) return into;
  switch (node.kind) {
    case 'Fetch':
      into.push({ serviceName: node.serviceName, operation: node.operation });
      break;
    case 'Sequence':
    case 'Parallel':
      for (const child of node.nodes) fetchesOf(child, into);
      break;
    case 'Flatten':
      fetchesOf(node.node, into);
      break;
    case 'Condition':
      fetchesOf(node.ifClause, into);
      fetchesOf(node.elseClause, into);
      break;
    case 'Subscription':
      throw new Error('The gateway serves subscriptions itself: it plans none');
    case 'Defer':
      fetchesOf(node.primary.node, into);
      for (const deferred of node.deferred) fetchesOf(deferred.node, into);
      break;
    default:
      throw new Error(`A plan node the test does not know: ${(node as { kind: string }).kind}`);
  }
  return into;
}

/** What each web subscription makes the gateway ask per event (order events, as the viewer would get them). */
async function eventQueries(schema: GraphQLSchema, document: DocumentNode, principal: Principal): Promise<string[]> {
  const operation = document.definitions.find(
    (definition): definition is OperationDefinitionNode => definition.kind === Kind.OPERATION_DEFINITION,
  )!;
  const rootField = operation.selectionSet.selections[0] as FieldNode;
  const variables: Record<string, unknown> = { orderId: ORDER, studioId: 'moyun-studio', sku: 'CLAY-KAOLIN', enterpriseId: 'moyun-studio' };
  const coerced = getVariableValues(schema, operation.variableDefinitions ?? [], variables);
  if (coerced.errors) throw coerced.errors[0];
  const args = getArgumentValues(schema.getSubscriptionType()!.getFields()[rootField.name.value], rootField, coerced.coerced);
  const asked = new Set<string>();
  const live = new LiveOperation(
    schema,
    document,
    operation,
    variables,
    coerced.coerced,
    rootField,
    LIVE_FIELDS[rootField.name.value],
    args,
    Viewer.of(principal),
    async (query) => {
      asked.add(query);
      return { data: {} };
    },
  );
  for (const [index, type] of Object.values(ORDER_EVENTS).entries()) {
    const event: EventEnvelope = {
      id: `evt-${index}`,
      type,
      version: 1,
      source: 'orders',
      subject: { type: 'Order', id: ORDER },
      actor: { subject: 'system', enterprise: null },
      occurredAt: new Date(0).toISOString(),
      cursor: String(index + 1),
      payload: { orderId: ORDER, studioId: 'moyun-studio', stageRunId: 'stg_01M6A7GRP02MF6GCH46PHS6GKC' },
    };
    await live.resolve(event);
  }
  return [...asked];
}

/** The same query asked for 32 subscribers at once, merged as the gateway merges them (within its limits). */
async function mergedBatch(query: string, admits: (text: string) => boolean): Promise<string> {
  const sent: string[] = [];
  const batches = new LiveBatches(admits);
  await Promise.all(
    Array.from({ length: 32 }, (_, copy) =>
      batches.run('viewer', async (text) => (sent.push(text), { data: {} }), query, {
        weftLink0: `${copy}`,
        weftProbe0: `${copy}`,
        weftProbe1: `${copy}`,
      }),
    ),
  );
  return sent.reduce((largest, text) => (text.length > largest.length ? text : largest));
}

describe('the subgraphs’ limits admit every fetch the gateway’s planner makes for the web app', () => {
  const gateway = operationRules(DEFAULT_LIMITS, true);
  const served = new Map<string, GraphQLSchema>();

  beforeAll(async () => {
    for (const definition of SUBGRAPHS) served.set(definition.name, await definition.buildSchema());
  }, 60_000);

  /** The fetches a subgraph would refuse, under the limits it derives from the tightest gateway limits admitting `text`. */
  function refusedFetches(name: string, text: string, plan: QueryPlan): string[] {
    const limits = subgraphLimits(tightLimits(text));
    const { validationRules } = operationRules(limits, true);
    return fetchesOf(plan.node).flatMap(({ serviceName, operation }) => {
      let errors: string[];
      try {
        const document = parse(operation, { maxTokens: limits.maxTokens });
        errors = validate(served.get(serviceName)!, document, [...specifiedRules, ...validationRules]).map((error) => error.message);
      } catch (error) {
        errors = [(error as Error).message];
      }
      return errors.map((error) => `${name} → ${serviceName}: ${error}`);
    });
  }

  it.each(WEB_ENDPOINTS)(
    'for the %s endpoint: every query, mutation and per-event query, and their merged live batches',
    async (endpoint) => {
      const api = buildSchema(apiSchemaText(endpoint));
      const supergraph = Supergraph.build(supergraphText(endpoint));
      const planner = new QueryPlanner(supergraph);
      const admittedByGateway = (text: string) => {
        try {
          const document = parse(text, { maxTokens: DEFAULT_LIMITS.maxTokens });
          return validate(api, document, [...specifiedRules, ...gateway.validationRules]).length === 0;
        } catch {
          return false;
        }
      };
      const refused: string[] = [];
      let planned = 0;
      const check = (name: string, text: string) => {
        expect(admittedByGateway(text)).toBe(true);
        const plan = planner.buildQueryPlan(operationFromDocument(supergraph.apiSchema(), parse(text)));
        refused.push(...refusedFetches(name, text, plan));
        planned += 1;
      };
      let merged = 0;
      for (const { name, document } of webOperations(endpoint)) {
        const operation = document.definitions.find(
          (definition): definition is OperationDefinitionNode => definition.kind === Kind.OPERATION_DEFINITION,
        )!;
        if (operation.operation !== OperationTypeNode.SUBSCRIPTION) {
          check(name, print(document));
          continue;
        }
        for (const query of await eventQueries(api, document, VIEWERS[endpoint])) {
          check(`${name} (per event)`, query);
          const batch = await mergedBatch(query, admittedByGateway);
          expect(batch).toMatch(/^query WeftLiveBatch\(/);
          check(`${name} (merged)`, batch);
          merged += 1;
        }
      }
      expect(refused).toEqual([]);
      expect(planned).toBeGreaterThan(0);
      // The customer's page follows its order: its per-event queries were merged for 32 subscribers.
      if (endpoint === 'customer') expect(merged).toBeGreaterThan(0);
    },
  );
});
