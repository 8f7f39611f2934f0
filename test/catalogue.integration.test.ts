import { CATALOGUE_EVENTS, ORDER_EVENTS } from '../contracts';
import { OutboxEvent } from '../platform/events/outbox';
import { CatalogueProduct, CatalogueRoute, ProductFamily, RouteVersion } from '../subgraphs/orders/entities/catalogue';
import { Order } from '../subgraphs/orders/entities/order';
import { StageRun } from '../subgraphs/orders/entities/stage-run';
import type { GraphQLResult, TestHub } from './support/hub';
import { dialects, startTestHub } from './support/hub';
import { teawareOrder } from './support/orders';
import { giveWorkCenters } from './support/studio-resources';
import { customer, hubAdmin, partner, staff } from './support/principals';

const FAMILY = `mutation($studioId: ID!, $input: ProductFamilyInput!, $key: String!) {
  upsertProductFamily(studioId: $studioId, input: $input, idempotencyKey: $key) { code nameZh nameEn revision } }`;
const PRODUCT = `mutation($studioId: ID!, $input: CatalogueProductInput!, $key: String!) {
  upsertProduct(studioId: $studioId, input: $input, idempotencyKey: $key) { productCode familyCode routeCode shopSkus priceCents revision } }`;
const ROUTE = `mutation($studioId: ID!, $input: RouteInput!, $key: String!) {
  saveRoute(studioId: $studioId, input: $input, idempotencyKey: $key) {
    code currentVersion steps { position statusCode { code } standardMinutes qcCheckpoint workCenterCode skill partnerAllowed }
    versions { version steps { statusCode { code } } } } }`;
const IMPORT_CATALOGUE = `mutation($studioId: ID!, $input: CatalogueImportInput!, $key: String!) {
  importCatalogue(studioId: $studioId, input: $input, idempotencyKey: $key) {
    dryRun applied created updated unchanged problems { sheet row field code message } } }`;
const CATALOGUE = `query($studioId: ID!) { catalogue(studioId: $studioId) {
  families { code nameEn } products { productCode familyCode routeCode shopSkus }
  routes { code currentVersion steps { statusCode { code } workCenterCode } versions { version } } } }`;
const IMPORT_ORDER = `mutation($input: ShopOrderInput!) { importShopOrder(input: $input) {
  id productFamily productType routeCode routeVersion stages { code standardMinutes workCenterCode skill partnerAllowed } } }`;
const CHANGE_ROUTE = `mutation($orderId: ID!, $steps: [RouteStepInput!]!, $key: String!) {
  changeRoute(orderId: $orderId, steps: $steps, idempotencyKey: $key) { stages { code status workCenterCode skill partnerAllowed } } }`;

/** A new studio, not in the demo: a leather-goods workshop. */
const LEATHER = 'leather-lab';
const leatherAdmin = staff(LEATHER);
const step = (statusCode: string, standardMinutes: number, extra: Record<string, unknown> = {}) => ({
  statusCode,
  standardMinutes,
  qcCheckpoint: false,
  partnerAllowed: true,
  ...extra,
});
const BAG_ROUTE_V1 = {
  code: 'LEATHER-BAG',
  nameZh: '皮包工序',
  nameEn: 'Leather bag route',
  steps: [
    step('A10', 60),
    step('B10', 120),
    step('C72', 90, { workCenterCode: 'table-1', skill: 'C72' }),
    step('E10', 30, { qcCheckpoint: true }),
  ],
};
const BAG = {
  productCode: 'LTH-BAG-01',
  nameZh: '手工皮包',
  nameEn: 'Hand-stitched bag',
  family: 'LEATHER_GOODS',
  routeCode: 'LEATHER-BAG',
  shopSkus: ['TB-LTH-9001'],
  priceCents: 128000,
};
const refusal = (result: GraphQLResult) => ({
  code: result.errors?.[0]?.extensions?.code,
  field: result.errors?.[0]?.extensions?.field,
  reason: result.errors?.[0]?.extensions?.reason,
});
const leatherOrder = (externalOrderId: string, productCode = 'TB-LTH-9001') =>
  teawareOrder({ studioId: LEATHER, externalOrderId, lines: [{ productCode, quantity: 1 }] });

describe.each(dialects())('a studio catalogue (%s)', (dialect) => {
  let t: TestHub;

  beforeAll(async () => {
    t = await startTestHub(dialect, { actingAs: leatherAdmin });
    // The work centers its routes name, as the studio keeps them in the capacity subgraph.
    await giveWorkCenters(t, LEATHER, ['table-1', 'press-1']);
  });
  afterAll(() => t?.close());

  const em = () => t.hub.subgraphs.orders.systemContext().em.fork();
  const events = (type: string) => em().find(OutboxEvent, { type }, { orderBy: { position: 'asc' } });
  const catalogueRows = async () =>
    JSON.stringify([
      await em().find(ProductFamily, {}, { orderBy: [{ studioId: 'asc' }, { code: 'asc' }] }),
      await em().find(CatalogueProduct, {}, { orderBy: [{ studioId: 'asc' }, { productCode: 'asc' }] }),
      await em().find(CatalogueRoute, {}, { orderBy: [{ studioId: 'asc' }, { code: 'asc' }] }),
      await em().count(RouteVersion, {}),
      // Catalogue events only: an order's forecast may move on its own after a route change.
      await em().count(OutboxEvent, { type: { $like: 'catalogue.%' } }),
    ]);

  it('carries the demo studios’ routes as catalogue rows from the migration, and imports their orders by them', async () => {
    const moyun = await t.gql(CATALOGUE, { studioId: 'moyun-studio' }, { as: staff('moyun-studio', 'OPERATOR') });
    expect(moyun.errors).toBeUndefined();
    expect(moyun.data.catalogue.products).toEqual([
      { productCode: 'TEA-CUP-CALLIG', familyCode: 'CALLIGRAPHY_TEAWARE', routeCode: 'CALLIGRAPHY_TEAWARE', shopSkus: ['TEA-*'] },
    ]);
    expect(moyun.data.catalogue.routes[0].steps.map((s: { statusCode: { code: string } }) => s.statusCode.code)).toEqual([
      'A10',
      'B10',
      'C10',
      'C20',
      'C30',
      'C40',
      'C50',
      'C60',
      'E10',
    ]);
    // A product code the studio's shop SKU prefix covers still imports (as TEA-… did by prefix).
    const order = await t.gql(
      IMPORT_ORDER,
      { input: teawareOrder({ lines: [{ productCode: 'TEA-POT-PLAIN', quantity: 1 }] }) },
      { as: staff('moyun-studio') },
    );
    expect(order.errors).toBeUndefined();
    expect(order.data.importShopOrder).toMatchObject({
      productFamily: 'CALLIGRAPHY_TEAWARE',
      productType: 'CALLIGRAPHY_TEAWARE',
      routeVersion: 1,
    });
  });

  it('lets a new studio set up a family, a route and a product, and imports its shop order by shop SKU', async () => {
    const family = await t.gql(FAMILY, {
      studioId: LEATHER,
      input: { code: 'LEATHER_GOODS', nameZh: '皮具', nameEn: 'Leather goods' },
      key: 'fam-1',
    });
    expect(family.errors).toBeUndefined();
    const route = await t.gql(ROUTE, { studioId: LEATHER, input: BAG_ROUTE_V1, key: 'route-1' });
    expect(route.errors).toBeUndefined();
    expect(route.data.saveRoute).toMatchObject({ code: 'LEATHER-BAG', currentVersion: 1, versions: [{ version: 1 }] });
    expect(route.data.saveRoute.steps[2]).toEqual({
      position: 3,
      statusCode: { code: 'C72' },
      standardMinutes: 90,
      qcCheckpoint: false,
      workCenterCode: 'table-1',
      skill: 'C72',
      partnerAllowed: true,
    });
    const product = await t.gql(PRODUCT, { studioId: LEATHER, input: BAG, key: 'bag-1' });
    expect(product.errors).toBeUndefined();
    expect(product.data.upsertProduct).toMatchObject({ productCode: 'LTH-BAG-01', familyCode: 'LEATHER_GOODS', revision: 1 });
    // The same key again: the same answer, nothing new.
    const before = await catalogueRows();
    expect((await t.gql(PRODUCT, { studioId: LEATHER, input: BAG, key: 'bag-1' })).data.upsertProduct.revision).toBe(1);
    expect(await catalogueRows()).toBe(before);

    const imported = await t.gql(IMPORT_ORDER, { input: leatherOrder('LTH-1') });
    expect(imported.errors).toBeUndefined();
    expect(imported.data.importShopOrder).toMatchObject({ productFamily: 'LEATHER_GOODS', routeCode: 'LEATHER-BAG', routeVersion: 1 });
    expect(imported.data.importShopOrder.stages.map((s: { code: string }) => s.code)).toEqual(['A10', 'B10', 'C72', 'E10']);
    expect(imported.data.importShopOrder.stages[2]).toMatchObject({ workCenterCode: 'table-1', skill: 'C72', partnerAllowed: true });
    const [importedEvent] = (await events(ORDER_EVENTS.IMPORTED)).filter((event) => event.payload.studioId === LEATHER);
    expect(importedEvent.payload).toMatchObject({ productFamily: 'LEATHER_GOODS', productType: 'LEATHER_GOODS' });
    // Each change an event with its actor.
    const changes = [
      ...(await events(CATALOGUE_EVENTS.FAMILY_CHANGED)),
      ...(await events(CATALOGUE_EVENTS.ROUTE_CHANGED)),
      ...(await events(CATALOGUE_EVENTS.PRODUCT_CHANGED)),
    ];
    expect(changes.map((event) => [event.type, event.payload.change, event.actorSubject])).toEqual([
      [CATALOGUE_EVENTS.FAMILY_CHANGED, 'CREATED', leatherAdmin.subject],
      [CATALOGUE_EVENTS.ROUTE_CHANGED, 'CREATED', leatherAdmin.subject],
      [CATALOGUE_EVENTS.PRODUCT_CHANGED, 'CREATED', leatherAdmin.subject],
    ]);
  });

  it('makes a new route version for orders imported from then on; an order imported on v1 keeps its stages', async () => {
    const v1Order = (await t.gql(IMPORT_ORDER, { input: leatherOrder('LTH-2') })).data.importShopOrder;
    const v1Stages = JSON.stringify(await em().find(StageRun, { orderId: v1Order.id }, { orderBy: { position: 'asc' } }));
    const v2 = await t.gql(ROUTE, {
      studioId: LEATHER,
      input: {
        ...BAG_ROUTE_V1,
        steps: [...BAG_ROUTE_V1.steps.slice(0, 3), step('C74', 240, { partnerAllowed: false }), BAG_ROUTE_V1.steps[3]],
      },
      key: 'route-2',
    });
    expect(v2.errors).toBeUndefined();
    expect(v2.data.saveRoute).toMatchObject({ currentVersion: 2, versions: [{ version: 2 }, { version: 1 }] });
    expect(v2.data.saveRoute.versions[1].steps.map((s: { statusCode: { code: string } }) => s.statusCode.code)).toEqual([
      'A10',
      'B10',
      'C72',
      'E10',
    ]);
    // Saving the same stages again makes no version and no event.
    const routeEvents = (await events(CATALOGUE_EVENTS.ROUTE_CHANGED)).length;
    const same = await t.gql(ROUTE, {
      studioId: LEATHER,
      input: { ...BAG_ROUTE_V1, steps: v2.data.saveRoute.steps.map(stepInput) },
      key: 'route-3',
    });
    expect(same.data.saveRoute.currentVersion).toBe(2);
    expect((await events(CATALOGUE_EVENTS.ROUTE_CHANGED)).length).toBe(routeEvents);

    const v2Order = (await t.gql(IMPORT_ORDER, { input: leatherOrder('LTH-3') })).data.importShopOrder;
    expect(v2Order.routeVersion).toBe(2);
    expect(v2Order.stages.map((s: { code: string }) => s.code)).toEqual(['A10', 'B10', 'C72', 'C74', 'E10']);
    expect(v2Order.stages[3].partnerAllowed).toBe(false);
    expect(JSON.stringify(await em().find(StageRun, { orderId: v1Order.id }, { orderBy: { position: 'asc' } }))).toBe(v1Stages);
    expect((await em().findOneOrFail(Order, { id: v1Order.id })).routeVersion).toBe(1);

    // The route said no partner for C74: the stage stays in the studio.
    const c74 = (await em().findOneOrFail(StageRun, { orderId: v2Order.id, code: 'C74' })).id;
    const assign = await t.gql(
      `mutation($id: ID!) { assignStage(stageRunId: $id, enterpriseId: "hangzhou-stitch-lab", idempotencyKey: "a-1") { id } }`,
      {
        id: c74,
      },
    );
    expect(assign.errors?.[0]?.extensions).toMatchObject({ code: 'FAILED_PRECONDITION', reason: 'PARTNER_NOT_ALLOWED' });

    // changeRoute takes the new needs on a new stage.
    const stages = await em().find(StageRun, { orderId: v2Order.id }, { orderBy: { position: 'asc' } });
    const changed = await t.gql(CHANGE_ROUTE, {
      orderId: v2Order.id,
      steps: [
        ...stages.map((stage) => ({ stageRunId: stage.id })).slice(0, 4),
        { statusCode: 'C75', standardMinutes: 60, workCenterCode: 'press-1', skill: 'C75', partnerAllowed: false },
        { stageRunId: stages[4].id },
      ],
      key: 'cr-1',
    });
    expect(changed.errors).toBeUndefined();
    expect(changed.data.changeRoute.stages.find((s: { code: string }) => s.code === 'C75')).toMatchObject({
      workCenterCode: 'press-1',
      skill: 'C75',
      partnerAllowed: false,
    });
    const badSkill = await t.gql(CHANGE_ROUTE, {
      orderId: v2Order.id,
      steps: [{ statusCode: 'C75', standardMinutes: 60, skill: 'ZZZ' }],
      key: 'cr-2',
    });
    expect(refusal(badSkill)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'steps.0.skill' });
  });

  it('refuses bad input with a code naming the field, and changes nothing', async () => {
    const before = await catalogueRows();
    const cases: [string, Record<string, unknown>, { field: string; reason?: string }][] = [
      [ROUTE, { studioId: LEATHER, input: { code: 'EMPTY', steps: [] }, key: 'b-1' }, { field: 'input.steps', reason: 'NO_STAGES' }],
      [
        ROUTE,
        { studioId: LEATHER, input: { code: 'BAD', steps: [step('A10', 10), step('Z99', 10)] }, key: 'b-2' },
        { field: 'input.steps[1].statusCode', reason: 'UNKNOWN_STATUS_CODE' },
      ],
      [
        ROUTE,
        { studioId: LEATHER, input: { code: 'BAD', steps: [step('A10', 0)] }, key: 'b-3' },
        { field: 'input.steps[0].standardMinutes', reason: 'INVALID' },
      ],
      [
        ROUTE,
        { studioId: LEATHER, input: { code: 'BAD', steps: [step('A10', 10, { skill: 'NOPE' })] }, key: 'b-4' },
        { field: 'input.steps[0].skill', reason: 'UNKNOWN_STATUS_CODE' },
      ],
      [ROUTE, { studioId: LEATHER, input: { code: 'bad code', steps: [step('A10', 10)] }, key: 'b-5' }, { field: 'input.code' }],
      [
        PRODUCT,
        { studioId: LEATHER, input: { ...BAG, productCode: 'LTH-BELT', routeCode: 'NO-SUCH' }, key: 'b-6' },
        { field: 'input.routeCode', reason: 'UNKNOWN_ROUTE' },
      ],
      [
        PRODUCT,
        { studioId: LEATHER, input: { ...BAG, productCode: 'LTH-BELT', family: 'NO_SUCH' }, key: 'b-7' },
        { field: 'input.family', reason: 'UNKNOWN_FAMILY' },
      ],
      [
        PRODUCT,
        { studioId: LEATHER, input: { ...BAG, productCode: 'LTH-BELT' }, key: 'b-8' },
        { field: 'input.shopSkus', reason: 'DUPLICATE_SHOP_SKU' },
      ],
      [
        PRODUCT,
        { studioId: LEATHER, input: { ...BAG, productCode: 'LTH-BELT', shopSkus: ['x y'] }, key: 'b-9' },
        { field: 'input.shopSkus[0]' },
      ],
      [
        PRODUCT,
        { studioId: LEATHER, input: { ...BAG, productCode: 'LTH-BELT', priceCents: -1 }, key: 'b-10' },
        { field: 'input.priceCents' },
      ],
      [
        FAMILY,
        { studioId: LEATHER, input: { code: 'NEW', nameZh: ' ', nameEn: 'x' }, key: 'b-11' },
        { field: 'input.nameZh', reason: 'MISSING' },
      ],
    ];
    for (const [query, variables, expected] of cases) {
      const result = await t.gql(query, variables);
      expect({ ...refusal(result), input: variables.input }).toMatchObject({ code: 'BAD_USER_INPUT', ...expected, input: variables.input });
    }
    // Another studio's extension code is not this one's.
    const foreign = await t.gql(ROUTE, { studioId: LEATHER, input: { code: 'BAD', steps: [step('X-MOYUN-01', 10)] }, key: 'b-12' });
    expect(refusal(foreign)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.steps[0].statusCode' });
    // An unknown product on a shop order.
    const unknown = await t.gql(IMPORT_ORDER, { input: leatherOrder('LTH-X', 'LTH-NOPE') });
    expect(refusal(unknown)).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'UNKNOWN_PRODUCT' });
    expect(await catalogueRows()).toBe(before);
  });

  it('imports a catalogue sheet whole: a dry run changes nothing, a bad row is named and nothing is applied, a good one is one event', async () => {
    const routes = [
      // Cells as a studio types them: numbers as text, yes/no in either language.
      { routeCode: 'WALLET', position: '1', statusCode: 'A10', standardMinutes: '30' },
      { routeCode: 'WALLET', position: '2', statusCode: 'C72', standardMinutes: '45', qc: 'no', workCenterCode: 'table-1', skill: 'C72' },
      { routeCode: 'WALLET', position: '3', statusCode: 'E10', standardMinutes: '15', qc: '是', partnerAllowed: '否' },
    ];
    const products = [
      {
        productCode: 'LTH-WALLET-01',
        nameZh: '钱包',
        nameEn: 'Wallet',
        family: 'SMALL_LEATHER',
        routeCode: 'WALLET',
        shopSkus: 'TB-W-1, JD-W-1',
        priceCents: '38000',
      },
      {
        productCode: 'LTH-BAG-01',
        nameZh: '手工皮包',
        nameEn: 'Hand-stitched bag',
        family: 'LEATHER_GOODS',
        routeCode: 'LEATHER-BAG',
        shopSkus: 'TB-LTH-9001',
        priceCents: '128000',
      },
    ];
    const before = await catalogueRows();
    const dry = await t.gql(IMPORT_CATALOGUE, { studioId: LEATHER, input: { dryRun: true, products, routes }, key: 'imp-dry' });
    expect(dry.errors).toBeUndefined();
    // The wallet route and product and the SMALL_LEATHER family are new; the bag is as it was.
    expect(dry.data.importCatalogue).toEqual({ dryRun: true, applied: false, created: 3, updated: 0, unchanged: 1, problems: [] });
    expect(await catalogueRows()).toBe(before);

    const bad = await t.gql(IMPORT_CATALOGUE, {
      studioId: LEATHER,
      input: {
        dryRun: false,
        products: [...products, { productCode: 'LTH-BELT-01', nameZh: '皮带', nameEn: 'Belt', family: 'SMALL_LEATHER', routeCode: 'NOPE' }],
        routes: [
          ...routes,
          { routeCode: 'BELT', position: '1', statusCode: 'Q77', standardMinutes: '10' },
          { routeCode: 'BELT', position: '2', statusCode: 'E10', standardMinutes: 'ten', qc: 'maybe' },
        ],
      },
      key: 'imp-bad',
    });
    expect(bad.errors).toBeUndefined();
    expect(bad.data.importCatalogue).toMatchObject({ dryRun: false, applied: false, created: 0 });
    expect(bad.data.importCatalogue.problems).toEqual([
      { sheet: 'routes', row: 5, field: 'statusCode', code: 'UNKNOWN_REFERENCE', message: expect.stringContaining('Q77') },
      { sheet: 'routes', row: 6, field: 'qc', code: 'INVALID', message: expect.stringContaining('yes or no') },
      { sheet: 'products', row: 4, field: 'routeCode', code: 'UNKNOWN_REFERENCE', message: expect.stringContaining('NOPE') },
    ]);
    expect(await catalogueRows()).toBe(before);

    const applied = await t.gql(IMPORT_CATALOGUE, { studioId: LEATHER, input: { dryRun: false, products, routes }, key: 'imp-1' });
    expect(applied.data.importCatalogue).toEqual({ dryRun: false, applied: true, created: 3, updated: 0, unchanged: 1, problems: [] });
    const summary = await events(CATALOGUE_EVENTS.IMPORTED);
    expect(summary.map((event) => event.payload)).toEqual([
      {
        studioId: LEATHER,
        created: 3,
        updated: 0,
        unchanged: 1,
        productCodes: ['LTH-WALLET-01'],
        routeCodes: ['WALLET'],
        familyCodes: ['SMALL_LEATHER'],
      },
    ]);
    expect(summary[0].actorSubject).toBe(leatherAdmin.subject);
    // The same key again: the same answer, nothing more.
    const again = await t.gql(IMPORT_CATALOGUE, { studioId: LEATHER, input: { dryRun: false, products, routes }, key: 'imp-1' });
    expect(again.data.importCatalogue).toEqual(applied.data.importCatalogue);
    expect((await events(CATALOGUE_EVENTS.IMPORTED)).length).toBe(1);
    const wallet = await t.gql(IMPORT_ORDER, { input: leatherOrder('LTH-W', 'JD-W-1') });
    expect(wallet.data.importShopOrder).toMatchObject({ productFamily: 'SMALL_LEATHER', routeCode: 'WALLET' });
    expect(wallet.data.importShopOrder.stages[2]).toMatchObject({ code: 'E10', partnerAllowed: false });
  });

  it('is read by the studio’s own staff, changed by its admins and supervisors only', async () => {
    const family = (key: string) => ({ studioId: LEATHER, input: { code: 'ROLES', nameZh: '角色', nameEn: `Roles ${key}` }, key });
    expect((await t.gql(FAMILY, family('r-sup'), { as: staff(LEATHER, 'SUPERVISOR') })).errors).toBeUndefined();
    const refused = [
      staff(LEATHER, 'OPERATOR'),
      staff('moyun-studio'),
      partner('gilding-atelier'),
      partner('xuhui-cloud-kitchen', 'KITCHEN'),
      { subject: 'supplier@jingdezhen', org: 'jingdezhen-clay', roles: ['SUPPLIER'] as const },
      hubAdmin(),
      customer([], 'DETAILED'),
    ];
    const before = await catalogueRows();
    for (const as of refused) {
      for (const [query, variables] of [
        [FAMILY, family('r-x')],
        [ROUTE, { studioId: LEATHER, input: BAG_ROUTE_V1, key: 'r-x' }],
        [PRODUCT, { studioId: LEATHER, input: BAG, key: 'r-x' }],
        [IMPORT_CATALOGUE, { studioId: LEATHER, input: { dryRun: true, products: [], routes: [] }, key: 'r-x' }],
      ] as const) {
        const result = await t.gql(query, variables, { as: { ...as, roles: [...as.roles] } });
        expect([as.roles[0], as.org, result.errors?.[0]?.extensions?.code]).toEqual([as.roles[0], as.org, 'FORBIDDEN']);
      }
    }
    expect(await catalogueRows()).toBe(before);
    // Reading: its staff (an operator too) and hub admins; no other studio, partner or customer.
    expect((await t.gql(CATALOGUE, { studioId: LEATHER }, { as: staff(LEATHER, 'OPERATOR') })).data.catalogue.products.length).toBe(2);
    expect((await t.gql(CATALOGUE, { studioId: LEATHER }, { as: hubAdmin() })).data.catalogue.routes.length).toBe(2);
    for (const as of [staff('moyun-studio'), partner('gilding-atelier'), customer([], 'DETAILED')])
      expect((await t.gql(CATALOGUE, { studioId: LEATHER }, { as })).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  it('moves a shop SKU between products: dropped from one, it maps to the other', async () => {
    const dropped = await t.gql(PRODUCT, { studioId: LEATHER, input: { ...BAG, shopSkus: [] }, key: 'bag-no-sku' });
    expect(dropped.data.upsertProduct).toMatchObject({ shopSkus: [], revision: 2 });
    expect(refusal(await t.gql(IMPORT_ORDER, { input: leatherOrder('LTH-NO-SKU') }))).toMatchObject({ reason: 'UNKNOWN_PRODUCT' });
    const moved = await t.gql(PRODUCT, {
      studioId: LEATHER,
      input: { ...BAG, productCode: 'LTH-BAG-02', nameEn: 'Hand-stitched bag, second edition', shopSkus: ['TB-LTH-9001'] },
      key: 'bag-2',
    });
    expect(moved.errors).toBeUndefined();
    const order = await t.gql(IMPORT_ORDER, { input: leatherOrder('LTH-MOVED') });
    expect(order.data.importShopOrder).toMatchObject({ productFamily: 'LEATHER_GOODS', routeCode: 'LEATHER-BAG' });
    const [changed] = (await events(CATALOGUE_EVENTS.PRODUCT_CHANGED))
      .filter((event) => event.payload.productCode === 'LTH-BAG-01')
      .slice(-1);
    expect(changed.payload).toMatchObject({ change: 'UPDATED', revision: 2, changed: ['shopSkus'], shopSkus: [] });
  });
});

const stepInput = (s: {
  statusCode: { code: string };
  standardMinutes: number;
  qcCheckpoint: boolean;
  workCenterCode: string | null;
  skill: string | null;
  partnerAllowed: boolean;
}) => ({
  statusCode: s.statusCode.code,
  standardMinutes: s.standardMinutes,
  qcCheckpoint: s.qcCheckpoint,
  workCenterCode: s.workCenterCode,
  skill: s.skill,
  partnerAllowed: s.partnerAllowed,
});
