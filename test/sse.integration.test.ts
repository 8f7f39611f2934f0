import http from 'node:http';
import { createClient, type Client } from 'graphql-sse';
import { LIVE_CLOSE_CODES, ORDER_EVENTS } from '../contracts';
import { DEFAULT_LIMITS } from '../platform/graphql/limits';
import { DEFAULT_LIVE_SETTINGS } from '../gateway/live/settings';
import type { TestHub } from './support/hub';
import { startTestHub } from './support/hub';
import type { LiveConnection } from './support/live';
import { fillerEvents, liveConnection } from './support/live';
import { teawareOrder } from './support/orders';
import { customer, hubAdmin, staff } from './support/principals';
import { waitFor } from './support/wait';

const IMPORT = `mutation($input: ShopOrderInput!) { importShopOrder(input: $input) { id stages { id } } }`;
const START = `mutation($id: ID!) { startStage(stageRunId: $id, operator: { name: "王芳", penName: "墨白" }) { id } }`;
const COMPLETE = `mutation($id: ID!) { completeStage(stageRunId: $id) { id } }`;
const ORDER_PROGRESS = `subscription Follow($id: ID!, $after: String) {
  orderProgress(orderId: $id, after: $after) {
    cursor type kind orderId
    order { id status statusCode { code labelEn } studio { nameEn } }
    entry { type statusCode { code labelZh } }
  }
}`;

/** What one subscription of a stock graphql-sse client received. */
interface SseStream {
  results: any[];
  /** Results that carry errors (an ending's reason, a refusal). */
  errors: any[];
  failures: unknown[];
  completed: boolean;
  stop(): void;
}

/**
 * GraphQL over SSE, with stock graphql-sse clients in both of its modes, beside graphql-ws on the
 * same gateway: the same operations, feed, permissions and cursors. On SQLite only: the transport
 * does not depend on the database, and the live suite runs both dialects.
 */
describe('live updates over SSE (graphql-sse)', () => {
  let t: TestHub;
  const clients: Client[] = [];
  const connections: LiveConnection[] = [];

  beforeAll(async () => {
    // A short live queue, so a client that stops reading passes it soon (the slow-consumer case).
    t = await startTestHub('sqlite', { live: { ...DEFAULT_LIVE_SETTINGS, maxQueue: 40, maxReplay: 100_000, keepAliveMs: 120_000 } });
    for (const name of ['network', 'suppliers']) await t.hub.subgraphs[name].definition.seed!(t.hub.subgraphs[name]);
  }, 120_000);
  afterEach(async () => {
    for (const client of clients.splice(0)) client.dispose();
    await Promise.all(connections.splice(0).map((connection) => connection.dispose()));
  });
  afterAll(() => t?.close());

  const streamUrl = (path = '/graphql') => t.hub.gateway.url.replace(/\/graphql$/, `${path}/stream`);

  async function sseClient(
    principal: Parameters<TestHub['token']>[0],
    options: { singleConnection?: boolean; retryAttempts?: number; token?: string } = {},
  ): Promise<Client> {
    const token = options.token ?? (await t.token(principal));
    const client = createClient({
      url: streamUrl(),
      singleConnection: options.singleConnection ?? false,
      headers: () => ({ authorization: `Bearer ${token}` }),
      retryAttempts: options.retryAttempts ?? 0,
      retry: () => new Promise((resolve) => setTimeout(resolve, 100)),
    });
    clients.push(client);
    return client;
  }

  /** Subscribes; `variables` is the object the client re-sends on a retry (its `after` kept current by the caller). */
  function follow(client: Client, variables: Record<string, unknown>, onResult?: (result: any) => void): SseStream {
    const stream: SseStream = { results: [], errors: [], failures: [], completed: false, stop: () => undefined };
    stream.stop = client.subscribe(
      { query: ORDER_PROGRESS, variables },
      {
        next: (result: any) => {
          if (result.errors) return void stream.errors.push(result);
          // Forecast updates come whenever a forecast moves; these tests count the changes they make.
          if (result.data.orderProgress.type === ORDER_EVENTS.ETA_CHANGED) return;
          stream.results.push(result);
          onResult?.(result);
        },
        error: (error) => stream.failures.push(error),
        complete: () => (stream.completed = true),
      },
    );
    return stream;
  }

  async function importOrder() {
    const result = await t.gql(IMPORT, { input: teawareOrder() });
    expect(result.errors).toBeUndefined();
    return result.data.importShopOrder as { id: string; stages: { id: string }[] };
  }

  const events = (results: any[]) => results.map((result) => result.data.orderProgress);

  it('gives stock clients in both modes the same events as graphql-ws, for the same changes, in order', async () => {
    const order = await importOrder();
    const ws = liveConnection(t.hub.gateway.url, await t.token(staff('moyun-studio')), { ignoreTypes: [ORDER_EVENTS.ETA_CHANGED] });
    connections.push(ws);
    const overWs = ws.subscribe(ORDER_PROGRESS, { id: order.id, after: '0' });
    const distinct = follow(await sseClient(staff('moyun-studio')), { id: order.id, after: '0' });
    const single = follow(await sseClient(staff('moyun-studio'), { singleConnection: true }), { id: order.id, after: '0' });
    const all = [overWs, distinct, single];
    await waitFor(
      () => all.every((stream) => stream.results.length >= 1) || distinct.failures.length + single.failures.length > 0,
      30_000,
      'the import event on every transport',
    );
    expect([distinct.failures, single.failures, distinct.errors, single.errors]).toEqual([[], [], [], []]);

    await t.gql(START, { id: order.stages[0].id });
    await t.gql(COMPLETE, { id: order.stages[0].id });
    await t.gql(START, { id: order.stages[1].id });
    await waitFor(() => all.every((stream) => stream.results.length >= 4), 30_000, 'four events on every transport');
    await t.hub.settle();
    expect(events(overWs.results)).toHaveLength(4);
    expect(events(distinct.results)).toEqual(events(overWs.results));
    expect(events(single.results)).toEqual(events(overWs.results));
    expect(events(distinct.results).map((event) => event.type)).toEqual([
      ORDER_EVENTS.IMPORTED,
      ORDER_EVENTS.STAGE_STARTED,
      ORDER_EVENTS.STAGE_COMPLETED,
      ORDER_EVENTS.STAGE_STARTED,
    ]);
    expect(events(distinct.results)[1].order).toMatchObject({ status: 'IN_PRODUCTION', studio: { nameEn: expect.any(String) } });
  });

  it('resumes a stock client after a drained gateway and after a dropped connection, without gap or duplicate', async () => {
    const order = await importOrder();
    // The streams' responses, to cut the open one's socket as a network would (and nothing else:
    // the test's own calls share the client's pool of keep-alive sockets).
    const streams: http.ServerResponse[] = [];
    let streamRequests = 0;
    const onRequest = (request: http.IncomingMessage, response: http.ServerResponse) => {
      if (!request.url?.includes('/stream')) return;
      streamRequests += 1;
      streams.push(response);
    };
    t.hub.gateway.http.server.on('request', onRequest);
    const variables: Record<string, unknown> = { id: order.id, after: '0' };
    const cursors: number[] = [];
    const stream = follow(await sseClient(staff('moyun-studio'), { retryAttempts: 5 }), variables, (result) => {
      variables.after = result.data.orderProgress.cursor; // what the retry re-sends
      cursors.push(Number(result.data.orderProgress.cursor));
    });
    await waitFor(() => cursors.length === 1 || stream.failures.length > 0, 30_000, 'the import event');
    await t.gql(START, { id: order.stages[0].id });
    await waitFor(() => cursors.length === 2, 30_000, 'the start event');

    // Draining: told why (GOING_AWAY, with graphql-ws's close code), then the stream ends.
    t.hub.gateway.sse.dropStreams();
    await waitFor(() => stream.errors.length === 1, 10_000, 'the ending event');
    expect(stream.errors[0].errors[0].extensions).toEqual({ code: 'GOING_AWAY', closeCode: LIVE_CLOSE_CODES.GOING_AWAY });
    await t.gql(COMPLETE, { id: order.stages[0].id });
    await waitFor(() => cursors.length === 3, 30_000, 'the event after the retry');

    // A connection cut with no word (a proxy's timeout, a lost network), on the stream the retry opened.
    const open = streams.filter((response) => !response.writableEnded);
    expect(open).toHaveLength(1);
    open[0].socket!.destroy();
    await t.gql(START, { id: order.stages[1].id });
    await waitFor(() => cursors.length >= 4, 30_000, 'the event after the second retry');
    await t.hub.settle();
    await new Promise((resolve) => setTimeout(resolve, 200));
    t.hub.gateway.http.server.off('request', onRequest);
    expect(streamRequests).toBe(3); // the first request, the retry after the drain, the retry after the cut
    expect(stream.failures).toEqual([]);
    expect(stream.completed).toBe(false);
    expect(cursors).toHaveLength(4);
    expect(new Set(cursors).size).toBe(4);
    expect([...cursors].sort((a, b) => a - b)).toEqual(cursors);
  });

  it('tells a client that stops reading (SLOW_CONSUMER) after what its connection already holds, then ends the stream; it resumes from its last cursor', async () => {
    const order = await importOrder();
    // As many aliases as the limits allow: big events fill the connection sooner.
    const fields = Array.from(
      { length: DEFAULT_LIMITS.maxAliases - 1 },
      (_, index) => `copy${index}: ${['type', 'occurredAt', 'orderId', 'kind'][index % 4]}`,
    ).join(' ');
    const big = `subscription($id: ID!, $after: String) { orderProgress(orderId: $id, after: $after) { cursor ${fields} } }`;
    const token = await t.token(staff('moyun-studio'));
    // A client by hand that reads nothing once its stream is open: its socket fills, then the gateway's queue.
    const url = new URL(streamUrl());
    const seen: string[] = [];
    let ended = false;
    const request = http.request({
      host: url.hostname,
      port: url.port,
      path: url.pathname,
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'text/event-stream', authorization: `Bearer ${token}` },
    });
    const opened = new Promise<http.IncomingMessage>((resolve) => request.once('response', resolve));
    request.end(JSON.stringify({ query: big, variables: { id: order.id, after: '0' } }));
    const response = await opened;
    let buffer = '';
    response.setEncoding('utf8');
    response.on('data', (chunk: string) => {
      buffer += chunk;
      for (let end = buffer.indexOf('\n\n'); end >= 0; end = buffer.indexOf('\n\n')) {
        const message = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        const data = message.split('\n').find((line) => line.startsWith('data:'));
        if (message.startsWith('event: next') && data) seen.push(data.slice(5).trim());
      }
    });
    response.on('end', () => (ended = true));
    response.on('close', () => (ended = true));
    await waitFor(() => seen.length >= 1, 30_000, 'the first event');
    expect(JSON.parse(seen[0]).errors).toBeUndefined();
    expect(t.hub.gateway.feed!.followers).toBeGreaterThan(0);
    response.pause();

    const subscriptions = () => t.hub.gateway.feed!.followers;
    for (let batch = 0; batch < 100 && subscriptions() > 0; batch += 1) {
      await t.hub.bus.publish(fillerEvents(order.id, 100));
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    expect(subscriptions()).toBe(0); // it passed the bound and was let go
    response.resume();
    await waitFor(() => ended, 30_000, 'the end of the stream');
    const results = seen.map((data) => JSON.parse(data));
    const ending = results[results.length - 1];
    expect(ending.errors[0].extensions).toEqual({ code: 'SLOW_CONSUMER', closeCode: LIVE_CLOSE_CODES.SLOW_CONSUMER });
    const cursors = results.slice(0, -1).map((result) => Number(result.data.orderProgress.cursor));
    expect([...cursors].sort((a, b) => a - b)).toEqual(cursors);

    // Resuming from the last cursor read gives the rest, from the next one on.
    const rest = follow(await sseClient(staff('moyun-studio')), { id: order.id, after: String(cursors[cursors.length - 1]) });
    await waitFor(() => rest.results.length + rest.errors.length > 0, 30_000, 'the resumed stream');
    expect(rest.errors).toEqual([]);
    expect(Number(rest.results[0].data.orderProgress.cursor)).toBeGreaterThan(cursors[cursors.length - 1]);
  }, 120_000);

  it('tells a subscriber whose token expires (TOKEN_EXPIRED), then ends the stream', async () => {
    const order = await importOrder();
    const token = await t.token(staff('moyun-studio'), 3);
    const stream = follow(await sseClient(staff('moyun-studio'), { token }), { id: order.id, after: '0' });
    await waitFor(() => stream.errors.length === 1, 15_000, 'the expiry');
    expect(stream.results).toHaveLength(1); // it was following until then
    expect(stream.errors[0].errors[0].extensions).toEqual({ code: 'TOKEN_EXPIRED', closeCode: LIVE_CLOSE_CODES.TOKEN_EXPIRED });
    // Ended without `complete`: a client without retries reports the dropped stream.
    await waitFor(() => stream.failures.length === 1, 10_000, 'the end of the stream');
  });

  it('ends the streams of an enterprise a hub admin suspends (ENTERPRISE_SUSPENDED), refuses new ones (403), and takes them again once reinstated', async () => {
    const order = await importOrder();
    const stream = follow(await sseClient(staff('moyun-studio')), { id: order.id, after: '0' });
    await waitFor(() => stream.results.length === 1, 15_000, 'the import');
    const suspend = `mutation { suspendEnterprise(id: "moyun-studio", reason: "sse test", idempotencyKey: "sse-suspend") { status } }`;
    expect((await t.gql(suspend, {}, { as: hubAdmin() })).data.suspendEnterprise.status).toBe('SUSPENDED');
    await waitFor(() => stream.errors.length === 1, 15_000, 'the suspension');
    expect(stream.errors[0].errors[0].extensions).toEqual({ code: 'ENTERPRISE_SUSPENDED', closeCode: LIVE_CLOSE_CODES.FORBIDDEN });
    await waitFor(() => stream.failures.length === 1, 10_000, 'the end of the stream');
    const refused = await fetch(streamUrl(), {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        accept: 'text/event-stream',
        authorization: `Bearer ${await t.token(staff('moyun-studio'))}`,
      },
      body: JSON.stringify({ query: ORDER_PROGRESS, variables: { id: order.id } }),
    });
    expect(refused.status).toBe(403);
    expect(((await refused.json()) as any).errors[0].extensions.code).toBe('FORBIDDEN');
    const reinstate = `mutation { reinstateEnterprise(id: "moyun-studio", idempotencyKey: "sse-reinstate") { status } }`;
    expect((await t.gql(reinstate, {}, { as: hubAdmin() })).data.reinstateEnterprise.status).toBe('ACTIVE');
    await waitFor(async () => !(await t.gql(`{ enterprises { id } }`)).errors, 10_000, 'readmitted');
  });

  it('takes the token from the Authorization header only, refuses a bad one, keeps the permission rules and the body limit', async () => {
    const order = await importOrder();
    const subscribe = (headers: Record<string, string>, body: string, url = streamUrl()) =>
      fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', accept: 'text/event-stream', ...headers }, body });
    const request = JSON.stringify({ query: ORDER_PROGRESS, variables: { id: order.id } });

    const bad = await subscribe({ authorization: 'Bearer not-a-token' }, request);
    expect(bad.status).toBe(401);
    expect(((await bad.json()) as any).errors[0].extensions.code).toBe('UNAUTHENTICATED');

    // A token in the URL is graphql-sse's stream reservation, never a credential: this is an anonymous caller.
    const staffToken = await t.token(staff('moyun-studio'));
    const inUrl = await subscribe({}, request, `${streamUrl()}?token=${encodeURIComponent(staffToken)}`);
    const refusal = await inUrl.text();
    expect(refusal).toContain('"code":"UNAUTHENTICATED"');

    // Another order's customer is refused as over graphql-ws; nothing is followed.
    const followers = t.hub.gateway.feed!.followers;
    const stranger = await subscribe({ authorization: `Bearer ${await t.token(customer(['ord_someone_else'], 'DETAILED'))}` }, request);
    const strangerText = await stranger.text();
    expect(strangerText).toMatch(/"code":"(FORBIDDEN|NOT_FOUND)"/);
    expect(t.hub.gateway.feed!.followers).toBe(followers);

    const tooLarge = await subscribe(
      { authorization: `Bearer ${staffToken}` },
      JSON.stringify({ query: ORDER_PROGRESS, variables: { id: order.id, padding: 'x'.repeat(1_100_000) } }),
    );
    expect(tooLarge.status).toBe(413);
    expect(((await tooLarge.json()) as any).errors[0].extensions.code).toBe('PAYLOAD_TOO_LARGE');

    // The audience paths stream too, with their contract's fields only.
    const partnerPath = await subscribe(
      { authorization: `Bearer ${staffToken}` },
      JSON.stringify({ query: '{ __typename }' }),
      streamUrl('/graphql/partner'),
    );
    expect(partnerPath.status).toBe(200);
    expect(await partnerPath.text()).toContain('"__typename":"Query"');
  });
});

/**
 * graphql-sse's single-connection reservations (`PUT …/stream`), which the library never
 * expires: only a principal reserves, each principal and the gateway hold a bounded number, and
 * one not opened within its lifetime is ended. A short lifetime and small counts here.
 */
describe('reserved SSE streams', () => {
  const LIFETIME_MS = 1_500;
  const PER_PRINCIPAL = 2;
  const OVERALL = 3;
  let t: TestHub;

  beforeAll(async () => {
    t = await startTestHub('sqlite', {
      live: {
        ...DEFAULT_LIVE_SETTINGS,
        sseReservationMs: LIFETIME_MS,
        sseReservationsPerPrincipal: PER_PRINCIPAL,
        sseReservations: OVERALL,
      },
    });
  }, 120_000);
  afterAll(() => t?.close());

  const streamUrl = () => t.hub.gateway.url.replace(/\/graphql$/, '/graphql/stream');
  const bearer = async (org: string) => ({ authorization: `Bearer ${await t.token(staff(org))}` });
  const reserve = async (headers: Record<string, string> = {}) => {
    const response = await fetch(streamUrl(), { method: 'PUT', headers });
    const text = await response.text();
    return { status: response.status, token: text, body: response.status === 201 ? null : JSON.parse(text) };
  };
  /** An operation sent onto a reservation (single-connection mode): 202 while it exists, 404 once it does not. */
  const operate = async (token: string, headers: Record<string, string>, operationId = 'op') =>
    (
      await fetch(streamUrl(), {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-graphql-event-stream-token': token, ...headers },
        body: JSON.stringify({ query: '{ __typename }', extensions: { operationId } }),
      })
    ).status;

  it('refuses a reservation without a token, bounds them per principal and per gateway, and ends one never opened', async () => {
    const anonymous = await reserve();
    expect(anonymous.status).toBe(401);
    expect(anonymous.body.errors[0].extensions.code).toBe('UNAUTHENTICATED');

    const moyun = await bearer('moyun-studio');
    const first = await reserve(moyun);
    const second = await reserve(moyun);
    expect([first.status, second.status]).toEqual([201, 201]);
    const third = await reserve(moyun);
    expect(third.status).toBe(429);
    expect(third.body.errors[0].extensions.code).toBe('RATE_LIMITED');

    const youcaifeng = await bearer('youcaifeng');
    const other = await reserve(youcaifeng);
    expect(other.status).toBe(201);
    const full = await reserve(await bearer('gilding-atelier'));
    expect(full.status).toBe(503);
    expect(full.body.errors[0].extensions.code).toBe('SERVICE_UNAVAILABLE');
    expect(t.hub.gateway.sse.reservations()).toBe(OVERALL);

    // A reservation is its principal's: to anyone else it is unknown.
    expect(await operate(first.token, youcaifeng)).toBe(404);

    // Never opened, each ends after its lifetime: the stream is unknown, and the places are free again.
    await waitFor(() => t.hub.gateway.sse.reservations() === 0, 30_000, 'the unopened reservations ended');
    for (const reservation of [first, second, other]) expect(await operate(reservation.token, moyun)).toBe(404);
    expect((await reserve(moyun)).status).toBe(201);
  });

  it('keeps a reservation whose stream is open past the lifetime, until the stream closes', async () => {
    const headers = await bearer('youcaifeng');
    await waitFor(() => t.hub.gateway.sse.reservations() === 0, 30_000, 'the earlier reservations ended');
    const opened = await reserve(headers);
    const controller = new AbortController();
    const stream = await fetch(streamUrl(), {
      headers: { accept: 'text/event-stream', 'x-graphql-event-stream-token': opened.token, ...headers },
      signal: controller.signal,
    });
    expect(stream.status).toBe(200);
    const reader = stream.body!.getReader();
    try {
      // One reserved after it and never opened ends after the lifetime; the open one is still there then.
      const unopened = await reserve(headers);
      expect(unopened.status).toBe(201);
      await waitFor(() => t.hub.gateway.sse.reservations() === 1, 30_000, 'the unopened reservation ended');
      expect(await operate(unopened.token, headers)).toBe(404);
      expect(await operate(opened.token, headers, 'still-open')).toBe(202);
      let received = '';
      while (!received.includes('"__typename":"Query"')) received += new TextDecoder().decode((await reader.read()).value);
    } finally {
      controller.abort();
    }
    await waitFor(() => t.hub.gateway.sse.reservations() === 0, 30_000, 'the closed stream released');
  });
});
