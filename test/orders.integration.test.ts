import { ORDER_EVENTS } from '../contracts';
import { Order } from '../subgraphs/orders/entities/order';
import { OrderException, ProgressEvent, Shipment } from '../subgraphs/orders/entities/progress';
import { StageRun } from '../subgraphs/orders/entities/stage-run';
import type { EventEnvelope } from '../contracts';
import { OutboxEvent } from '../platform/events/outbox';
import { IdempotencyRecord } from '../platform/data/transactions';
import type { RequestOptions, TestHub } from './support/hub';
import { dialects, startTestHub } from './support/hub';
import { teawareOrder } from './support/orders';
import { waitFor } from './support/wait';
import { hubAdmin, staff } from './support/principals';

const ORDER_FIELDS = `id status studio { id nameZh nameEn } statusCode { code labelZh labelEn }
  customer { name } priceCents customerTierMax lines { productCode quantity personalisation }
  stages { id position status standardMinutes qcCheckpoint qcResult assignedTo { id nameEn } statusCode { code labelZh labelEn } }
  progress { sequence type statusCode { code } }`;

const IMPORT = `mutation Import($input: ShopOrderInput!) { importShopOrder(input: $input) { ${ORDER_FIELDS} } }`;
const START = `mutation Start($id: ID!) { startStage(stageRunId: $id, operator: { name: "王芳", penName: "墨白" }) { id status startedAt } }`;
const COMPLETE = `mutation Complete($id: ID!, $input: CompleteStageInput) { completeStage(stageRunId: $id, input: $input) { id status finishedAt environment { name value unit } } }`;
const QC = `mutation Qc($id: ID!, $result: QcResult!, $key: String!) { recordQcResult(stageRunId: $id, result: $result, idempotencyKey: $key, note: "checked") { id status qcResult } }`;

describe.each(dialects())('orders through the gateway (%s)', (dialect) => {
  let t: TestHub;
  const events: EventEnvelope[] = [];

  beforeAll(async () => {
    t = await startTestHub(dialect);
    await t.hub.subgraphs.network.definition.seed!(t.hub.subgraphs.network);
    t.hub.bus.subscribe({ after: '0' }, (event) => {
      events.push(event);
    });
  });
  afterAll(() => t?.close());

  /** Row counts of every orders table: a rejected mutation must leave them all as they were. */
  async function tableCounts() {
    const em = t.hub.subgraphs.orders.systemContext().em;
    const counts: Record<string, number> = {};
    // Forecast updates are written by a consumer whenever it catches up: not the request's doing.
    const notForecasts = (entity: unknown) =>
      entity === ProgressEvent || entity === OutboxEvent ? { type: { $ne: ORDER_EVENTS.ETA_CHANGED } } : {};
    for (const entity of [Order, StageRun, ProgressEvent, OrderException, Shipment, OutboxEvent, IdempotencyRecord])
      counts[entity.name] = await em.count(entity as any, notForecasts(entity));
    const stages = await em.find(StageRun, {}, { orderBy: { id: 'asc' } });
    return { counts, stages: stages.map((stage) => `${stage.id}:${stage.status}:${stage.position}:${stage.qcResult}`).join('|') };
  }

  async function importOrder(overrides: Record<string, unknown> = {}, options: RequestOptions = {}) {
    const result = await t.gql(IMPORT, { input: teawareOrder(overrides) }, options);
    expect(result.errors).toBeUndefined();
    return result.data.importShopOrder;
  }

  async function expectRejected(
    query: string,
    variables: Record<string, unknown>,
    code: string,
    reason?: string,
    options: RequestOptions = {},
  ) {
    const before = await tableCounts();
    const result = await t.gql(query, variables, options);
    expect(result.errors?.[0]?.extensions?.code).toBe(code);
    if (reason) expect(result.errors?.[0]?.extensions?.reason).toBe(reason);
    expect(await tableCounts()).toEqual(before);
    return result.errors![0];
  }

  it('imports a shop order with its route, labels from the vocabulary and studio names from the network', async () => {
    const order = await importOrder();
    expect(order.id).toMatch(/^ord_[0-9A-Z]{26}$/);
    expect(order.status).toBe('RECEIVED');
    expect(order.studio).toEqual({ id: 'moyun-studio', nameZh: '墨韵文创', nameEn: 'Moyun Creative Studio' });
    expect(order.statusCode).toEqual({ code: 'A00', labelZh: '订单已接收', labelEn: 'Order received' });
    expect(order.stages.map((stage: any) => stage.statusCode.code)).toEqual([
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
    expect(order.stages[6].statusCode).toEqual({ code: 'C50', labelZh: '手工描金', labelEn: 'Hand gilding' });
    expect(
      order.stages.every((stage: any) => stage.assignedTo.id === 'moyun-studio' && stage.assignedTo.nameEn === 'Moyun Creative Studio'),
    ).toBe(true);
    expect(order.stages.filter((stage: any) => stage.qcCheckpoint).map((stage: any) => stage.statusCode.code)).toEqual([
      'C20',
      'C40',
      'E10',
    ]);
    // (The first forecast may already follow it.)
    expect(order.progress.filter((entry: any) => entry.type !== ORDER_EVENTS.ETA_CHANGED)).toEqual([
      { sequence: 1, type: 'order.imported', statusCode: { code: 'A00' } },
    ]);
  });

  it('is idempotent on channel + external order id, and a different payload is a CONFLICT', async () => {
    const input = teawareOrder();
    const first = await t.gql(IMPORT, { input });
    const again = await t.gql(IMPORT, { input });
    expect(again.data.importShopOrder.id).toBe(first.data.importShopOrder.id);
    const before = await tableCounts();
    const changed = await t.gql(IMPORT, { input: { ...input, priceCents: 1 } });
    expect(changed.errors?.[0].extensions?.code).toBe('CONFLICT');
    expect(await tableCounts()).toEqual(before);
  });

  it('runs stages in route order, answers repeats as the first call, and records QC', async () => {
    const order = await importOrder();
    const [design, material, calligraphy, digitising, transfer] = order.stages;
    const outOfOrder = await expectRejected(START, { id: material.id }, 'FAILED_PRECONDITION', 'STAGE_OUT_OF_ORDER');
    expect(outOfOrder.extensions?.blockingStageRunId).toBe(design.id);
    await expectRejected(COMPLETE, { id: design.id }, 'FAILED_PRECONDITION', 'STAGE_NOT_STARTED');

    const started = await t.gql(START, { id: design.id });
    expect(started.data.startStage.status).toBe('IN_PROGRESS');
    const repeated = await t.gql(START, { id: design.id });
    expect(repeated.data.startStage).toEqual(started.data.startStage);
    const done = await t.gql(COMPLETE, { id: design.id });
    expect(done.data.completeStage.status).toBe('DONE');
    expect((await t.gql(COMPLETE, { id: design.id })).data.completeStage).toEqual(done.data.completeStage);

    for (const stage of [material, calligraphy]) {
      await t.gql(START, { id: stage.id });
      await t.gql(COMPLETE, { id: stage.id });
    }
    await t.gql(START, { id: digitising.id });
    // A QC checkpoint cannot complete without a passing result; a failure blocks it and the route.
    await expectRejected(COMPLETE, { id: digitising.id }, 'FAILED_PRECONDITION', 'QC_RESULT_MISSING');
    const failed = await t.gql(QC, { id: digitising.id, result: 'FAIL', key: `qc-fail-${digitising.id}` });
    expect(failed.data.recordQcResult).toMatchObject({ status: 'BLOCKED', qcResult: 'FAIL' });
    await expectRejected(COMPLETE, { id: digitising.id }, 'FAILED_PRECONDITION', 'QC_FAILED');
    await expectRejected(START, { id: transfer.id }, 'FAILED_PRECONDITION', 'STAGE_OUT_OF_ORDER');
    const passed = await t.gql(QC, { id: digitising.id, result: 'PASS', key: `qc-pass-${digitising.id}` });
    expect(passed.data.recordQcResult).toMatchObject({ status: 'IN_PROGRESS', qcResult: 'PASS' });
    // The same key with the same request replays; with another request it conflicts.
    expect((await t.gql(QC, { id: digitising.id, result: 'PASS', key: `qc-pass-${digitising.id}` })).data.recordQcResult.qcResult).toBe(
      'PASS',
    );
    await expectRejected(QC, { id: digitising.id, result: 'FAIL', key: `qc-pass-${digitising.id}` }, 'CONFLICT');
    const completed = await t.gql(COMPLETE, {
      id: digitising.id,
      input: {
        environment: [{ name: 'humidity', value: 55, unit: '%' }],
        processParameters: [{ name: 'dpi', value: '1200', tradeSecret: false }],
      },
    });
    expect(completed.data.completeStage.environment).toEqual([{ name: 'humidity', value: 55, unit: '%' }]);
    expect((await t.gql(START, { id: transfer.id })).data.startStage.status).toBe('IN_PROGRESS');

    const view = await t.gql(`query($id: ID!) { order(id: $id) { status statusCode { code labelEn } progress { type } } }`, {
      id: order.id,
    });
    expect(view.data.order.status).toBe('IN_PRODUCTION');
    expect(view.data.order.statusCode).toEqual({ code: 'C30', labelEn: 'Transfer printing' });
    expect(view.data.order.progress.filter((entry: any) => entry.type === 'order.stage.completed')).toHaveLength(4);
  });

  it('reports and resolves coded exceptions, rejecting unknown codes', async () => {
    const order = await importOrder();
    const REPORT = `mutation($orderId: ID!, $code: String!, $key: String!, $stage: ID) { reportException(orderId: $orderId, code: $code, idempotencyKey: $key, stageRunId: $stage, note: "kiln ran hot") { id status code { code labelEn category } } }`;
    await expectRejected(REPORT, { orderId: order.id, code: 'NOPE-99', key: 'exc-bad' }, 'BAD_USER_INPUT');
    await expectRejected(REPORT, { orderId: order.id, code: 'X-YCF-01', key: 'exc-foreign' }, 'BAD_USER_INPUT');
    const reported = await t.gql(REPORT, { orderId: order.id, code: 'EQP-02', key: `exc-${order.id}`, stage: order.stages[0].id });
    expect(reported.data.reportException).toMatchObject({
      status: 'OPEN',
      code: { code: 'EQP-02', labelEn: 'Kiln temperature deviation', category: 'EQUIPMENT' },
    });
    const extension = await t.gql(REPORT, { orderId: order.id, code: 'X-MOYUN-02', key: `exc-ext-${order.id}` });
    expect(extension.data.reportException.code).toMatchObject({
      code: 'X-MOYUN-02',
      labelEn: 'Glaze colour deviation',
      category: 'QUALITY',
    });
    const RESOLVE = `mutation($id: ID!, $key: String!) { resolveException(exceptionId: $id, resolution: "re-fired", idempotencyKey: $key) { id status resolution } }`;
    const resolved = await t.gql(RESOLVE, { id: reported.data.reportException.id, key: `res-${order.id}` });
    expect(resolved.data.resolveException).toMatchObject({ status: 'RESOLVED', resolution: 're-fired' });
    expect((await t.gql(RESOLVE, { id: reported.data.reportException.id, key: `res-${order.id}` })).data.resolveException.status).toBe(
      'RESOLVED',
    );
  });

  it('changes the route where stages have not started: insert, skip and reorder', async () => {
    const order = await importOrder();
    const [design, material, ...rest] = order.stages;
    await t.gql(START, { id: design.id });
    const CHANGE = `mutation($orderId: ID!, $steps: [RouteStepInput!]!, $key: String!) { changeRoute(orderId: $orderId, steps: $steps, idempotencyKey: $key) { stages { id position status statusCode { code } } } }`;
    await expectRejected(
      CHANGE,
      { orderId: order.id, steps: [{ stageRunId: design.id }], key: 'route-started' },
      'FAILED_PRECONDITION',
      'STAGE_ALREADY_STARTED',
    );
    await expectRejected(
      CHANGE,
      { orderId: order.id, steps: [{ statusCode: 'Q42', standardMinutes: 10 }], key: 'route-unknown' },
      'BAD_USER_INPUT',
    );
    await expectRejected(
      CHANGE,
      { orderId: order.id, steps: [{ stageRunId: material.id }, { stageRunId: material.id }], key: 'route-twice' },
      'BAD_USER_INPUT',
    );

    // New tail: calligraphy first, then material, a double-gilding extension stage; the rest is skipped.
    const steps = [
      { stageRunId: rest[0].id },
      { stageRunId: material.id },
      { statusCode: 'X-MOYUN-01', standardMinutes: 300, qcCheckpoint: true },
    ];
    const changed = await t.gql(CHANGE, { orderId: order.id, steps, key: `route-${order.id}` });
    expect(changed.errors).toBeUndefined();
    const active = changed.data.changeRoute.stages.filter((stage: any) => stage.status !== 'CANCELLED');
    expect(active.map((stage: any) => stage.statusCode.code)).toEqual(['A10', 'C10', 'B10', 'X-MOYUN-01']);
    expect(changed.data.changeRoute.stages.filter((stage: any) => stage.status === 'CANCELLED')).toHaveLength(6);
    const positions = changed.data.changeRoute.stages.map((stage: any) => stage.position);
    expect(new Set(positions).size).toBe(positions.length);
    // A replay answers the same; the same key for another change conflicts.
    expect((await t.gql(CHANGE, { orderId: order.id, steps, key: `route-${order.id}` })).data.changeRoute.stages).toEqual(
      changed.data.changeRoute.stages,
    );
    await expectRejected(CHANGE, { orderId: order.id, steps: [], key: `route-${order.id}` }, 'CONFLICT');
  });

  it('cancels an order and publishes the event others release their holds on', async () => {
    const order = await importOrder();
    await t.gql(START, { id: order.stages[0].id });
    const CANCEL = `mutation($id: ID!, $key: String!) { cancelOrder(orderId: $id, reason: "customer request", idempotencyKey: $key) { status statusCode { code labelEn } stages { status } } }`;
    const cancelled = await t.gql(CANCEL, { id: order.id, key: `cancel-${order.id}` });
    expect(cancelled.data.cancelOrder.status).toBe('CANCELLED');
    expect(cancelled.data.cancelOrder.statusCode).toEqual({ code: 'Z90', labelEn: 'Order cancelled' });
    expect(cancelled.data.cancelOrder.stages.every((stage: any) => stage.status === 'CANCELLED')).toBe(true);
    await expectRejected(START, { id: order.stages[1].id }, 'FAILED_PRECONDITION', 'ORDER_CLOSED');
    await expectRejected(CANCEL, { id: order.id, key: `cancel-again-${order.id}` }, 'FAILED_PRECONDITION', 'ORDER_CLOSED');
    await waitFor(() => events.some((event) => event.type === 'order.cancelled' && event.subject.id === order.id));
    const event = events.find((candidate) => candidate.type === 'order.cancelled' && candidate.subject.id === order.id)!;
    expect(event).toMatchObject({
      source: 'orders',
      subject: { type: 'Order', id: order.id },
      payload: { orderId: order.id, studioId: 'moyun-studio', statusCode: 'Z90' },
    });
    expect(event.cursor).toMatch(/^\d+$/);
    expect(JSON.stringify(event.payload)).not.toContain('林小姐');
  });

  it('ships a finished order and completes it on delivery', async () => {
    const bakery = { as: staff('moyun-bakery') };
    const order = await importOrder({ lines: [{ productCode: 'PST-BOX-88', quantity: 1 }], studioId: 'moyun-bakery' }, bakery);
    const SHIP = `mutation($id: ID!, $key: String!) { addShipment(orderId: $id, input: { carrier: "SF Express", trackingNumber: "SF123" }, idempotencyKey: $key) { id status carrier } }`;
    await expectRejected(SHIP, { id: order.id, key: `ship-early-${order.id}` }, 'FAILED_PRECONDITION', 'ROUTE_NOT_DONE', bakery);
    for (const stage of order.stages) {
      await t.gql(START, { id: stage.id }, bakery);
      if (stage.qcCheckpoint) await t.gql(QC, { id: stage.id, result: 'PASS', key: `qc-${stage.id}` }, bakery);
      expect((await t.gql(COMPLETE, { id: stage.id }, bakery)).data.completeStage.status).toBe('DONE');
    }
    const shipped = await t.gql(SHIP, { id: order.id, key: `ship-${order.id}` }, bakery);
    expect(shipped.data.addShipment).toMatchObject({ status: 'CREATED', carrier: 'SF Express' });
    const TRACK = `mutation($id: ID!, $status: ShipmentStatus!, $key: String!) { recordShipmentEvent(shipmentId: $id, input: { status: $status, location: "Shanghai" }, idempotencyKey: $key) { status events { status location } } }`;
    await t.gql(TRACK, { id: shipped.data.addShipment.id, status: 'IN_TRANSIT', key: `t1-${order.id}` }, bakery);
    const delivered = await t.gql(TRACK, { id: shipped.data.addShipment.id, status: 'DELIVERED', key: `t2-${order.id}` }, bakery);
    expect(delivered.data.recordShipmentEvent.events.map((event: any) => event.status)).toEqual(['IN_TRANSIT', 'DELIVERED']);
    const view = await t.gql(
      `query($id: ID!) { order(id: $id) { status statusCode { code labelZh } shipments { trackingNumber status } } }`,
      { id: order.id },
      bakery,
    );
    expect(view.data.order).toEqual({
      status: 'DELIVERED',
      statusCode: { code: 'F20', labelZh: '已签收' },
      shipments: [{ trackingNumber: 'SF123', status: 'DELIVERED' }],
    });
  });

  it('answers bad input with stable codes and changes nothing', async () => {
    const order = await importOrder();
    await expectRejected(IMPORT, { input: teawareOrder({ lines: [{ productCode: 'TEA-CUP-CALLIG', quantity: -1 }] }) }, 'BAD_USER_INPUT');
    await expectRejected(IMPORT, { input: teawareOrder({ priceCents: -5 }) }, 'BAD_USER_INPUT');
    await expectRejected(IMPORT, { input: teawareOrder({ lines: [{ productCode: 'XYZ-UNKNOWN', quantity: 1 }] }) }, 'BAD_USER_INPUT');
    await expectRejected(START, { id: 'not-an-id' }, 'BAD_USER_INPUT');
    await expectRejected(START, { id: 'stg_01ARZ3NDEKTSV4RRFFQ69G5FAV' }, 'NOT_FOUND');
    await expectRejected(
      `mutation($id: ID!) { cancelOrder(orderId: $id, reason: "x", idempotencyKey: "k-missing") { id } }`,
      { id: 'ord_01ARZ3NDEKTSV4RRFFQ69G5FAV' },
      'NOT_FOUND',
    );
    const malformed = await t.gql(`{ order(id: "12345") { id } }`);
    expect(malformed.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    const missing = await t.gql(`{ order(id: "ord_01ARZ3NDEKTSV4RRFFQ69G5FAV") { id } }`);
    expect(missing).toEqual({ data: { order: null } });
    const badCursor = await t.gql(`{ orders(studioId: "moyun-studio", after: "%%%") { totalCount } }`);
    expect(badCursor.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect((await t.gql(`{ orders(studioId: "moyun-studio", first: 1000) { totalCount } }`)).errors?.[0].extensions?.code).toBe(
      'BAD_USER_INPUT',
    );
    expect(order.id).toBeDefined();
  });

  it('pages through a studio orders with cursors, newest first, without gaps or repeats', async () => {
    const youcaifeng = { as: staff('youcaifeng') };
    for (let i = 0; i < 5; i += 1)
      await importOrder({ studioId: 'youcaifeng', lines: [{ productCode: 'TLR-SHIRT', quantity: 1 }] }, youcaifeng);
    const seen: string[] = [];
    let after: string | undefined;
    let total = 0;
    for (;;) {
      const page = await t.gql(
        `query($after: String) { orders(studioId: "youcaifeng", first: 2, after: $after) { totalCount pageInfo { hasNextPage endCursor } nodes { id } } }`,
        { after },
        youcaifeng,
      );
      total = page.data.orders.totalCount;
      seen.push(...page.data.orders.nodes.map((node: any) => node.id));
      if (!page.data.orders.pageInfo.hasNextPage) break;
      after = page.data.orders.pageInfo.endCursor;
    }
    expect(seen).toHaveLength(total);
    expect(new Set(seen).size).toBe(total);
    expect([...seen].sort().reverse()).toEqual(seen);
  });

  it('finds a studio order by part of its number or customer name, in any status, and bounds the search', async () => {
    const moyun = { as: staff('moyun-studio') };
    const wanted = await importOrder(
      { externalOrderId: 'SEARCH-7781', customer: { name: '欧阳娜娜', contact: '+86 139 0000 0001', address: '杭州' } },
      moyun,
    );
    await importOrder({ externalOrderId: 'SEARCH-OTHER-1' }, moyun);
    const find = (search: string, extra = '') =>
      t.gql(
        `query($s: String) { orders(studioId: "moyun-studio", search: $s${extra}) { totalCount nodes { id externalOrderId } } }`,
        { s: search },
        moyun,
      );
    for (const term of ['search-77', 'SEARCH-7781', ' 欧阳 ', wanted.id]) {
      const found = await find(term);
      expect({ term, ids: found.data.orders.nodes.map((node: any) => node.id) }).toEqual({ term, ids: [wanted.id] });
    }
    expect((await find('search-', ', status: RECEIVED')).data.orders.totalCount).toBe(2);
    expect((await find('search-', ', status: DELIVERED')).data.orders.totalCount).toBe(0);
    expect((await find('没有这个人')).data.orders.totalCount).toBe(0);
    // A hub admin sees the orders but not the customers' names: a name finds nothing.
    const byAdmin = await t.gql(`{ orders(studioId: "moyun-studio", search: "欧阳") { totalCount } }`, {}, { as: hubAdmin() });
    expect(byAdmin.data.orders.totalCount).toBe(0);
    const tooLong = await find('x'.repeat(101));
    expect(tooLong.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('writes one outbox event per change and the relay delivers each to the bus once', async () => {
    const order = await importOrder();
    await t.gql(START, { id: order.stages[0].id });
    await t.gql(COMPLETE, { id: order.stages[0].id });
    const em = t.hub.subgraphs.orders.systemContext().em;
    await waitFor(async () => (await em.fork().count(OutboxEvent, { publishedAt: null })) === 0);
    // The changes' own events (the forecast's updates, written by a consumer as it reacts, are left aside).
    const ownEvents = <T extends { type: string }>(rows: T[]) => rows.filter((row) => row.type !== ORDER_EVENTS.ETA_CHANGED);
    const forOrder = ownEvents(await em.find(OutboxEvent, { subjectId: order.id }, { orderBy: { position: 'asc' } }));
    expect(forOrder.map((row) => row.type)).toEqual(['order.imported', 'order.stage.started', 'order.stage.completed']);
    await waitFor(() => ownEvents(events.filter((event) => event.subject.id === order.id)).length === 3);
    const delivered = ownEvents(events.filter((event) => event.subject.id === order.id));
    expect(delivered.map((event) => event.id)).toEqual(forOrder.map((row) => row.eventId));
    const cursors = delivered.map((event) => Number(event.cursor));
    expect([...cursors].sort((a, b) => a - b)).toEqual(cursors);
  });

  it('serves the kanban of open orders per current stage', async () => {
    const board = await t.gql(
      `{ stageBoard(studioId: "moyun-studio") { overdueTotal columns { code statusCode { labelEn } waiting inProgress blocked overdue orderIds } } }`,
    );
    expect(board.errors).toBeUndefined();
    const columns = board.data.stageBoard.columns;
    const openOrders = await t.hub.subgraphs.orders
      .systemContext()
      .em.count(Order, { studioId: 'moyun-studio', status: { $in: ['RECEIVED', 'IN_PRODUCTION'] } });
    expect(columns.reduce((sum: number, column: any) => sum + column.orderIds.length, 0)).toBe(openOrders);
    expect(columns.find((column: any) => column.code === 'A10').statusCode.labelEn).toBe('Design confirmed');
  });
});
