/**
 * `npm run bench:writes [-- --seconds 10 --concurrency 32 --orders 600 --items 500 --publishers 4 --hub separate|embedded]`
 *
 * Writes through the gateway with every part in its own process, as in production: the
 * subgraphs and the gateway via `node dist/…/main.js` on NATS JetStream (NATS_URL, required)
 * and PostgreSQL (DATABASE_URL, a scratch database on that server) or, without it, SQLite.
 * `--hub embedded` runs the one-process hub instead, as `npm start` does (in-process bus, demo
 * network; NATS not needed): its consumers' lag is not visible from outside, so "caught up" is
 * the hub going idle.
 *
 * 1. Stage changes: `startStage` / `recordQcResult` / `completeStage` on imported orders, closed
 *    loop with `--concurrency` in flight, for `--seconds`. Prints the rate, p50 / p99, and the
 *    hub's durable consumers' lag (messages not yet acknowledged, sampled every 250 ms) during
 *    the run and how long they took to catch up after it.
 * 2. Inventory: `publishInventory` batches of `--items` lots from `--publishers` suppliers, each
 *    with rising sequences, for `--seconds`. Prints items applied per second, and checks that
 *    every lot ends at its last batch's figure (lost 0).
 * A benchmark, not a test: nothing here asserts a time.
 */
import 'reflect-metadata';
import { randomBytes, randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Principal } from '../contracts';
import { createScratchDatabase } from '../hub/scratch-database';
import { TokenService } from '../platform/access/tokens';
import { NatsEventBus } from '../platform/events/nats-bus';
import { goalLine, percentile } from './figures';
import { gql, inParallel, option, stageStepMutation, stageSteps } from './hub-calls';
import { cpuOfParts, idleAfter, launchEmbeddedHub, launchGateway, sleep, startSubgraphProcesses, stopAll, waitReady } from './processes';

const SECONDS = Number(option('seconds', '10'));
const CONCURRENCY = Number(option('concurrency', '32'));
const ORDERS = Number(option('orders', '600'));
const ITEMS = Number(option('items', '500'));
const PUBLISHERS = Number(option('publishers', '4'));
const BASE_PORT = Number(option('port', '4800'));
const HUB = option('hub', 'separate') as 'separate' | 'embedded';

const STUDIO = 'moyun-studio';
const staff: Principal = { subject: 'bench@moyun-studio', org: STUDIO, roles: ['STUDIO_ADMIN'] };
const supplierOf = (id: string): Principal => ({ subject: `bench@${id}`, org: id, roles: ['SUPPLIER'] });
/** Suppliers of the demo network that publish clay (a SKU the demo catalogue knows). */
const PUBLISHING = ['jingdezhen-clay', 'yixing-clay', 'east-china-emergency-pool'];

/** Messages the hub's durable consumers have not acknowledged yet, in all. */
async function consumerLag(manager: Awaited<ReturnType<NatsEventBus['connection']['jetstreamManager']>>, stream: string): Promise<number> {
  const consumers = await manager.consumers.list(stream).next();
  return consumers
    .filter((consumer) => consumer.config.durable_name)
    .reduce((sum, consumer) => sum + consumer.num_pending + consumer.num_ack_pending, 0);
}

async function main(): Promise<void> {
  if (HUB === 'separate' && !process.env.NATS_URL) {
    console.error(
      "bench:writes needs NATS_URL (NATS with JetStream): the parts run as separate processes and consume each other's events.",
    );
    process.exit(2);
  }
  const secret = randomBytes(32).toString('base64url');
  const stream = `WEFT_BENCH_${randomUUID().replace(/-/g, '').slice(0, 10).toUpperCase()}`;
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'weft-bench-writes-'));
  const scratch = process.env.DATABASE_URL ? await createScratchDatabase(process.env.DATABASE_URL, 'weft_bench') : undefined;
  const env: NodeJS.ProcessEnv = {
    AUTH_SECRET: secret,
    NATS_STREAM: stream,
    DATA_DIR: dataDir,
    DATABASE_URL: scratch?.url ?? '',
    WEFT_ENV: 'production',
    PUBLIC_URL: 'http://127.0.0.1',
    OTEL_EXPORTER_OTLP_ENDPOINT: '',
  };
  const tokens = new TokenService({ hubSecret: secret });
  const token = await tokens.sign(staff, 3600);
  const embedded = HUB === 'embedded';
  console.log(
    `bench:writes — ${embedded ? 'the one-process hub' : 'separate processes'} on ${scratch ? 'PostgreSQL' : 'SQLite'} + ${embedded ? 'its in-process bus' : 'NATS'}, ${os.cpus().length} cores, ${SECONDS} s per measurement, node ${process.version}`,
  );
  const subgraphs = embedded
    ? { urls: {}, processes: {} }
    : await startSubgraphProcesses(BASE_PORT, env, (name) => ['network', 'vocabulary', 'suppliers'].includes(name));
  const gateway = embedded
    ? launchEmbeddedHub(BASE_PORT, env)
    : launchGateway(BASE_PORT, subgraphs.urls, { ...env, METRICS_PORT: String(BASE_PORT + 99) });
  const processes = [...Object.values(subgraphs.processes), gateway];
  const url = `http://127.0.0.1:${BASE_PORT}/graphql`;
  const bus = embedded
    ? undefined
    : await NatsEventBus.connect({ url: process.env.NATS_URL!, stream, subjectPrefix: `weft.${stream}`, name: 'weft-bench-writes' });
  const manager = await bus?.connection.jetstreamManager();
  const cpu = () => cpuOfParts(gateway, embedded, subgraphs.processes);
  const cpuLine = (before: Record<string, number>, wall: number) =>
    `CPU over ${wall.toFixed(1)} s (2 cores: ${(2 * wall).toFixed(0)} s in all): ${Object.entries(cpu())
      .map(([name, seconds]) => [name, seconds - before[name]] as const)
      .filter(([, seconds]) => seconds >= 0.05)
      .sort((a, b) => b[1] - a[1])
      .map(([name, seconds]) => `${name} ${seconds.toFixed(1)} s`)
      .join(', ')}`;
  const settle = async () => {
    if (!manager) return idleAfter(gateway.pid!);
    const began = Date.now();
    while ((await consumerLag(manager, stream)) > 0 && Date.now() - began < 120_000) await sleep(250);
    return (Date.now() - began) / 1000;
  };
  try {
    await waitReady(url.replace('/graphql', '/readyz'));
    // Orders to work on: plain teapots (a route of stages, no bill of materials).
    const orders: { stages: { id: string; qcCheckpoint: boolean }[] }[] = [];
    const imported = Date.now();
    await inParallel(ORDERS, 12, async (index) => {
      const result = await gql(
        url,
        token,
        `mutation($input: ShopOrderInput!) { importShopOrder(input: $input) { id stages { id qcCheckpoint } } }`,
        {
          input: {
            channel: 'TAOBAO',
            externalOrderId: `BENCH-W-${index}`,
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
    console.log(
      `  ${ORDERS} orders imported in ${((Date.now() - imported) / 1000).toFixed(1)} s; consumers caught up ${(await settle()).toFixed(1)} s later`,
    );

    // 1. Stage changes: each order walks its route, one step at a time; workers take the next order with a step left.
    const steps = orders.flatMap((order, orderIndex) => order.stages.map((stage, position) => ({ orderIndex, position, stage })));
    const progress = orders.map(() => ({ position: 0, step: 0, busy: false }));
    const latencies: number[] = [];
    let failed = 0;
    let firstFailure = '';
    let lagMax = 0;
    const cpuBefore = cpu();
    const started = Date.now();
    let cursor = 0;
    const sampler = manager && setInterval(() => void consumerLag(manager, stream).then((lag) => (lagMax = Math.max(lagMax, lag))), 250);
    await Promise.all(
      Array.from({ length: CONCURRENCY }, async () => {
        while (Date.now() - started < SECONDS * 1000) {
          // The next order that is free and has a step left.
          let found = -1;
          for (let tries = 0; tries < orders.length; tries += 1) {
            const index = cursor++ % orders.length;
            if (!progress[index].busy && progress[index].position < orders[index].stages.length) {
              found = index;
              break;
            }
          }
          if (found < 0) break;
          const state = progress[found];
          state.busy = true;
          const stage = orders[found].stages[state.position];
          const kinds = stageSteps(stage);
          const query = stageStepMutation(kinds[state.step], stage.id);
          const began = Date.now();
          const result = await gql(url, token, query, { id: stage.id });
          latencies.push(Date.now() - began);
          if (result.errors) {
            failed += 1;
            firstFailure ||= JSON.stringify(result.errors[0]).slice(0, 200);
          }
          state.step += 1;
          if (state.step >= kinds.length) Object.assign(state, { position: state.position + 1, step: 0 });
          state.busy = false;
        }
      }),
    );
    const drove = (Date.now() - started) / 1000;
    clearInterval(sampler);
    const caughtUp = await settle();
    latencies.sort((a, b) => a - b);
    const made = latencies.length - failed;
    const rate = made / drove;
    console.log(
      [
        `stage changes (start, QC, complete) through the gateway, ${CONCURRENCY} in flight:`,
        `  ${made} in ${drove.toFixed(1)} s = ${rate.toFixed(0)}/s${failed ? `, ${failed} refused (e.g. ${firstFailure})` : ''}; p50 ${percentile(latencies, 50)} ms · p99 ${percentile(latencies, 99)} ms`,
        manager
          ? `  consumers: at most ${lagMax} events behind during the run; at the head ${caughtUp.toFixed(1)} s after it (${steps.length} steps were available)`
          : `  consumers (in-process): the hub idle ${caughtUp.toFixed(1)} s after the run (${steps.length} steps were available)`,
        `  ${cpuLine(cpuBefore, drove + caughtUp)}`,
        // Issue 16's goal; keeping up: at the head within 2 s of the last change.
        `  ${goalLine('≥ 200 stage changes/s with every consumer keeping up', rate >= 200 && caughtUp <= 2, `${rate.toFixed(0)}/s, consumers at the head ${caughtUp.toFixed(1)} s after`)}`,
      ].join('\n'),
    );

    // 2. Inventory: each publisher sends batches of ITEMS lots with rising sequences, one batch in flight per publisher.
    const publishers = Array.from({ length: PUBLISHERS }, (_, index) => PUBLISHING[index % PUBLISHING.length]);
    const supplierTokens = await Promise.all(publishers.map((id) => tokens.sign(supplierOf(id), 3600)));
    const lastFigure = new Map<string, number>();
    let items = 0;
    let batches = 0;
    let refused = 0;
    const inventoryLatencies: number[] = [];
    const cpuBeforeInventory = cpu();
    const inventoryStarted = Date.now();
    await Promise.all(
      publishers.map(async (supplierId, publisher) => {
        // Two publishers of the same supplier share its sequence, interleaved (odd and even).
        const sharing = publishers.filter((id) => id === supplierId).length;
        const slot = publishers.slice(0, publisher).filter((id) => id === supplierId).length;
        for (let round = 0; Date.now() - inventoryStarted < SECONDS * 1000; round += 1) {
          const sequence = round * sharing + slot + 1;
          const batch = Array.from({ length: ITEMS }, (_, lot) => ({
            sku: 'CLAY-KAOLIN',
            lotCode: `BW-${supplierId}-${slot}-${lot}`,
            onHand: sequence * 10 + (lot % 10),
          }));
          const began = Date.now();
          const result = await gql(
            url,
            supplierTokens[publisher],
            `mutation($s: ID!, $q: Int!, $items: [InventoryItemInput!]!) { publishInventory(supplierId: $s, sequence: $q, items: $items) { applied } }`,
            { s: supplierId, q: sequence, items: batch },
          );
          inventoryLatencies.push(Date.now() - began);
          if (result.errors) {
            refused += 1;
            firstFailure = JSON.stringify(result.errors[0]).slice(0, 200);
            continue;
          }
          batches += 1;
          items += result.data.publishInventory.applied;
          for (const item of batch) lastFigure.set(`${supplierId}|${item.lotCode}`, item.onHand);
        }
      }),
    );
    const published = (Date.now() - inventoryStarted) / 1000;
    const inventoryCaughtUp = await settle();
    // Lost: a lot whose stock is not its last acknowledged batch's figure.
    const onHand = new Map<string, number>();
    for (const supplierId of new Set(publishers)) {
      const stock = await gql(url, token, `query($s: ID!) { stockLots(supplierId: $s, sku: "CLAY-KAOLIN") { lotCode onHand } }`, {
        s: supplierId,
      });
      if (stock.errors) throw new Error(JSON.stringify(stock.errors));
      for (const lot of stock.data.stockLots as { lotCode: string; onHand: number }[])
        onHand.set(`${supplierId}|${lot.lotCode}`, lot.onHand);
    }
    const lost = [...lastFigure].filter(([key, figure]) => onHand.get(key) !== figure).length;
    const itemRate = items / published;
    inventoryLatencies.sort((a, b) => a - b);
    console.log(
      [
        `publishInventory: ${PUBLISHERS} publishers, batches of ${ITEMS} lots, one batch in flight each:`,
        `  ${items} items applied in ${batches} batches in ${published.toFixed(1)} s = ${itemRate.toFixed(0)} items/s${refused ? `, ${refused} refused (e.g. ${firstFailure})` : ''}; batch p50 ${percentile(inventoryLatencies, 50)} ms · p99 ${percentile(inventoryLatencies, 99)} ms`,
        `  lots checked: ${lastFigure.size}, lost ${lost}; consumers at the head ${inventoryCaughtUp.toFixed(1)} s after it`,
        `  ${goalLine('publishInventory ≥ 2,000 items/s sustained, 0 lost', itemRate >= 2000 && lost === 0 && refused === 0, `${itemRate.toFixed(0)} items/s, lost ${lost}, refused ${refused}`)}`,
        `  ${cpuLine(cpuBeforeInventory, published + inventoryCaughtUp)}`,
      ].join('\n'),
    );
  } finally {
    await stopAll(processes.reverse());
    await manager?.streams.delete(stream).catch(() => undefined);
    await bus?.close();
    await scratch?.drop().catch(() => undefined);
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
