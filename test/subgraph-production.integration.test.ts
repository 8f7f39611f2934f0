import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DEFAULT_LIMITS } from '../platform/graphql/limits';
import { startSubgraph, type SubgraphRuntime } from '../platform/runtime/subgraph';
import { networkSubgraph } from '../subgraphs/network';
import { dialects, startTestHub, type GraphQLResult, type TestHub } from './support/hub';
import { teawareOrder } from './support/orders';

/** The status and first error code of a POST, with the raw body (so a suggestion in any message shows). */
async function ask(url: string, query: string): Promise<{ status: number; code: string | undefined; text: string; body: GraphQLResult }> {
  const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query }) });
  const text = await response.text();
  const body = JSON.parse(text) as GraphQLResult;
  return { status: response.status, code: body.errors?.[0]?.extensions?.code as string | undefined, text, body };
}

const INTROSPECTION = ['{ __schema { queryType { name } } }', '{ __type(name: "Enterprise") { fields { name } } }'];
/** A misspelt field and a misspelt enum value: graphql-js suggests the right ones ("Did you mean …?"). */
const MISSPELT = ['{ enterprise(id: "moyun-studio") { nameEm } }', '{ enterprises(kind: STUDI) { id } }'];
/** One root field of each subgraph, as the gateway serves it too (limits are checked before anything runs: no token needed). */
const FIELD: Record<string, string> = {
  network: 'enterprises { id }',
  vocabulary: 'vocabularyVersion',
  suppliers: 'materials { sku }',
  capacity: 'capacityOffers { id }',
  kitchens: 'cloudKitchens { id }',
  notifications: 'webhooks(enterpriseId: "moyun-studio") { id }',
  orders: 'trace(code: "x") { code }',
  traceability: 'capturedEventIds(eventIds: [])',
};
/** Deeper than any limit (inline fragments count as levels), more aliases than allowed, more tokens than parsed. */
const nested = (levels: number, field: string) => `{ ${'... on Query { '.repeat(levels)}${field}${' }'.repeat(levels)} }`;
const TOO_DEEP = (field: string) => nested(DEFAULT_LIMITS.maxDepth + 5, field);
const TOO_MANY_ALIASES = (field: string) =>
  `{ ${Array.from({ length: DEFAULT_LIMITS.maxAliases + 1 }, (_, index) => `a${index}: ${field}`).join(' ')} }`;
const TOO_MANY_TOKENS = (field: string) =>
  `{ ${Array.from({ length: DEFAULT_LIMITS.maxTokens * 2 + 1 }, () => '__typename').join(' ')} ${field} }`;

/**
 * A subgraph is no softer than the gateway when reached directly (containers bind it on
 * 0.0.0.0): in production it refuses introspection and suggests nothing, and it refuses what
 * breaks the limits with the gateway's codes — while the gateway's own fetches (`_entities`)
 * and composition's `_service { sdl }` go on working.
 */
describe.each(dialects())('subgraphs in production mode (%s)', (dialect) => {
  let t: TestHub;
  let development: SubgraphRuntime;
  let developmentDir: string;
  const subgraphUrls = () => Object.values(t.hub.subgraphs).map((runtime) => runtime.url);

  beforeAll(async () => {
    t = await startTestHub(dialect, { production: true });
    await t.hub.subgraphs.network.definition.seed!(t.hub.subgraphs.network);
    // The same subgraph outside production, to show what production takes away.
    developmentDir = fs.mkdtempSync(path.join(os.tmpdir(), 'weft-development-'));
    development = await startSubgraph(networkSubgraph, {
      port: 0,
      host: '127.0.0.1',
      location: { dataDir: developmentDir },
      auth: t.tokens,
    });
  }, 120_000);
  afterAll(async () => {
    await development?.close();
    await t?.close();
    if (developmentDir) fs.rmSync(developmentDir, { recursive: true, force: true });
  });

  it('refuses introspection at every subgraph, as the gateway does', async () => {
    for (const query of INTROSPECTION) {
      expect((await ask(development.url, query)).body.data).toBeTruthy();
      const atGateway = await ask(t.hub.gateway.url, query);
      expect(atGateway.code).toBe('GRAPHQL_VALIDATION_FAILED');
      for (const url of subgraphUrls()) {
        const direct = await ask(url, query);
        expect([url, direct.status, direct.code, direct.body.data]).toEqual([url, atGateway.status, atGateway.code, undefined]);
      }
    }
  });

  it('suggests no field or value names', async () => {
    for (const query of MISSPELT) {
      expect((await ask(development.url, query)).text).toMatch(/Did you mean/);
      for (const url of [t.hub.subgraphs.network.url, t.hub.gateway.url]) {
        const answer = await ask(url, query);
        expect(answer.code).toBe('GRAPHQL_VALIDATION_FAILED');
        expect(answer.text).not.toMatch(/Did you mean|STUDIO|nameEn/);
      }
    }
  });

  it('refuses operations too deep, with too many aliases or too many tokens, with the gateway’s codes', async () => {
    expect(Object.keys(FIELD).sort()).toEqual(Object.keys(t.hub.subgraphs).sort());
    for (const [subgraph, field] of Object.entries(FIELD)) {
      for (const [limit, query] of [
        ['depth', TOO_DEEP(field)],
        ['aliases', TOO_MANY_ALIASES(field)],
        ['tokens', TOO_MANY_TOKENS(field)],
      ]) {
        const atGateway = await ask(t.hub.gateway.url, query);
        const direct = await ask(t.hub.subgraphs[subgraph].url, query);
        expect([limit, atGateway.code]).toEqual([limit, limit === 'tokens' ? 'GRAPHQL_PARSE_FAILED' : 'GRAPHQL_VALIDATION_FAILED']);
        expect([subgraph, limit, direct.status, direct.code, direct.body.data]).toEqual([
          subgraph,
          limit,
          atGateway.status,
          atGateway.code,
          undefined,
        ]);
      }
    }
    // Within the limits, the same shapes are answered.
    expect((await ask(t.hub.subgraphs.vocabulary.url, nested(DEFAULT_LIMITS.maxDepth - 1, 'vocabularyVersion'))).body.data).toEqual({
      vocabularyVersion: 1,
    });
  });

  it('answers composition’s _service { sdl } and the gateway’s entity fetches', async () => {
    for (const url of subgraphUrls()) expect((await ask(url, '{ _service { sdl } }')).body.data?._service.sdl).toMatch(/type Query/);
    // An order from the orders subgraph, its studio from the network's _entities, its codes from the vocabulary's.
    const imported = await t.gql(`mutation($input: ShopOrderInput!) { importShopOrder(input: $input) { id } }`, { input: teawareOrder() });
    const id = imported.data.importShopOrder.id;
    const order = await t.gql(`query($id: ID!) { order(id: $id) { id studio { nameEn } stages { statusCode { labelEn } } } }`, { id });
    expect(order.errors).toBeUndefined();
    expect(order.data.order).toMatchObject({ id, studio: { nameEn: 'Moyun Creative Studio' } });
    expect(order.data.order.stages[0].statusCode.labelEn).toEqual(expect.any(String));
  });
});
