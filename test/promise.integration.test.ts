import { randomUUID } from 'node:crypto';
import { ORDER_EVENTS } from '../contracts';
import { delayService } from '../subgraphs/orders/delay.service';
import type { TestHub } from './support/hub';
import { dialects, startTestHub } from './support/hub';
import { runLate, teawareOrder } from './support/orders';
import { customer, hubAdmin, partner, staff } from './support/principals';
import { waitFor } from './support/wait';

const IMPORT = `mutation($input: ShopOrderInput!) { importShopOrder(input: $input) { id dueAt promisedAt stages { id code } } }`;
const ORDER = `query($o: ID!) { order(id: $o) { id dueAt promisedAt } }`;
const CHANGE = `mutation($o: ID!, $at: DateTimeISO!, $cause: PromiseChangeCause!, $k: String!) {
  changePromise(orderId: $o, promisedAt: $at, cause: $cause, idempotencyKey: $k) { id promisedAt dueAt } }`;
const PROGRESS = `query($o: ID!) { order(id: $o) { progress { id type statusCode { code } } } }`;
const NOTICE = `query($o: ID!) { order(id: $o) { delayAlerts { id threshold choices compensationOptions chosenCompensation customerResponse visibleStage { code } } } }`;
const RESPOND = `mutation($id: ID!, $choice: DelayChoice!, $c: String, $key: String!) {
  respondToDelay(alertId: $id, choice: $choice, compensation: $c, idempotencyKey: $key) { id customerResponse chosenCompensation } }`;

const DAY = 24 * 3_600_000;

describe.each(dialects())('the promised date and the delay notice a customer answers (%s)', (dialect) => {
  let t: TestHub;
  beforeAll(async () => {
    t = await startTestHub(dialect);
    await t.hub.subgraphs.network.definition.seed!(t.hub.subgraphs.network);
  }, 120_000);
  afterAll(async () => {
    await t?.close();
  });

  const ok = (result: any) => {
    expect(result.errors).toBeUndefined();
    return result.data;
  };
  const codeOf = (result: any) => result.errors?.[0]?.extensions?.code;
  const importOrder = async () => ok(await t.gql(IMPORT, { input: teawareOrder() })).importShopOrder;
  const promiseOf = async (orderId: string) => ok(await t.gql(ORDER, { o: orderId })).order.promisedAt;

  it('is set at intake, never moves with a re-plan, and moves only by a recorded change with its cause, by the studio’s leads', async () => {
    const order = await importOrder();
    expect(order.promisedAt).toBe(order.dueAt);
    const promised = order.promisedAt;

    // Re-plans: a stage runs late, a stage is added to the route — dueAt moves, the promise does not.
    ok(await t.gql(`mutation($s: ID!) { startStage(stageRunId: $s) { id } }`, { s: order.stages[0].id }));
    await runLate(t, order.stages[0].id, 400);
    ok(await t.gql(`mutation($s: ID!) { completeStage(stageRunId: $s) { id } }`, { s: order.stages[0].id }));
    const tail = order.stages.slice(1).map((stage: any) => ({ stageRunId: stage.id }));
    ok(
      await t.gql(
        `mutation($o: ID!, $steps: [RouteStepInput!]!, $k: String!) { changeRoute(orderId: $o, steps: $steps, idempotencyKey: $k) { id } }`,
        {
          o: order.id,
          steps: [...tail, { statusCode: 'E10', standardMinutes: 600 }],
          k: randomUUID(),
        },
      ),
    );
    const replanned = ok(await t.gql(ORDER, { o: order.id })).order;
    expect(replanned.dueAt).not.toBe(order.dueAt);
    expect(replanned.promisedAt).toBe(promised);

    // Who may change it: the owning studio's admin and supervisor; not its operators, another studio, partners, hub admins or the customer.
    const later = new Date(Date.parse(promised) + 5 * DAY).toISOString();
    const variables = { o: order.id, at: later, cause: 'MATERIAL_DELAY', k: randomUUID() };
    for (const [who, code] of [
      [staff('moyun-studio', 'OPERATOR'), 'FORBIDDEN'],
      [staff('youcaifeng', 'STUDIO_ADMIN'), 'NOT_FOUND'],
      [partner('gilding-atelier'), 'FORBIDDEN'],
      [hubAdmin(), 'FORBIDDEN'],
      [customer([order.id], 'DETAILED'), 'FORBIDDEN'],
      [null, 'UNAUTHENTICATED'],
    ] as const) {
      expect([who?.subject ?? 'anonymous', codeOf(await t.gql(CHANGE, { ...variables, k: randomUUID() }, { as: who }))]).toEqual([
        who?.subject ?? 'anonymous',
        code,
      ]);
    }
    expect(await promiseOf(order.id)).toBe(promised);

    // Bad input changes nothing: a date gone by, a made-up cause.
    expect(
      (await t.gql(CHANGE, { ...variables, at: new Date(Date.now() - DAY).toISOString(), k: randomUUID() })).errors?.[0]?.extensions,
    ).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'PROMISE_IN_PAST' });
    expect(codeOf(await t.gql(CHANGE, { ...variables, cause: 'BECAUSE', k: randomUUID() }))).toBe('BAD_USER_INPUT');
    expect(await promiseOf(order.id)).toBe(promised);

    // The supervisor moves it, with the cause; a retry with the same key answers the same; the same date again records nothing.
    const changed = ok(await t.gql(CHANGE, variables, { as: staff('moyun-studio', 'SUPERVISOR') })).changePromise;
    expect(changed.promisedAt).toBe(later);
    expect(ok(await t.gql(CHANGE, variables, { as: staff('moyun-studio', 'SUPERVISOR') })).changePromise.promisedAt).toBe(later);
    ok(await t.gql(CHANGE, { ...variables, k: randomUUID() }));
    const entries = (ok(await t.gql(PROGRESS, { o: order.id })).order.progress as any[]).filter(
      (entry) => entry.type === ORDER_EVENTS.PROMISE_CHANGED,
    );
    expect(entries).toHaveLength(1);

    // The customer sees the new promise at every tier, and the change on their timeline from BASIC.
    expect(
      ok(await t.gql(`query($o: ID!) { order(id: $o) { promisedAt } }`, { o: order.id }, { as: customer([order.id], 'MINIMAL') })).order,
    ).toEqual({ promisedAt: later });
    const seen = ok(await t.gql(PROGRESS, { o: order.id }, { as: customer([order.id], 'BASIC') })).order.progress as any[];
    expect(seen.map((entry) => entry.type)).toContain(ORDER_EVENTS.PROMISE_CHANGED);

    // Another re-plan still leaves it where the studio put it.
    ok(await t.gql(`mutation($s: ID!) { startStage(stageRunId: $s) { id } }`, { s: order.stages[1].id }));
    ok(await t.gql(`mutation($s: ID!) { completeStage(stageRunId: $s) { id } }`, { s: order.stages[1].id }));
    expect(await promiseOf(order.id)).toBe(later);

    // A closed order keeps its promise.
    ok(
      await t.gql(`mutation($o: ID!, $k: String!) { cancelOrder(orderId: $o, reason: "test", idempotencyKey: $k) { id } }`, {
        o: order.id,
        k: randomUUID(),
      }),
    );
    const closed = await t.gql(CHANGE, { ...variables, at: new Date(Date.parse(later) + DAY).toISOString(), k: randomUUID() });
    expect(closed.errors?.[0]?.extensions).toMatchObject({ code: 'FAILED_PRECONDITION', reason: 'ORDER_CLOSED' });
  }, 120_000);

  it('names in a delay notice only a stage the customer’s tier shows, offers no rush to cancel, and takes the compensation picked', async () => {
    ok(
      await t.gql(`mutation { setDelayCompensation(studioId: "moyun-studio", options: ["九折优惠", "免费礼盒"]) { compensationOptions } }`),
    );
    const order = await importOrder();
    // C10 calligraphy (DETAILED only) runs late.
    const calligraphy = order.stages.find((stage: any) => stage.code === 'C10');
    for (const stage of order.stages) {
      if (stage.id === calligraphy.id) break;
      ok(await t.gql(`mutation($s: ID!) { startStage(stageRunId: $s) { id } }`, { s: stage.id }));
      ok(await t.gql(`mutation($s: ID!) { completeStage(stageRunId: $s) { id } }`, { s: stage.id }));
    }
    ok(await t.gql(`mutation($s: ID!) { startStage(stageRunId: $s) { id } }`, { s: calligraphy.id }));
    await runLate(t, calligraphy.id, 60);
    await delayService.evaluate(t.hub.subgraphs.orders.systemContext());
    const as = (tier: 'MINIMAL' | 'BASIC' | 'DETAILED') => ({ as: customer([order.id], tier) });
    await waitFor(
      async () => (ok(await t.gql(NOTICE, { o: order.id }, as('DETAILED'))).order.delayAlerts as any[]).length === 1,
      15_000,
      'the notice',
    );
    const noticeAt = async (tier: 'MINIMAL' | 'BASIC' | 'DETAILED') =>
      ok(await t.gql(NOTICE, { o: order.id }, as(tier))).order.delayAlerts[0];
    // DETAILED sees the stage itself; BASIC the next stage it is shown (C40 first firing); MINIMAL no stage at all.
    expect((await noticeAt('DETAILED')).visibleStage).toEqual({ code: 'C10' });
    expect((await noticeAt('BASIC')).visibleStage).toEqual({ code: 'C40' });
    expect((await noticeAt('MINIMAL')).visibleStage).toBeNull();
    // The late stage's own code is the studio's: no tier reads it off the alert (it would name C10 to MINIMAL).
    for (const tier of ['MINIMAL', 'DETAILED'] as const) {
      const answer = await t.gql(`query($o: ID!) { order(id: $o) { delayAlerts { statusCode { code } } } }`, { o: order.id }, as(tier));
      expect(codeOf(answer)).toBe('FORBIDDEN');
      expect(JSON.stringify(answer.data ?? null)).not.toContain('C10');
    }
    const notice = await noticeAt('MINIMAL');
    expect(notice).toMatchObject({ threshold: 50, choices: ['ACCEPT_DELAY', 'CONTACT_ME'], compensationOptions: ['九折优惠', '免费礼盒'] });

    // No rush on this order: cancelling one is refused; a compensation not offered, or with another answer, too — and nothing changes.
    expect(
      (await t.gql(RESPOND, { id: notice.id, choice: 'CANCEL_RUSH', key: randomUUID() }, as('MINIMAL'))).errors?.[0]?.extensions,
    ).toMatchObject({
      code: 'FAILED_PRECONDITION',
      reason: 'CHOICE_NOT_OFFERED',
    });
    expect(codeOf(await t.gql(RESPOND, { id: notice.id, choice: 'ACCEPT_DELAY', c: '半价', key: randomUUID() }, as('MINIMAL')))).toBe(
      'BAD_USER_INPUT',
    );
    expect(codeOf(await t.gql(RESPOND, { id: notice.id, choice: 'CONTACT_ME', c: '免费礼盒', key: randomUUID() }, as('MINIMAL')))).toBe(
      'BAD_USER_INPUT',
    );
    expect((await noticeAt('MINIMAL')).customerResponse).toBeNull();

    // The customer accepts with the gift box; the studio sees what they picked.
    const answered = ok(
      await t.gql(RESPOND, { id: notice.id, choice: 'ACCEPT_DELAY', c: '免费礼盒', key: randomUUID() }, as('MINIMAL')),
    ).respondToDelay;
    expect(answered).toMatchObject({ customerResponse: 'ACCEPT_DELAY', chosenCompensation: '免费礼盒' });
    const studioView = ok(await t.gql(`{ delayAlerts(studioId: "moyun-studio") { id chosenCompensation } }`)).delayAlerts as any[];
    expect(studioView.find((alert) => alert.id === notice.id).chosenCompensation).toBe('免费礼盒');
  }, 120_000);
});
