import { Material } from '../subgraphs/suppliers/entities/material';
import { OrderMaterial } from '../subgraphs/suppliers/entities/order-supply';
import { Reservation, StockLot } from '../subgraphs/suppliers/entities/stock';
import type { GraphQLResult, RequestOptions, TestHub } from './support/hub';
import { dialects, startTestHub } from './support/hub';
import { teawareOrder } from './support/orders';
import { customer, hubAdmin, partner, staff } from './support/principals';
import { waitFor } from './support/wait';

const PUBLISH = `mutation($supplierId: ID!, $sequence: Int!, $items: [InventoryItemInput!]!) {
  publishInventory(supplierId: $supplierId, sequence: $sequence, items: $items) { applied stale { sku lotCode appliedSequence } } }`;
const IMPORT = `mutation($input: ShopOrderInput!) { importShopOrder(input: $input) { id stages { id code qcCheckpoint } } }`;
const MATERIALS = `query($id: ID!) { order(id: $id) { materialRisk materials { sku required reserved consumed status expectedAt } } }`;
const clay = { as: partner('jingdezhen-clay', 'SUPPLIER') };
const codeOf = (result: GraphQLResult) => result.errors?.[0]?.extensions?.code;

describe.each(dialects())('suppliers, inventory and material risk (%s)', (dialect) => {
  let t: TestHub;

  beforeAll(async () => {
    t = await startTestHub(dialect);
    for (const name of ['network', 'suppliers']) await t.hub.subgraphs[name].definition.seed!(t.hub.subgraphs[name]);
    // The suppliers subgraph hears from the bus which suppliers the studios name (whom they may order from).
    await t.hub.settle();
  });
  afterAll(() => t?.close());

  const em = () => t.hub.subgraphs.suppliers.systemContext().em.fork();
  const lots = async () =>
    (await em().find(StockLot, {}, { orderBy: { id: 'asc' } })).map(
      (lot) => `${lot.supplierId}/${lot.lotCode}:${lot.onHand}:${lot.reserved}:${lot.lastSequence}`,
    );
  const materialsOf = async (orderId: string, as: RequestOptions = {}) => (await t.gql(MATERIALS, { id: orderId }, as)).data?.order;

  async function importOrder(overrides: Record<string, unknown> = {}) {
    const result = await t.gql(IMPORT, { input: teawareOrder(overrides) });
    expect(result.errors).toBeUndefined();
    const order = result.data.importShopOrder;
    // The suppliers subgraph learns of the order from the bus.
    await waitFor(async () => ((await materialsOf(order.id))?.materials?.length ?? 0) > 0, 10_000, 'reservation of the new order');
    return order;
  }

  async function runStages(order: { stages: { id: string; code: string; qcCheckpoint: boolean }[] }, codes: string[]) {
    for (const stage of order.stages.filter((candidate) => codes.includes(candidate.code))) {
      expect(
        (
          await t.gql(`mutation($s: ID!) { startStage(stageRunId: $s, operator: { name: "张敏", penName: "云舒" }) { id } }`, {
            s: stage.id,
          })
        ).errors,
      ).toBeUndefined();
      if (stage.qcCheckpoint)
        await t.gql(`mutation($s: ID!) { recordQcResult(stageRunId: $s, result: PASS, idempotencyKey: "qc-${stage.id}") { id } }`, {
          s: stage.id,
        });
      const input = stage.code === 'C40' ? { environment: [{ name: 'kiln temperature', value: 1290, unit: '°C' }] } : undefined;
      expect(
        (
          await t.gql(`mutation($s: ID!, $input: CompleteStageInput) { completeStage(stageRunId: $s, input: $input) { id } }`, {
            s: stage.id,
            input,
          })
        ).errors,
      ).toBeUndefined();
    }
  }

  it('applies a batch atomically, skips what a newer sequence set, and rejects invalid batches item by item', async () => {
    const first = await t.gql(
      PUBLISH,
      {
        supplierId: 'jingdezhen-clay',
        sequence: 5,
        items: [
          { sku: 'GLAZE-CELADON', lotCode: 'JDZ-G-2611', onHand: 11_000 },
          { sku: 'GLAZE-CELADON', lotCode: 'JDZ-G-NEW', onHand: 500 },
        ],
      },
      clay,
    );
    expect(first.data.publishInventory).toEqual({ applied: 2, stale: [] });
    // A late batch (sequence 4) touches one of those lots and a new one: only the new one applies.
    const late = await t.gql(
      PUBLISH,
      {
        supplierId: 'jingdezhen-clay',
        sequence: 4,
        items: [
          { sku: 'GLAZE-CELADON', lotCode: 'JDZ-G-NEW', onHand: 1 },
          { sku: 'GLAZE-CELADON', lotCode: 'JDZ-G-LATE', onHand: 70 },
        ],
      },
      clay,
    );
    expect(late.data.publishInventory).toEqual({ applied: 1, stale: [{ sku: 'GLAZE-CELADON', lotCode: 'JDZ-G-NEW', appliedSequence: 5 }] });
    // A retried batch changes nothing.
    const retried = await t.gql(
      PUBLISH,
      { supplierId: 'jingdezhen-clay', sequence: 5, items: [{ sku: 'GLAZE-CELADON', lotCode: 'JDZ-G-2611', onHand: 11_000 }] },
      clay,
    );
    expect(retried.data.publishInventory.applied).toBe(0);
    const stock = (await t.gql(`{ materialStock(sku: "GLAZE-CELADON") { onHand lots { lotCode onHand lastSequence } } }`, {}, clay)).data
      .materialStock;
    expect(stock.lots.map((lot: any) => `${lot.lotCode}:${lot.onHand}:${lot.lastSequence}`).sort()).toEqual([
      'JDZ-G-2611:11000:5',
      'JDZ-G-LATE:70:4',
      'JDZ-G-NEW:500:5',
    ]);

    const before = await lots();
    const invalid = await t.gql(
      PUBLISH,
      {
        supplierId: 'jingdezhen-clay',
        sequence: 9,
        items: [
          { sku: 'CLAY-KAOLIN', lotCode: 'JDZ-K-2611A', onHand: 1 }, // fine on its own
          { sku: 'NO-SUCH-SKU', lotCode: 'JDZ-X-1', onHand: 5 },
          { sku: 'CLAY-KAOLIN', lotCode: 'JDZ-K-NEG', onHand: -3 },
          { sku: 'CLAY-KAOLIN', lotCode: 'JDZ-K-2611A', onHand: 2 },
          { sku: 'CLAY-KAOLIN', lotCode: 'JDZ-G-2611', onHand: 4 },
        ],
      },
      clay,
    );
    expect(codeOf(invalid)).toBe('BAD_USER_INPUT');
    expect(invalid.errors![0].extensions!.items.map((item: any) => `${item.index}:${item.code}:${item.reason}`)).toEqual([
      '2:ON_HAND:onHand must be a whole number, zero or more',
      '3:DUPLICATE:the same sku and lot appear twice in this batch',
    ]);
    const unknown = await t.gql(
      PUBLISH,
      {
        supplierId: 'jingdezhen-clay',
        sequence: 9,
        items: [
          { sku: 'NO-SUCH-SKU', lotCode: 'JDZ-X-1', onHand: 5 },
          { sku: 'CLAY-KAOLIN', lotCode: 'JDZ-G-2611', onHand: 4 },
        ],
      },
      clay,
    );
    expect(unknown.errors![0].extensions!.items.map((item: any) => `${item.index}:${item.code}:${item.reason}`)).toEqual([
      '0:UNKNOWN_SKU:unknown sku "NO-SUCH-SKU"',
      '1:LOT_OF_OTHER_SKU:lot "JDZ-G-2611" is already a lot of GLAZE-CELADON',
    ]);
    expect(await lots()).toEqual(before);

    // Only the supplier itself publishes its stock: not another supplier, not a studio, not a hub admin (who writes only the directory).
    expect(
      codeOf(
        await t.gql(
          PUBLISH,
          { supplierId: 'jingdezhen-clay', sequence: 10, items: [{ sku: 'CLAY-KAOLIN', lotCode: 'JDZ-K-2611A', onHand: 1 }] },
          { as: partner('yixing-clay', 'SUPPLIER') },
        ),
      ),
    ).toBe('FORBIDDEN');
    expect(
      codeOf(
        await t.gql(PUBLISH, {
          supplierId: 'jingdezhen-clay',
          sequence: 10,
          items: [{ sku: 'CLAY-KAOLIN', lotCode: 'JDZ-K-2611A', onHand: 1 }],
        }),
      ),
    ).toBe('FORBIDDEN');
    expect(await lots()).toEqual(before);
    const newLot = { supplierId: 'jingdezhen-clay', sequence: 10, items: [{ sku: 'GLAZE-CELADON', lotCode: 'JDZ-G-LATE', onHand: 80 }] };
    expect(codeOf(await t.gql(PUBLISH, newLot, { as: hubAdmin() }))).toBe('FORBIDDEN');
    expect(await lots()).toEqual(before);
    expect((await t.gql(PUBLISH, newLot, clay)).data.publishInventory.applied).toBe(1);
  });

  it("reserves an order's bill of materials oldest lot first, releases it on cancellation and consumes it at material preparation", async () => {
    const order = await importOrder({ lines: [{ productCode: 'TEA-CUP-CALLIG', quantity: 2 }] });
    const view = await materialsOf(order.id);
    expect(view.materials.map((material: any) => `${material.sku}:${material.required}:${material.reserved}:${material.status}`)).toEqual([
      'CLAY-KAOLIN:800:800:AVAILABLE',
      'GIFT-BOX:2:2:AVAILABLE',
      'GLAZE-CELADON:100:100:AVAILABLE',
      'GOLD-LEAF-24K:4:4:AVAILABLE',
    ]);
    const held = await em().find(Reservation, { orderId: order.id, sku: 'CLAY-KAOLIN' });
    expect(held.map((reservation) => `${reservation.lotCode}:${reservation.quantity}`)).toEqual(['YX-K-2610:800']); // the 30-day-old lot goes first

    const cancelled = await importOrder();
    await t.gql(
      `mutation($id: ID!) { cancelOrder(orderId: $id, reason: "customer request", idempotencyKey: "cancel-${cancelled.id}") { id } }`,
      { id: cancelled.id },
    );
    await waitFor(async () => (await em().count(Reservation, { orderId: cancelled.id, status: 'RESERVED' })) === 0, 10_000, 'release');
    expect(await em().count(OrderMaterial, { orderId: cancelled.id, open: true })).toBe(0);

    const lotBefore = await em().findOneOrFail(StockLot, { lotCode: 'YX-K-2610' });
    await runStages(order, ['A10', 'B10']);
    await waitFor(
      async () => (await materialsOf(order.id)).materials.every((material: any) => material.consumed === material.required),
      10_000,
      'consumption',
    );
    const lotAfter = await em().findOneOrFail(StockLot, { lotCode: 'YX-K-2610' });
    expect(lotAfter.onHand).toBe(lotBefore.onHand - 800);
    expect(lotAfter.reserved).toBe(lotBefore.reserved - 800);
    expect((await materialsOf(order.id)).materialRisk).toBeNull(); // nothing left open
  });

  it('flags open orders when stock falls below safety stock, with material procurement in their progress', async () => {
    const order = await importOrder();
    expect((await materialsOf(order.id)).materialRisk).toBe('AVAILABLE');
    // The clay supplier publishes low figures: what is left is below the 20 kg safety stock.
    await t.gql(
      PUBLISH,
      {
        supplierId: 'jingdezhen-clay',
        sequence: 20,
        items: [
          { sku: 'CLAY-KAOLIN', lotCode: 'JDZ-K-2611A', onHand: 1_000 },
          { sku: 'CLAY-KAOLIN', lotCode: 'JDZ-K-2611B', onHand: 0 },
        ],
      },
      clay,
    );
    await waitFor(async () => (await materialsOf(order.id)).materialRisk === 'LOW', 10_000, 'flag');
    const PROGRESS = `query($id: ID!) { order(id: $id) { milestone { code } materialRisk progress { type note statusCode { code labelEn } } } }`;
    await waitFor(
      async () =>
        (await t.gql(PROGRESS, { id: order.id })).data.order.progress.some((entry: any) => entry.type === 'order.material.flagged'),
      10_000,
      'progress entry',
    );
    const studioView = (await t.gql(PROGRESS, { id: order.id })).data.order;
    expect(studioView.progress.find((entry: any) => entry.type === 'order.material.flagged')).toEqual({
      type: 'order.material.flagged',
      note: 'CLAY-KAOLIN: LOW',
      statusCode: { code: 'B20', labelEn: 'Material procurement' },
    });

    const basic = (await t.gql(PROGRESS, { id: order.id }, { as: customer([order.id], 'BASIC') })).data.order;
    expect(basic.materialRisk).toBe('LOW');
    expect(basic.progress.map((entry: any) => entry.statusCode.code)).toContain('B20');
    const minimal = await t.gql(
      `query($id: ID!) { order(id: $id) { phase materialRisk } }`,
      { id: order.id },
      { as: customer([order.id], 'MINIMAL') },
    );
    expect(minimal).toEqual({ data: { order: { phase: 'IN_PROGRESS', materialRisk: null } } });
    expect(codeOf(await t.gql(MATERIALS, { id: order.id }, { as: partner('gilding-atelier') }))).toBeUndefined(); // not the partner's order: null
    expect((await t.gql(MATERIALS, { id: order.id }, { as: partner('gilding-atelier') })).data.order).toBeNull();
  });

  it('suggests reorders primary tier first, shows ON_ORDER once a purchase order is placed, and lets the supplier confirm it', async () => {
    const order = await importOrder();
    // Every clay lot is empty now: the order is short.
    await t.gql(
      PUBLISH,
      { supplierId: 'jingdezhen-clay', sequence: 30, items: [{ sku: 'CLAY-KAOLIN', lotCode: 'JDZ-K-2611A', onHand: 0 }] },
      clay,
    );
    await t.gql(
      PUBLISH,
      { supplierId: 'yixing-clay', sequence: 30, items: [{ sku: 'CLAY-KAOLIN', lotCode: 'YX-K-2610', onHand: 0 }] },
      { as: partner('yixing-clay', 'SUPPLIER') },
    );
    await waitFor(async () => (await materialsOf(order.id)).materialRisk === 'SHORT', 10_000, 'shortage');

    const suggestions = (
      await t.gql(
        `{ reorderSuggestions(studioId: "moyun-studio") { sku openDemand safetyGap quantity supplier { id nameEn } supplierTier expectedAt } }`,
      )
    ).data.reorderSuggestions;
    const forClay = suggestions.find((suggestion: any) => suggestion.sku === 'CLAY-KAOLIN');
    expect(forClay).toMatchObject({
      supplierTier: 'PRIMARY',
      supplier: { id: 'jingdezhen-clay', nameEn: 'Jingdezhen Clay Supply' },
      safetyGap: 20_000,
    });
    expect(forClay.openDemand).toBeGreaterThanOrEqual(400);
    expect(forClay.quantity).toBe(forClay.openDemand + forClay.safetyGap);
    expect(codeOf(await t.gql(`{ reorderSuggestions(studioId: "moyun-studio") { sku } }`, {}, { as: staff('youcaifeng') }))).toBe(
      'FORBIDDEN',
    );

    const PLACE = `mutation($input: PlacePurchaseOrderInput!, $key: String!) { placePurchaseOrder(studioId: "moyun-studio", input: $input, idempotencyKey: $key) { id status expectedAt lines { sku quantity } supplier { id } } }`;
    const placed = (
      await t.gql(PLACE, {
        input: { supplierId: 'jingdezhen-clay', lines: [{ sku: 'CLAY-KAOLIN', quantity: forClay.quantity }] },
        key: 'po-clay-1',
      })
    ).data.placePurchaseOrder;
    expect(placed).toMatchObject({ status: 'PLACED', supplier: { id: 'jingdezhen-clay' } });
    expect(
      (
        await t.gql(PLACE, {
          input: { supplierId: 'jingdezhen-clay', lines: [{ sku: 'CLAY-KAOLIN', quantity: forClay.quantity }] },
          key: 'po-clay-1',
        })
      ).data.placePurchaseOrder.id,
    ).toBe(placed.id);
    expect(
      codeOf(
        await t.gql(PLACE, { input: { supplierId: 'nanjing-gold-leaf', lines: [{ sku: 'CLAY-KAOLIN', quantity: 1 }] }, key: 'po-wrong' }),
      ),
    ).toBe('BAD_USER_INPUT');
    await waitFor(async () => (await materialsOf(order.id)).materialRisk === 'ON_ORDER', 10_000, 'on order');
    const clayLine = (await materialsOf(order.id)).materials.find((material: any) => material.sku === 'CLAY-KAOLIN');
    expect(clayLine).toMatchObject({ status: 'ON_ORDER', expectedAt: placed.expectedAt });

    // The supplier sees the purchase order and confirms it; another supplier sees nothing of it.
    const seen = (await t.gql(`{ purchaseOrders { id status } }`, {}, clay)).data.purchaseOrders;
    expect(seen.map((purchase: any) => purchase.id)).toEqual([placed.id]);
    expect((await t.gql(`{ purchaseOrders { id } }`, {}, { as: partner('nanjing-gold-leaf', 'SUPPLIER') })).data.purchaseOrders).toEqual(
      [],
    );
    const CONFIRM = `mutation($id: ID!) { confirmPurchaseOrder(purchaseOrderId: $id, expectedAt: "2030-01-02T00:00:00Z") { status expectedAt } }`;
    expect(codeOf(await t.gql(CONFIRM, { id: placed.id }))).toBe('FORBIDDEN');
    expect(codeOf(await t.gql(CONFIRM, { id: placed.id }, { as: partner('nanjing-gold-leaf', 'SUPPLIER') }))).toBe('NOT_FOUND');
    expect((await t.gql(CONFIRM, { id: placed.id }, clay)).data.confirmPurchaseOrder).toEqual({
      status: 'CONFIRMED',
      expectedAt: '2030-01-02T00:00:00.000Z',
    });
    await waitFor(
      async () =>
        (await materialsOf(order.id)).materials.find((material: any) => material.sku === 'CLAY-KAOLIN').expectedAt ===
        '2030-01-02T00:00:00.000Z',
      10_000,
      'new date',
    );

    // Received: the goods are the studio's stock; the supplier publishes more, and the order is safe again.
    expect(
      (await t.gql(`mutation($id: ID!) { receivePurchaseOrder(purchaseOrderId: $id) { status } }`, { id: placed.id })).data
        .receivePurchaseOrder.status,
    ).toBe('RECEIVED');
    await t.gql(
      PUBLISH,
      { supplierId: 'jingdezhen-clay', sequence: 31, items: [{ sku: 'CLAY-KAOLIN', lotCode: 'JDZ-K-2612', onHand: 60_000 }] },
      clay,
    );
    await waitFor(async () => (await materialsOf(order.id)).materialRisk === 'AVAILABLE', 10_000, 'safe again');
    const PROGRESS = `query($id: ID!) { order(id: $id) { progress { type } } }`;
    await waitFor(
      async () =>
        (await t.gql(PROGRESS, { id: order.id })).data.order.progress.some((entry: any) => entry.type === 'order.material.cleared'),
      10_000,
      'cleared entry',
    );
  });

  it('costs an order across subgraphs, and traces a finished product to its stages, QC results and material lots', async () => {
    const order = await importOrder({ priceCents: 120_000, lines: [{ productCode: 'TEA-CUP-CALLIG', quantity: 1 }] });
    await t.gql(
      `mutation { setStudioCostProfile(studioId: "moyun-studio", input: { defaultHourlyRateCents: 3600, overheadPercent: 50, stageRates: [{ code: "C10", hourlyRateCents: 7200 }] }) { overheadPercent } }`,
    );
    await runStages(order, ['A10', 'B10', 'C10', 'C20', 'C30', 'C40', 'C50', 'C60', 'E10']);
    const COST = `query($id: ID!) { order(id: $id) { priceCents cost { materialsCents labourHours labourCents overheadCents totalCents marginCents marginPercent } traceCodes { code uri } } }`;
    const costed = (await t.gql(COST, { id: order.id })).data.order;
    // 400 g clay at 2 fen, 50 ml glaze at 5, 2 sheets of gold leaf at 1,200, a box at 800.
    expect(costed.cost.materialsCents).toBe(400 * 2 + 50 * 5 + 2 * 1200 + 800);
    expect(costed.cost.overheadCents).toBe(Math.round(costed.cost.labourCents / 2));
    expect(costed.cost.totalCents).toBe(costed.cost.materialsCents + costed.cost.labourCents + costed.cost.overheadCents);
    expect(costed.cost.marginCents).toBe(120_000 - costed.cost.totalCents);
    expect(
      codeOf(
        await t.gql(
          `query($id: ID!) { order(id: $id) { cost { totalCents } } }`,
          { id: order.id },
          { as: customer([order.id], 'DETAILED') },
        ),
      ),
    ).toBe('FORBIDDEN');

    expect(costed.traceCodes).toHaveLength(1);
    const [{ code, uri }] = costed.traceCodes;
    // No GTIN on its line: the hub's own product URI under its public URL, not a Digital Link.
    expect(uri).toBe(`${t.hub.gateway.http.url.replace('127.0.0.1', 'localhost')}/id/product/${code}`);
    const TRACE = `query($code: String!) { trace(code: $code) { code productCode order { id materialLots { sku lotCode supplierId status } } stages { code startedAt operatorPenName qcResult environment { name } } } }`;
    const full = (await t.gql(TRACE, { code: uri })).data.trace;
    expect(full.stages).toHaveLength(9);
    expect(full.stages.find((stage: any) => stage.code === 'C40')).toMatchObject({
      qcResult: 'PASS',
      operatorPenName: '云舒',
      environment: [{ name: 'kiln temperature' }],
    });
    expect(full.order.materialLots.map((lot: any) => lot.sku).sort()).toEqual([
      'CLAY-KAOLIN',
      'GIFT-BOX',
      'GLAZE-CELADON',
      'GOLD-LEAF-24K',
    ]);
    expect(full.order.materialLots.every((lot: any) => lot.status === 'CONSUMED')).toBe(true);

    const detailed = (await t.gql(TRACE, { code }, { as: customer([order.id], 'DETAILED') })).data.trace;
    expect(detailed.order.materialLots).toHaveLength(4);
    const basic = (await t.gql(TRACE, { code }, { as: customer([order.id], 'BASIC') })).data.trace;
    expect(basic.stages.map((stage: any) => stage.code)).toEqual(['A10', 'B10', 'C40', 'C60', 'E10']);
    expect(basic.stages.every((stage: any) => stage.startedAt === null && stage.operatorPenName === null)).toBe(true);
    expect(basic.order.materialLots).toEqual([]);
    expect((await t.gql(TRACE, { code }, { as: customer(['ord_01ARZ3NDEKTSV4RRFFQ69G5FAV'], 'DETAILED') })).data.trace).toBeNull();
    expect(codeOf(await t.gql(TRACE, { code: 'not-a-code' }))).toBe('BAD_USER_INPUT');
  });

  it('flags the orders already covered when a new order takes the stock below safety stock', async () => {
    const statusOf = async (orderId: string) => (await em().findOneOrFail(OrderMaterial, { orderId, sku: 'CLAY-KAOLIN' })).status;
    const settledClay = async () => {
      await t.hub.settle();
      return em().find(StockLot, { sku: 'CLAY-KAOLIN' }, { orderBy: { id: 'asc' } });
    };
    const covered = await importOrder();
    const { safetyStock } = await em().findOneOrFail(Material, { sku: 'CLAY-KAOLIN' });
    const need = (await em().findOneOrFail(OrderMaterial, { orderId: covered.id, sku: 'CLAY-KAOLIN' })).required;
    // Every clay lot holds just what is reserved on it but one, which leaves free the safety stock and half an order's clay.
    const clayLots = await settledClay();
    const spare = clayLots.find((lot) => lot.supplierId === 'jingdezhen-clay')!;
    for (const supplierId of new Set(clayLots.map((lot) => lot.supplierId))) {
      const items = clayLots
        .filter((lot) => lot.supplierId === supplierId)
        .map((lot) => ({ sku: 'CLAY-KAOLIN', lotCode: lot.lotCode, onHand: lot.reserved + (lot === spare ? safetyStock + need / 2 : 0) }));
      const asSupplier = { as: partner(supplierId, 'SUPPLIER') };
      expect((await t.gql(PUBLISH, { supplierId, sequence: 1_000, items }, asSupplier)).data.publishInventory.applied).toBe(items.length);
    }
    await settledClay();
    expect(await statusOf(covered.id)).toBe('AVAILABLE');

    // The next order takes its clay, and what is left falls below safety stock: the order covered before is flagged too.
    const crossing = await importOrder();
    await settledClay();
    expect([await statusOf(covered.id), await statusOf(crossing.id)]).toEqual(['LOW', 'LOW']);
    // One more, already below: nothing crosses, only its own status is news, and the others stay flagged.
    const next = await importOrder();
    await settledClay();
    expect([await statusOf(covered.id), await statusOf(crossing.id), await statusOf(next.id)]).toEqual(['LOW', 'LOW', 'LOW']);
  });

  it("counts a shipped purchase order as on order, and a received one as the studio's stock: the same suggestion never comes back", async () => {
    // Every clay lot at the suppliers is empty: a new order is short of clay.
    const clayLots = await em().find(StockLot, { sku: 'CLAY-KAOLIN', heldForStudioId: null });
    for (const supplierId of new Set(clayLots.map((lot) => lot.supplierId))) {
      const items = clayLots
        .filter((lot) => lot.supplierId === supplierId)
        .map((lot) => ({ sku: lot.sku, lotCode: lot.lotCode, onHand: 0 }));
      await t.gql(PUBLISH, { supplierId, sequence: 2_000, items }, { as: partner(supplierId, 'SUPPLIER') });
    }
    const order = await importOrder();
    await waitFor(async () => (await materialsOf(order.id)).materialRisk === 'SHORT', 10_000, 'shortage');
    const SUGGESTIONS = `{ reorderSuggestions(studioId: "moyun-studio") { sku quantity onOrder supplier { id } alternatives { supplier { id } tier } } }`;
    const clayOf = async () =>
      (await t.gql(SUGGESTIONS)).data.reorderSuggestions.find((suggestion: any) => suggestion.sku === 'CLAY-KAOLIN') ?? null;
    const suggested = await clayOf();
    expect(suggested).toMatchObject({ onOrder: 0, supplier: { id: 'jingdezhen-clay' } });
    // The studio may order from another supplier of the material instead: the suggested one comes first.
    expect(suggested.alternatives[0]).toEqual({ supplier: { id: 'jingdezhen-clay' }, tier: 'PRIMARY' });
    expect(suggested.alternatives.map((choice: any) => choice.supplier.id)).toContain('yixing-clay');

    const placed = (
      await t.gql(
        `mutation($input: PlacePurchaseOrderInput!) { placePurchaseOrder(studioId: "moyun-studio", input: $input, idempotencyKey: "po-received") { id } }`,
        { input: { supplierId: 'jingdezhen-clay', lines: [{ sku: 'CLAY-KAOLIN', quantity: suggested.quantity }] } },
      )
    ).data.placePurchaseOrder;
    expect(await clayOf()).toBeNull();
    // Shipped without confirming: in transit, still on order.
    const SHIP = `mutation($id: ID!, $input: ShipPurchaseOrderInput!) { shipPurchaseOrder(purchaseOrderId: $id, input: $input, idempotencyKey: "ship-received") { status } }`;
    const shipped = await t.gql(
      SHIP,
      { id: placed.id, input: { lots: [{ sku: 'CLAY-KAOLIN', lotCode: 'JDZ-K-2701', quantity: suggested.quantity }] } },
      clay,
    );
    expect(shipped.data.shipPurchaseOrder.status).toBe('SHIPPED');
    expect(await clayOf()).toBeNull();
    expect((await materialsOf(order.id)).materialRisk).toBe('ON_ORDER');

    // Received: the goods are the studio's stock, held for it; the order is covered at once and nothing is suggested again.
    const RECEIVE = `mutation($id: ID!) { receivePurchaseOrder(purchaseOrderId: $id) { status } }`;
    expect((await t.gql(RECEIVE, { id: placed.id })).data.receivePurchaseOrder.status).toBe('RECEIVED');
    expect((await t.gql(RECEIVE, { id: placed.id })).data.receivePurchaseOrder.status).toBe('RECEIVED');
    // (The purchase order received earlier, shipped without lots, is a lot of its own.)
    const held = (await em().find(StockLot, { heldForStudioId: 'moyun-studio' })).filter((lot) => lot.lotCode.startsWith('JDZ-K-2701-'));
    expect(held.map((lot) => [lot.supplierId, lot.sku, lot.onHand])).toEqual([['jingdezhen-clay', 'CLAY-KAOLIN', suggested.quantity]]);
    await waitFor(async () => (await materialsOf(order.id)).materialRisk === 'AVAILABLE', 10_000, 'covered by the received lot');
    expect(await clayOf()).toBeNull();
    // The received lot is at the studio: not among the supplier's published lots, and no other studio's order draws on it.
    const published = (await t.gql(`{ stockLots(supplierId: "jingdezhen-clay", sku: "CLAY-KAOLIN") { lotCode } }`, {}, clay)).data
      .stockLots;
    expect(published.map((lot: any) => lot.lotCode)).not.toContain(held[0].lotCode);
    const reservations = await em().find(Reservation, { lotId: held[0].id });
    expect(new Set(reservations.map((reservation) => reservation.studioId))).toEqual(new Set(['moyun-studio']));
  });
});
