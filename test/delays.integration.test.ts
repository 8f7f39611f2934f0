import { randomUUID } from 'node:crypto';
import { ORDER_EVENTS } from '../contracts';
import { delayService } from '../subgraphs/orders/delay.service';
import type { TestHub } from './support/hub';
import { dialects, startTestHub } from './support/hub';
import type { LiveConnection } from './support/live';
import { liveConnection } from './support/live';
import { runLate, teawareOrder } from './support/orders';
import { customer, staff } from './support/principals';
import { waitFor } from './support/wait';

const IMPORT = `mutation($input: ShopOrderInput!) { importShopOrder(input: $input) { id stages { id code } } }`;
const ALERTS = `query { delayAlerts(studioId: "moyun-studio") { id orderId threshold status overrunPercent reasonCode compensationOptions customerResponse statusCode { code } } }`;
const RESPOND = `mutation($id: ID!, $choice: DelayChoice!, $key: String!) { respondToDelay(alertId: $id, choice: $choice, idempotencyKey: $key) { id customerResponse respondedAt } }`;

describe.each(dialects())('delay alerts (%s)', (dialect) => {
  let t: TestHub;
  const connections: LiveConnection[] = [];
  beforeAll(async () => {
    t = await startTestHub(dialect);
    await t.hub.subgraphs.network.definition.seed!(t.hub.subgraphs.network);
  }, 120_000);
  afterAll(async () => {
    await Promise.all(connections.map((connection) => connection.dispose()));
    await t?.close();
  });

  const alertsOf = async (orderId: string) =>
    ((await t.gql(ALERTS)).data.delayAlerts as any[]).filter((alert) => alert.orderId === orderId);

  it('alerts supervisors at 30 %, notifies the customer at 50 % with reason and compensation, each once, and closes them when the stage completes', async () => {
    expect(
      (
        await t.gql(
          `mutation { setDelayCompensation(studioId: "moyun-studio", options: ["9折优惠 10% off", "免费礼盒 free gift wrap"]) { compensationOptions } }`,
        )
      ).errors,
    ).toBeUndefined();
    const order = (await t.gql(IMPORT, { input: teawareOrder() })).data.importShopOrder;
    const stage = order.stages[0];
    await t.gql(`mutation($s: ID!) { startStage(stageRunId: $s) { id } }`, { s: stage.id });
    const follow = liveConnection(t.hub.gateway.url, await t.token(customer([order.id], 'MINIMAL')));
    connections.push(follow);
    const notices = follow.subscribe(
      `subscription($id: ID!) { orderProgress(orderId: $id, after: "0") { type order { delayAlerts { threshold compensationOptions } } } }`,
      { id: order.id },
    );

    // 35 % over: however many evaluations race, one supervisors' alert.
    await runLate(t, stage.id, 35);
    await Promise.all(Array.from({ length: 5 }, () => delayService.evaluate(t.hub.subgraphs.orders.systemContext())));
    let alerts = await alertsOf(order.id);
    expect(alerts).toEqual([
      expect.objectContaining({ threshold: 30, status: 'OPEN', statusCode: { code: stage.code }, customerResponse: null }),
    ]);
    expect(alerts[0].overrunPercent).toBeGreaterThanOrEqual(35);
    expect(
      (
        await t.gql(
          `query($id: ID!) { order(id: $id) { delayAlerts { threshold } } }`,
          { id: order.id },
          { as: customer([order.id], 'DETAILED') },
        )
      ).data.order.delayAlerts,
    ).toEqual([]);
    const board = (await t.gql(`{ stageBoard(studioId: "moyun-studio") { columns { code delayed } } }`)).data.stageBoard.columns;
    expect(board.find((column: any) => column.code === stage.code).delayed).toBeGreaterThanOrEqual(1);

    // 55 % over, and an exception reported: the progress event evaluates the order, and the customer is told why and what is offered.
    await runLate(t, stage.id, 55);
    await t.gql(`mutation($a: ID!, $k: String!) { reportException(orderId: $a, code: "EQP-02", idempotencyKey: $k) { id } }`, {
      a: order.id,
      k: randomUUID(),
    });
    await waitFor(async () => (await alertsOf(order.id)).length === 2, 15_000, 'the customer notice');
    alerts = await alertsOf(order.id);
    const notice = alerts.find((alert) => alert.threshold === 50);
    expect(notice).toMatchObject({
      status: 'OPEN',
      reasonCode: 'EQP-02',
      compensationOptions: ['9折优惠 10% off', '免费礼盒 free gift wrap'],
    });
    const seen = (
      await t.gql(
        `query($id: ID!) { order(id: $id) { delayAlerts { id threshold reasonCode compensationOptions } } }`,
        { id: order.id },
        { as: customer([order.id], 'MINIMAL') },
      )
    ).data.order.delayAlerts;
    expect(seen).toEqual([
      { id: notice.id, threshold: 50, reasonCode: 'EQP-02', compensationOptions: ['9折优惠 10% off', '免费礼盒 free gift wrap'] },
    ]);
    // The notice reaches even a MINIMAL customer live.
    await waitFor(
      () => notices.results.some((result) => result.data?.orderProgress.type === ORDER_EVENTS.DELAY_NOTICE),
      15_000,
      'the live notice',
    );
    expect(notices.results.some((result) => result.data?.orderProgress.type === ORDER_EVENTS.DELAY_ALERTED)).toBe(false);

    // The customer answers; the same answer again is a no-op; another answer, another customer, a supervisor or a made-up choice are refused.
    const key = randomUUID();
    const answered = await t.gql(RESPOND, { id: notice.id, choice: 'ACCEPT_DELAY', key }, { as: customer([order.id], 'MINIMAL') });
    expect(answered.errors).toBeUndefined();
    expect(answered.data.respondToDelay.customerResponse).toBe('ACCEPT_DELAY');
    expect(
      (await t.gql(RESPOND, { id: notice.id, choice: 'ACCEPT_DELAY', key }, { as: customer([order.id], 'MINIMAL') })).data.respondToDelay,
    ).toEqual(answered.data.respondToDelay);
    expect(
      (await t.gql(RESPOND, { id: notice.id, choice: 'CANCEL_RUSH', key: randomUUID() }, { as: customer([order.id], 'MINIMAL') }))
        .errors![0].extensions!.code,
    ).toBe('CONFLICT');
    const other = (await t.gql(IMPORT, { input: teawareOrder() })).data.importShopOrder;
    expect(
      (await t.gql(RESPOND, { id: notice.id, choice: 'CONTACT_ME', key: randomUUID() }, { as: customer([other.id], 'DETAILED') }))
        .errors![0].extensions!.code,
    ).toBe('NOT_FOUND');
    expect(
      (await t.gql(RESPOND, { id: notice.id, choice: 'CONTACT_ME', key: randomUUID() }, { as: staff('moyun-studio', 'SUPERVISOR') }))
        .errors![0].extensions!.code,
    ).toBe('FORBIDDEN');
    expect(
      (await t.gql(RESPOND, { id: notice.id, choice: 'MAYBE', key: randomUUID() }, { as: customer([order.id], 'MINIMAL') })).errors![0]
        .extensions!.code,
    ).toBe('BAD_USER_INPUT');
    expect((await alertsOf(order.id)).find((alert) => alert.threshold === 50).customerResponse).toBe('ACCEPT_DELAY');

    // Completing the stage closes both.
    await t.gql(`mutation($s: ID!) { completeStage(stageRunId: $s) { id } }`, { s: stage.id });
    expect((await alertsOf(order.id)).map((alert) => alert.status)).toEqual(['CLOSED', 'CLOSED']);
  }, 120_000);

  it('refuses bad compensation offers and other studios, changing nothing', async () => {
    const before = (
      await t.gql(`mutation { setDelayCompensation(studioId: "moyun-studio", options: ["free gift wrap"]) { compensationOptions } }`)
    ).data;
    const tooMany = await t.gql(`mutation($o: [String!]!) { setDelayCompensation(studioId: "moyun-studio", options: $o) { studioId } }`, {
      o: Array.from({ length: 11 }, (_, index) => `option ${index}`),
    });
    expect(tooMany.errors![0].extensions!.code).toBe('BAD_USER_INPUT');
    const blank = await t.gql(`mutation { setDelayCompensation(studioId: "moyun-studio", options: ["  "]) { studioId } }`);
    expect(blank.errors![0].extensions!.code).toBe('BAD_USER_INPUT');
    const foreign = await t.gql(
      `mutation { setDelayCompensation(studioId: "moyun-studio", options: ["x"]) { studioId } }`,
      {},
      { as: staff('youcaifeng') },
    );
    expect(foreign.errors![0].extensions!.code).toBe('FORBIDDEN');
    const others = await t.gql(`query { delayAlerts(studioId: "moyun-studio") { id } }`, {}, { as: staff('youcaifeng') });
    expect(others.errors![0].extensions!.code).toBe('FORBIDDEN');
    expect(
      (await t.gql(`mutation { setDelayCompensation(studioId: "moyun-studio", options: ["free gift wrap"]) { compensationOptions } }`))
        .data,
    ).toEqual(before);
  });
});
