import { randomUUID } from 'node:crypto';
import WebSocket from 'ws';
import { LIVE_CLOSE_CODES, ORDER_EVENTS } from '../contracts';
import { DEFAULT_LIMITS } from '../platform/graphql/limits';
import { DEFAULT_LIVE_SETTINGS } from '../gateway/live/settings';
import type { TestHub } from './support/hub';
import { dialects, postGraphQL, startTestHub } from './support/hub';
import type { LiveConnection } from './support/live';
import { fillerEvents, liveConnection, wsUrl } from './support/live';
import { teawareOrder } from './support/orders';
import { customer, partner, staff } from './support/principals';
import { waitFor } from './support/wait';

const IMPORT = `mutation($input: ShopOrderInput!) { importShopOrder(input: $input) { id externalOrderId stages { id status } } }`;
const START = `mutation($id: ID!) { startStage(stageRunId: $id, operator: { name: "王芳", penName: "墨白" }) { id } }`;
const COMPLETE = `mutation($id: ID!) { completeStage(stageRunId: $id) { id } }`;
const CANCEL = `mutation($id: ID!, $key: String!) { cancelOrder(orderId: $id, reason: "changed my mind", idempotencyKey: $key) { id } }`;

/** What a studio front end follows: the event, and across subgraphs the order, its materials and labels. */
const ORDER_PROGRESS = `subscription Follow($id: ID!, $after: String) {
  orderProgress(orderId: $id, after: $after) {
    cursor type kind occurredAt orderId
    order { id status statusCode { code labelEn } studio { nameEn } materials { sku status } }
    entry { type statusCode { code labelZh labelEn } }
  }
}`;
const MAX_ALIASES = 80;
const STUDIO_ORDERS = `subscription Studio($after: String) { studioEvents(studioId: "moyun-studio", kinds: [ORDER], after: $after) { cursor type orderId order { externalOrderId } } }`;

describe.each(dialects())('live updates through the gateway (%s)', (dialect) => {
  let t: TestHub;
  const connections: LiveConnection[] = [];
  const connect = async (principal: Parameters<TestHub['token']>[0] | null, url?: string, options?: { retryAttempts?: number }) => {
    // Forecast updates come whenever a forecast moves; these tests are about the events around them.
    const connection = liveConnection(url ?? t.hub.gateway.url, principal ? await t.token(principal) : undefined, {
      ...options,
      ignoreTypes: [ORDER_EVENTS.ETA_CHANGED],
    });
    connections.push(connection);
    return connection;
  };

  beforeAll(async () => {
    // Room for large events (many aliases) in the slow-consumer case, and pings slower than it runs
    // under a loaded CI, so a paused client is closed for being slow, not for missing a ping.
    t = await startTestHub(dialect, {
      live: { ...DEFAULT_LIVE_SETTINGS, maxQueue: 150, maxReplay: 100_000, keepAliveMs: 120_000 },
      limits: { ...DEFAULT_LIMITS, maxAliases: MAX_ALIASES },
    });
    for (const name of ['network', 'suppliers']) await t.hub.subgraphs[name].definition.seed!(t.hub.subgraphs[name]);
  }, 120_000);
  afterEach(async () => {
    await Promise.all(connections.splice(0).map((connection) => connection.dispose()));
  });

  /** Once the hub holds still, everything it delivered has reached the open connections: nothing more is coming. */
  const quiet = async () => {
    await t.hub.settle();
    // (A connection whose server closed it for good fails its round trip: nothing was coming on it.)
    await Promise.allSettled(connections.map((connection) => connection.roundTrip()));
  };
  afterAll(() => t?.close());

  async function importOrder(overrides: Record<string, unknown> = {}) {
    const result = await t.gql(IMPORT, { input: teawareOrder(overrides) });
    expect(result.errors).toBeUndefined();
    return result.data.importShopOrder as { id: string; externalOrderId: string; stages: { id: string }[] };
  }

  /** The cursor of the newest event of an order so far (a subscriber catching up from the start). */
  async function cursorOf(orderId: string, events: number): Promise<string> {
    const connection = await connect(staff('moyun-studio'));
    const stream = connection.subscribe(ORDER_PROGRESS, { id: orderId, after: '0' });
    await stream.received(events);
    stream.stop();
    return stream.results[events - 1].data.orderProgress.cursor;
  }

  it('delivers a stage completed by a mutation, with fields of other subgraphs, in order', async () => {
    const order = await importOrder();
    const connection = await connect(staff('moyun-studio'));
    const stream = connection.subscribe(ORDER_PROGRESS, { id: order.id, after: '0' });
    await stream.received(1);
    expect(stream.results[0].data.orderProgress).toMatchObject({ type: ORDER_EVENTS.IMPORTED, kind: 'ORDER', orderId: order.id });
    expect((await t.gql(START, { id: order.stages[0].id })).errors).toBeUndefined();
    expect((await t.gql(COMPLETE, { id: order.stages[0].id })).errors).toBeUndefined();
    await stream.received(3);
    const [imported, started, completed] = stream.results.map((result) => result.data.orderProgress);
    expect([started.type, completed.type]).toEqual([ORDER_EVENTS.STAGE_STARTED, ORDER_EVENTS.STAGE_COMPLETED]);
    expect(Number(imported.cursor)).toBeLessThan(Number(started.cursor));
    expect(Number(started.cursor)).toBeLessThan(Number(completed.cursor));
    // Labels from the vocabulary, the studio from the network, materials from suppliers.
    expect(completed.entry.statusCode).toMatchObject({
      code: expect.any(String),
      labelZh: expect.any(String),
      labelEn: expect.any(String),
    });
    expect(completed.order.studio.nameEn).toBe('Moyun Creative Studio');
    expect(completed.order.materials.length).toBeGreaterThan(0);
    expect(completed.order.materials[0]).toMatchObject({
      sku: expect.any(String),
      status: expect.stringMatching(/AVAILABLE|LOW|SHORT|ON_ORDER/),
    });
    expect(stream.results.every((result) => result.errors === undefined)).toBe(true);
  });

  it('lets customers follow their own order at their tier, and refuses everyone else', async () => {
    const order = await importOrder();
    const other = await importOrder();
    await t.gql(START, { id: order.stages[0].id });
    await t.gql(COMPLETE, { id: order.stages[0].id });
    await t.gql(CANCEL, { id: order.id, key: randomUUID() });

    const follow = async (principal: Parameters<TestHub['token']>[0] | null, id = order.id, url?: string) => {
      const connection = await connect(principal, url);
      const stream = connection.subscribe(
        `subscription($id: ID!) { orderProgress(orderId: $id, after: "0") { type order { phase } entry { type } } }`,
        { id },
      );
      return stream;
    };
    // DETAILED and BASIC see the stage events (with the entry); MINIMAL only what changes the phase.
    const detailed = await follow(customer([order.id], 'DETAILED'), order.id, t.hub.gateway.audienceUrls.customer);
    const minimal = await follow(customer([order.id], 'MINIMAL'));
    await detailed.received(4);
    await minimal.received(1);
    await quiet();
    expect(detailed.results.map((result) => result.data.orderProgress.type)).toEqual([
      ORDER_EVENTS.IMPORTED,
      ORDER_EVENTS.STAGE_STARTED,
      ORDER_EVENTS.STAGE_COMPLETED,
      ORDER_EVENTS.CANCELLED,
    ]);
    expect(detailed.results[1].data.orderProgress.entry.type).toBe(ORDER_EVENTS.STAGE_STARTED);
    expect(minimal.results.map((result) => result.data.orderProgress)).toEqual([
      { type: ORDER_EVENTS.CANCELLED, order: { phase: 'CANCELLED' }, entry: null },
    ]);

    const refused = async (stream: ReturnType<LiveConnection['subscribe']>, code: string) => {
      await waitFor(() => stream.errors.length > 0, 10_000, `refusal ${code}`);
      expect(stream.errors[0][0]?.extensions?.code).toBe(code);
      expect(stream.results).toHaveLength(0);
    };
    await refused(await follow(customer([other.id], 'DETAILED')), 'FORBIDDEN');
    await refused(await follow(partner('gilding-atelier')), 'FORBIDDEN');
    await refused(await follow(null), 'UNAUTHENTICATED');
    const studioOfOthers = (await connect(staff('youcaifeng'))).subscribe(STUDIO_ORDERS);
    await refused(studioOfOthers, 'FORBIDDEN');
    const allocationsOfOthers = (await connect(staff('moyun-studio'))).subscribe(
      `subscription { allocationEvents(enterpriseId: "gilding-atelier") { cursor } }`,
    );
    await refused(allocationsOfOthers, 'FORBIDDEN');
    // The customer contract has no studioEvents; the gateway's abuse limits apply to subscriptions.
    const outsideContract = (await connect(customer([order.id], 'DETAILED'), t.hub.gateway.audienceUrls.customer)).subscribe(STUDIO_ORDERS);
    await refused(outsideContract, 'GRAPHQL_VALIDATION_FAILED');
    const aliases = Array.from({ length: MAX_ALIASES + 1 }, (_, index) => `a${index}: cursor`).join(' ');
    const tooManyAliases = (await connect(staff('moyun-studio'))).subscribe(
      `subscription($id: ID!) { orderProgress(orderId: $id) { ${aliases} } }`,
      { id: order.id },
    );
    await refused(tooManyAliases, 'GRAPHQL_VALIDATION_FAILED');
    const badCursor = (await connect(staff('moyun-studio'))).subscribe(ORDER_PROGRESS, { id: order.id, after: 'yesterday' });
    await refused(badCursor, 'BAD_USER_INPUT');
  });

  it("tells a partner following an order only of the order and the stages it holds, never another stage's events", async () => {
    const imported = await t.gql(IMPORT.replace('stages { id status }', 'stages { id qcCheckpoint }'), { input: teawareOrder() });
    const order = imported.data.importShopOrder as { id: string; stages: { id: string; qcCheckpoint: boolean }[] };
    // The studio works its stages up to a QC checkpoint (QC recorded there); the partner then works the next, which it holds.
    const checkpoint = order.stages.findIndex((stage) => stage.qcCheckpoint);
    expect(checkpoint).toBeGreaterThanOrEqual(0);
    const studioStage = order.stages[checkpoint];
    const partnerStage = order.stages[checkpoint + 1];
    const gilding = partner('gilding-atelier');
    const assigned = await t.gql(
      `mutation($id: ID!, $to: ID!, $key: String!) { assignStage(stageRunId: $id, enterpriseId: $to, idempotencyKey: $key) { id } }`,
      { id: partnerStage.id, to: 'gilding-atelier', key: randomUUID() },
    );
    expect(assigned.errors).toBeUndefined();
    const qc = `mutation($id: ID!, $key: String!) { recordQcResult(stageRunId: $id, result: PASS, idempotencyKey: $key) { id } }`;
    for (const stage of order.stages.slice(0, checkpoint + 1)) {
      expect((await t.gql(START, { id: stage.id })).errors).toBeUndefined();
      if (stage.qcCheckpoint) expect((await t.gql(qc, { id: stage.id, key: randomUUID() })).errors).toBeUndefined();
      expect((await t.gql(COMPLETE, { id: stage.id })).errors).toBeUndefined();
    }
    expect((await t.gql(START, { id: partnerStage.id }, { as: gilding })).errors).toBeUndefined();
    expect((await t.gql(COMPLETE, { id: partnerStage.id }, { as: gilding })).errors).toBeUndefined();
    const progress = (await t.gql(`query($id: ID!) { order(id: $id) { progress { eventId type stageRunId } } }`, { id: order.id })).data
      .order.progress as { eventId: string; type: string; stageRunId: string | null }[];
    const ofStudioStage = progress.filter((entry) => entry.stageRunId === studioStage.id);
    const ofPartnerStage = progress.filter((entry) => entry.stageRunId === partnerStage.id);
    expect(ofStudioStage.map((entry) => entry.type)).toEqual(
      expect.arrayContaining([ORDER_EVENTS.STAGE_STARTED, ORDER_EVENTS.QC_RECORDED, ORDER_EVENTS.STAGE_COMPLETED]),
    );
    // The studio's last stage done, the partner's stage may start: that is told on the partner's own stage, once.
    expect(ofPartnerStage.map((entry) => entry.type)).toEqual([
      ORDER_EVENTS.STAGE_ASSIGNED,
      ORDER_EVENTS.STAGE_READY,
      ORDER_EVENTS.STAGE_STARTED,
      ORDER_EVENTS.STAGE_COMPLETED,
    ]);

    const stream = (await connect(gilding)).subscribe(
      `subscription($id: ID!) { orderProgress(orderId: $id, after: "0") { type kind entry { eventId stageRunId } } }`,
      { id: order.id },
    );
    await stream.received(ofPartnerStage.length);
    await quiet();
    expect(stream.errors).toEqual([]);
    const received = stream.results.map((result) => result.data.orderProgress);
    // Every stage event it gets is one of its own stage, with its entry; none of the studio's stage, not even its type and time.
    const stageEvents = received.filter((event) => event.kind === 'STAGE');
    expect(stageEvents.map((event) => event.entry?.eventId ?? null).sort()).toStrictEqual(
      ofPartnerStage.map((entry) => entry.eventId).sort(),
    );
    expect(stageEvents.every((event) => event.entry?.stageRunId === partnerStage.id)).toBe(true);
    expect(received.map((event) => event.type)).toContain(ORDER_EVENTS.IMPORTED);

    // Its workshop's feed tells the same of the stages it holds (on every order at once), and only its own people may follow it.
    const held = (await connect(gilding)).subscribe(
      `subscription { heldStageEvents(enterpriseId: "gilding-atelier", after: "0") { type orderId stageRunId entry { eventId } } }`,
    );
    await waitFor(
      () =>
        held.results.some(
          (result) =>
            result.data.heldStageEvents.stageRunId === partnerStage.id && result.data.heldStageEvents.type === ORDER_EVENTS.STAGE_COMPLETED,
        ),
      10_000,
      'the held stage done',
    );
    const ofThisOrder = held.results.map((result) => result.data.heldStageEvents).filter((event) => event.orderId === order.id);
    expect(ofThisOrder.map((event) => [event.stageRunId, event.type, event.entry?.eventId])).toEqual(
      ofPartnerStage.map((entry) => [partnerStage.id, entry.type, entry.eventId]),
    );
    const othersFeed = (await connect(staff('moyun-studio'))).subscribe(
      `subscription { heldStageEvents(enterpriseId: "gilding-atelier") { cursor } }`,
    );
    await waitFor(() => othersFeed.errors.length > 0, 10_000, 'refusal');
    expect(othersFeed.errors[0][0]?.extensions?.code).toBe('FORBIDDEN');

    // Asked directly, the orders subgraph answers the partner no entry of a stage it does not hold.
    const token = await t.token(gilding);
    const entryAtSubgraph = async (eventId: string) =>
      (await postGraphQL(t.hub.subgraphs.orders.url, `query($e: ID!) { progressEvent(eventId: $e) { eventId } }`, { e: eventId }, token))
        .data.progressEvent;
    for (const entry of ofStudioStage) expect(await entryAtSubgraph(entry.eventId)).toBeNull();
    expect(await entryAtSubgraph(ofPartnerStage[0].eventId)).toEqual({ eventId: ofPartnerStage[0].eventId });
  });

  it('closes a connection whose token fails with 4401, and no subgraph serves subscriptions', async () => {
    const connection = liveConnection(t.hub.gateway.url, 'not-a-token');
    connections.push(connection);
    connection.subscribe(STUDIO_ORDERS);
    await waitFor(() => connection.closes.length > 0, 10_000, 'close');
    expect(connection.closes[0].code).toBe(4401);
    const direct = await postGraphQL(
      t.hub.subgraphs.orders.url,
      `subscription { orderProgress(orderId: "ord_x") { cursor } }`,
      undefined,
      await t.token(staff('moyun-studio')),
    );
    expect(direct.errors?.[0].extensions.code).toBe('BAD_REQUEST');
    // Nor over HTTP at the gateway: graphql-ws only.
    const overHttp = await t.gql(`subscription { orderProgress(orderId: "ord_x") { cursor } }`);
    expect(overHttp.errors?.[0].extensions?.code).toBe('BAD_REQUEST');
  });

  it('answers a query or mutation error as a `next` with errors; the socket and its subscriptions stay open', async () => {
    const order = await importOrder();
    const connection = await connect(staff('moyun-studio'));
    const followed = connection.subscribe(ORDER_PROGRESS, { id: order.id, after: '0' });
    await followed.received(1);
    // An execution error (no such order) and a refusal (another studio's lead may not cancel it).
    const missing = connection.subscribe(CANCEL, { id: 'ord_missing', key: randomUUID() });
    await waitFor(() => missing.completed || missing.errors.length > 0 || connection.closes.length > 0, 10_000, 'the answer');
    // (A lazy client closes its socket once nothing is open on it: the other studio follows its own events meanwhile.)
    const outsider = await connect(staff('youcaifeng'));
    outsider.subscribe(`subscription { studioEvents(studioId: "youcaifeng") { cursor } }`);
    const refused = outsider.subscribe(CANCEL, { id: order.id, key: randomUUID() });
    await waitFor(() => refused.completed || refused.errors.length > 0 || outsider.closes.length > 0, 10_000, 'the refusal');
    expect([connection.closes, outsider.closes]).toEqual([[], []]);
    expect(missing.results).toHaveLength(1);
    expect(missing.results[0].errors?.[0].extensions?.code).toEqual(expect.stringMatching(/BAD_USER_INPUT|NOT_FOUND/));
    expect(refused.results).toHaveLength(1);
    expect(refused.results[0].errors?.[0].extensions?.code).toEqual(expect.stringMatching(/FORBIDDEN|NOT_FOUND/));
    // The subscription on the same socket goes on.
    expect((await t.gql(START, { id: order.stages[0].id })).errors).toBeUndefined();
    await followed.received(2);
    expect(followed.results[1].data.orderProgress.type).toBe(ORDER_EVENTS.STAGE_STARTED);
  });

  it('closes a live connection with 4081 when its token expires', async () => {
    const connection = liveConnection(t.hub.gateway.url, await t.token(staff('moyun-studio'), 2));
    connections.push(connection);
    const stream = connection.subscribe(STUDIO_ORDERS);
    await waitFor(() => connection.closes.length > 0, 10_000, 'the close at expiry');
    expect(connection.closes[0].code).toBe(LIVE_CLOSE_CODES.TOKEN_EXPIRED);
    expect(stream.results).toHaveLength(0);
  });

  it('resumes after a disconnect with exactly the 100 changes made meanwhile, in order', async () => {
    // Plain teapots: no bill of materials, so the imports are the only studio events of kind ORDER.
    const plain = { lines: [{ productCode: 'TEA-POT-PLAIN', quantity: 1 }] };
    const before = await connect(staff('moyun-studio'));
    const followers = t.hub.gateway.feed!.followers;
    const live = before.subscribe(STUDIO_ORDERS);
    await waitFor(() => t.hub.gateway.feed!.followers > followers, 10_000, 'the subscription on the feed');
    const marker = await importOrder(plain);
    await waitFor(
      () => live.results.some((result) => result.data?.studioEvents.orderId === marker.id) || live.errors.length > 0,
      30_000,
      'the marker',
    );
    expect(live.errors).toEqual([]);
    const last = live.results.find((result) => result.data.studioEvents.orderId === marker.id)!.data.studioEvents.cursor;
    await before.dispose();

    const made: string[] = [];
    for (let index = 0; index < 100; index += 1) made.push((await importOrder(plain)).externalOrderId);
    const after = await connect(staff('moyun-studio'));
    const resumed = after.subscribe(STUDIO_ORDERS, { after: last });
    await resumed.received(100, 30_000);
    await quiet();
    expect(resumed.errors).toEqual([]);
    const received = resumed.results.map((result) => result.data.studioEvents);
    expect(received.map((event) => event.order.externalOrderId)).toEqual(made);
    const cursors = received.map((event) => Number(event.cursor));
    expect(cursors.every((cursor, index) => index === 0 || cursor > cursors[index - 1])).toBe(true);
    expect(cursors[0]).toBeGreaterThan(Number(last));

    // …and then continues live, with no duplicate of what the replay gave.
    const next = await importOrder(plain);
    await resumed.received(101);
    expect(resumed.results[100].data.studioEvents.orderId).toBe(next.id);
  }, 120_000);

  it('keeps `after` current in the variables of a stock client that retries, so a reconnect resumes without gap or duplicate', async () => {
    const order = await importOrder();
    const connection = await connect(staff('moyun-studio'), undefined, { retryAttempts: 5 });
    const variables: Record<string, unknown> = { id: order.id, after: '0' };
    const cursors: number[] = [];
    const errors: unknown[] = [];
    connection.client.subscribe(
      { query: ORDER_PROGRESS, variables },
      {
        next: (result: any) => {
          variables.after = result.data.orderProgress.cursor; // what the retry will resend
          // Forecast updates arrive whenever the forecast moves; this test counts the changes it makes.
          if (result.data.orderProgress.type !== ORDER_EVENTS.ETA_CHANGED) cursors.push(Number(result.data.orderProgress.cursor));
        },
        error: (error: unknown) => errors.push(error),
        complete: () => undefined,
      },
    );
    await waitFor(() => cursors.length === 1 || errors.length > 0, 30_000, 'the import event');
    expect(errors).toEqual([]);
    await t.gql(START, { id: order.stages[0].id });
    await waitFor(() => cursors.length === 2 || errors.length > 0, 30_000, 'the start event');
    expect(errors).toEqual([]);
    t.hub.gateway.live.dropConnections();
    await waitFor(() => connection.closes.length > 0, 10_000, 'the drop');
    await t.gql(COMPLETE, { id: order.stages[0].id });
    await t.gql(START, { id: order.stages[1].id });
    await waitFor(() => cursors.length >= 4, 30_000, 'the events after the reconnect');
    await quiet();
    expect(connection.closes[0].code).toBe(LIVE_CLOSE_CODES.GOING_AWAY);
    expect(cursors).toHaveLength(4);
    expect(new Set(cursors).size).toBe(4);
    expect([...cursors].sort((a, b) => a - b)).toEqual(cursors);
  });

  it('closes a slow consumer with 4080 without delaying anyone else; it resumes from its last cursor', async () => {
    const order = await importOrder();
    // Events without fields of other types cost the gateway no query, so they come fast.
    const fields = Array.from(
      { length: MAX_ALIASES - 1 },
      (_, index) => `copy${index}: ${['type', 'occurredAt', 'orderId', 'kind'][index % 4]}`,
    ).join(' ');
    const big = `subscription($id: ID!, $after: String) { orderProgress(orderId: $id, after: $after) { cursor ${fields} } }`;
    const token = await t.token(staff('moyun-studio'));
    const start = await cursorOf(order.id, 1);

    // The slow client: speaks the protocol by hand and stops reading once subscribed.
    const slow = new WebSocket(wsUrl(t.hub.gateway.url), 'graphql-transport-ws');
    const slowCursors: number[] = [];
    let closeCode = 0;
    slow.on('message', (data) => {
      const message = JSON.parse(String(data));
      if (message.type === 'connection_ack')
        slow.send(JSON.stringify({ id: '1', type: 'subscribe', payload: { query: big, variables: { id: order.id, after: start } } }));
      if (message.type === 'next') slowCursors.push(Number(message.payload.data.orderProgress.cursor));
    });
    slow.on('close', (code) => (closeCode = code));
    await new Promise((resolve) => slow.once('open', resolve));
    slow.send(JSON.stringify({ type: 'connection_init', payload: { authorization: `Bearer ${token}` } }));
    const fast = (await connect(staff('moyun-studio'))).subscribe(big, { id: order.id, after: start });
    await waitFor(() => t.hub.gateway.feed!.followers === 2, 10_000, 'both subscribed');
    (slow as unknown as { _socket: { pause(): void } })._socket.pause();

    // Changes arrive faster than the slow client reads, straight onto the bus: of a type no subgraph
    // consumes (a newer peer's, say), so the gateway's feed is the only one doing work for them.
    const published: number[] = [];
    for (let batch = 0; batch < 200 && t.hub.gateway.feed!.followers === 2; batch += 1) {
      const events = fillerEvents(order.id, 100);
      await t.hub.bus.publish(events);
      published.push(events.length);
      await waitFor(
        () => fast.results.length >= published.reduce((sum, count) => sum + count, 0),
        30_000,
        'the fast subscriber keeping up',
      );
    }
    const total = published.reduce((sum, count) => sum + count, 0);
    (slow as unknown as { _socket: { resume(): void } })._socket.resume();
    await waitFor(() => closeCode !== 0, 10_000, 'the slow consumer closed');
    expect(closeCode).toBe(LIVE_CLOSE_CODES.SLOW_CONSUMER);
    // The fast one got every change (and whatever else the order saw meanwhile); the slow one less.
    const fastCursors = fast.results.map((result) => Number(result.data.orderProgress.cursor));
    expect(fast.results.filter((result) => result.data.orderProgress.copy0 === 'order.test.filler')).toHaveLength(total);
    expect(slowCursors.length).toBeLessThan(fastCursors.length);

    // It resumes from the last cursor it read and gets the rest: no gap, no duplicate.
    const last = slowCursors.length ? String(slowCursors[slowCursors.length - 1]) : start;
    const resumed = (await connect(staff('moyun-studio'))).subscribe(big, { id: order.id, after: last });
    await resumed.received(fastCursors.length - slowCursors.length, 60_000);
    const all = [...slowCursors, ...resumed.results.map((result) => Number(result.data.orderProgress.cursor))];
    expect(all).toEqual(fastCursors);
  }, 180_000);

  it('loses nothing across a restart of the hub: a subscriber resumes from its cursor', async () => {
    const order = await importOrder();
    const cursor = await cursorOf(order.id, 1);
    await t.restart();
    await t.gql(START, { id: order.stages[0].id });
    await t.gql(COMPLETE, { id: order.stages[0].id });
    // Everything of the order after the cursor, as a subscriber from the start sees it now…
    const everything = (await connect(staff('moyun-studio'))).subscribe(ORDER_PROGRESS, { id: order.id, after: '0' });
    await waitFor(
      () => everything.results.some((result) => result.data.orderProgress.type === ORDER_EVENTS.STAGE_COMPLETED),
      15_000,
      'the completion',
    );
    const expected = everything.results.map((result) => result.data.orderProgress.cursor).filter((each) => Number(each) > Number(cursor));
    // …is exactly what the subscriber that resumes from its cursor gets.
    const resumed = (await connect(staff('moyun-studio'))).subscribe(ORDER_PROGRESS, { id: order.id, after: cursor });
    await resumed.received(expected.length);
    await quiet();
    expect(resumed.results.map((result) => result.data.orderProgress.cursor)).toEqual(expected);
    expect(resumed.results.map((result) => result.data.orderProgress.type)).toEqual(
      expect.arrayContaining([ORDER_EVENTS.STAGE_STARTED, ORDER_EVENTS.STAGE_COMPLETED]),
    );
  }, 120_000);
});
