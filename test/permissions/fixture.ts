import { ORDER_EVENTS } from '../../contracts';
import { newId } from '../../platform/data/ids';
import { DelayAlert } from '../../subgraphs/orders/entities/delay';
import { ProgressEvent } from '../../subgraphs/orders/entities/progress';
import { OrderFacts } from '../../subgraphs/notifications/entities';
import type { GraphQLResult, TestHub } from '../support/hub';
import { teawareOrder } from '../support/orders';
import { partner, staff } from '../support/principals';
import { waitFor } from '../support/wait';
import { FIXTURE_CAPTURED_EVENT, type Fixture } from './matrix';

/**
 * The matrix's world: order A of moyun-studio (its first stages done, C50 with gilding-atelier,
 * an exception, a customer link), order B of youcaifeng, order M whose final firing went to the
 * kiln through the capacity subgraph, a finished product's trace, a purchase order, a webhook.
 */
const IMPORT = `mutation($input: ShopOrderInput!) { importShopOrder(input: $input) { id stages { id code } } }`;

export async function buildFixture(t: TestHub): Promise<Fixture> {
  const moyun = { as: staff('moyun-studio') };
  const youcaifeng = { as: staff('youcaifeng') };
  const order = (studioId: string, externalOrderId: string, productCode: string, personalisation?: string) =>
    teawareOrder({ studioId, externalOrderId, lines: [{ productCode, quantity: 1, ...(personalisation ? { personalisation } : {}) }] });
  const ok = <T>(result: GraphQLResult<T>): T => {
    if (result.errors) throw new Error(JSON.stringify(result.errors));
    return result.data!;
  };
  const a = ok(await t.gql<any>(IMPORT, { input: order('moyun-studio', 'MATRIX-A', 'TEA-CUP-CALLIG', '宁静致远') }, moyun)).importShopOrder;
  const b = ok(await t.gql<any>(IMPORT, { input: order('youcaifeng', 'MATRIX-B', 'TLR-SUIT') }, youcaifeng)).importShopOrder;
  const m = ok(await t.gql<any>(IMPORT, { input: order('moyun-studio', 'MATRIX-M', 'TEA-CUP-CALLIG') }, moyun)).importShopOrder;
  const aStages: Record<string, string> = Object.fromEntries(a.stages.map((stage: any) => [stage.code, stage.id]));
  for (const code of ['A10', 'B10', 'C10', 'C20', 'C30']) {
    ok(
      await t.gql(
        `mutation($s: ID!) { startStage(stageRunId: $s, operator: { name: "王芳", penName: "墨白" }) { id } }`,
        { s: aStages[code] },
        moyun,
      ),
    );
    if (code === 'C20')
      ok(
        await t.gql(
          `mutation($s: ID!) { recordQcResult(stageRunId: $s, result: PASS, idempotencyKey: "fixture-qc") { id } }`,
          { s: aStages[code] },
          moyun,
        ),
      );
    const input =
      code === 'C30'
        ? {
            environment: [
              { name: 'humidity', value: 52, unit: '%' },
              { name: 'workshop temperature', value: 22, unit: '°C' },
            ],
            processParameters: [
              { name: 'glaze', value: 'celadon', tradeSecret: false },
              { name: 'transfer curve', value: 'T-7', tradeSecret: true },
            ],
          }
        : undefined;
    ok(
      await t.gql(
        `mutation($s: ID!, $input: CompleteStageInput) { completeStage(stageRunId: $s, input: $input) { id } }`,
        { s: aStages[code], input },
        moyun,
      ),
    );
  }
  ok(
    await t.gql(
      `mutation($s: ID!) { assignStage(stageRunId: $s, enterpriseId: "gilding-atelier", idempotencyKey: "fixture-assign") { id } }`,
      { s: aStages.C50 },
      moyun,
    ),
  );
  ok(
    await t.gql(
      `mutation($a: ID!) { reportException(orderId: $a, code: "EQP-02", idempotencyKey: "fixture-exception") { id } }`,
      { a: a.id },
      moyun,
    ),
  );
  ok(await t.gql(`mutation($a: ID!) { mintCustomerLink(orderId: $a, idempotencyKey: "fixture-link") { token } }`, { a: a.id }, moyun));
  // A finished product, for its trace; a purchase order, for the supplier's side.
  const finished = ok(await t.gql<any>(IMPORT, { input: order('moyun-studio', 'MATRIX-T', 'TEA-CUP-CALLIG') }, moyun)).importShopOrder;
  for (const stage of finished.stages) {
    ok(await t.gql(`mutation($s: ID!) { startStage(stageRunId: $s) { id } }`, { s: stage.id }, moyun));
    if (['C20', 'C40', 'E10'].includes(stage.code))
      ok(
        await t.gql(
          `mutation($s: ID!) { recordQcResult(stageRunId: $s, result: PASS, idempotencyKey: "fixture-qc-${stage.id}") { id } }`,
          { s: stage.id },
          moyun,
        ),
      );
    ok(await t.gql(`mutation($s: ID!) { completeStage(stageRunId: $s) { id } }`, { s: stage.id }, moyun));
  }
  const traceCode = ok(await t.gql<any>(`query($id: ID!) { order(id: $id) { traceCodes { code } } }`, { id: finished.id }, moyun)).order
    .traceCodes[0].code;
  // The suppliers subgraph learns the code from the bus; its public story names the lots once it has.
  await waitFor(
    async () =>
      (await t.gql<any>(`query($c: String!) { productStory(code: $c) { materialOrigins { sku } } }`, { c: traceCode })).data?.productStory
        ?.materialOrigins?.length > 0,
    10_000,
    'material origins of the trace',
  );
  const purchaseOrder = ok(
    await t.gql<any>(
      `mutation { placePurchaseOrder(studioId: "moyun-studio", input: { supplierId: "jingdezhen-clay", lines: [{ sku: "CLAY-KAOLIN", quantity: 1000 }] }, idempotencyKey: "fixture-po") { id } }`,
      {},
      moyun,
    ),
  ).placePurchaseOrder.id;
  // Order A's materials were reserved from the bus; wait until the suppliers subgraph has them all.
  await waitFor(
    async () =>
      (await t.gql<any>(`query($id: ID!) { order(id: $id) { materials { sku } } }`, { id: a.id }, moyun)).data?.order?.materials?.length ===
      4,
    10_000,
    'materials of A',
  );
  // Order M's final firing goes to the kiln through the capacity subgraph.
  const today = new Date().toISOString().slice(0, 10);
  const inThreeDays = new Date(Date.now() + 3 * 86_400_000).toISOString().slice(0, 10);
  const firing = m.stages.find((stage: any) => stage.code === 'C60');
  const overflowRequest = ok(
    await t.gql<any>(
      `mutation($input: OverflowRequestInput!) { requestOverflow(input: $input, idempotencyKey: "fixture-overflow") { id } }`,
      {
        input: {
          studioId: 'moyun-studio',
          capability: 'C60',
          stageRunId: firing.id,
          orderId: m.id,
          earliestStart: today,
          dueDate: inThreeDays,
          priceCapCents: 5000,
          minQuality: 0,
        },
      },
      moyun,
    ),
  ).requestOverflow.id;
  const allocation = ok(
    await t.gql<any>(
      `mutation($r: ID!) { allocateOverflow(requestIds: [$r]) { allocations { id enterpriseId } } }`,
      { r: overflowRequest },
      moyun,
    ),
  ).allocateOverflow.allocations[0];
  if (allocation?.enterpriseId !== 'jingde-kiln-works') throw new Error(`fixture: the firing went to ${allocation?.enterpriseId}`);
  await waitFor(
    async () =>
      (await t.gql<any>(`query($id: ID!) { order(id: $id) { id } }`, { id: m.id }, { as: partner('jingde-kiln-works') })).data?.order
        ?.id === m.id,
    10_000,
    'hand-over of M',
  );
  // Order A's forecast has been published at least once (the orders.eta consumer catches up on its events).
  await waitFor(
    async () =>
      (await t.hub.subgraphs.orders
        .systemContext()
        .em.fork()
        .count(ProgressEvent, { orderId: a.id, type: ORDER_EVENTS.ETA_CHANGED }, { filters: false })) > 0,
    15_000,
    'the forecast of A',
  );
  const idleSurge = ok(
    await t.gql<any>(
      `mutation { declareDemandSurge(studioId: "moyun-studio", capability: "C40", extraUnits: 5, window: { from: "2031-01-01", to: "2031-01-02" }, idempotencyKey: "fixture-idle-surge") { placedUnits request { id } } }`,
      {},
      moyun,
    ),
  ).declareDemandSurge;
  if (idleSurge.placedUnits !== 0) throw new Error('fixture: the idle surge placed work');
  const [imported] = await t.hub.subgraphs.orders.systemContext().em.find(ProgressEvent, { orderId: a.id, type: ORDER_EVENTS.IMPORTED });
  // A delay notice on A's C50 that the customer answered "please contact me".
  const alerts = t.hub.subgraphs.orders.systemContext().em.fork();
  alerts.persist(
    alerts.create(DelayAlert, {
      id: newId('alr'),
      studioId: 'moyun-studio',
      orderId: a.id,
      stageRunId: aStages.C50,
      stageCode: 'C50',
      threshold: 50,
      raisedAt: new Date(),
      overrunPercent: 55,
      compensationOptions: [],
      customerResponse: 'CONTACT_ME',
      respondedAt: new Date(),
    }),
  );
  await alerts.flush();
  const webhook = ok(
    await t.gql<any>(
      `mutation { registerWebhook(enterpriseId: "moyun-studio", url: "http://127.0.0.1:9/fixture", eventTypes: ["order.cancelled"], idempotencyKey: "fixture-hook") { webhook { id } } }`,
      {},
      moyun,
    ),
  ).registerWebhook.webhook.id;
  // A capture job the supplier sent (the gateway's /epcis/capture records one like it).
  const captureJob = ok(
    await t.gql<any>(
      `mutation($d: String!) { recordCapture(input: { events: [{ eventId: "${FIXTURE_CAPTURED_EVENT}", eventType: "ObjectEvent", eventTime: "2026-12-01T00:00:00Z", document: $d, outcome: KEPT }] }) { id } }`,
      { d: '{"type":"ObjectEvent"}' },
      { as: partner('jingdezhen-clay', 'SUPPLIER') },
    ),
  ).recordCapture.id;
  // The notifications subgraph has learnt of order A from its events.
  await waitFor(
    async () => (await t.hub.subgraphs.notifications.systemContext().em.fork().count(OrderFacts, { orderId: a.id })) > 0,
    15_000,
    'order A known to notifications',
  );
  return {
    a: a.id,
    b: b.id,
    m: m.id,
    aStages,
    bFirstStage: b.stages[0].id,
    traceCode,
    purchaseOrder,
    overflowRequest,
    allocation: allocation.id,
    idleSurge: idleSurge.request.id,
    aImportedEvent: imported.eventId,
    webhook,
    captureJob,
  };
}
