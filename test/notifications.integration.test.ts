import { randomUUID } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import sharp from 'sharp';
import { ORDER_EVENTS, WEBHOOK_HEADERS } from '../contracts';
import type { ResolveHost } from '../platform/base/settings';
import { newId } from '../platform/data/ids';
import { startWechatStub, type WechatStub } from '../processes/wechat-stub';
import { localTime } from '../subgraphs/notifications/customer-messages';
import { systemResolveHost } from '../subgraphs/notifications/destinations';
import { dispatcher } from '../subgraphs/notifications/dispatcher';
import { Webhook } from '../subgraphs/notifications/entities';
import { OutboxEvent } from '../platform/events/outbox';
import { verifyWebhook } from '../subgraphs/notifications/signature';
import { delayService } from '../subgraphs/orders/delay.service';
import { Order } from '../subgraphs/orders/entities/order';
import { appendProgress } from '../subgraphs/orders/progress-log';
import { inTransaction } from '../platform/data/transactions';
import type { TestHub } from './support/hub';
import { dialects, startTestHub } from './support/hub';
import { runLate, teawareOrder } from './support/orders';
import { customer, partner, staff } from './support/principals';
import { waitFor } from './support/wait';

const IMPORT = `mutation($input: ShopOrderInput!) { importShopOrder(input: $input) { id stages { id code qcCheckpoint } } }`;
const REGISTER = `mutation($e: ID!, $url: String!, $types: [String!], $k: String!) { registerWebhook(enterpriseId: $e, url: $url, eventTypes: $types, idempotencyKey: $k) { secret webhook { id url eventTypes active } } }`;
const MESSAGES = `query($w: ID!, $s: MessageStatus) { webhookMessages(webhookId: $w, status: $s) { id eventId eventType status attempts lastError sentAt } }`;
const PREFERENCES = `mutation($o: ID!, $input: NotificationPreferencesInput!) { setNotificationPreferences(orderId: $o, input: $input) { orderId channel language wechatBound tier quietHours { start end } timeZone dailyDigest digestHour dailyCap } }`;
const BINDING = `query($o: ID!) { notificationBinding(orderId: $o) { orderId wechatBound } }`;
const CUSTOMER_MESSAGES = `query($o: ID!) { customerMessages(orderId: $o) { id kind eventType status text attempts lastError nextAttemptAt sentAt } }`;

/** The tests' names: hooks.weft.test is this machine (127.0.0.1), other .test names resolve nowhere, the rest as the system says (localhost). */
const HOOKS_HOST = 'hooks.weft.test';
const resolveHost: ResolveHost = async (hostname) => {
  if (hostname === HOOKS_HOST) return [{ address: '127.0.0.1', family: 4 }];
  if (hostname.endsWith('.test')) throw Object.assign(new Error(`getaddrinfo ENOTFOUND ${hostname}`), { code: 'ENOTFOUND' });
  return systemResolveHost(hostname);
};

/** A local endpoint that records what it receives and answers `status()` (200 unless told otherwise). */
async function startReceiver() {
  const received: { headers: http.IncomingHttpHeaders; body: string }[] = [];
  let status = () => 200;
  const server = http.createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const code = status();
      if (code === 200) received.push({ headers: request.headers, body: Buffer.concat(chunks).toString('utf8') });
      // A failure says something of its own, as an internal service would: none of it may reach the webhook's owner.
      response.writeHead(code).end(code === 200 ? undefined : 'orders subgraph: internal details');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hooks`,
    received,
    answer: (next: () => number) => (status = next),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

describe.each(dialects())('notifications (%s)', (dialect) => {
  let t: TestHub;
  let stub: WechatStub;
  let receiver: Awaited<ReturnType<typeof startReceiver>>;

  beforeAll(async () => {
    stub = await startWechatStub();
    receiver = await startReceiver();
    // Quick polls and retries, and the WeChat stub as the account's API.
    t = await startTestHub(dialect, {
      settings: {
        notify: { pollMs: 100, retryBaseMs: 200, maxAttempts: 3 },
        wechat: { baseUrl: stub.url, appId: stub.appId, appSecret: stub.appSecret },
        // The receivers are on this machine: allowed here (the refusals are tested on a hub of their own below).
        webhooks: { allowPrivate: true, resolveHost },
      },
    });
    await t.hub.subgraphs.network.definition.seed!(t.hub.subgraphs.network);
  }, 120_000);
  afterAll(async () => {
    await t?.close();
    await stub?.close();
    await receiver?.close();
  });

  const ok = (result: any) => {
    expect(result.errors).toBeUndefined();
    return result.data;
  };
  const codeOf = (result: any) => result.errors?.[0]?.extensions?.code;
  const importOrder = async (overrides: Record<string, unknown> = {}) =>
    ok(await t.gql(IMPORT, { input: teawareOrder(overrides) })).importShopOrder;
  /** An order whose shop knew the customer's WeChat openid (they came through the studio's official account). */
  const importWechatOrder = (openId: string) => importOrder({ customer: { ...teawareOrder().customer, wechatOpenId: openId } });
  const start = (id: string, on = t) =>
    on.gql(`mutation($s: ID!) { startStage(stageRunId: $s, operator: { name: "王芳", penName: "墨白" }) { id } }`, { s: id });
  /** Completes a stage (on this suite's hub, or the one named), with a passing QC result where it is a checkpoint. */
  const complete = async (stage: { id: string; qcCheckpoint: boolean }, on = t) => {
    ok(await start(stage.id, on));
    if (stage.qcCheckpoint)
      ok(
        await on.gql(`mutation($s: ID!, $k: String!) { recordQcResult(stageRunId: $s, result: PASS, idempotencyKey: $k) { id } }`, {
          s: stage.id,
          k: randomUUID(),
        }),
      );
    ok(await on.gql(`mutation($s: ID!) { completeStage(stageRunId: $s) { id } }`, { s: stage.id }));
  };
  const messagesOf = async (orderId: string, tier: 'MINIMAL' | 'BASIC' | 'DETAILED' = 'DETAILED') =>
    ok(await t.gql(CUSTOMER_MESSAGES, { o: orderId }, { as: customer([orderId], tier) })).customerMessages as any[];
  const waitForOrderFacts = (orderId: string) =>
    waitFor(
      async () => {
        const result = await t.gql(PREFERENCES, { o: orderId, input: { channel: 'NONE' } }, { as: customer([orderId], 'DETAILED') });
        if (result.errors && codeOf(result) !== 'NOT_FOUND') throw new Error(JSON.stringify(result.errors));
        return !result.errors;
      },
      15_000,
      'the order known to notifications',
    );

  it('signs webhook deliveries, retries with backoff, dead-letters after the limit and replays', async () => {
    // Bad input changes nothing.
    expect(codeOf(await t.gql(REGISTER, { e: 'moyun-studio', url: 'ftp://files.example/hooks', types: [], k: randomUUID() }))).toBe(
      'BAD_USER_INPUT',
    );
    expect(codeOf(await t.gql(REGISTER, { e: 'moyun-studio', url: 'not a url', types: [], k: randomUUID() }))).toBe('BAD_USER_INPUT');
    expect(codeOf(await t.gql(REGISTER, { e: 'moyun-studio', url: receiver.url, types: ['order.made.up'], k: randomUUID() }))).toBe(
      'BAD_USER_INPUT',
    );
    expect(
      codeOf(await t.gql(REGISTER, { e: 'moyun-studio', url: receiver.url, types: [], k: randomUUID() }, { as: staff('youcaifeng') })),
    ).toBe('FORBIDDEN');
    expect(ok(await t.gql(`{ webhooks(enterpriseId: "moyun-studio") { id } }`)).webhooks).toEqual([]);

    const key = randomUUID();
    const registered = ok(
      await t.gql(REGISTER, { e: 'moyun-studio', url: receiver.url, types: [ORDER_EVENTS.STAGE_COMPLETED], k: key }),
    ).registerWebhook;
    expect(registered.secret).toMatch(/^whsec_/);
    // A retry with the same key answers the same registration.
    expect(
      ok(await t.gql(REGISTER, { e: 'moyun-studio', url: receiver.url, types: [ORDER_EVENTS.STAGE_COMPLETED], k: key })).registerWebhook,
    ).toEqual(registered);
    const webhookId = registered.webhook.id;

    // The first two attempts fail: the third gets through, signed.
    let calls = 0;
    receiver.answer(() => (++calls <= 2 ? 500 : 200));
    const order = await importOrder();
    await complete(order.stages[0]);
    await waitFor(() => receiver.received.length === 1, 20_000, 'the webhook delivery');
    const [delivery] = receiver.received;
    const envelope = JSON.parse(delivery.body);
    expect(envelope).toMatchObject({
      type: ORDER_EVENTS.STAGE_COMPLETED,
      source: 'orders',
      payload: { orderId: order.id, studioId: 'moyun-studio' },
    });
    expect(delivery.headers[WEBHOOK_HEADERS.EVENT_ID]).toBe(envelope.id);
    expect(delivery.headers[WEBHOOK_HEADERS.EVENT_TYPE]).toBe(ORDER_EVENTS.STAGE_COMPLETED);
    expect(
      verifyWebhook(
        registered.secret,
        {
          signature: delivery.headers[WEBHOOK_HEADERS.SIGNATURE] as string,
          timestamp: delivery.headers[WEBHOOK_HEADERS.TIMESTAMP] as string,
        },
        delivery.body,
      ),
    ).toBe(true);
    expect(
      verifyWebhook(
        'whsec_wrong',
        {
          signature: delivery.headers[WEBHOOK_HEADERS.SIGNATURE] as string,
          timestamp: delivery.headers[WEBHOOK_HEADERS.TIMESTAMP] as string,
        },
        delivery.body,
      ),
    ).toBe(false);
    expect(
      verifyWebhook(
        registered.secret,
        {
          signature: delivery.headers[WEBHOOK_HEADERS.SIGNATURE] as string,
          timestamp: delivery.headers[WEBHOOK_HEADERS.TIMESTAMP] as string,
        },
        `${delivery.body} `,
      ),
    ).toBe(false);
    const sent = ok(await t.gql(MESSAGES, { w: webhookId })).webhookMessages;
    expect(sent).toEqual([expect.objectContaining({ eventId: envelope.id, status: 'SENT', attempts: 3, lastError: null })]);

    // The receiver is down for good: after NOTIFY_MAX_ATTEMPTS the message is dead-lettered.
    receiver.answer(() => 503);
    await complete(order.stages[1]);
    await waitFor(
      async () => ok(await t.gql(MESSAGES, { w: webhookId, s: 'DEAD' })).webhookMessages.length === 1,
      20_000,
      'the dead letter',
    );
    const [dead] = ok(await t.gql(MESSAGES, { w: webhookId, s: 'DEAD' })).webhookMessages;
    // What the receiver answered is not recorded, only its class.
    expect(dead).toMatchObject({ attempts: 3, lastError: 'delivery failed: HTTP 5xx', sentAt: null });
    // Someone else's webhook, and a message that is not dead, are refused.
    expect(
      codeOf(
        await t.gql(
          `mutation($w: ID!) { replayWebhookMessages(webhookId: $w, idempotencyKey: "r0") { id } }`,
          { w: webhookId },
          { as: staff('youcaifeng') },
        ),
      ),
    ).toBe('NOT_FOUND');
    expect(
      codeOf(
        await t.gql(`mutation($w: ID!, $m: [ID!]) { replayWebhookMessages(webhookId: $w, messageIds: $m, idempotencyKey: "r1") { id } }`, {
          w: webhookId,
          m: [sent[0].id],
        }),
      ),
    ).toBe('BAD_USER_INPUT');

    // Back up: replay sends it.
    receiver.answer(() => 200);
    const replayed = ok(
      await t.gql(`mutation($w: ID!) { replayWebhookMessages(webhookId: $w, idempotencyKey: "r2") { id status attempts } }`, {
        w: webhookId,
      }),
    ).replayWebhookMessages;
    expect(replayed).toEqual([{ id: dead.id, status: 'PENDING', attempts: 0 }]);
    await waitFor(() => receiver.received.length === 2, 20_000, 'the replayed delivery');
    expect(JSON.parse(receiver.received[1].body).id).toBe(dead.eventId);
    expect(ok(await t.gql(MESSAGES, { w: webhookId, s: 'DEAD' })).webhookMessages).toEqual([]);
    ok(await t.gql(`mutation($w: ID!) { removeWebhook(webhookId: $w) { active } }`, { w: webhookId }));
  }, 90_000);

  it('sends webhooks to the hub’s own network only where allowed, checking at registration and at every send', async () => {
    // Allowed (this suite's hub): a name is connected at the address its resolution gave, and keeps its name in Host.
    const port = new URL(receiver.url).port;
    receiver.answer(() => 200);
    const named = ok(
      await t.gql(REGISTER, {
        e: 'moyun-studio',
        url: `http://${HOOKS_HOST}:${port}/hooks`,
        types: [ORDER_EVENTS.STAGE_COMPLETED],
        k: randomUUID(),
      }),
    ).registerWebhook.webhook;
    const before = receiver.received.length;
    await complete((await importOrder()).stages[0]);
    await waitFor(() => receiver.received.length === before + 1, 20_000, 'the delivery to a name');
    expect(receiver.received[before].headers.host).toBe(`${HOOKS_HOST}:${port}`);
    ok(await t.gql(`mutation($w: ID!) { removeWebhook(webhookId: $w) { active } }`, { w: named.id }));

    // A hub as deployed: private destinations not allowed.
    const local = await startReceiver();
    const guarded = await startTestHub(dialect, {
      settings: { notify: { pollMs: 100, retryBaseMs: 100, maxAttempts: 2 }, webhooks: { allowPrivate: false, resolveHost } },
    });
    try {
      await guarded.hub.subgraphs.network.definition.seed!(guarded.hub.subgraphs.network);
      const localPort = new URL(local.url).port;
      const register = (url: string, as = staff('moyun-studio')) =>
        guarded.gql(REGISTER, { e: as.org, url, types: [], k: randomUUID() }, { as });
      const refusal = (result: any) => [codeOf(result), result.errors?.[0]?.extensions?.reason];
      // This machine however written, and a name that resolves to it, are refused for every role that registers.
      const refused: Record<string, unknown> = {};
      for (const url of [
        local.url,
        `http://localhost:${localPort}/hooks`,
        `http://[::1]:${localPort}/hooks`,
        `http://[::ffff:127.0.0.1]:${localPort}/hooks`,
        `http://2130706433:${localPort}/hooks`,
        `https://${HOOKS_HOST}:${localPort}/hooks`,
      ])
        refused[url] = refusal(await register(url));
      refused.partner = refusal(await register(local.url, partner('gilding-atelier')));
      refused.supplier = refusal(await register(local.url, partner('jingdezhen-clay', 'SUPPLIER')));
      expect(refused).toEqual(Object.fromEntries(Object.keys(refused).map((url) => [url, ['BAD_USER_INPUT', 'NOT_PUBLIC']])));
      expect(refusal(await register('https://missing.weft.test/hooks'))).toEqual(['BAD_USER_INPUT', 'UNRESOLVED']);
      expect(ok(await guarded.gql(`{ webhooks(enterpriseId: "moyun-studio") { id } }`)).webhooks).toEqual([]);

      // Webhooks stored before the check existed (an upgraded hub keeps its rows), by address and by
      // a name that resolves to this machine by the time of sending: each send is checked and refused.
      const em = guarded.hub.subgraphs.notifications.database!.orm.em.fork();
      const stored = [local.url, `http://${HOOKS_HOST}:${localPort}/hooks`].map((url) => ({
        id: newId('whk'),
        enterpriseId: 'moyun-studio',
        url,
        secret: 'whsec_stored',
        eventTypes: [ORDER_EVENTS.STAGE_COMPLETED],
        active: true,
        createdAt: new Date(),
      }));
      for (const webhook of stored) await em.insert(Webhook, webhook);
      await complete(ok(await guarded.gql(IMPORT, { input: teawareOrder() })).importShopOrder.stages[0], guarded);
      const messages = async () =>
        (await Promise.all(stored.map(async ({ id }) => ok(await guarded.gql(MESSAGES, { w: id })).webhookMessages))).flat();
      await waitFor(
        async () => (await messages()).filter((message: any) => message.status === 'DEAD').length === 2,
        20_000,
        'both dead letters',
      );
      expect(await messages()).toEqual(
        Array(2).fill(
          expect.objectContaining({
            status: 'DEAD',
            attempts: 2,
            sentAt: null,
            lastError: 'delivery refused: the host is not a public address',
          }),
        ),
      );
      expect(local.received).toEqual([]);
    } finally {
      await guarded.close();
      await local.close();
    }
  }, 90_000);

  it('tells a WeChat customer of their order at their tier, in their language, refreshing an expired access token', async () => {
    const order = await importWechatOrder('oWEFT_customer_0001');
    await waitForOrderFacts(order.id);
    const basic = customer([order.id], 'BASIC');
    // Malformed preferences are refused and change nothing; an openid is never the customer's to give.
    for (const input of [
      { channel: 'WECHAT', wechatOpenId: 'oWEFT_customer_0001' },
      { channel: 'WECHAT', quietHours: { start: '25:00', end: '07:00' } },
      { channel: 'WECHAT', timeZone: 'Mars/Olympus_Mons' },
      { channel: 'WECHAT', dailyCap: -1 },
      { channel: 'PIGEON' },
      { channel: 'WECHAT', language: 'FR' },
      { channel: 'WECHAT', quietHours: { start: '22:00', end: '07:00' }, clearQuietHours: true },
    ]) {
      expect([input, codeOf(await t.gql(PREFERENCES, { o: order.id, input }, { as: basic }))]).toEqual([input, 'BAD_USER_INPUT']);
    }
    expect(codeOf(await t.gql(PREFERENCES, { o: order.id, input: { channel: 'NONE' } }, { as: staff('moyun-studio') }))).toBe('FORBIDDEN');
    const other = await importOrder();
    expect(codeOf(await t.gql(PREFERENCES, { o: order.id, input: { channel: 'NONE' } }, { as: customer([other.id], 'DETAILED') }))).toBe(
      'NOT_FOUND',
    );
    expect(
      ok(await t.gql(`query($o: ID!) { notificationPreferences(orderId: $o) { channel wechatBound } }`, { o: order.id }, { as: basic }))
        .notificationPreferences,
    ).toEqual({ channel: 'NONE', wechatBound: true });

    const set = ok(
      await t.gql(PREFERENCES, { o: order.id, input: { channel: 'WECHAT', language: 'EN' } }, { as: basic }),
    ).setNotificationPreferences;
    expect(set).toEqual({
      orderId: order.id,
      channel: 'WECHAT',
      language: 'EN',
      wechatBound: true,
      tier: 'BASIC',
      quietHours: null,
      timeZone: 'Asia/Shanghai',
      dailyDigest: false,
      digestHour: 20,
      dailyCap: 5,
    });

    // Design confirmed (A10, a milestone at BASIC): the customer is told, in the official format, in English alone.
    const to = (content: string) =>
      stub.messages.filter((message) => message.touser === 'oWEFT_customer_0001' && message.text!.content.includes(content));
    await complete(order.stages[0]);
    await waitFor(() => to('Design confirmed').length === 1, 20_000, 'the WeChat message');
    expect(to('Design confirmed')[0]).toMatchObject({ msgtype: 'text', text: { content: 'Your order: Design confirmed is done.' } });

    // The access token expires: the next send gets 42001, fetches a new token (once) and goes through.
    stub.expireTokens();
    const issued = stub.tokensIssued;
    await complete(order.stages[1]); // B10 material preparation: a milestone at BASIC
    await waitFor(() => to('Material preparation').length === 1, 20_000, 'the message after the token expired');
    expect(stub.tokensIssued).toBe(issued + 1);

    // C10 calligraphy shows from DETAILED only: a BASIC customer is not told of it.
    await complete(order.stages[2]);
    await waitFor(
      async () => (await messagesOf(order.id, 'BASIC')).every((message) => message.status === 'SENT'),
      20_000,
      'every message sent',
    );
    // Every event consumed, then one more round of sending: whatever was coming has been sent.
    await t.hub.settle();
    await t.hub.subgraphs.notifications.runTimers();
    expect(to('Calligraphy')).toEqual([]);
    // English only: no Chinese in any message to this customer.
    expect(to('').filter((message) => /[\u4e00-\u9fff]/.test(message.text!.content))).toEqual([]);
    const told = (await messagesOf(order.id, 'BASIC')).map((message) => message.eventType);
    expect(told.filter((type) => type === ORDER_EVENTS.STAGE_COMPLETED)).toHaveLength(2);
    expect(told.every((type) => [ORDER_EVENTS.STAGE_COMPLETED, ORDER_EVENTS.ETA_CHANGED].includes(type))).toBe(true);
  }, 90_000);

  it('keeps routine messages to quiet hours, a daily cap and a digest, but sends delays and completion at once', async () => {
    const order = await importWechatOrder('oWEFT_customer_0002');
    await waitForOrderFacts(order.id);
    const detailed = customer([order.id], 'DETAILED');
    const now = localTime(new Date(), 'Asia/Shanghai').minutes;
    const hhmm = (minutes: number) =>
      `${String(Math.floor(((minutes + 1440) % 1440) / 60)).padStart(2, '0')}:${String((minutes + 1440) % 60).padStart(2, '0')}`;
    // Quiet from an hour ago to two hours from now.
    ok(
      await t.gql(
        PREFERENCES,
        {
          o: order.id,
          input: { channel: 'WECHAT', language: 'ZH', quietHours: { start: hhmm(now - 60), end: hhmm(now + 120) } },
        },
        { as: detailed },
      ),
    );
    await complete(order.stages[0]);
    await waitFor(
      async () => (await messagesOf(order.id)).some((message) => message.eventType === ORDER_EVENTS.STAGE_COMPLETED),
      20_000,
      'the routine message',
    );
    const routine = (await messagesOf(order.id)).find((message) => message.eventType === ORDER_EVENTS.STAGE_COMPLETED);
    expect(routine).toMatchObject({ kind: 'ROUTINE', status: 'PENDING' });
    const wait = new Date(routine.nextAttemptAt).getTime() - Date.now();
    expect(wait).toBeGreaterThan(100 * 60_000);
    expect(wait).toBeLessThan(121 * 60_000);

    // A delay notice goes out at once, quiet hours or not.
    const running = order.stages[1];
    ok(await start(running.id));
    await runLate(t, running.id, 60);
    await delayService.evaluate(t.hub.subgraphs.orders.systemContext());
    await waitFor(
      () => stub.messages.some((message) => message.touser === 'oWEFT_customer_0002' && message.text!.content.includes('有所延误')),
      20_000,
      'the delay notice',
    );
    expect((await messagesOf(order.id)).find((message) => message.eventType === ORDER_EVENTS.DELAY_NOTICE)).toMatchObject({
      kind: 'IMMEDIATE',
      status: 'SENT',
    });

    // No quiet hours, a cap of one routine message a day and a digest at this hour: the second waits for the digest.
    ok(await t.gql(PREFERENCES, { o: order.id, input: { channel: 'WECHAT', clearQuietHours: true, dailyCap: 1 } }, { as: detailed }));
    ok(await t.gql(`mutation($s: ID!) { completeStage(stageRunId: $s) { id } }`, { s: running.id }));
    await waitFor(
      async () => (await messagesOf(order.id)).filter((message) => message.eventType === ORDER_EVENTS.STAGE_COMPLETED).length === 2,
      20_000,
      'the second routine message',
    );
    const held = (await messagesOf(order.id)).filter(
      (message) => message.eventType === ORDER_EVENTS.STAGE_COMPLETED && message.status === 'HELD',
    );
    expect(held).toHaveLength(1);
    ok(
      await t.gql(
        PREFERENCES,
        {
          o: order.id,
          input: {
            channel: 'WECHAT',
            dailyDigest: true,
            digestHour: Math.floor(localTime(new Date(), 'Asia/Shanghai').minutes / 60),
          },
        },
        { as: detailed },
      ),
    );
    await dispatcher.sendDigests(t.hub.subgraphs.notifications.systemContext());
    await dispatcher.sendDigests(t.hub.subgraphs.notifications.systemContext()); // once a day, however often asked
    await waitFor(
      () => stub.messages.some((message) => message.touser === 'oWEFT_customer_0002' && message.text!.content.startsWith('今日订单动态')),
      20_000,
      'the digest',
    );
    // Chinese alone: no English sentence in any message to this customer.
    expect(
      stub.messages.filter(
        (message) => message.touser === 'oWEFT_customer_0002' && /Your order|Today on|running late/.test(message.text!.content),
      ),
    ).toEqual([]);
    const after = await messagesOf(order.id);
    expect(after.filter((message) => message.kind === 'DIGEST')).toHaveLength(1);
    expect(after.find((message) => message.id === held[0].id).status).toBe('DIGESTED');

    // Outside WeChat's 48-hour window the API refuses: recorded as UNDELIVERABLE, not retried.
    stub.outsideWindow.add('oWEFT_customer_0002');
    const next = order.stages[2];
    ok(await start(next.id));
    await runLate(t, next.id, 60);
    await delayService.evaluate(t.hub.subgraphs.orders.systemContext());
    const refused = async () =>
      (await messagesOf(order.id)).filter(
        (message) => message.eventType === ORDER_EVENTS.DELAY_NOTICE && message.status === 'UNDELIVERABLE',
      );
    await waitFor(async () => (await refused()).length === 1, 20_000, 'the refused notice');
    expect((await refused())[0]).toMatchObject({
      attempts: 1,
      nextAttemptAt: null,
      sentAt: null,
      lastError: expect.stringContaining('45015'),
    });
  }, 90_000);

  it('binds WeChat only through the shop’s import: without an openid WeChat is refused with a code and the rest saves; the language chosen is the messages’', async () => {
    const bound = await importWechatOrder('oWEFT_customer_0004');
    const unbound = await importOrder();
    await waitForOrderFacts(bound.id);
    await waitForOrderFacts(unbound.id);
    const boundCustomer = customer([bound.id], 'DETAILED');
    const unboundCustomer = customer([unbound.id], 'DETAILED');

    // The openid travelled to the notifications subgraph sealed: the import's event, as the bus, its log and webhooks carry it, never holds it.
    const imported = await t.hub.subgraphs.orders
      .systemContext()
      .em.fork()
      .find(OutboxEvent, { subjectId: bound.id, type: ORDER_EVENTS.IMPORTED });
    expect(imported).toHaveLength(1);
    expect(JSON.stringify(imported[0].payload)).not.toContain('oWEFT_customer_0004');
    expect(imported[0].payload.wechatBinding).toEqual(expect.any(String));

    // Whether the order's customer can be reached on WeChat (never which account), for the order's own people alone.
    expect(ok(await t.gql(BINDING, { o: bound.id }, { as: boundCustomer })).notificationBinding).toEqual({
      orderId: bound.id,
      wechatBound: true,
    });
    expect(ok(await t.gql(BINDING, { o: unbound.id }, { as: unboundCustomer })).notificationBinding).toEqual({
      orderId: unbound.id,
      wechatBound: false,
    });
    expect(ok(await t.gql(BINDING, { o: bound.id }, { as: staff('moyun-studio', 'OPERATOR') })).notificationBinding.wechatBound).toBe(true);
    expect(ok(await t.gql(BINDING, { o: bound.id }, { as: unboundCustomer })).notificationBinding).toBeNull();
    expect(ok(await t.gql(BINDING, { o: bound.id }, { as: staff('youcaifeng') })).notificationBinding).toBeNull();

    // No openid came with the order: WeChat is refused with a stable code and nothing changes; everything else saves.
    const refused = await t.gql(PREFERENCES, { o: unbound.id, input: { channel: 'WECHAT', dailyCap: 3 } }, { as: unboundCustomer });
    expect(refused.errors?.[0]?.extensions).toMatchObject({ code: 'FAILED_PRECONDITION', reason: 'WECHAT_NOT_BOUND' });
    const kept = `query($o: ID!) { notificationPreferences(orderId: $o) { channel dailyCap language } }`;
    expect(ok(await t.gql(kept, { o: unbound.id }, { as: unboundCustomer })).notificationPreferences).toEqual({
      channel: 'NONE',
      dailyCap: 5,
      language: 'ZH',
    });
    const saved = ok(
      await t.gql(
        PREFERENCES,
        { o: unbound.id, input: { channel: 'NONE', language: 'EN', quietHours: { start: '22:00', end: '08:00' }, dailyCap: 3 } },
        { as: unboundCustomer },
      ),
    ).setNotificationPreferences;
    expect(saved).toMatchObject({
      channel: 'NONE',
      language: 'EN',
      wechatBound: false,
      quietHours: { start: '22:00', end: '08:00' },
      dailyCap: 3,
    });

    // The openid came with the order: WeChat saves, and each message is in the language saved last, that language alone.
    ok(await t.gql(PREFERENCES, { o: bound.id, input: { channel: 'WECHAT', language: 'ZH' } }, { as: boundCustomer }));
    const to = () => stub.messages.filter((message) => message.touser === 'oWEFT_customer_0004').map((message) => message.text!.content);
    await complete(bound.stages[0]);
    await waitFor(() => to().some((text) => text.includes('设计确认完成')), 20_000, 'the Chinese message');
    expect(to().filter((text) => text.includes('设计确认完成'))).toEqual(['您的订单：设计确认完成已完成。']);
    expect(to().filter((text) => /[A-Z]{3,}/i.test(text))).toEqual([]); // Chinese alone (a forecast's "90%" and date included)
    ok(await t.gql(PREFERENCES, { o: bound.id, input: { channel: 'WECHAT', language: 'EN' } }, { as: boundCustomer }));
    await complete(bound.stages[1]);
    await waitFor(() => to().some((text) => text.includes('Material preparation')), 20_000, 'the English message');
    expect(to().filter((text) => text.startsWith('Your order: '))).toEqual(['Your order: Material preparation is done.']);
    // The unbound order's customer is told nothing, and no stage of it reached WeChat.
    await complete(unbound.stages[0]);
    await t.hub.settle();
    expect((await messagesOf(unbound.id)).filter((message) => message.kind !== 'WEBHOOK')).toEqual([]);
  }, 90_000);

  it('tells a forecast once: a change that reads the same day as the last one told is not sent again', async () => {
    const order = await importWechatOrder('oWEFT_customer_0006');
    await waitForOrderFacts(order.id);
    ok(await t.gql(PREFERENCES, { o: order.id, input: { channel: 'WECHAT', dailyCap: 50 } }, { as: customer([order.id], 'BASIC') }));
    await t.hub.settle();
    const forecasts = async () =>
      (await messagesOf(order.id, 'BASIC'))
        .filter((message) => message.eventType === ORDER_EVENTS.ETA_CHANGED)
        .map((message) => message.text);
    const before = (await forecasts()).length;
    // The forecast moves three times: to 10 Mar (10:00 in China), within 10 Mar (17:00), then to 12 Mar.
    const orders = t.hub.subgraphs.orders.systemContext();
    for (const deliveryLikelyBefore of ['2030-03-10T02:00:00.000Z', '2030-03-10T09:00:00.000Z', '2030-03-12T02:00:00.000Z']) {
      await inTransaction(orders, async (em) => {
        const row = await em.findOneOrFail(Order, { id: order.id }, { filters: false });
        appendProgress(em, row, {
          type: ORDER_EVENTS.ETA_CHANGED,
          actor: orders.actor,
          at: new Date(),
          statusCode: row.milestoneCodeValue,
          payload: {
            completionMedian: deliveryLikelyBefore,
            completionLikelyBefore: deliveryLikelyBefore,
            deliveryMedian: deliveryLikelyBefore,
            deliveryLikelyBefore,
            method: 'STANDARD_DURATIONS',
          },
        });
      });
      await t.hub.settle();
    }
    const told = (await forecasts()).slice(0, (await forecasts()).length - before);
    expect(told).toHaveLength(2);
    expect(told.some((text: string) => text.includes('3月10日'))).toBe(true);
    expect(told.some((text: string) => text.includes('3月12日'))).toBe(true);
  }, 90_000);

  it('sends a share-ready summary link when the order is made, even to a MINIMAL customer, and answers it publicly', async () => {
    const order = await importWechatOrder('oWEFT_customer_0003');
    await waitForOrderFacts(order.id);
    ok(await t.gql(PREFERENCES, { o: order.id, input: { channel: 'WECHAT' } }, { as: customer([order.id], 'MINIMAL') }));
    for (const stage of order.stages) await complete(stage);
    await waitFor(
      () =>
        stub.messages.some(
          (message) => message.touser === 'oWEFT_customer_0003' && message.text!.content.includes(`${t.tokens.publicUrl.base}/share/`),
        ),
      30_000,
      'the completion message',
    );
    const toMinimal = stub.messages.filter((message) => message.touser === 'oWEFT_customer_0003');
    // MINIMAL: no stage updates, no forecasts — only that it is made.
    expect(toMinimal).toHaveLength(1);
    const shareId = /share\/([\w-]+)/.exec(toMinimal[0].text!.content)![1];
    // The order page offers the same share link to its customer (what the message sent), and nothing to another order's.
    const shareUrlOf = async (who: ReturnType<typeof customer>) =>
      ok(await t.gql(`query($o: ID!) { notificationBinding(orderId: $o) { shareUrl } }`, { o: order.id }, { as: who })).notificationBinding;
    expect(await shareUrlOf(customer([order.id], 'MINIMAL'))).toEqual({ shareUrl: t.tokens.publicUrl.share(shareId) });
    expect(await shareUrlOf(customer(['ord_01M6A7GRP02MF6GCH46PHS6GKC'], 'DETAILED'))).toBeNull();
    // The link points at the hub's own share page (its public URL: here the gateway's port).
    expect(t.tokens.publicUrl.base).toBe(`http://localhost:${t.hub.gateway.http.port}`);
    const shared = ok(
      await t.gql(
        `query($s: ID!) { sharedOrder(shareId: $s) { studio { nameEn } productType lines { productCode quantity } stages { code labelEn } timeline { statusCode { code } finishedAt } completedAt imageUrl } }`,
        { s: shareId },
        { as: null },
      ),
    );
    expect(shared.sharedOrder).toMatchObject({
      studio: { nameEn: 'Moyun Creative Studio' },
      productType: 'CALLIGRAPHY_TEAWARE',
      lines: [{ productCode: 'TEA-CUP-CALLIG', quantity: 2 }],
    });
    expect(shared.sharedOrder.imageUrl).toBe(`${t.tokens.publicUrl.base}/og/calligraphy-teaware.png`);
    // The image answers publicly: a 1200 × 630 PNG, cached a day; a family without artwork of its
    // own (studios will name theirs) gets the woven cloth, never an error.
    const image = async (url: string) => {
      const response = await fetch(url);
      expect([response.status, response.headers.get('content-type'), response.headers.get('cache-control')]).toEqual([
        200,
        'image/png',
        'public, max-age=86400',
      ]);
      return Buffer.from(await response.arrayBuffer());
    };
    const teaware = await image(shared.sharedOrder.imageUrl);
    expect(await sharp(teaware).metadata()).toMatchObject({ format: 'png', width: 1200, height: 630 });
    const unknown = await image(t.tokens.publicUrl.shareImage('PORCELAIN_VASE'));
    expect(unknown.equals(teaware)).toBe(false);
    for (const family of ['KITE', '青花瓷 / blue & white'])
      expect((await image(t.tokens.publicUrl.shareImage(family))).equals(unknown)).toBe(true);
    const head = await fetch(shared.sharedOrder.imageUrl, { method: 'HEAD' });
    expect([head.status, (await head.arrayBuffer()).byteLength]).toEqual([200, 0]);
    expect(shared.sharedOrder.timeline.map((stage: any) => stage.statusCode.code)).toEqual(
      shared.sharedOrder.stages.map((stage: any) => stage.code),
    );
    const finished = shared.sharedOrder.timeline.map((stage: any) => Date.parse(stage.finishedAt));
    expect(finished.every((at: number) => at > 0 && at <= Date.parse(shared.sharedOrder.completedAt))).toBe(true);
    expect([...finished].sort((a, b) => a - b)).toEqual(finished);
    expect(shared.sharedOrder.stages).toHaveLength(9);
    expect(ok(await t.gql(`{ sharedOrder(shareId: "not-a-share") { productType } }`, {}, { as: null })).sharedOrder).toBeNull();
  }, 90_000);
});
