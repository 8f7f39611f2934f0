import { SUPPLY_EVENTS } from '../contracts';
import { OutboxEvent } from '../platform/events/outbox';
import { BillOfMaterials, Material } from '../subgraphs/suppliers/entities/material';
import { OrderMaterial } from '../subgraphs/suppliers/entities/order-supply';
import { SAFETY_STOCK_RULE } from '../subgraphs/suppliers/safety-stock';
import type { GraphQLResult, TestHub } from './support/hub';
import { dialects, startTestHub } from './support/hub';
import { teawareOrder } from './support/orders';
import { hubAdmin, partner, staff } from './support/principals';
import { waitFor } from './support/wait';

const UPSERT = `mutation($studioId: ID!, $input: MaterialInput!, $key: String!) {
  upsertMaterial(studioId: $studioId, input: $input, idempotencyKey: $key) { sku nameZh nameEn name unit abcClass safetyStock stockingPolicy substitutes { sku ratio } revision retiredAt } }`;
const SET_BOM = `mutation($studioId: ID!, $productCode: String!, $lines: [BomLineInput!]!, $key: String!) {
  setBillOfMaterials(studioId: $studioId, productCode: $productCode, lines: $lines, idempotencyKey: $key) { productCode version lines { sku quantityPerUnit stageCode } } }`;
const BOM = `query($studioId: ID!, $productCode: String!, $version: Int) {
  productBillOfMaterials(studioId: $studioId, productCode: $productCode) { version lines(version: $version) { sku quantityPerUnit stageCode } } }`;
const LIST = `query($studioId: ID!, $first: Int, $after: String, $search: String, $abcClass: AbcClass, $includeRetired: Boolean) {
  studioMaterials(studioId: $studioId, first: $first, after: $after, search: $search, abcClass: $abcClass, includeRetired: $includeRetired) {
    totalCount nodes { sku nameZh } pageInfo { hasNextPage endCursor } } }`;
const SUGGESTION = `query($sku: String!) { safetyStockSuggestion(studioId: "moyun-studio", sku: $sku) {
  current suggested z abcClass windowDays totalConsumption meanDailyConsumption dailyConsumptionDeviation leadTimeDays leadTimeSupplierId rule } }`;
const IMPORT = `mutation($input: ShopOrderInput!) { importShopOrder(input: $input) { id } }`;

const ribbon = {
  sku: 'RIBBON-SILK',
  nameZh: '真丝丝带',
  nameEn: 'Silk ribbon',
  unit: 'm',
  abcClass: 'C',
  unitCostCents: 90,
  safetyStock: 0,
  stockingPolicy: 'MADE_TO_ORDER',
};
const TEA_CUP = [
  { sku: 'CLAY-KAOLIN', quantityPerUnit: 400, stageCode: 'B10' },
  { sku: 'GLAZE-CELADON', quantityPerUnit: 50, stageCode: 'B10' },
  { sku: 'GOLD-LEAF-24K', quantityPerUnit: 2, stageCode: 'B10' },
  { sku: 'GIFT-BOX', quantityPerUnit: 1, stageCode: 'B10' },
];
const refusal = (result: GraphQLResult) => ({
  code: result.errors?.[0]?.extensions?.code,
  field: result.errors?.[0]?.extensions?.field,
  reason: result.errors?.[0]?.extensions?.reason,
});

describe.each(dialects())('studio materials and bills of materials (%s)', (dialect) => {
  let t: TestHub;

  beforeAll(async () => {
    t = await startTestHub(dialect);
    for (const name of ['network', 'suppliers']) await t.hub.subgraphs[name].definition.seed!(t.hub.subgraphs[name]);
    // The suppliers subgraph hears from the bus which suppliers the studios name (whom they may order from).
    await t.hub.settle();
  });
  afterAll(() => t?.close());

  const em = () => t.hub.subgraphs.suppliers.systemContext().em.fork();
  const events = (type: string) => em().find(OutboxEvent, { type }, { orderBy: { position: 'asc' } });
  const masterData = async () =>
    JSON.stringify([
      await em().find(Material, {}, { orderBy: [{ studioId: 'asc' }, { sku: 'asc' }] }),
      await em().find(BillOfMaterials, {}, { orderBy: [{ studioId: 'asc' }, { productCode: 'asc' }] }),
      await em().count(OutboxEvent, {}),
    ]);

  it('seeds the demo through the same calls: each studio its own materials and bills, each change an event', async () => {
    const list = await t.gql(LIST, { studioId: 'moyun-bakery' }, { as: staff('moyun-bakery', 'OPERATOR') });
    expect(list.errors).toBeUndefined();
    expect(list.data.studioMaterials.nodes).toEqual([
      { sku: 'CREAM-ANIMAL', nameZh: '动物奶油' },
      { sku: 'FLOUR-CAKE', nameZh: '低筋面粉' },
      { sku: 'GIFT-BOX', nameZh: '礼盒' },
    ]);
    const bom = await t.gql(BOM, { studioId: 'moyun-studio', productCode: 'TEA-CUP-CALLIG' });
    expect(bom.data.productBillOfMaterials).toEqual({ version: 1, lines: [...TEA_CUP].sort((a, b) => a.sku.localeCompare(b.sku)) });
    // 4 + 3 + 2 materials, 4 bills.
    expect((await events(SUPPLY_EVENTS.MATERIAL_CHANGED)).map((event) => event.payload.change)).toEqual(Array(9).fill('CREATED'));
    expect((await events(SUPPLY_EVENTS.BOM_CHANGED)).length).toBe(4);
    // Pages by SKU, filtered.
    const first = await t.gql(LIST, { studioId: 'moyun-studio', first: 3 });
    expect(first.data.studioMaterials).toMatchObject({ totalCount: 4, pageInfo: { hasNextPage: true } });
    const rest = await t.gql(LIST, { studioId: 'moyun-studio', first: 3, after: first.data.studioMaterials.pageInfo.endCursor });
    expect(rest.data.studioMaterials.nodes.map((node: { sku: string }) => node.sku)).toEqual(['GOLD-LEAF-24K']);
    expect((await t.gql(LIST, { studioId: 'moyun-studio', search: '金箔' })).data.studioMaterials.nodes).toEqual([
      { sku: 'GOLD-LEAF-24K', nameZh: '24K 金箔' },
    ]);
    expect((await t.gql(LIST, { studioId: 'moyun-studio', abcClass: 'A' })).data.studioMaterials.totalCount).toBe(1);
  });

  it('creates and changes a material idempotently, with its actor, and refuses bad fields naming them', async () => {
    const created = await t.gql(UPSERT, { studioId: 'moyun-studio', input: ribbon, key: 'ribbon-1' });
    expect(created.errors).toBeUndefined();
    expect(created.data.upsertMaterial).toMatchObject({
      sku: 'RIBBON-SILK',
      name: 'Silk ribbon 真丝丝带',
      revision: 1,
      stockingPolicy: 'MADE_TO_ORDER',
    });
    const replay = await t.gql(UPSERT, { studioId: 'moyun-studio', input: ribbon, key: 'ribbon-1' });
    expect(replay.data.upsertMaterial.revision).toBe(1);
    const reused = await t.gql(UPSERT, { studioId: 'moyun-studio', input: { ...ribbon, unitCostCents: 1 }, key: 'ribbon-1' });
    expect(refusal(reused).code).toBe('CONFLICT');

    const changed = await t.gql(UPSERT, {
      studioId: 'moyun-studio',
      input: { ...ribbon, unitCostCents: 95, substitutes: [{ sku: 'GIFT-BOX', ratio: 0.5 }] },
      key: 'ribbon-2',
    });
    expect(changed.data.upsertMaterial).toMatchObject({ revision: 2, substitutes: [{ sku: 'GIFT-BOX', ratio: 0.5 }] });
    const [, event] = (await events(SUPPLY_EVENTS.MATERIAL_CHANGED)).filter((entry) => entry.payload.sku === 'RIBBON-SILK');
    expect(event.payload).toMatchObject({
      studioId: 'moyun-studio',
      change: 'UPDATED',
      revision: 2,
      changed: ['unitCostCents', 'substitutes'],
    });
    expect(event.actorSubject).toBe(staff('moyun-studio').subject);

    const before = await masterData();
    const bad: [Record<string, unknown>, string][] = [
      [{ sku: 'has space' }, 'input.sku'],
      [{ nameZh: '' }, 'input.nameZh'],
      [{ nameEn: 'x'.repeat(201) }, 'input.nameEn'],
      [{ unit: 'u'.repeat(21) }, 'input.unit'],
      [{ unitCostCents: -1 }, 'input.unitCostCents'],
      [{ safetyStock: 10 }, 'input.safetyStock'], // made to order keeps none
      [{ substitutes: [{ sku: 'RIBBON-SILK', ratio: 1 }] }, 'input.substitutes[0].sku'],
      [{ substitutes: [{ sku: 'GIFT-BOX', ratio: 0 }] }, 'input.substitutes[0].ratio'],
      [{ substitutes: [{ sku: 'FLOUR-CAKE', ratio: 1 }] }, 'input.substitutes[0].sku'], // moyun-bakery's, not this studio's
      [{ substitutes: Array.from({ length: 21 }, (_, index) => ({ sku: `S-${index}`, ratio: 1 })) }, 'input.substitutes'],
    ];
    for (const [change, field] of bad) {
      const result = await t.gql(UPSERT, {
        studioId: 'moyun-studio',
        input: { ...ribbon, ...change },
        key: `bad-${field}-${JSON.stringify(change).length}`,
      });
      expect(refusal(result)).toMatchObject({ field, code: 'BAD_USER_INPUT' });
      expect(result.errors![0].message).toContain(field);
    }
    expect(await masterData()).toBe(before);
  });

  it('sets a bill whole as a new version: new orders reserve by it, orders imported before keep theirs', async () => {
    const order = async () => {
      const result = await t.gql(IMPORT, { input: teawareOrder() });
      expect(result.errors).toBeUndefined();
      const id = result.data.importShopOrder.id;
      await waitFor(async () => (await em().count(OrderMaterial, { orderId: id })) > 0, 10_000, 'the order reaches the suppliers subgraph');
      return id;
    };
    const earlier = await order();
    const lines = [
      { sku: 'CLAY-KAOLIN', quantityPerUnit: 450, stageCode: 'B10' },
      { sku: 'RIBBON-SILK', quantityPerUnit: 2, stageCode: 'E10' },
    ];
    const set = await t.gql(SET_BOM, { studioId: 'moyun-studio', productCode: 'TEA-CUP-CALLIG', lines, key: 'cup-v2' });
    expect(set.errors).toBeUndefined();
    expect(set.data.setBillOfMaterials.version).toBe(2);
    // The same lines again: no new version, no event.
    const again = await t.gql(SET_BOM, {
      studioId: 'moyun-studio',
      productCode: 'TEA-CUP-CALLIG',
      lines: [...lines].reverse(),
      key: 'cup-v2-again',
    });
    expect(again.data.setBillOfMaterials.version).toBe(2);
    const bomEvents = (await events(SUPPLY_EVENTS.BOM_CHANGED)).filter((event) => event.payload.productCode === 'TEA-CUP-CALLIG');
    expect(bomEvents.map((event) => event.payload.version)).toEqual([1, 2]);
    expect(bomEvents[1].actorSubject).toBe(staff('moyun-studio').subject);
    // Earlier versions stay readable.
    expect(
      (await t.gql(BOM, { studioId: 'moyun-studio', productCode: 'TEA-CUP-CALLIG', version: 1 })).data.productBillOfMaterials.lines,
    ).toHaveLength(4);

    const later = await order();
    const needs = async (orderId: string) =>
      (await em().find(OrderMaterial, { orderId }, { orderBy: { sku: 'asc' } })).map(
        (row) => `${row.sku}:${row.required}:${row.stageCode}`,
      );
    expect(await needs(earlier)).toEqual(['CLAY-KAOLIN:800:B10', 'GIFT-BOX:2:B10', 'GLAZE-CELADON:100:B10', 'GOLD-LEAF-24K:4:B10']);
    expect(await needs(later)).toEqual(['CLAY-KAOLIN:900:B10', 'RIBBON-SILK:4:E10']);
    // Another studio's bill of the same code is its own (none here): the product code is the studio's.
    expect(
      (await t.gql(BOM, { studioId: 'youcaifeng', productCode: 'TEA-CUP-CALLIG' }, { as: staff('youcaifeng') })).data
        .productBillOfMaterials,
    ).toBeNull();
  });

  it('refuses a bad bill whole, naming the line and field, and changes nothing', async () => {
    const before = await masterData();
    const line = { sku: 'CLAY-KAOLIN', quantityPerUnit: 1, stageCode: 'B10' };
    const cases: [unknown[], string, string][] = [
      [[{ ...line, sku: 'NO-SUCH-MATERIAL' }], 'lines[0].sku', 'UNKNOWN_MATERIAL'],
      [[{ ...line, sku: 'FLOUR-CAKE' }], 'lines[0].sku', 'UNKNOWN_MATERIAL'], // another studio's material
      [[line, { ...line, quantityPerUnit: -3, sku: 'GIFT-BOX' }], 'lines[1].quantityPerUnit', 'QUANTITY'],
      [[{ ...line, stageCode: 'Q99' }], 'lines[0].stageCode', 'UNKNOWN_STAGE_CODE'],
      [[line, { ...line, quantityPerUnit: 2 }], 'lines[1].sku', 'DUPLICATE_MATERIAL'],
      [Array.from({ length: 201 }, (_, index) => ({ ...line, sku: `M-${index}` })), 'lines', 'TOO_MANY_LINES'],
    ];
    for (const [lines, field, reason] of cases) {
      const result = await t.gql(SET_BOM, {
        studioId: 'moyun-studio',
        productCode: 'TEA-CUP-CALLIG',
        lines,
        key: `bad-${field}-${reason}-${lines.length}`,
      });
      expect(refusal(result)).toEqual({ code: 'BAD_USER_INPUT', field, reason });
      expect(result.errors![0].message).toContain(field);
    }
    const longCode = await t.gql(SET_BOM, { studioId: 'moyun-studio', productCode: 'P'.repeat(81), lines: [line], key: 'bad-code' });
    expect(refusal(longCode)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'productCode' });
    // An operator reads but does not edit; another studio edits nothing here.
    for (const as of [staff('moyun-studio', 'OPERATOR'), staff('youcaifeng'), partner('jingdezhen-clay', 'SUPPLIER')]) {
      const result = await t.gql(
        SET_BOM,
        { studioId: 'moyun-studio', productCode: 'TEA-CUP-CALLIG', lines: [line], key: 'not-mine' },
        { as },
      );
      expect(refusal(result).code).toBe('FORBIDDEN');
    }
    expect(await masterData()).toBe(before);
  });

  it('retires a material no current bill names, and a retired one cannot join a bill', async () => {
    const inUse = await t.gql(
      `mutation { retireMaterial(studioId: "moyun-studio", sku: "RIBBON-SILK", idempotencyKey: "retire-1") { sku } }`,
    );
    expect(refusal(inUse)).toMatchObject({ code: 'FAILED_PRECONDITION', field: 'sku' });
    expect(inUse.errors![0].extensions!.productCodes).toEqual(['TEA-CUP-CALLIG']);
    await t.gql(SET_BOM, { studioId: 'moyun-studio', productCode: 'TEA-CUP-CALLIG', lines: TEA_CUP, key: 'cup-v3' });
    const retired = await t.gql(
      `mutation { retireMaterial(studioId: "moyun-studio", sku: "RIBBON-SILK", idempotencyKey: "retire-2") { sku retiredAt revision } }`,
    );
    expect(retired.errors).toBeUndefined();
    expect(retired.data.retireMaterial.retiredAt).toBeTruthy();
    // Kept (its ledger rows name it), listed only when asked for.
    expect((await t.gql(LIST, { studioId: 'moyun-studio' })).data.studioMaterials.totalCount).toBe(4);
    expect((await t.gql(LIST, { studioId: 'moyun-studio', includeRetired: true })).data.studioMaterials.totalCount).toBe(5);
    const named = await t.gql(SET_BOM, {
      studioId: 'moyun-studio',
      productCode: 'TEA-CUP-CALLIG',
      lines: [{ sku: 'RIBBON-SILK', quantityPerUnit: 1, stageCode: 'B10' }],
      key: 'cup-retired',
    });
    expect(refusal(named)).toEqual({ code: 'BAD_USER_INPUT', field: 'lines[0].sku', reason: 'UNKNOWN_MATERIAL' });
    expect((await events(SUPPLY_EVENTS.MATERIAL_CHANGED)).at(-1)!.payload).toMatchObject({ sku: 'RIBBON-SILK', change: 'RETIRED' });
  });

  it('suggests a safety stock from the last weeks’ consumption, showing its inputs, and a studio lead accepts it', async () => {
    const answer = await t.gql(SUGGESTION, { sku: 'CLAY-KAOLIN' }, { as: staff('moyun-studio', 'OPERATOR') });
    expect(answer.errors).toBeUndefined();
    const suggestion = answer.data.safetyStockSuggestion;
    // Every CLAY-KAOLIN demand of this suite came today: one day of D among 56.
    const open = await em().find(OrderMaterial, { studioId: 'moyun-studio', sku: 'CLAY-KAOLIN' });
    const total = open.reduce((sum, row) => sum + row.required, 0);
    const days = SAFETY_STOCK_RULE.windowDays;
    const sigma = (total * Math.sqrt(days - 1)) / days;
    expect(suggestion).toMatchObject({
      current: 20_000,
      abcClass: 'B',
      z: 1.28,
      windowDays: 56,
      totalConsumption: total,
      leadTimeDays: 3,
      leadTimeSupplierId: 'jingdezhen-clay',
      suggested: Math.ceil(1.28 * sigma * Math.sqrt(3) - 1e-9),
    });
    expect(suggestion.dailyConsumptionDeviation).toBeCloseTo(sigma, 2);
    const madeToOrder = await t.gql(SUGGESTION, { sku: 'RIBBON-SILK' });
    expect(madeToOrder.data.safetyStockSuggestion).toMatchObject({ suggested: 0, rule: 'made to order: no safety stock' });

    const operator = await t.gql(
      `mutation { acceptSafetyStockSuggestion(studioId: "moyun-studio", sku: "CLAY-KAOLIN", idempotencyKey: "accept-op") { safetyStock } }`,
      {},
      { as: staff('moyun-studio', 'OPERATOR') },
    );
    expect(refusal(operator).code).toBe('FORBIDDEN');
    const accepted = await t.gql(
      `mutation { acceptSafetyStockSuggestion(studioId: "moyun-studio", sku: "CLAY-KAOLIN", idempotencyKey: "accept-1") { safetyStock } }`,
      {},
      { as: staff('moyun-studio', 'SUPERVISOR') },
    );
    expect(accepted.data.acceptSafetyStockSuggestion.safetyStock).toBe(suggestion.suggested);
    const event = (await events(SUPPLY_EVENTS.MATERIAL_CHANGED)).at(-1)!;
    expect(event.payload).toMatchObject({
      sku: 'CLAY-KAOLIN',
      change: 'SAFETY_STOCK_ACCEPTED',
      safetyStock: suggestion.suggested,
      previousSafetyStock: 20_000,
      changed: ['safetyStock'],
    });
    expect(event.actorSubject).toBe(staff('moyun-studio', 'SUPERVISOR').subject);
  });

  it("keeps a studio's terms for a material to its staff and hub admins: another studio and a supplier get FORBIDDEN on them, through the gateway and directly", async () => {
    const STOCK = `{ materialStock(sku: "CLAY-KAOLIN") { onHand belowSafetyStock material { studioId sku nameEn unit unitCostCents safetyStock abcClass stockingPolicy substitutes { sku } } } }`;
    const NAMES = `{ materialStock(sku: "CLAY-KAOLIN") { onHand belowSafetyStock material { studioId sku nameEn unit } } }`;
    const TERMS = ['unitCostCents', 'safetyStock', 'abcClass', 'stockingPolicy', 'substitutes'];
    for (const url of [undefined, t.hub.subgraphs.suppliers.url]) {
      for (const as of [staff('moyun-studio', 'OPERATOR'), hubAdmin()]) {
        const own = await t.gql(STOCK, {}, { as, url });
        expect(own.errors).toBeUndefined();
        expect(own.data.materialStock.material).toMatchObject({
          studioId: 'moyun-studio',
          unitCostCents: expect.any(Number),
          abcClass: 'B',
        });
        expect(typeof own.data.materialStock.belowSafetyStock).toBe('boolean');
      }
      for (const as of [staff('youcaifeng'), partner('jingdezhen-clay', 'SUPPLIER')]) {
        // Asked for the terms: each is refused by name, and nothing of them is in the answer.
        const asked = await t.gql(STOCK, {}, { as, url });
        const refused = (asked.errors ?? []).map((error) => `${error.extensions?.code}:${error.path?.slice(-1)[0]}`);
        expect(refused.sort()).toEqual(TERMS.map((field) => `FORBIDDEN:${field}`).sort());
        for (const field of TERMS) expect(asked.data.materialStock.material[field]).toBeNull();
        // The names and stock stay theirs to read; whether it is below a studio's safety stock does not.
        const named = await t.gql(NAMES, {}, { as, url });
        expect(named.errors).toBeUndefined();
        expect(named.data.materialStock).toMatchObject({
          belowSafetyStock: null,
          material: { sku: 'CLAY-KAOLIN', nameEn: expect.any(String) },
        });
      }
      const catalogue = await t.gql(`{ materials { sku unitCostCents } }`, {}, { as: partner('jingdezhen-clay', 'SUPPLIER'), url });
      expect(catalogue.errors?.map((error) => error.extensions?.code)).toEqual(['FORBIDDEN', 'FORBIDDEN']);
      expect(catalogue.data.materials.map((material: { unitCostCents: number | null }) => material.unitCostCents)).toEqual([null, null]);
    }
  });

  it('shows a supplier only the materials it supplies, and another studio none', async () => {
    const clay = await t.gql(LIST, { studioId: 'moyun-studio' }, { as: partner('jingdezhen-clay', 'SUPPLIER') });
    expect(clay.data.studioMaterials.nodes.map((node: { sku: string }) => node.sku)).toEqual(['CLAY-KAOLIN', 'GLAZE-CELADON']);
    const catalogue = await t.gql(`{ materials { sku } }`, {}, { as: partner('jingdezhen-clay', 'SUPPLIER') });
    expect(catalogue.data.materials.map((node: { sku: string }) => node.sku)).toEqual(['CLAY-KAOLIN', 'GLAZE-CELADON']);
    expect(refusal(await t.gql(LIST, { studioId: 'moyun-studio' }, { as: staff('youcaifeng') })).code).toBe('FORBIDDEN');
    expect((await t.gql(`{ materials { sku } }`, {}, { as: partner('gilding-atelier') })).data.materials).toEqual([]);
  });
});
