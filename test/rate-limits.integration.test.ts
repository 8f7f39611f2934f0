import { randomUUID } from 'node:crypto';
import type http from 'node:http';
import { clientAddressOf, RateLimits } from '../gateway/rate-limits';
import type { TestHub } from './support/hub';
import { startTestHub } from './support/hub';
import { createClient } from 'graphql-sse';
import WebSocket from 'ws';
import { DEFAULT_LIVE_SETTINGS } from '../gateway/live/settings';
import { liveConnection, wsUrl } from './support/live';
import { teawareOrder } from './support/orders';
import { staff } from './support/principals';
import { waitFor } from './support/wait';

const PER_PRINCIPAL = 5;
const PER_ADDRESS = 3;
const CONNECTIONS_PER_ADDRESS = 3;
const REDIS_URL = process.env.REDIS_URL;
if (!REDIS_URL) console.warn('Rate limits in Redis skipped: REDIS_URL is not set (.ci/run sets it). The in-memory store is tested.');

/** The gateway's rate limits, on here only (other suites run them off: every call comes from 127.0.0.1). */
describe.each([['memory', undefined], ...(REDIS_URL ? [['redis', REDIS_URL]] : [])] as [string, string | undefined][])(
  'rate limits (%s)',
  (_store, redisUrl) => {
    let t: TestHub;

    beforeAll(async () => {
      t = await startTestHub('sqlite', {
        rateLimits: {
          perPrincipalPerMinute: PER_PRINCIPAL,
          publicPerAddressPerMinute: PER_ADDRESS,
          redisUrl,
          keyPrefix: `weft-test-${randomUUID()}`,
        },
        trustedProxies: ['127.0.0.1'],
        live: { ...DEFAULT_LIVE_SETTINGS, connectionsPerAddress: CONNECTIONS_PER_ADDRESS },
      });
    }, 60_000);
    afterAll(() => t?.close());

    const post = async (body: unknown, headers: Record<string, string> = {}) => {
      const response = await fetch(t.hub.gateway.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
        body: JSON.stringify(body),
      });
      return { status: response.status, retryAfter: response.headers.get('retry-after'), body: (await response.json()) as any };
    };
    const asPrincipal = async (subject: string) => ({ authorization: `Bearer ${await t.token({ ...staff('moyun-studio'), subject })}` });

    it('refuses a principal past its budget with 429 RATE_LIMITED and Retry-After; another principal is not held up', async () => {
      const first = await asPrincipal(`rate-${randomUUID()}`);
      for (let call = 0; call < PER_PRINCIPAL; call += 1) expect((await post({ query: '{ vocabularyVersion }' }, first)).status).toBe(200);
      const refused = await post({ query: '{ vocabularyVersion }' }, first);
      expect(refused.status).toBe(429);
      expect(Number(refused.retryAfter)).toBeGreaterThan(0);
      expect(refused.body.errors[0].extensions).toMatchObject({ code: 'RATE_LIMITED', retryAfterSeconds: Number(refused.retryAfter) });
      expect((await post({ query: '{ vocabularyVersion }' }, await asPrincipal(`rate-${randomUUID()}`))).status).toBe(200);
    });

    it('counts calls without a token per client address, told through the trusted proxy', async () => {
      const from = (address: string) => ({ 'x-forwarded-for': address });
      for (let call = 0; call < PER_ADDRESS; call += 1)
        expect((await post({ query: '{ enterprises { id } }' }, from('203.0.113.5'))).status).toBe(200);
      expect((await post({ query: '{ enterprises { id } }' }, from('203.0.113.5'))).status).toBe(429);
      // A client cannot claim another address before the proxy's: the proxy appends the real one.
      expect((await post({ query: '{ enterprises { id } }' }, from('198.51.100.1, 203.0.113.5'))).status).toBe(429);
      expect((await post({ query: '{ enterprises { id } }' }, from('203.0.113.6'))).status).toBe(200);
    });

    /** A WebSocket upgrade as a proxy at 127.0.0.1 forwards it for `address`: its status (101 when opened) and the socket. */
    const upgrade = (address: string) =>
      new Promise<{ status: number; socket: WebSocket }>((resolve, reject) => {
        const socket = new WebSocket(wsUrl(t.hub.gateway.url), 'graphql-transport-ws', { headers: { 'x-forwarded-for': address } });
        socket.once('open', () => resolve({ status: 101, socket }));
        socket.once('unexpected-response', (_request, response) => resolve({ status: response.statusCode ?? 0, socket }));
        socket.once('error', reject);
      });

    it('counts operations over a WebSocket without a token per the upgrade’s address, and share previews per the page’s', async () => {
      // graphql-ws's stock client, its upgrade forwarded for one address by the trusted proxy.
      class FromAddress extends WebSocket {
        constructor(url: string, protocols?: string | string[]) {
          super(url, protocols, { headers: { 'x-forwarded-for': '203.0.113.20' } });
        }
      }
      const connection = liveConnection(t.hub.gateway.url, undefined, { webSocketImpl: FromAddress });
      try {
        const ask = () =>
          new Promise<any>((resolve, reject) => {
            let answer: any;
            connection.client.subscribe(
              { query: '{ enterprises { id } }' },
              { next: (result) => (answer = result), error: reject, complete: () => resolve(answer) },
            );
          });
        for (let call = 0; call < PER_ADDRESS; call += 1) expect((await ask()).errors).toBeUndefined();
        expect((await ask()).errors[0].extensions.code).toBe('RATE_LIMITED');
      } finally {
        await connection.dispose();
      }
      // The socket's address is the one counted: its budget is spent over HTTP too, and no one else's is.
      const from = (address: string) => ({ 'x-forwarded-for': address });
      expect((await post({ query: '{ enterprises { id } }' }, from('203.0.113.20'))).status).toBe(429);
      expect((await post({ query: '{ enterprises { id } }' }, from('203.0.113.21'))).status).toBe(200);

      // A share page's preview is asked for the page's address: its budget, and only its, is spent.
      const sharePage = (address: string) =>
        fetch(`${t.hub.gateway.url.replace(/\/graphql$/, '')}/share/no-such-share`, { headers: from(address) });
      for (let call = 0; call < PER_ADDRESS; call += 1) expect((await sharePage('203.0.113.22')).status).toBe(404);
      const refused = await sharePage('203.0.113.22');
      expect(refused.status).toBe(429);
      expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
      expect((await post({ query: '{ enterprises { id } }' }, from('203.0.113.22'))).status).toBe(429);
      expect((await sharePage('203.0.113.23')).status).toBe(404);
    });

    it('caps the WebSocket connections open at once from one address; a closed one frees its place', async () => {
      const opened = [];
      for (let index = 0; index < CONNECTIONS_PER_ADDRESS; index += 1) opened.push(await upgrade('203.0.113.30'));
      try {
        expect(opened.map(({ status }) => status)).toEqual(Array(CONNECTIONS_PER_ADDRESS).fill(101));
        const over = await upgrade('203.0.113.30');
        expect(over.status).toBe(429);
        const elsewhere = await upgrade('203.0.113.31');
        expect(elsewhere.status).toBe(101);
        elsewhere.socket.close();
        opened.shift()!.socket.close();
        await waitFor(() => t.hub.gateway.live.connections() === CONNECTIONS_PER_ADDRESS - 1, 10_000, 'the closes seen');
        const again = await upgrade('203.0.113.30');
        opened.push(again);
        expect(again.status).toBe(101);
      } finally {
        for (const { socket } of opened) socket.terminate();
      }
    });

    it('counts operations sent over SSE (graphql-sse) against the same budget', async () => {
      const headers = await asPrincipal(`rate-${randomUUID()}`);
      const overSse = () =>
        fetch(t.hub.gateway.url.replace(/\/graphql$/, '/graphql/stream'), {
          method: 'POST',
          headers: { 'content-type': 'application/json', accept: 'text/event-stream', ...headers },
          body: JSON.stringify({ query: '{ vocabularyVersion }' }),
        });
      expect((await post({ query: '{ vocabularyVersion }' }, headers)).status).toBe(200);
      for (let call = 1; call < PER_PRINCIPAL; call += 1) {
        const answer = await overSse();
        expect(answer.status).toBe(200);
        expect(await answer.text()).toContain('vocabularyVersion');
      }
      const refused = await overSse();
      expect(refused.status).toBe(429);
      expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
      expect(((await refused.json()) as any).errors[0].extensions.code).toBe('RATE_LIMITED');
    });

    it('counts a live subscription once, however many events it gets', async () => {
      const subject = `rate-${randomUUID()}`;
      const headers = await asPrincipal(subject);
      // Changes go straight to the orders subgraph: only the subscriber's budget is in play at the gateway.
      const orders = { url: t.hub.subgraphs.orders.url };
      const imported = await t.gql(
        `mutation($input: ShopOrderInput!) { importShopOrder(input: $input) { id stages { id } } }`,
        { input: teawareOrder() },
        orders,
      );
      const order = imported.data.importShopOrder as { id: string; stages: { id: string }[] };
      const client = createClient({ url: t.hub.gateway.url.replace(/\/graphql$/, '/graphql/stream'), headers, retryAttempts: 0 });
      const received: any[] = [];
      const stop = client.subscribe(
        {
          query: `subscription($id: ID!) { orderProgress(orderId: $id, after: "0") { cursor type order { status } } }`,
          variables: { id: order.id },
        },
        { next: (result) => void received.push(result), error: (error) => void received.push({ error }), complete: () => undefined },
      );
      try {
        for (const stage of order.stages.slice(0, 3)) {
          await t.gql(
            `mutation($id: ID!) { startStage(stageRunId: $id, operator: { name: "王芳", penName: "墨白" }) { id } }`,
            { id: stage.id },
            orders,
          );
          await t.gql(`mutation($id: ID!) { completeStage(stageRunId: $id) { id } }`, { id: stage.id }, orders);
        }
        await waitFor(
          () => received.filter((result) => result.data?.orderProgress.type.startsWith('order.stage.')).length >= 6,
          30_000,
          'six stage events',
        );
        expect(received.filter((result) => !result.data)).toEqual([]);
        // One of five taken by the subscription: four more operations, then the refusal.
        for (let call = 1; call < PER_PRINCIPAL; call += 1)
          expect((await post({ query: '{ vocabularyVersion }' }, headers)).status).toBe(200);
        expect((await post({ query: '{ vocabularyVersion }' }, headers)).status).toBe(429);
      } finally {
        stop();
        client.dispose();
      }
    });

    it('counts each operation of a batch', async () => {
      const headers = await asPrincipal(`rate-${randomUUID()}`);
      const batch = Array.from({ length: PER_PRINCIPAL + 2 }, () => ({ query: '{ vocabularyVersion }' }));
      const response = await fetch(t.hub.gateway.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
        body: JSON.stringify(batch),
      });
      const results = (await response.json()) as any[];
      expect(results.filter((result) => result.data?.vocabularyVersion)).toHaveLength(PER_PRINCIPAL);
      expect(results.filter((result) => result.errors?.[0].extensions.code === 'RATE_LIMITED')).toHaveLength(2);
    });
  },
);

describe('the client address', () => {
  const request = (peer: string, forwarded?: string) =>
    ({ socket: { remoteAddress: peer }, headers: forwarded ? { 'x-forwarded-for': forwarded } : {} }) as unknown as http.IncomingMessage;

  it('is the peer, unless the peer is a trusted proxy; then the nearest untrusted hop, from the right', () => {
    expect(clientAddressOf(request('::ffff:198.51.100.7', '203.0.113.5'), [])).toBe('198.51.100.7');
    expect(clientAddressOf(request('10.0.0.2', '203.0.113.5'), ['10.0.0.2'])).toBe('203.0.113.5');
    expect(clientAddressOf(request('10.0.0.2', 'forged, 198.51.100.1, 203.0.113.5, 10.0.0.1'), ['10.0.0.1', '10.0.0.2'])).toBe(
      '203.0.113.5',
    );
    expect(clientAddressOf(request('10.0.0.2'), ['10.0.0.2'])).toBe('10.0.0.2');
  });
});

(REDIS_URL ? describe : describe.skip)('rate limits shared in Redis', () => {
  it('give two gateways one budget', async () => {
    const settings = {
      perPrincipalPerMinute: 4,
      publicPerAddressPerMinute: 4,
      redisUrl: REDIS_URL,
      keyPrefix: `weft-test-${randomUUID()}`,
    };
    const [a, b] = [new RateLimits(settings), new RateLimits(settings)];
    try {
      const context = { principal: { ...staff('moyun-studio'), subject: 'shared' } };
      const waits = [];
      for (const limits of [a, b, a, b, a]) waits.push(await limits.take(context));
      expect(waits.slice(0, 4)).toEqual([null, null, null, null]);
      expect(waits[4]).toBeGreaterThan(0);
    } finally {
      await a.close();
      await b.close();
    }
  });
});
