/**
 * `npm run bench:subscriptions [-- --subscribers 1000,5000 --rate 500 --seconds 20 --changes mutations|bus --hub separate|embedded]`
 *
 * Live updates under load, with every part in its own process as in production: the six
 * subgraphs and the gateway are started with `node dist/…/main.js` on NATS JetStream (NATS_URL,
 * required) and PostgreSQL (DATABASE_URL, a scratch database) or, without it, SQLite files in a
 * temp dir. `--hub embedded` runs the one-process hub instead, as `npm start` does (its
 * in-process bus, the demo network; NATS not needed), with `--changes mutations` only. For each subscriber count it opens that many graphql-ws clients, each following its
 * own order (`orderProgress` with fields from orders, the vocabulary and the network), drives
 * changes at the given rate for the given time, and prints delivery latency p50 / p99 / max
 * (from the change's `occurredAt` to the client), events lost, and the gateway's memory per
 * connection. Then a broadcast: 1000 subscribers of one studio channel, one event.
 *
 * Changes are `mutations` (startStage / recordQcResult / completeStage through the gateway; the
 * achieved rate is printed, since on a small machine the mutations themselves may be the limit)
 * or `bus` (order events published to JetStream at the rate, as the orders relay would).
 * A benchmark, not a test: nothing here asserts a time.
 */
import 'reflect-metadata';
import type { ChildProcess } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createClient, type Client } from 'graphql-ws';
import WebSocket from 'ws';
import { EVENT_ENVELOPE_VERSION, ORDER_EVENTS, type EventEnvelope, type Principal } from '../contracts';
import { createScratchDatabase } from '../hub/scratch-database';
import { TokenService } from '../platform/access/tokens';
import { NatsEventBus } from '../platform/events/nats-bus';
import { cpuOfParts, idleAfter, launchEmbeddedHub, launchGateway, sleep, startSubgraphProcesses, stopAll, waitReady } from './processes';
import { goalLine, percentile } from './figures';
import { gql, inParallel, option, stageStepMutation, stageSteps } from './hub-calls';

const SUBSCRIBERS = option('subscribers', '1000,5000').split(',').map(Number);
const RATE = Number(option('rate', '500'));
const SECONDS = Number(option('seconds', '20'));
const CHANGES = option('changes', 'mutations') as 'mutations' | 'bus';
const BROADCAST = Number(option('broadcast', '1000'));
/** Seconds of changes before the measured ones (not measured). */
const WARMUP = Number(option('warmup', '3'));
const BASE_PORT = Number(option('port', '4700'));
/** `order`: the order's status, its label (vocabulary) and studio (network): three subgraph hops per event. `event`: the event's own fields only. */
const SELECT = option('select', 'event,order').split(',') as ('order' | 'event')[];
/** `separate`: each part its own process on NATS. `embedded`: the one process `npm start` runs. */
const HUB = option('hub', 'separate') as 'separate' | 'embedded';

const STUDIO = 'moyun-studio';
const admin: Principal = { subject: 'bench@moyun-studio', org: STUDIO, roles: ['STUDIO_ADMIN'] };
const FOLLOW = {
  order: `subscription($id: ID!) { orderProgress(orderId: $id) { cursor type occurredAt order { status statusCode { code labelEn } studio { nameEn } } } }`,
  event: `subscription($id: ID!) { orderProgress(orderId: $id) { cursor type kind occurredAt orderId } }`,
};
const BROADCAST_FOLLOW = `subscription { studioEvents(studioId: "${STUDIO}", kinds: [ORDER]) { cursor type occurredAt order { externalOrderId } } }`;

const rssOf = (pid: number) => Number(/VmRSS:\s+(\d+)/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0) * 1024;
const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

interface Hub {
  gatewayUrl: string;
  gateway: ChildProcess;
  /** The subgraph processes by name. */
  subgraphs: Record<string, ChildProcess>;
  /** A fresh gateway process (each measurement starts from a clean gateway; embedded: the whole hub). */
  restartGateway(): Promise<void>;
  /** Waits until the hub has worked through what the changes caused; answers the seconds it took. */
  settled(): Promise<number>;
  stop(): Promise<void>;
}

/** Starts `start` as the gateway (or the whole hub) and answers a way to start it afresh. */
async function restartable(start: () => ChildProcess, processes: ChildProcess[]) {
  const up = async () => {
    const child = start();
    processes.push(child);
    await waitReady(`http://127.0.0.1:${BASE_PORT}/readyz`);
    return child;
  };
  const first = await up();
  const restart = async (old: ChildProcess) => {
    old.kill('SIGTERM');
    await new Promise((resolve) => old.once('exit', resolve));
    processes.splice(processes.indexOf(old), 1);
    return up();
  };
  return { first, restart };
}

async function startHub(env: NodeJS.ProcessEnv, bus: NatsEventBus | undefined): Promise<Hub> {
  const processes: ChildProcess[] = [];
  const embedded = HUB === 'embedded';
  const subgraphs = embedded ? { urls: {}, processes: {} } : await startSubgraphProcesses(BASE_PORT, env, (name) => name === 'network');
  processes.push(...Object.values(subgraphs.processes));
  const { first, restart } = await restartable(
    () =>
      embedded
        ? launchEmbeddedHub(BASE_PORT, { ...env, LIVE_MAX_QUEUE: '100000' })
        : launchGateway(BASE_PORT, subgraphs.urls, { ...env, LIVE_MAX_QUEUE: '100000' }),
    processes,
  );
  const hub: Hub = {
    gatewayUrl: `http://127.0.0.1:${BASE_PORT}/graphql`,
    gateway: first,
    subgraphs: subgraphs.processes,
    restartGateway: async () => void (hub.gateway = await restart(hub.gateway)),
    settled: () => (embedded ? idleAfter(hub.gateway.pid!) : consumersSettled(bus!, env.NATS_STREAM!)),
    stop: () => stopAll(processes.reverse()),
  };
  return hub;
}

/** The event types the bench itself causes; anything else a subscriber gets is counted apart. */
const DRIVEN_TYPES = new Set<string>(
  CHANGES === 'bus' ? [ORDER_EVENTS.ROUTE_CHANGED] : [ORDER_EVENTS.STAGE_STARTED, ORDER_EVENTS.QC_RECORDED, ORDER_EVENTS.STAGE_COMPLETED],
);

interface Follower {
  client: Client;
  error?: string;
  latencies: number[];
  /** Cursors of driven events received (each once). */
  cursors: Set<string>;
  /** The same cursor delivered again. */
  duplicates: number;
  /** Events of other types (forecasts moving, say), not part of what was driven. */
  others: number;
}

async function openFollowers(
  url: string,
  token: string,
  count: number,
  query: (index: number) => { query: string; variables?: Record<string, unknown> },
  driven: ReadonlySet<string>,
): Promise<Follower[]> {
  const followers: Follower[] = [];
  for (let index = 0; index < count; index += 1) {
    const follower: Follower = {
      client: createClient({
        url: url.replace(/^http/, 'ws'),
        webSocketImpl: WebSocket,
        connectionParams: { authorization: `Bearer ${token}` },
        lazy: true,
        retryAttempts: 5,
      }),
      latencies: [],
      cursors: new Set(),
      duplicates: 0,
      others: 0,
    };
    const seen = new Set<string>();
    follower.client.subscribe(query(index), {
      next: (result: any) => {
        const event = Object.values(result.data ?? {})[0] as { cursor: string; type?: string; occurredAt: string } | undefined;
        if (!event) return;
        if (seen.has(event.cursor)) {
          follower.duplicates += 1;
          return;
        }
        seen.add(event.cursor);
        if (event.type !== undefined && !driven.has(event.type)) {
          follower.others += 1;
          return;
        }
        follower.cursors.add(event.cursor);
        follower.latencies.push(Date.now() - Date.parse(event.occurredAt));
      },
      error: (error) => {
        follower.error = Array.isArray(error)
          ? JSON.stringify(error).slice(0, 200)
          : `closed ${(error as { code?: number }).code ?? ''} ${(error as { reason?: string }).reason ?? (error as Error).message ?? ''}`;
      },
      complete: () => undefined,
    });
    followers.push(follower);
    if (index % 200 === 199) await sleep(50); // do not open thousands of sockets in one tick
  }
  return followers;
}

/** Waits until every durable consumer of the stream (the hub's) has nothing pending or unacknowledged; answers the seconds it took. */
async function consumersSettled(bus: NatsEventBus, stream: string): Promise<number> {
  const began = Date.now();
  const manager = await bus.connection.jetstreamManager();
  for (;;) {
    const consumers = await manager.consumers.list(stream).next();
    // Durable ones only: the hub's consumers (a stopped gateway's ephemeral feed lingers a while).
    const behind = consumers.filter(
      (consumer) => consumer.config.durable_name && (consumer.num_pending > 0 || consumer.num_ack_pending > 0),
    );
    if (!behind.length) return (Date.now() - began) / 1000;
    if (Date.now() - began > 60_000) {
      console.log(
        `  consumers still behind after 60 s: ${behind.map((consumer) => `${consumer.name} (${consumer.num_pending} pending, ${consumer.num_ack_pending} unacknowledged)`).join(', ')}`,
      );
      return (Date.now() - began) / 1000;
    }
    await sleep(250);
  }
}

async function followersAt(gatewayUrl: string): Promise<number> {
  const health = (await (await fetch(gatewayUrl.replace('/graphql', '/healthz'))).json()) as { live: { followers: number } };
  return health.live.followers;
}

/** Prints what the followers received; answers the figures a goal is judged on. */
function report(
  label: string,
  followers: Follower[],
  expected: number,
  lines: string[],
): { p99: number; lost: number; duplicates: number } {
  let extra = lines;
  const latencies = followers.flatMap((follower) => follower.latencies).sort((a, b) => a - b);
  const received = followers.reduce((sum, follower) => sum + follower.cursors.size, 0);
  const lost = Math.max(0, expected - received);
  const duplicates = followers.reduce((sum, follower) => sum + follower.duplicates, 0);
  const p99 = percentile(latencies, 99);
  const failed = followers.filter((follower) => follower.error);
  if (failed.length) extra = [...extra, `${failed.length} subscriptions failed, e.g. ${failed[0].error}`];
  console.log(
    [
      `${label}`,
      `  delivered ${received} of ${expected} events (lost ${lost}), ${duplicates} duplicates, ${followers.reduce((sum, follower) => sum + follower.others, 0)} events of other kinds`,
      `  latency p50 ${percentile(latencies, 50)} ms · p99 ${p99} ms · max ${latencies[latencies.length - 1] ?? NaN} ms`,
      ...extra.map((line) => `  ${line}`),
    ].join('\n'),
  );
  return { p99, lost, duplicates };
}

async function main(): Promise<void> {
  if (HUB === 'separate' && !process.env.NATS_URL) {
    console.error('bench:subscriptions needs NATS_URL (NATS with JetStream): the parts run as separate processes (or --hub embedded).');
    process.exit(2);
  }
  if (HUB === 'embedded' && CHANGES === 'bus') {
    console.error('--hub embedded drives real mutations (--changes mutations): its bus is inside the process.');
    process.exit(2);
  }
  const secret = randomBytes(32).toString('base64url');
  const stream = `WEFT_BENCH_${randomUUID().replace(/-/g, '').slice(0, 10).toUpperCase()}`;
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'weft-bench-'));
  const scratch = process.env.DATABASE_URL ? await createScratchDatabase(process.env.DATABASE_URL, 'weft_bench') : undefined;
  const env: NodeJS.ProcessEnv = {
    AUTH_SECRET: secret,
    NATS_STREAM: stream,
    DATA_DIR: dataDir,
    DATABASE_URL: scratch?.url ?? '',
    DB_POOL_MAX: '5',
  };
  const tokens = new TokenService({ hubSecret: secret });
  const token = await tokens.sign(admin, 3600);
  console.log(
    `Weft live bench: ${CHANGES} at ${RATE}/s for ${SECONDS} s; ${HUB === 'embedded' ? 'the one-process hub' : 'separate processes'} on ${scratch ? 'PostgreSQL' : 'SQLite'} + ${HUB === 'embedded' ? 'its in-process bus' : 'NATS'}; ${os.cpus().length} cores`,
  );
  const bus =
    HUB === 'separate'
      ? await NatsEventBus.connect({ url: process.env.NATS_URL!, stream, subjectPrefix: `weft.${stream}`, name: 'weft-bench' })
      : undefined;
  const hub = await startHub(env, bus);
  try {
    // Orders to follow: plain teapots (no bill of materials), one per subscriber.
    const orderCount = Math.max(...SUBSCRIBERS);
    const orders: { id: string; stages: { id: string; qcCheckpoint: boolean }[] }[] = [];
    const began = Date.now();
    await inParallel(orderCount, 12, async (index) => {
      const result = await gql(
        hub.gatewayUrl,
        token,
        `mutation($input: ShopOrderInput!) { importShopOrder(input: $input) { id stages { id qcCheckpoint } } }`,
        {
          input: {
            channel: 'TAOBAO',
            externalOrderId: `BENCH-${index}`,
            studioId: STUDIO,
            customer: { name: '客户', contact: '-', address: '-' },
            priceCents: 1000,
            lines: [{ productCode: 'TEA-POT-PLAIN', quantity: 1 }],
          },
        },
      );
      if (result.errors) throw new Error(JSON.stringify(result.errors));
      orders[index] = result.data.importShopOrder;
    });
    console.log(`  ${orderCount} orders imported in ${((Date.now() - began) / 1000).toFixed(1)} s`);

    // Where each order is on its route: measurements go on from where the last one left it (a
    // stage started again would change nothing and tell no one).
    const progress = orders.map(() => ({ stage: 0, step: 0 }));
    for (const select of SELECT)
      for (const count of SUBSCRIBERS) {
        await hub.restartGateway();
        await sleep(2000);
        const rssBefore = rssOf(hub.gateway.pid!);
        const followers = await openFollowers(
          hub.gatewayUrl,
          token,
          count,
          (index) => ({ query: FOLLOW[select], variables: { id: orders[index].id } }),
          DRIVEN_TYPES,
        );
        const deadline = Date.now() + 120_000;
        while ((await followersAt(hub.gatewayUrl)) < count && Date.now() < deadline) await sleep(200);
        await sleep(1000);
        const rssAfter = rssOf(hub.gateway.pid!);

        // Drive changes at the rate, round robin over the followed orders.
        const cpu = (): Record<string, number> => ({
          ...cpuOfParts(hub.gateway, HUB === 'embedded', hub.subgraphs),
          bench: process.cpuUsage().user / 1e6 + process.cpuUsage().system / 1e6,
        });
        const received = () => followers.reduce((sum, follower) => sum + follower.cursors.size, 0);
        const drive = async (seconds: number) => {
          const expected = new Map<number, number>();
          let made = 0;
          let failed = 0;
          let firstFailure = '';
          const started = Date.now();
          const total = RATE * seconds;
          const inFlight = new Set<Promise<void>>();
          for (let change = 0; change < total; change += 1) {
            const due = started + (change * 1000) / RATE;
            const wait = due - Date.now();
            if (wait > 0) await sleep(wait);
            const index = change % count;
            const work = (async () => {
              if (CHANGES === 'bus') {
                const event: EventEnvelope = {
                  id: randomUUID(),
                  type: ORDER_EVENTS.ROUTE_CHANGED,
                  version: EVENT_ENVELOPE_VERSION,
                  source: 'orders',
                  subject: { type: 'Order', id: orders[index].id },
                  actor: { subject: 'bench', enterprise: STUDIO },
                  occurredAt: new Date().toISOString(),
                  payload: { orderId: orders[index].id, studioId: STUDIO },
                };
                await bus!.publish([event]);
              } else {
                const state = progress[index];
                const stage = orders[index].stages[state.stage];
                if (!stage) return;
                const steps = stageSteps(stage);
                const step = steps[state.step];
                state.step += 1;
                if (state.step >= steps.length) Object.assign(state, { stage: state.stage + 1, step: 0 });
                const query = stageStepMutation(step, stage.id);
                const result = await gql(hub.gatewayUrl, token, query, { id: stage.id });
                if (result.errors) {
                  failed += 1;
                  firstFailure ||= JSON.stringify(result.errors[0]).slice(0, 200);
                  return;
                }
              }
              made += 1;
              expected.set(index, (expected.get(index) ?? 0) + 1);
            })();
            inFlight.add(work);
            void work.finally(() => inFlight.delete(work));
            if (inFlight.size > 256) await Promise.race(inFlight);
          }
          await Promise.all(inFlight);
          const drove = (Date.now() - started) / 1000;
          const target = [...expected.values()].reduce((sum, value) => sum + value, 0);
          const settle = Date.now() + 60_000;
          while (received() < target && Date.now() < settle) await sleep(200);
          return { made, failed, firstFailure, drove, target, started };
        };
        // A warm-up first (the gateway's plans, the subgraphs' code paths), not measured; then the
        // hub settles (every consumer at the head of the stream) before the measured run.
        if (WARMUP > 0) {
          await drive(WARMUP);
          for (const follower of followers) Object.assign(follower, { latencies: [], cursors: new Set(), duplicates: 0, others: 0 });
        }
        const settledIn = await hub.settled();
        const cpuBefore = cpu();
        const { made, failed, firstFailure, drove, target, started } = await drive(SECONDS);
        const cpuAfter = cpu();
        const wall = (Date.now() - started) / 1000;
        const busy = Object.entries(cpuAfter)
          .map(([name, seconds]) => [name, seconds - cpuBefore[name]] as const)
          .filter(([, seconds]) => seconds >= 0.05)
          .sort((a, b) => b[1] - a[1]);
        const { p99, lost, duplicates } = report(
          `${count} subscribers, each following its own order (selection: ${select})`,
          followers,
          target,
          [
            `changes: ${made} in ${drove.toFixed(1)} s = ${(made / drove).toFixed(0)}/s achieved (target ${RATE}/s)${failed ? `, ${failed} refused (e.g. ${firstFailure})` : ''}; measured after a ${WARMUP} s warm-up and the consumers settling (${settledIn.toFixed(1)} s)`,
            `${HUB === 'embedded' ? 'hub' : 'gateway'} memory: ${mb(rssBefore)} → ${mb(rssAfter)} with ${count} connections = ${((rssAfter - rssBefore) / count / 1024).toFixed(1)} KB per connection`,
            `CPU over the ${wall.toFixed(1)} s until the last delivery (2 cores: ${(2 * wall).toFixed(0)} s in all): ${busy.map(([name, seconds]) => `${name} ${seconds.toFixed(1)} s`).join(', ')}`,
          ],
        );
        // Issue 16's goal: 1,000 subscribers of their own orders with fields of three subgraphs, 500 changes/s.
        if (select === 'order' && count >= 1000 && RATE >= 500) {
          console.log(
            `  ${goalLine(`p99 under 500 ms, 0 lost, 0 duplicates (${count} subscribers, order selection, ${RATE} changes/s)`, p99 < 500 && lost === 0 && duplicates === 0 && made / drove >= RATE * 0.95, `p99 ${p99} ms, lost ${lost}, ${duplicates} duplicates, ${(made / drove).toFixed(0)} changes/s`)}`,
          );
        }
        for (const follower of followers) await follower.client.dispose();
      }

    // Broadcast: many followers of one studio channel, one event.
    if (BROADCAST === 0) return;
    await hub.restartGateway();
    await sleep(2000);
    const followers = await openFollowers(
      hub.gatewayUrl,
      token,
      BROADCAST,
      () => ({ query: BROADCAST_FOLLOW }),
      new Set([ORDER_EVENTS.IMPORTED]),
    );
    while ((await followersAt(hub.gatewayUrl)) < BROADCAST) await sleep(200);
    await sleep(1000);
    const result = await gql(hub.gatewayUrl, token, `mutation($input: ShopOrderInput!) { importShopOrder(input: $input) { id } }`, {
      input: {
        channel: 'TAOBAO',
        externalOrderId: `BENCH-BROADCAST-${Date.now()}`,
        studioId: STUDIO,
        customer: { name: '客户', contact: '-', address: '-' },
        priceCents: 1000,
        lines: [{ productCode: 'TEA-POT-PLAIN', quantity: 1 }],
      },
    });
    if (result.errors) throw new Error(JSON.stringify(result.errors));
    const settle = Date.now() + 30_000;
    while (followers.some((follower) => follower.cursors.size < 1) && Date.now() < settle) await sleep(50);
    report(`broadcast: ${BROADCAST} subscribers of one studio channel, one event`, followers, BROADCAST, []);
    for (const follower of followers) await follower.client.dispose();
  } finally {
    await hub.stop();
    if (bus) {
      await (await bus.connection.jetstreamManager()).streams.delete(stream).catch(() => undefined);
      await bus.close();
    }
    await scratch?.drop().catch(() => undefined);
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

main().then(
  () => process.exit(0),
  (error) => {
    console.error(error);
    process.exit(1);
  },
);
