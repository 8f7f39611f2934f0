import { serverAudits } from 'graphql-http';
import type { TestHub } from './support/hub';
import { startTestHub } from './support/hub';
import { NETWORK_EVENTS } from '../contracts';
import { partner, staff } from './support/principals';

const BAD_DATE = `mutation($s: ID!, $i: ShipmentEventInput!) { recordShipmentEvent(shipmentId: $s, input: $i, idempotencyKey: "http-test") { id } }`;

/**
 * GraphQL over HTTP at the gateway and at a subgraph: graphql-http's audits of the spec, the
 * status codes by `Accept`, GET for queries only (CSRF-proof headers), the body limit, and a
 * subgraph's refusal reaching the caller with its own code.
 */
describe('GraphQL over HTTP', () => {
  let t: TestHub;
  let token: string;

  beforeAll(async () => {
    t = await startTestHub('sqlite');
    token = await t.token(staff('moyun-studio'));
  }, 60_000);
  afterAll(() => t?.close());

  const post = async (body: unknown, headers: Record<string, string> = {}, url = t.hub.gateway.url) => {
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}`, ...headers },
      body: typeof body === 'string' ? body : JSON.stringify(body),
    });
    return { status: response.status, headers: response.headers, body: (await response.json()) as any };
  };

  it.each([
    ['the gateway', () => t.hub.gateway.url],
    ['a subgraph (orders)', () => t.hub.subgraphs.orders.url],
  ])("passes graphql-http's server audits at %s: every MUST and every SHOULD", async (_where, url) => {
    // A bearer token proves a request non-simple (CSRF), as every client of the hub sends one.
    const fetchFn = (input: Parameters<typeof fetch>[0], init: RequestInit = {}) =>
      fetch(input, { ...init, headers: { ...(init.headers as Record<string, string>), authorization: `Bearer ${token}` } });
    const results = await Promise.all(serverAudits({ url: url(), fetchFn }).map((audit) => audit.fn()));
    const failed = results.filter((result) => result.status !== 'ok' && !result.name.startsWith('MAY'));
    expect(failed.map((result) => `${result.name}: ${'reason' in result ? result.reason : ''}`)).toEqual([]);
    expect(results.length).toBeGreaterThan(30);
  });

  it('answers a document that does not parse 400 with application/graphql-response+json, 200 with application/json', async () => {
    const strict = await post({ query: '{ orders(' }, { accept: 'application/graphql-response+json' });
    expect(strict.status).toBe(400);
    expect(strict.headers.get('content-type')).toContain('application/graphql-response+json');
    expect(strict.body.errors[0].extensions.code).toBe('GRAPHQL_PARSE_FAILED');
    const legacy = await post({ query: '{ orders(' }, { accept: 'application/json' });
    expect(legacy.status).toBe(200);
    expect(legacy.body.errors[0].extensions.code).toBe('GRAPHQL_PARSE_FAILED');
    // Past the token limit it is the same parse failure, never a 500.
    const long = await post({ query: `{ ${'__typename '.repeat(3000)}}` }, { accept: 'application/graphql-response+json' });
    expect(long.status).toBe(400);
    expect(long.body.errors[0].extensions.code).toBe('GRAPHQL_PARSE_FAILED');
  });

  it("passes a subgraph's refusal of a variable to the caller with its code, naming the variable, never as an internal error", async () => {
    const result = await post({ query: BAD_DATE, variables: { s: 'shp_unknown', i: { status: 'IN_TRANSIT', occurredAt: 'not-a-date' } } });
    expect(result.status).toBe(200);
    expect(result.body.errors).toHaveLength(1);
    expect(result.body.errors[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', serviceName: 'orders' });
    expect(result.body.errors[0].message).toContain('i.occurredAt');
    expect(result.headers.get('x-request-id')).toMatch(/^[\w.:-]+$/);
  });

  it("marks the public subgraph's answers public with their version, no other's, and the gateway keeps them", async () => {
    const vocabulary = await post({ query: '{ statusCodes { code } }' }, {}, t.hub.subgraphs.vocabulary.url);
    expect(vocabulary.headers.get('cache-control')).toBe('max-age=300, public');
    expect(vocabulary.headers.get('x-weft-answer-version')).toMatch(/^\d+$/);
    const orders = await post({ query: '{ routeTemplates { productCodePrefix } }' }, {}, t.hub.subgraphs.orders.url);
    expect(orders.headers.get('cache-control')).toBe('no-store');
    // Through the gateway, the same question twice (as two viewers) reaches the vocabulary once.
    const vocabularyOperations = async () => {
      const metrics = await (await fetch(t.hub.gateway.url.replace('/graphql', '/metrics'))).text();
      return [...metrics.matchAll(/^weft_graphql_operations_total\{service="vocabulary"[^}]*\} (\d+)/gm)].reduce(
        (sum, match) => sum + Number(match[1]),
        0,
      );
    };
    const query = { query: '{ exceptionCodes { code labelEn } }' };
    const before = await vocabularyOperations();
    expect((await post(query)).body.errors).toBeUndefined();
    const other = await t.token(staff('youcaifeng'));
    expect((await post(query, { authorization: `Bearer ${other}` })).body.errors).toBeUndefined();
    expect((await vocabularyOperations()) - before).toBe(1);
    const metrics = await (await fetch(t.hub.gateway.url.replace('/graphql', '/metrics'))).text();
    expect(Number(/^weft_gateway_shared_subgraph_answers_total\{how="kept"\} (\d+)/m.exec(metrics)?.[1])).toBeGreaterThanOrEqual(1);
  });

  it("keeps the directory's answers for everyone, and forgets them when an enterprise changes its entry (the change event)", async () => {
    await t.hub.subgraphs.network.definition.seed!(t.hub.subgraphs.network);
    const networkOperations = async () => {
      const metrics = await (await fetch(t.hub.gateway.url.replace('/graphql', '/metrics'))).text();
      return [...metrics.matchAll(/^weft_graphql_operations_total\{service="network"[^}]*\} (\d+)/gm)].reduce(
        (sum, match) => sum + Number(match[1]),
        0,
      );
    };
    const directory = await post({ query: '{ enterprise(id: "gilding-atelier") { nameEn } }' }, {}, t.hub.subgraphs.network.url);
    expect(directory.headers.get('cache-control')).toBe('max-age=60, public');
    const query = { query: '{ enterprise(id: "gilding-atelier") { nameEn region } }' };
    const before = await networkOperations();
    expect((await post(query)).body.data.enterprise.nameEn).toBe('Gilding Atelier');
    expect((await post(query)).body.data.enterprise.nameEn).toBe('Gilding Atelier');
    expect((await networkOperations()) - before).toBe(1);

    const gilder = await t.token(partner('gilding-atelier'));
    const change = `mutation($input: EnterpriseChangeInput!) { changeEnterprise(id: "gilding-atelier", input: $input, idempotencyKey: "http-directory-1") { nameEn } }`;
    // Someone else's entry, or a bad region: refused, nothing changes.
    expect((await post({ query: change, variables: { input: { nameEn: 'Not Yours' } } })).body.errors[0].extensions.code).toBe('FORBIDDEN');
    expect(
      (await post({ query: change, variables: { input: { region: 'jiangxi' } } }, { authorization: `Bearer ${gilder}` })).body.errors[0]
        .extensions.code,
    ).toBe('BAD_USER_INPUT');
    expect(
      (await post({ query: change, variables: { input: {} } }, { authorization: `Bearer ${gilder}` })).body.errors[0].extensions.code,
    ).toBe('BAD_USER_INPUT');
    const changed = await post(
      { query: change, variables: { input: { nameEn: 'Gilding Atelier of Jingdezhen' } } },
      { authorization: `Bearer ${gilder}` },
    );
    expect(changed.body).toEqual({ data: { changeEnterprise: { nameEn: 'Gilding Atelier of Jingdezhen' } } });
    // Sent again with its key (a retry), it changes nothing more and answers the same.
    expect(
      (
        await post(
          { query: change, variables: { input: { nameEn: 'Gilding Atelier of Jingdezhen' } } },
          { authorization: `Bearer ${gilder}` },
        )
      ).body,
    ).toEqual(changed.body);
    await t.hub.settle();
    expect((await post(query)).body.data.enterprise).toEqual({ nameEn: 'Gilding Atelier of Jingdezhen', region: 'CN-JX' });
    const events = (await t.hub.bus.read('0', 10_000)).filter((event) => event.type === NETWORK_EVENTS.ENTERPRISE_UPDATED);
    expect(events.map((event) => event.payload)).toEqual([{ enterpriseId: 'gilding-atelier', changed: ['nameEn'] }]);
  });

  it('keeps the request id a caller sends, through the gateway', async () => {
    const result = await post({ query: '{ vocabularyVersion }' }, { 'x-request-id': 'weft-test-0001' });
    expect(result.headers.get('x-request-id')).toBe('weft-test-0001');
  });

  it('serves queries over GET with URL-encoded variables, never mutations, and only with a header that proves a non-simple request', async () => {
    const url = (query: string, variables?: unknown) =>
      `${t.hub.gateway.url}?query=${encodeURIComponent(query)}${variables ? `&variables=${encodeURIComponent(JSON.stringify(variables))}` : ''}`;
    const query = await fetch(url('query($p: StatusPhase) { statusCodes(phase: $p) { code } }', { p: 'PRODUCTION' }), {
      headers: { authorization: `Bearer ${token}` },
    });
    expect(query.status).toBe(200);
    expect(((await query.json()) as any).data.statusCodes.length).toBeGreaterThan(0);
    const mutation = await fetch(url('mutation { __typename }'), { headers: { authorization: `Bearer ${token}` } });
    expect(mutation.status).toBe(405);
    // What a cross-site <img> or form could send: refused.
    const simple = await fetch(url('{ vocabularyVersion }'));
    expect(simple.status).toBe(400);
    expect(((await simple.json()) as any).errors[0].message).toMatch(/Cross-Site Request Forgery/);
  });

  it.each([3_000_000, 30_000_000])('answers a %i-byte body 413 with a GraphQL error, then closes the connection', async (bytes) => {
    const response = await fetch(t.hub.gateway.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: `{"query":"${'a'.repeat(bytes)}"}`,
    });
    expect(response.status).toBe(413);
    expect(response.headers.get('connection')).toBe('close');
    expect(((await response.json()) as any).errors[0].extensions.code).toBe('PAYLOAD_TOO_LARGE');
    // The hub goes on answering.
    expect((await post({ query: '{ vocabularyVersion }' })).body.data.vocabularyVersion).toBeGreaterThan(0);
  });
});
