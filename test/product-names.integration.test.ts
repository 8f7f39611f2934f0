import { randomUUID } from 'node:crypto';
import { ORDER_EVENTS } from '../contracts';
import { OutboxEvent } from '../platform/events/outbox';
import type { GraphQLResult, TestHub } from './support/hub';
import { dialects, startTestHub } from './support/hub';
import { teawareOrder } from './support/orders';
import { customer, hubAdmin, partner, staff } from './support/principals';
import { waitFor } from './support/wait';

/**
 * A studio that is not in the demo names its own products: orders, their stages, the product's
 * story, the share page and the Digital Link carry the catalogue's names as they were when the
 * order came in (a later rename leaves them), with the family beside them.
 */
const STUDIO = 'clay-corner';
const admin = staff(STUDIO);

const FAMILY = `mutation($studioId: ID!, $input: ProductFamilyInput!, $key: String!) {
  upsertProductFamily(studioId: $studioId, input: $input, idempotencyKey: $key) { code } }`;
const ROUTE = `mutation($studioId: ID!, $input: RouteInput!, $key: String!) {
  saveRoute(studioId: $studioId, input: $input, idempotencyKey: $key) { code } }`;
const PRODUCT = `mutation($studioId: ID!, $input: CatalogueProductInput!, $key: String!) {
  upsertProduct(studioId: $studioId, input: $input, idempotencyKey: $key) { productCode } }`;
const IMPORT = `mutation($input: ShopOrderInput!) { importShopOrder(input: $input) { id stages { id code qcCheckpoint } } }`;
const ORDER = `query($id: ID!) { order(id: $id) { id productFamily productNameZh productNameEn stages { productNameZh productNameEn } } }`;
const BOWL = {
  productCode: 'CLY-BOWL-01',
  nameZh: '青瓷碗',
  nameEn: 'Celadon bowl',
  family: 'CELADON',
  routeCode: 'BOWL',
  shopSkus: ['TB-BOWL-1'],
};

const ok = (result: GraphQLResult) => {
  expect(result.errors).toBeUndefined();
  return result.data;
};

describe.each(dialects())("product names from a studio's catalogue (%s)", (dialect) => {
  let t: TestHub;
  const importBowl = async () =>
    ok(await t.gql(IMPORT, { input: teawareOrder({ studioId: STUDIO, lines: [{ productCode: 'TB-BOWL-1', quantity: 1 }] }) }))
      .importShopOrder as { id: string; stages: { id: string; code: string; qcCheckpoint: boolean }[] };

  beforeAll(async () => {
    t = await startTestHub(dialect, { actingAs: admin });
    // A studio of the hub's directory (its story and share page name it), not one of the demo's.
    ok(
      await t.gql(
        `mutation($input: EnterpriseRegistrationInput!) { registerEnterprise(input: $input, idempotencyKey: "reg") { id } }`,
        { input: { id: STUDIO, kind: 'STUDIO', nameZh: '陶角工作室', nameEn: 'Clay Corner', region: 'CN-ZJ' } },
        { as: hubAdmin() },
      ),
    );
    ok(await t.gql(FAMILY, { studioId: STUDIO, input: { code: 'CELADON', nameZh: '青瓷', nameEn: 'Celadon' }, key: 'fam' }));
    ok(
      await t.gql(ROUTE, {
        studioId: STUDIO,
        input: {
          code: 'BOWL',
          steps: [
            { statusCode: 'A10', standardMinutes: 10 },
            { statusCode: 'C40', standardMinutes: 60 },
            { statusCode: 'E10', standardMinutes: 10, qcCheckpoint: true },
          ],
        },
        key: 'route',
      }),
    );
    ok(await t.gql(PRODUCT, { studioId: STUDIO, input: BOWL, key: 'bowl-1' }));
  });
  afterAll(() => t?.close());

  it('gives an order and its stages the name its product had when it came in, for the studio, its customer and a partner holding a stage', async () => {
    const order = await importBowl();
    const named = { productFamily: 'CELADON', productNameZh: '青瓷碗', productNameEn: 'Celadon bowl' };
    for (const who of [admin, staff(STUDIO, 'SUPERVISOR'), staff(STUDIO, 'OPERATOR')]) {
      const seen = ok(await t.gql(ORDER, { id: order.id }, { as: who })).order;
      expect(seen).toMatchObject(named);
      expect(seen.stages[0]).toEqual({ productNameZh: '青瓷碗', productNameEn: 'Celadon bowl' });
    }
    // Its customer, at the least tier, reads the name (no stages there).
    const byCustomer = ok(
      await t.gql(
        `query($id: ID!) { order(id: $id) { productNameZh productNameEn } }`,
        { id: order.id },
        { as: customer([order.id], 'MINIMAL') },
      ),
    ).order;
    expect(byCustomer).toEqual({ productNameZh: '青瓷碗', productNameEn: 'Celadon bowl' });
    // A partner holding the firing learns what it fires; another studio learns nothing of the order.
    ok(
      await t.gql(
        `mutation($id: ID!) { assignStage(stageRunId: $id, enterpriseId: "jingde-kiln-works", idempotencyKey: "assign-1") { id } }`,
        {
          id: order.stages[1].id,
        },
      ),
    );
    const byPartner = ok(
      await t.gql(
        `query { assignedStages(enterpriseId: "jingde-kiln-works") { id productNameZh productFamily } }`,
        {},
        { as: partner('jingde-kiln-works') },
      ),
    ).assignedStages;
    expect(byPartner).toContainEqual({ id: order.stages[1].id, productNameZh: '青瓷碗', productFamily: 'CELADON' });
    expect(ok(await t.gql(ORDER, { id: order.id }, { as: staff('moyun-studio') })).order).toBeNull();
    // The same at the orders subgraph itself.
    expect(ok(await t.gql(ORDER, { id: order.id }, { as: staff('moyun-studio'), url: t.hub.subgraphs.orders.url })).order).toBeNull();

    // The import's event carries the names (master data, nothing personal) for the share page.
    const em = t.hub.subgraphs.orders.systemContext().em.fork();
    const [event] = await em.find(OutboxEvent, { type: ORDER_EVENTS.IMPORTED, subjectId: order.id });
    expect(event?.payload).toMatchObject({
      productType: 'CELADON',
      catalogueProductCode: 'CLY-BOWL-01',
      ...named,
    });
  });

  it('keeps the name an order came in with when the catalogue renames the product; later orders take the new one', async () => {
    const before = await importBowl();
    ok(await t.gql(PRODUCT, { studioId: STUDIO, input: { ...BOWL, nameZh: '青瓷大碗', nameEn: 'Large celadon bowl' }, key: 'bowl-2' }));
    const after = await importBowl();
    expect(ok(await t.gql(ORDER, { id: before.id })).order.productNameZh).toBe('青瓷碗');
    expect(ok(await t.gql(ORDER, { id: after.id })).order).toMatchObject({
      productNameZh: '青瓷大碗',
      productNameEn: 'Large celadon bowl',
    });
  });

  it("names the finished product on its story, the Digital Link and the share page, by the catalogue's name", async () => {
    const order = await importBowl();
    for (const stage of order.stages) {
      ok(await t.gql(`mutation($s: ID!) { startStage(stageRunId: $s) { id } }`, { s: stage.id }));
      if (stage.qcCheckpoint)
        ok(
          await t.gql(`mutation($s: ID!, $k: String!) { recordQcResult(stageRunId: $s, result: PASS, idempotencyKey: $k) { id } }`, {
            s: stage.id,
            k: randomUUID(),
          }),
        );
      ok(await t.gql(`mutation($s: ID!) { completeStage(stageRunId: $s) { id } }`, { s: stage.id }));
    }
    const [trace] = ok(await t.gql(`query($id: ID!) { order(id: $id) { traceCodes { code } } }`, { id: order.id })).order.traceCodes;
    const story = ok(
      await t.gql(
        `query($c: String!) { productStory(code: $c) { productFamily productNameZh productNameEn } }`,
        { c: trace.code },
        { as: null },
      ),
    ).productStory;
    // The name it had when ordered: the product was renamed before this order came in.
    expect(story).toEqual({ productFamily: 'CELADON', productNameZh: '青瓷大碗', productNameEn: 'Large celadon bowl' });

    const gateway = t.hub.gateway.url.replace(/\/graphql$/, '');
    const json: any = await (await fetch(`${gateway}/trace/${trace.code}`)).json();
    expect(json).toMatchObject({ productFamily: 'CELADON', productType: 'CELADON', productNameEn: 'Large celadon bowl' });
    const linkset: any = await (await fetch(`${gateway}/id/product/${trace.code}?linkType=all`)).json();
    expect(linkset.linkset[0].itemDescription).toContain('Large celadon bowl');

    // The share page, once the notifications subgraph has heard the order finish.
    let shareUrl: string | null = null;
    await waitFor(
      async () => {
        const binding = await t.gql(
          `query($o: ID!) { notificationBinding(orderId: $o) { shareUrl } }`,
          { o: order.id },
          { as: customer([order.id], 'MINIMAL') },
        );
        shareUrl = binding.data?.notificationBinding?.shareUrl ?? null;
        return shareUrl !== null;
      },
      20_000,
      'the share link',
    );
    const shareId = /share\/([\w-]+)/.exec(shareUrl!)![1];
    const shared = ok(
      await t.gql(
        `query($s: ID!) { sharedOrder(shareId: $s) { productFamily productType productNameZh productNameEn } }`,
        { s: shareId },
        { as: null },
      ),
    ).sharedOrder;
    expect(shared).toEqual({
      productFamily: 'CELADON',
      productType: 'CELADON',
      productNameZh: '青瓷大碗',
      productNameEn: 'Large celadon bowl',
    });
    const page = await (await fetch(`${gateway}/share/${shareId}`, { headers: { 'accept-language': 'zh-CN' } })).text();
    expect(page).toContain('为我制作的青瓷大碗');
  }, 60_000);
});
