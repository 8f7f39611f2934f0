import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { ORDER_EVENTS } from '../contracts';
import { DEMO_ORDER_COUNT, DEMO_ORDER_ID } from '../demo/orders';
import { demoCustomer, demoWechatCustomers } from '../demo/customers';
import { TokenService } from '../platform/access/tokens';
import { startHubProcess, type HubProcess } from './support/hub-process';
import { staff } from './support/principals';
import { waitFor } from './support/wait';

interface Answer {
  data?: any;
  errors?: { message: string; extensions?: { code?: string } }[];
}

/**
 * Personal data never reaches the hub's output. The tests run silent, so this one starts the
 * hub as `npm start` does (a child process, the demo seeded, the WeChat stand-in) at
 * LOG_LEVEL=debug, takes the customer's paths through it — a customer link, preferences, a
 * WeChat message, a delay decision, a revoked link — and then reads everything it printed for
 * the demo customers' names, phones, addresses, openids and every token used. The start banner
 * may print the demo order's customer link (that is what a new user opens), once.
 */
describe('personal data in the output of the hub (npm start, LOG_LEVEL=debug)', () => {
  const secret = randomBytes(32).toString('base64url');
  const tokens = new TokenService({ hubSecret: secret });
  /** Every token this test handles; none may appear in the output. */
  const used: string[] = [secret];
  let hub: HubProcess;
  let studioToken: string;

  const gql = async (query: string, variables: Record<string, unknown> = {}, token?: string): Promise<Answer> => {
    const response = await fetch(hub.gatewayUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify({ query, variables }),
    });
    return (await response.json()) as Answer;
  };
  const ok = async (query: string, variables: Record<string, unknown>, token?: string) => {
    const answer = await gql(query, variables, token);
    expect(answer.errors).toBeUndefined();
    return answer.data;
  };

  /** The customer's own session, from a link the studio mints for the order (as the studio console does). */
  const customerSession = async (orderId: string, key: string) => {
    const minted = (
      await ok(
        `mutation($id: ID!, $key: String!) { mintCustomerLink(orderId: $id, tier: DETAILED, idempotencyKey: $key) { token url link { id } } }`,
        { id: orderId, key },
        studioToken,
      )
    ).mintCustomerLink;
    const session = (
      await ok(`mutation($link: String!) { exchangeCustomerLink(link: $link) { token orderId tier } }`, { link: minted.token })
    ).exchangeCustomerLink;
    used.push(minted.token, session.token);
    return { link: minted as { token: string; link: { id: string } }, token: session.token as string };
  };

  beforeAll(async () => {
    // Seeding the demo comes first: up to a few minutes on a busy machine.
    hub = await startHubProcess({ AUTH_SECRET: secret, SEED_DEMO: 'true', LOG_LEVEL: 'debug', NOTIFY_POLL_SECONDS: '0.2' }, 400_000);
    studioToken = await tokens.sign(staff('moyun-studio'), 3600);
    used.push(studioToken);
    await waitFor(() => hub.output().includes('Press Ctrl-C to stop.'), 200_000, 'the start banner');
  }, 600_000);
  afterAll(() => hub?.stop());

  it('keeps its data directory 0700 and every file in it 0600', () => {
    expect(fs.statSync(hub.dataDir).mode & 0o777).toBe(0o700);
    const files = fs.readdirSync(hub.dataDir);
    expect(files).toEqual(expect.arrayContaining(['orders.db', 'orders.db-wal', 'notifications.db', 'bus.db']));
    expect(files.map((file) => [file, (fs.statSync(path.join(hub.dataDir, file)).mode & 0o777).toString(8)])).toEqual(
      files.map((file) => [file, '600']),
    );
  });

  it('prints no customer name, phone, address, openid or token while customers use it', async () => {
    // The customer opens the link, reads the order and chooses how to be told.
    const { link, token: customer } = await customerSession(DEMO_ORDER_ID, 'output-link-1');
    await ok(
      `query($id: ID!) { order(id: $id) { id phase stages { code status operatorPenName } delayAlerts { id } } notificationPreferences(orderId: $id) { channel wechatBound } }`,
      { id: DEMO_ORDER_ID },
      customer,
    );
    // The shop imported the order with the customer's openid: they only choose WeChat.
    await ok(
      `mutation($id: ID!, $input: NotificationPreferencesInput!) { setNotificationPreferences(orderId: $id, input: $input) { channel wechatBound } }`,
      { id: DEMO_ORDER_ID, input: { channel: 'WECHAT', language: 'ZH', dailyDigest: false, dailyCap: 50, clearQuietHours: true } },
      customer,
    );

    // The studio completes the order's running stage: the customer is told on WeChat (the stand-in).
    const stages = (
      await ok(`query($id: ID!) { order(id: $id) { stages { id status qcCheckpoint } } }`, { id: DEMO_ORDER_ID }, studioToken)
    ).order.stages as { id: string; status: string; qcCheckpoint: boolean }[];
    let stage = stages.find((candidate) => candidate.status === 'IN_PROGRESS');
    if (!stage) {
      stage = stages.find((candidate) => candidate.status === 'PENDING')!;
      await ok(
        `mutation($s: ID!) { startStage(stageRunId: $s, operator: { name: "李强", penName: "松烟" }) { id } }`,
        { s: stage.id },
        studioToken,
      );
    }
    if (stage.qcCheckpoint)
      await ok(
        `mutation($s: ID!) { recordQcResult(stageRunId: $s, result: PASS, idempotencyKey: "output-qc") { id } }`,
        { s: stage.id },
        studioToken,
      );
    await ok(`mutation($s: ID!) { completeStage(stageRunId: $s) { id } }`, { s: stage.id }, studioToken);
    await waitFor(
      async () =>
        (
          (await ok(`query($id: ID!) { customerMessages(orderId: $id) { eventType status } }`, { id: DEMO_ORDER_ID }, customer))
            .customerMessages as { eventType: string; status: string }[]
        ).some((message) => message.eventType === ORDER_EVENTS.STAGE_COMPLETED && message.status === 'SENT'),
      60_000,
      'the WeChat message of the completed stage',
    );

    // A customer answers a delay notice (the demo has late orders of 墨韵文创 with one).
    let notice: { id: string; orderId: string } | undefined;
    await waitFor(
      async () => {
        const alerts = (
          await ok(`{ delayAlerts(studioId: "moyun-studio", status: OPEN) { id orderId threshold customerResponse } }`, {}, studioToken)
        ).delayAlerts as { id: string; orderId: string; threshold: number; customerResponse: string | null }[];
        notice = alerts.find((alert) => alert.threshold === 50 && alert.customerResponse === null);
        return notice !== undefined;
      },
      60_000,
      'a delay notice to a customer',
    );
    const late = await customerSession(notice!.orderId, 'output-link-2');
    await ok(
      `mutation($id: ID!) { respondToDelay(alertId: $id, choice: ACCEPT_DELAY, idempotencyKey: "output-delay") { customerResponse } }`,
      { id: notice!.id },
      late.token,
    );

    // Refusals carry tokens too: a revoked link, a customer token on another order.
    await ok(`mutation($id: ID!) { revokeCustomerLink(linkId: $id) { id } }`, { id: link.link.id }, studioToken);
    const refused = await gql(`mutation($link: String!) { exchangeCustomerLink(link: $link) { token } }`, { link: link.token });
    expect(refused.errors?.[0]?.extensions?.code).toBeDefined();
    expect((await gql(`query($id: ID!) { order(id: $id) { id } }`, { id: notice!.orderId }, customer)).data?.order ?? null).toBeNull();

    // Everything it printed, up to its last line.
    await hub.stop();
    const output = hub.output();
    expect(output).toContain('[wechat stub]');

    const personal = [
      ...Array.from({ length: DEMO_ORDER_COUNT }, (_, index) => Object.values(demoCustomer(index))).flat(),
      ...demoWechatCustomers().map((demo) => demo.wechatOpenId),
    ];
    expect(personal.filter((value) => output.includes(value))).toEqual([]);
    expect(used.filter((value) => output.includes(value)).map((value) => `${value.slice(0, 12)}…`)).toEqual([]);
    // The banner's link, and only there.
    const banner = /\/track\?link=([\w.-]+)/.exec(output);
    expect(banner).not.toBeNull();
    expect(output.split(banner![1]).length - 1).toBe(1);
  }, 300_000);
});
