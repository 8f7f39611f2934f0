import { DEMO_SUPPLIER_RELATIONSHIPS } from '../demo/relationships';
import { Material } from '../subgraphs/suppliers/entities/material';
import { PurchaseOrder } from '../subgraphs/suppliers/entities/purchase-order';
import { StudioSupplier } from '../subgraphs/suppliers/entities/studio-supplier';
import type { GraphQLResult, RequestOptions, TestHub } from './support/hub';
import { dialects, startTestHub } from './support/hub';
import { teawareOrder } from './support/orders';
import { hubAdmin, partner, staff } from './support/principals';
import { waitFor } from './support/wait';

const MATERIALS = `{ materials { studioId sku } }`;
const STUDIO_MATERIALS = `query($studioId: ID!) { studioMaterials(studioId: $studioId) { totalCount nodes { studioId sku } } }`;
const STOCK = `{ materialStock(sku: "CLAY-KAOLIN") { material { studioId sku } lots { supplierId lotCode } } }`;
const PURCHASE_ORDERS = `{ purchaseOrders { id studio { id } supplier { id } } }`;
const REORDER = `{ reorderSuggestions(studioId: "moyun-studio") { sku supplier { id } supplierTier alternatives { supplier { id } tier } } }`;
const PLACE = `mutation($supplierId: String!, $key: String!) { placePurchaseOrder(studioId: "moyun-studio", input: { supplierId: $supplierId, lines: [{ sku: "CLAY-KAOLIN", quantity: 500 }] }, idempotencyKey: $key) { id supplier { id } } }`;
const CONFIRM = `mutation($id: ID!) { confirmPurchaseOrder(purchaseOrderId: $id) { id status } }`;
const SET_SUPPLIER = `mutation($supplierId: ID!, $tier: SupplierTier!, $volume: Int, $band: Int, $key: String!) {
  setSupplierRelationship(studioId: "moyun-studio", input: { supplierId: $supplierId, tier: $tier, annualVolumeYuan: $volume, flexibleBandPercent: $band }, idempotencyKey: $key) { tier } }`;
const END_SUPPLIER = `mutation($supplierId: ID!, $key: String!) {
  endSupplierRelationship(studioId: "moyun-studio", supplierId: $supplierId, idempotencyKey: $key) { endedAt } }`;
const PUBLISH = `mutation($supplierId: ID!, $sequence: Int!, $items: [InventoryItemInput!]!) {
  publishInventory(supplierId: $supplierId, sequence: $sequence, items: $items) { applied } }`;

const moyun = { as: staff('moyun-studio') };
const clay = partner('jingdezhen-clay', 'SUPPLIER');
const yixing = partner('yixing-clay', 'SUPPLIER');
const silk = partner('suzhou-silk', 'SUPPLIER');
const error = (result: GraphQLResult) => result.errors?.[0]?.extensions;
const ok = <T = any>(result: GraphQLResult<T>): T => {
  if (result.errors) throw new Error(JSON.stringify(result.errors));
  return result.data!;
};

/**
 * What a supplier sees of a studio, and whom a studio's reorders go to, follow the studio's
 * supplier relationships (issue 33, items 1 and 3): the suppliers subgraph's projection of the
 * network's relationship events. Asked through the gateway and at the subgraph itself.
 */
describe.each(dialects())('suppliers as the studios name them (%s)', (dialect) => {
  let t: TestHub;
  const em = () => t.hub.subgraphs.suppliers.systemContext().em.fork();
  /** Through the gateway, and straight at the suppliers subgraph: both must answer the same. */
  const both = async (query: string, variables: Record<string, unknown>, as: RequestOptions['as']) => {
    const viaGateway = await t.gql(query, variables, { as });
    const direct = await t.gql(query, variables, { as, url: t.hub.subgraphs.suppliers.url });
    expect(direct.data).toEqual(viaGateway.data);
    expect(error(direct)?.code).toEqual(error(viaGateway)?.code);
    return viaGateway;
  };
  const moyunSkus = async (as: RequestOptions['as']) =>
    ok(await both(MATERIALS, {}, as))
      .materials.filter((material: any) => material.studioId === 'moyun-studio')
      .map((material: any) => material.sku);

  beforeAll(async () => {
    t = await startTestHub(dialect);
    for (const name of ['network', 'suppliers']) await t.hub.subgraphs[name].definition.seed!(t.hub.subgraphs[name]);
    // The seed names the demo studios' suppliers through the network; this subgraph hears it from the bus.
    await t.hub.settle();
  }, 60_000);
  afterAll(() => t?.close());

  it("projects the network's supplier relationships: tier, a primary's contract, none ended", async () => {
    const rows = await em().find(StudioSupplier, {}, { orderBy: { studioId: 'asc', supplierId: 'asc' } });
    const expected = [...DEMO_SUPPLIER_RELATIONSHIPS]
      .sort((a, b) => a.studioId.localeCompare(b.studioId) || a.supplierId.localeCompare(b.supplierId))
      .map((row) => `${row.studioId}>${row.supplierId}:${row.tier}:${row.annualVolumeYuan ?? '-'}:${row.flexibleBandPercent ?? '-'}`);
    expect(
      rows.map(
        (row) =>
          `${row.studioId}>${row.supplierId}:${row.tier}:${row.annualVolumeYuan ?? '-'}:${row.flexibleBandPercent ?? '-'}${row.endedAt ? ':ended' : ''}`,
      ),
    ).toEqual(expected);
  });

  it("shows a supplier the studio names that studio's materials it supplies, and one it does not name none of them", async () => {
    expect(await moyunSkus(clay)).toEqual(['CLAY-KAOLIN', 'GLAZE-CELADON']);
    const named = ok(await both(STUDIO_MATERIALS, { studioId: 'moyun-studio' }, clay)).studioMaterials;
    expect(named.nodes.map((material: any) => material.sku)).toEqual(['CLAY-KAOLIN', 'GLAZE-CELADON']);
    expect(ok(await both(STOCK, {}, clay)).materialStock.material).toEqual({ studioId: 'moyun-studio', sku: 'CLAY-KAOLIN' });

    // The tailor's silk supplier starts to stock kaolin: moyun-studio still does not name it.
    ok(
      await t.gql(
        PUBLISH,
        { supplierId: 'suzhou-silk', sequence: 50, items: [{ sku: 'CLAY-KAOLIN', lotCode: 'SZ-K-1', onHand: 10 }] },
        { as: silk },
      ),
    );
    expect(await moyunSkus(silk)).toEqual([]);
    expect(error(await both(STUDIO_MATERIALS, { studioId: 'moyun-studio' }, silk))?.code).toBe('FORBIDDEN');
    // Its own lot it sees; the studio's material it does not.
    expect(ok(await both(STOCK, {}, silk)).materialStock).toBeNull();
    // The studio it serves it still sees.
    expect(ok(await both(STUDIO_MATERIALS, { studioId: 'youcaifeng' }, silk)).studioMaterials.totalCount).toBeGreaterThan(0);
  });

  it('shows a studio its own materials only', async () => {
    const youcaifeng = ok(await both(MATERIALS, {}, staff('youcaifeng'))).materials;
    expect(youcaifeng.length).toBeGreaterThan(0);
    expect(youcaifeng.every((material: any) => material.studioId === 'youcaifeng')).toBe(true);
    expect(error(await both(STUDIO_MATERIALS, { studioId: 'moyun-studio' }, staff('youcaifeng')))?.code).toBe('FORBIDDEN');
  });

  it("sends purchase orders only to suppliers the studio names; ending one hides the studio's part from it", async () => {
    const countOrders = () => em().count(PurchaseOrder, {});
    const before = await countOrders();
    const refused = await t.gql(PLACE, { supplierId: 'suzhou-silk', key: 'po-silk' }, moyun);
    expect(error(refused)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.supplierId', reason: 'NOT_A_SUPPLIER_OF_STUDIO' });
    expect(await countOrders()).toBe(before);

    const placed = ok(await t.gql(PLACE, { supplierId: 'yixing-clay', key: 'po-yixing' }, moyun)).placePurchaseOrder;
    expect(placed.supplier.id).toBe('yixing-clay');
    const ordersOf = async (as: RequestOptions['as']) =>
      ok(await both(PURCHASE_ORDERS, {}, as)).purchaseOrders.map((order: any) => `${order.studio.id}>${order.supplier.id}`);
    expect(await ordersOf(yixing)).toEqual(['moyun-studio>yixing-clay']);
    expect(await ordersOf(clay)).toEqual([]);
    expect(await moyunSkus(yixing)).toEqual(['CLAY-KAOLIN']);

    ok(await t.gql(END_SUPPLIER, { supplierId: 'yixing-clay', key: 'end-yixing' }, moyun));
    await t.hub.settle();
    expect(await ordersOf(yixing)).toEqual([]);
    expect(await moyunSkus(yixing)).toEqual([]);
    expect(error(await both(STUDIO_MATERIALS, { studioId: 'moyun-studio' }, yixing))?.code).toBe('FORBIDDEN');
    expect(error(await t.gql(CONFIRM, { id: placed.id }, { as: yixing }))?.code).toBe('NOT_FOUND');
    expect(error(await t.gql(PLACE, { supplierId: 'yixing-clay', key: 'po-yixing-ended' }, moyun))?.reason).toBe(
      'NOT_A_SUPPLIER_OF_STUDIO',
    );
    // The studio still has its order; the hub sees it too.
    expect((await ordersOf(moyun.as)).filter((order: string) => order === 'moyun-studio>yixing-clay')).toHaveLength(1);
    expect((await ordersOf(hubAdmin())).filter((order: string) => order === 'moyun-studio>yixing-clay')).toHaveLength(1);

    // Named again, it sees them again.
    ok(await t.gql(SET_SUPPLIER, { supplierId: 'yixing-clay', tier: 'SECONDARY', key: 'revive-yixing' }, moyun));
    await t.hub.settle();
    expect(await ordersOf(yixing)).toEqual(['moyun-studio>yixing-clay']);
    expect(ok(await t.gql(CONFIRM, { id: placed.id }, { as: yixing })).confirmPurchaseOrder.status).toBe('CONFIRMED');
  });

  it("suggests reorders from the studio's own tiers: its primary first, then secondary, the emergency pool last", async () => {
    const imported = ok(
      await t.gql(`mutation($input: ShopOrderInput!) { importShopOrder(input: $input) { id } }`, { input: teawareOrder() }, moyun),
    ).importShopOrder;
    await waitFor(
      async () =>
        (ok(await t.gql(`query($id: ID!) { order(id: $id) { materials { sku } } }`, { id: imported.id }, moyun)).order.materials ?? [])
          .length > 0,
      10_000,
      'the order reaching the suppliers subgraph',
    );
    // Far below its safety stock: kaolin must be reordered.
    await em().nativeUpdate(Material, { studioId: 'moyun-studio', sku: 'CLAY-KAOLIN' }, { safetyStock: 10_000_000 });
    const kaolin = async () =>
      ok(await both(REORDER, {}, moyun.as)).reorderSuggestions.find((suggestion: any) => suggestion.sku === 'CLAY-KAOLIN');
    expect(await kaolin()).toEqual({
      sku: 'CLAY-KAOLIN',
      supplier: { id: 'jingdezhen-clay' },
      supplierTier: 'PRIMARY',
      alternatives: [
        { supplier: { id: 'jingdezhen-clay' }, tier: 'PRIMARY' },
        { supplier: { id: 'yixing-clay' }, tier: 'SECONDARY' },
        { supplier: { id: 'east-china-emergency-pool' }, tier: 'EMERGENCY' },
      ],
    });

    // The studio makes Yixing its primary for clay and Jingdezhen its secondary: the studio's tiers decide, not a global one.
    ok(await t.gql(SET_SUPPLIER, { supplierId: 'yixing-clay', tier: 'PRIMARY', volume: 100_000, band: 30, key: 'yixing-primary' }, moyun));
    ok(await t.gql(SET_SUPPLIER, { supplierId: 'jingdezhen-clay', tier: 'SECONDARY', key: 'jdz-secondary' }, moyun));
    await t.hub.settle();
    expect(await em().findOne(StudioSupplier, { studioId: 'moyun-studio', supplierId: 'yixing-clay' })).toMatchObject({
      tier: 'PRIMARY',
      annualVolumeYuan: 100_000,
      flexibleBandPercent: 30,
      endedAt: null,
    });
    expect(await kaolin()).toMatchObject({
      supplier: { id: 'yixing-clay' },
      supplierTier: 'PRIMARY',
      alternatives: [
        { supplier: { id: 'yixing-clay' }, tier: 'PRIMARY' },
        { supplier: { id: 'jingdezhen-clay' }, tier: 'SECONDARY' },
        { supplier: { id: 'east-china-emergency-pool' }, tier: 'EMERGENCY' },
      ],
    });

    // An ended supplier is not suggested at all.
    ok(await t.gql(END_SUPPLIER, { supplierId: 'yixing-clay', key: 'end-yixing-primary' }, moyun));
    await t.hub.settle();
    expect((await kaolin()).alternatives.map((choice: any) => choice.supplier.id)).toEqual([
      'jingdezhen-clay',
      'east-china-emergency-pool',
    ]);
  });
});
