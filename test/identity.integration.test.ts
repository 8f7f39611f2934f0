import { startGateway } from '../gateway/gateway';
import { DEFAULT_LIMITS } from '../platform/graphql/limits';
import { TokenService } from '../platform/access/tokens';
import type { GraphQLResult, TestHub } from './support/hub';
import { dialects, startTestHub } from './support/hub';
import { teawareOrder } from './support/orders';
import { customer, partner, staff } from './support/principals';

const IMPORT = `mutation($input: ShopOrderInput!) { importShopOrder(input: $input) { id stages { id code } } }`;
const CUSTOMER_VIEW = `query($id: ID!) { order(id: $id) { id phase milestone { code } stages { code startedAt operatorPenName } } }`;

const codeOf = (result: GraphQLResult) => result.errors?.[0]?.extensions?.code;

describe.each(dialects())('identity, links, tiers and contracts (%s)', (dialect) => {
  let t: TestHub;
  let orderId: string;
  let otherOrderId: string;

  beforeAll(async () => {
    t = await startTestHub(dialect, { limits: { ...DEFAULT_LIMITS, maxDepth: 4 } });
    await t.hub.subgraphs.network.definition.seed!(t.hub.subgraphs.network);
    const order = (await t.gql(IMPORT, { input: teawareOrder() })).data.importShopOrder;
    orderId = order.id;
    otherOrderId = (await t.gql(IMPORT, { input: teawareOrder() })).data.importShopOrder.id;
    for (const stage of order.stages.slice(0, 2)) {
      await t.gql(`mutation($s: ID!) { startStage(stageRunId: $s, operator: { name: "李强", penName: "松烟" }) { id } }`, { s: stage.id });
      await t.gql(`mutation($s: ID!) { completeStage(stageRunId: $s) { id } }`, { s: stage.id });
    }
  });
  afterAll(() => t?.close());

  it('answers expired, forged and malformed tokens with UNAUTHENTICATED at the gateway and at every subgraph', async () => {
    const expired = await t.tokens.sign(staff('moyun-studio'), -120);
    const forged = await new TokenService({ hubSecret: 'a-different-secret-of-enough-length-000' }).sign(staff('moyun-studio'), 600);
    const urls = [
      t.hub.gateway.url,
      ...Object.values(t.hub.subgraphs).map((runtime) => runtime.url),
      ...Object.values(t.hub.gateway.audienceUrls),
    ];
    for (const url of urls) {
      for (const token of [expired, forged, 'garbage']) {
        const response = await fetch(url, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
          body: JSON.stringify({ query: '{ __typename }' }),
        });
        expect(response.status).toBe(401);
        const body = (await response.json()) as any;
        expect(body.errors[0].extensions.code).toBe('UNAUTHENTICATED');
        expect(body.data).toBeUndefined();
      }
    }
    expect((await t.gql(`{ order(id: "${orderId}") { id } }`, {}, { as: expired })).errors?.[0].message).toBe('Token expired');
    // No token at all: the operation needs one; the answer names no subgraph address.
    const anonymous = await t.gql(`{ order(id: "${orderId}") { id } }`, {}, { as: null });
    expect(anonymous).toMatchObject({ data: { order: null }, errors: [{ extensions: { code: 'UNAUTHENTICATED' } }] });
    expect(JSON.stringify(anonymous)).not.toContain('127.0.0.1');
  });

  it('mints a customer link, exchanges and refreshes it for that order only, and revokes it', async () => {
    const minted = (
      await t.gql(
        `mutation($id: ID!) { mintCustomerLink(orderId: $id, tier: DETAILED, validDays: 30, idempotencyKey: "link-1") { token url link { id tier expiresAt revokedAt } } }`,
        { id: orderId },
      )
    ).data!.mintCustomerLink;
    expect(minted.url).toContain(`link=${encodeURIComponent(minted.token)}`);
    expect(minted.link).toMatchObject({ tier: 'DETAILED', revokedAt: null });

    // The customer has no token yet: the exchange is public, the link is the credential.
    const EXCHANGE = `mutation($link: String!, $tier: VisibilityTier) { exchangeCustomerLink(link: $link, tier: $tier) { token expiresAt orderId tier } }`;
    const session = (await t.gql(EXCHANGE, { link: minted.token, tier: 'BASIC' }, { as: null })).data.exchangeCustomerLink;
    expect(session).toMatchObject({ orderId, tier: 'BASIC' });
    expect(new Date(session.expiresAt).getTime() - Date.now()).toBeLessThanOrEqual(15 * 60_000 + 5_000);

    const view = await t.gql(CUSTOMER_VIEW, { id: orderId }, { as: session.token });
    expect(view.errors).toBeUndefined();
    expect(view.data.order.stages.map((stage: any) => stage.code)).toEqual(['A10', 'B10', 'C40', 'C60', 'E10']);
    expect(view.data.order.stages.every((stage: any) => stage.startedAt === null && stage.operatorPenName === null)).toBe(true);
    expect((await t.gql(CUSTOMER_VIEW, { id: otherOrderId }, { as: session.token })).data.order).toBeNull();
    // The link itself is not a bearer token.
    expect(codeOf(await t.gql(CUSTOMER_VIEW, { id: orderId }, { as: minted.token }))).toBe('UNAUTHENTICATED');

    // Refreshing is exchanging again; the customer may choose up to the link's tier.
    const refreshed = (await t.gql(EXCHANGE, { link: minted.token, tier: 'DETAILED' }, { as: null })).data.exchangeCustomerLink;
    const detailed = await t.gql(CUSTOMER_VIEW, { id: orderId }, { as: refreshed.token });
    expect(detailed.data.order.stages).toHaveLength(9);
    expect(detailed.data.order.stages[0]).toMatchObject({ code: 'A10', startedAt: expect.any(String), operatorPenName: '松烟' });

    // A replayed mint answers the same link; revoking ends the exchange and the tokens already out.
    const replay = (
      await t.gql(
        `mutation($id: ID!) { mintCustomerLink(orderId: $id, tier: DETAILED, validDays: 30, idempotencyKey: "link-1") { link { id } } }`,
        { id: orderId },
      )
    ).data.mintCustomerLink;
    expect(replay.link.id).toBe(minted.link.id);
    const revoked = (await t.gql(`mutation($id: ID!) { revokeCustomerLink(linkId: $id) { revokedAt } }`, { id: minted.link.id })).data
      .revokeCustomerLink;
    expect(revoked.revokedAt).toEqual(expect.any(String));
    expect((await t.gql(CUSTOMER_VIEW, { id: orderId }, { as: refreshed.token })).data.order).toBeNull();
    expect(codeOf(await t.gql(EXCHANGE, { link: minted.token }, { as: null }))).toBe('UNAUTHENTICATED');
    // A studio cannot revoke another studio's link, and learns nothing about it.
    const foreign = await t.gql(
      `mutation($id: ID!) { revokeCustomerLink(linkId: $id) { id } }`,
      { id: minted.link.id },
      { as: staff('youcaifeng') },
    );
    expect(codeOf(foreign)).toBe('NOT_FOUND');
  });

  it('applies a tier downgrade by the studio to a customer token at once', async () => {
    const token = await t.tokens.sign(customer([orderId], 'DETAILED'), 600);
    const before = (await t.gql(CUSTOMER_VIEW, { id: orderId }, { as: token })).data.order;
    expect(before.stages).toHaveLength(9);
    expect(before.stages[0].startedAt).toEqual(expect.any(String));

    const SET_TIER = `mutation($id: ID!, $tier: VisibilityTier!, $key: String!) { setCustomerTierMax(orderId: $id, tier: $tier, idempotencyKey: $key) { customerTierMax } }`;
    expect((await t.gql(SET_TIER, { id: orderId, tier: 'BASIC', key: 'tier-basic' })).data.setCustomerTierMax.customerTierMax).toBe(
      'BASIC',
    );
    const basic = (await t.gql(CUSTOMER_VIEW, { id: orderId }, { as: token })).data.order;
    expect(basic.stages.map((stage: any) => stage.code)).toEqual(['A10', 'B10', 'C40', 'C60', 'E10']);
    expect(basic.stages[0]).toEqual({ code: 'A10', startedAt: null, operatorPenName: null });
    expect(basic.milestone).toEqual({ code: 'B10' });

    await t.gql(SET_TIER, { id: orderId, tier: 'MINIMAL', key: 'tier-minimal' });
    expect((await t.gql(CUSTOMER_VIEW, { id: orderId }, { as: token })).data.order).toEqual({
      id: orderId,
      phase: 'IN_PROGRESS',
      milestone: null,
      stages: [],
    });
    await t.gql(SET_TIER, { id: orderId, tier: 'DETAILED', key: 'tier-detailed' });
  });

  it('serves each audience its contract: what is outside it fails validation there', async () => {
    const { customer: customerUrl, partner: partnerUrl, supplier: supplierUrl } = t.hub.gateway.audienceUrls;
    const asCustomer = { as: customer([orderId], 'DETAILED'), url: customerUrl };
    expect(
      (await t.gql(`query($id: ID!) { order(id: $id) { phase stages { code startedAt } } }`, { id: orderId }, asCustomer)).data.order.phase,
    ).toBe('IN_PROGRESS');
    expect(codeOf(await t.gql(`query($id: ID!) { order(id: $id) { customer { name } } }`, { id: orderId }, asCustomer))).toBe(
      'GRAPHQL_VALIDATION_FAILED',
    );
    expect(codeOf(await t.gql(`query($id: ID!) { order(id: $id) { stages { operatorName } } }`, { id: orderId }, asCustomer))).toBe(
      'GRAPHQL_VALIDATION_FAILED',
    );
    expect(
      codeOf(await t.gql(`mutation { cancelOrder(orderId: "${orderId}", reason: "x", idempotencyKey: "c") { id } }`, {}, asCustomer)),
    ).toBe('GRAPHQL_VALIDATION_FAILED');

    const asPartner = { as: partner('gilding-atelier'), url: partnerUrl };
    expect(codeOf(await t.gql(`query($id: ID!) { order(id: $id) { priceCents } }`, { id: orderId }, asPartner))).toBe(
      'GRAPHQL_VALIDATION_FAILED',
    );
    expect(
      codeOf(await t.gql(`query($id: ID!) { order(id: $id) { stages { processParameters { name } } } }`, { id: orderId }, asPartner)),
    ).toBe('GRAPHQL_VALIDATION_FAILED');
    const partnerView = await t.gql(`query($id: ID!) { order(id: $id) { id stages { code dueAt } } }`, { id: orderId }, asPartner);
    expect(partnerView).toEqual({ data: { order: null } });

    const asSupplier = { as: partner('jingdezhen-clay', 'SUPPLIER'), url: supplierUrl };
    expect(codeOf(await t.gql(`query($id: ID!) { order(id: $id) { id } }`, { id: orderId }, asSupplier))).toBe('GRAPHQL_VALIDATION_FAILED');
    expect((await t.gql(`{ enterprises(kind: SUPPLIER) { id } }`, {}, asSupplier)).data.enterprises.length).toBeGreaterThan(0);
  });

  it('turns introspection off in production mode', async () => {
    const subgraphUrls = Object.fromEntries(Object.entries(t.hub.subgraphs).map(([name, runtime]) => [name, runtime.url]));
    const production = await startGateway({ port: 0, subgraphUrls, auth: t.tokens, production: true });
    try {
      const introspection = '{ __schema { queryType { name } } }';
      for (const url of [production.url, ...Object.values(production.audienceUrls)]) {
        expect(codeOf(await t.gql(introspection, {}, { url }))).toBe('GRAPHQL_VALIDATION_FAILED');
      }
      expect((await t.gql(introspection, {}, { url: t.hub.gateway.audienceUrls.customer })).data.__schema.queryType.name).toBe('Query');
      expect((await t.gql(`{ vocabularyVersion }`, {}, { url: production.audienceUrls.customer })).data.vocabularyVersion).toBe(1);
    } finally {
      await production.close();
    }
  });

  it('refuses operations over the depth, alias, token and batch limits before any subgraph runs them', async () => {
    // This hub allows depth 4 (see beforeAll): orders → nodes → stages → statusCode → code is 5.
    const deep = await t.gql(`{ orders(studioId: "moyun-studio") { nodes { stages { statusCode { code } } } } }`);
    expect(deep.errors?.[0].message).toMatch(/depth/i);
    expect((await t.gql(`{ orders(studioId: "moyun-studio") { nodes { stages { code } } } }`)).errors).toBeUndefined();
    const aliases = `{ ${Array.from({ length: DEFAULT_LIMITS.maxAliases + 1 }, (_, index) => `a${index}: vocabularyVersion`).join(' ')} }`;
    expect((await t.gql(aliases)).errors?.[0].message).toMatch(/aliases/i);
    const tokens = `{ ${Array.from({ length: DEFAULT_LIMITS.maxTokens }, () => 'vocabularyVersion').join(' ')} }`;
    expect((await t.gql(tokens)).errors?.[0].message).toMatch(/token/i);
    const batch = Array.from({ length: DEFAULT_LIMITS.maxBatch + 1 }, () => ({ query: '{ vocabularyVersion }' }));
    const response = await fetch(t.hub.gateway.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(batch),
    });
    expect(response.status).toBe(400);
    const allowed = await fetch(t.hub.gateway.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(batch.slice(0, 2)),
    });
    expect(((await allowed.json()) as any[]).map((result: any) => result.data.vocabularyVersion)).toEqual([1, 1]);
  });
});
