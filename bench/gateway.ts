/**
 * `npm run bench:gateway [-- --runs 5 --seconds 8 --connections 20 --gateways weft,weft-nocache,hive,apollo --operations …]`
 *
 * Our gateway beside Hive Gateway and plain `@apollo/gateway`, each in its own process before the
 * same seven subgraph processes (`node dist/processes/start-subgraph.js <name>` on SQLite files with the
 * demo data, no bus), on the same operations with the same token. Runs alternate gateways (weft,
 * hive, apollo, weft, …) so that drift on the machine falls on all of them alike. For each
 * operation and gateway it prints the median and range of requests per second over the runs,
 * latency p50 / p99, CPU per request of the gateway process and of the subgraphs together, and
 * the ratios to ours.
 *
 * - Ours runs as in production (WEFT_ENV=production): its limits, metrics (on a port of their
 *   own) and tracing (exported to a sink the bench serves) on; rate limits off, since every
 *   request comes from 127.0.0.1.
 * - Hive Gateway (`@graphql-hive/gateway`, MIT) is installed into `bench/hive-gateway/` on first
 *   use (`npm ci` there, apart from the hub's dependencies) and configured as fairly: it verifies
 *   the JWT, forwards it, and limits depth and tokens (`bench/hive-gateway/gateway.config.mjs`).
 * - Plain `@apollo/gateway` forwards the token and does nothing else (`bench/plain-apollo-gateway.ts`).
 * - `embedded` (asked for with `--gateways embedded,…`): the one-process hub as `npm start` runs it
 *   (gateway and every subgraph in one process, its own demo data, rate limits off); its
 *   "gateway" CPU is the whole hub's, its subgraphs column stays near 0.
 *
 * A benchmark, not a test: nothing here asserts a time.
 */
import 'reflect-metadata';
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { HUB_AUDIENCE, HUB_ISSUER, type Principal } from '../contracts';
import { demoOrderIdsOf } from '../demo/orders';
import { DEFAULT_LIMITS } from '../platform/graphql/limits';
import { TokenService } from '../platform/access/tokens';
import { cpuSecondsOf, launch, launchEmbeddedHub, launchGateway, sleep, startSubgraphProcesses, stopAll } from './processes';
import { goalLine, median, percentile } from './figures';
import { option } from './hub-calls';

const RUNS = Number(option('runs', '5'));
const SECONDS = Number(option('seconds', '8'));
const CONNECTIONS = Number(option('connections', '20'));
const BASE_PORT = Number(option('port', '4800'));
const GATEWAYS = option('gateways', 'weft,weft-nocache,hive,apollo').split(',') as GatewayName[];
/** `weft-nocache`: ours without keeping public subgraph answers (ANSWER_CACHE=false). */
type GatewayName = 'weft' | 'weft-nocache' | 'hive' | 'apollo' | 'embedded';

const STUDIO = 'moyun-studio';
const admin: Principal = { subject: 'bench@moyun-studio', org: STUDIO, roles: ['STUDIO_ADMIN'] };
const ORDER_IDS = demoOrderIdsOf(STUDIO);
const ORDER_ID = ORDER_IDS[0];
let imported = 0;
let cycled = 0;

interface Operation {
  name: string;
  /** A fresh body per request (a mutation that really writes needs fresh ids). */
  body(): string;
  /** What a correct answer holds (checked once per run, before measuring). */
  check(data: any): boolean;
  /** Reads fields of several subgraphs (the goal against plain Apollo is set on these). */
  acrossSubgraphs?: boolean;
}

const query = (text: string, variables: Record<string, unknown> = {}) => JSON.stringify({ query: text, variables });
const OPERATIONS: Operation[] = (
  [
    {
      name: 'order + stages + labels + studio (3 subgraphs), the same order',
      acrossSubgraphs: true,
      body: () =>
        query(
          `query($id: ID!) { order(id: $id) { id status statusCode { labelEn } stages { code status statusCode { labelEn labelZh } } studio { nameEn } } }`,
          { id: ORDER_ID },
        ),
      check: (data) => data?.order?.stages?.length > 0 && typeof data.order.studio?.nameEn === 'string',
    },
    {
      // Each request another order: what many viewers of many orders look like (no two requests
      // in flight alike, so no gateway can answer one from another).
      name: 'the same, a different order each request',
      acrossSubgraphs: true,
      body: () => {
        cycled += 1;
        return query(
          `query($id: ID!) { order(id: $id) { id status statusCode { labelEn } stages { code status statusCode { labelEn labelZh } } studio { nameEn } } }`,
          { id: ORDER_IDS[cycled % ORDER_IDS.length] },
        );
      },
      check: (data) => data?.order?.stages?.length > 0 && typeof data.order.studio?.nameEn === 'string',
    },
    {
      name: '20 orders with labels and studio',
      acrossSubgraphs: true,
      body: () =>
        query(
          `query($studio: ID!) { orders(studioId: $studio, first: 20) { nodes { id status statusCode { labelEn } studio { nameEn } } } }`,
          { studio: STUDIO },
        ),
      check: (data) => data?.orders?.nodes?.length === 20,
    },
    {
      name: "an order's own fields (orders only)",
      body: () => query(`query($id: ID!) { order(id: $id) { id status externalOrderId priceCents createdAt } }`, { id: ORDER_ID }),
      check: (data) => data?.order?.id === ORDER_ID,
    },
    {
      name: 'the vocabulary (no database)',
      body: () => query(`{ statusCodes { code labelEn labelZh } }`),
      check: (data) => data?.statusCodes?.length > 10,
    },
    {
      name: 'importShopOrder, fresh ids (writes)',
      body: () => {
        imported += 1;
        return query(`mutation($input: ShopOrderInput!) { importShopOrder(input: $input) { id } }`, {
          input: {
            channel: 'TAOBAO',
            externalOrderId: `BENCH-${process.pid}-${imported}`,
            studioId: STUDIO,
            customer: { name: '林小姐', contact: '+86 139 0000 0000', address: '上海市徐汇区 1 号' },
            priceCents: 68800,
            customerTierMax: 'DETAILED',
            lines: [{ productCode: 'TEA-CUP-CALLIG', quantity: 1 }],
          },
        });
      },
      check: (data) => typeof data?.importShopOrder?.id === 'string',
    },
  ] as Operation[]
).filter(
  (operation) =>
    !option('operations', '') ||
    option('operations', '')
      .split(',')
      .some((wanted) => operation.name.startsWith(wanted)),
);

interface Run {
  rps: number;
  p50: number;
  p99: number;
  errors: number;
  gatewayCpuMs: number;
  subgraphsCpuMs: number;
}

/** Until the gateway answers a query (every gateway here answers a POST). */
async function ready(url: string, token: string): Promise<void> {
  const deadline = Date.now() + 120_000;
  const answers = () =>
    fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: '{"query":"{ __typename }"}',
    }).then(
      (response) => response.ok,
      () => false,
    );
  while (!(await answers())) {
    if (Date.now() > deadline) throw new Error(`${url} not ready in 120 s`);
    await sleep(250);
  }
}

/** Closed-loop load: CONNECTIONS keep-alive connections, each sending its next request when the last is answered. */
async function load(url: string, token: string, operation: Operation, seconds: number): Promise<{ latencies: number[]; errors: number }> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: CONNECTIONS });
  const target = new URL(url);
  const latencies: number[] = [];
  let errors = 0;
  const until = Date.now() + seconds * 1000;
  const send = (body: string) =>
    new Promise<boolean>((resolve) => {
      const request = http.request(
        {
          agent,
          host: target.hostname,
          port: target.port,
          path: target.pathname,
          method: 'POST',
          headers: {
            'content-type': 'application/json',
            accept: 'application/json',
            authorization: `Bearer ${token}`,
            'content-length': Buffer.byteLength(body),
          },
        },
        (response) => {
          const chunks: Buffer[] = [];
          response.on('data', (chunk: Buffer) => chunks.push(chunk));
          response.on('end', () => resolve(response.statusCode === 200 && !Buffer.concat(chunks).includes('"errors"')));
        },
      );
      request.on('error', () => resolve(false));
      request.end(body);
    });
  await Promise.all(
    Array.from({ length: CONNECTIONS }, async () => {
      while (Date.now() < until) {
        const started = performance.now();
        const ok = await send(operation.body());
        latencies.push(performance.now() - started);
        if (!ok) errors += 1;
      }
    }),
  );
  agent.destroy();
  return { latencies: latencies.sort((a, b) => a - b), errors };
}

async function main(): Promise<void> {
  const secret = randomBytes(32).toString('base64url');
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'weft-bench-gateway-'));
  const token = await new TokenService({ hubSecret: secret }).sign(admin, 24 * 3600);
  const env: NodeJS.ProcessEnv = {
    AUTH_SECRET: secret,
    DATA_DIR: dataDir,
    DATABASE_URL: '',
    NATS_URL: '',
    WEFT_ENV: 'production',
    PUBLIC_URL: 'http://127.0.0.1',
  };
  console.log(
    `bench:gateway — ${RUNS} runs × ${SECONDS} s per gateway and operation, ${CONNECTIONS} connections, ${os.cpus().length} cores, node ${process.version}`,
  );

  const subgraphs = await startSubgraphProcesses(BASE_PORT + 10, env, () => true);
  // The supergraph with this bench's subgraph addresses, for the gateways that read it from a file.
  const supergraphPath = path.join(dataDir, 'supergraph.graphql');
  const committed = fs.readFileSync(path.join(__dirname, '..', '..', 'schema', 'supergraph.graphql'), 'utf8');
  fs.writeFileSync(
    supergraphPath,
    committed.replace(
      /@join__graph\(name: "(\w+)", url: "[^"]+"\)/g,
      (_all, name: string) => `@join__graph(name: "${name}", url: "${subgraphs.urls[`${name.toUpperCase()}_URL`]}")`,
    ),
  );

  // Traces of ours go to a sink that answers every export.
  const sink = http.createServer((request, response) =>
    request.resume().on('end', () => response.writeHead(200, { 'content-type': 'application/json' }).end('{}')),
  );
  await new Promise<void>((resolve) => sink.listen(0, '127.0.0.1', resolve));
  const sinkPort = (sink.address() as { port: number }).port;

  const hiveDir = path.join(__dirname, '..', '..', 'bench', 'hive-gateway');
  if (GATEWAYS.includes('hive') && !fs.existsSync(path.join(hiveDir, 'node_modules', '.bin', 'hive-gateway'))) {
    console.log('Installing Hive Gateway into bench/hive-gateway (once) …');
    execFileSync('npm', ['ci', '--no-audit', '--no-fund'], { cwd: hiveDir, stdio: 'inherit' });
  }
  const port = BASE_PORT;
  const weft = (extra: NodeJS.ProcessEnv) =>
    launchGateway(port, subgraphs.urls, {
      ...env,
      METRICS_PORT: String(BASE_PORT + 9),
      OTEL_EXPORTER_OTLP_ENDPOINT: `http://127.0.0.1:${sinkPort}`,
      ...extra,
    });
  const starters: Record<GatewayName, () => ReturnType<typeof launch>> = {
    weft: () => weft({}),
    'weft-nocache': () => weft({ ANSWER_CACHE: 'false' }),
    hive: () =>
      launch(
        { bin: path.join(hiveDir, 'node_modules', '@graphql-hive', 'gateway', 'dist', 'bin.js'), cwd: hiveDir },
        ['supergraph', supergraphPath],
        {
          AUTH_SECRET: secret,
          BENCH_SUPERGRAPH: supergraphPath,
          BENCH_PORT: String(port),
          BENCH_ISSUER: HUB_ISSUER,
          BENCH_AUDIENCE: HUB_AUDIENCE,
          BENCH_MAX_DEPTH: String(DEFAULT_LIMITS.maxDepth),
          BENCH_MAX_TOKENS: String(DEFAULT_LIMITS.maxTokens),
          NODE_ENV: 'production',
        },
      ),
    apollo: () => launch({ script: 'bench/plain-apollo-gateway.js' }, [supergraphPath, String(port)], { NODE_ENV: 'production' }),
    // Seeded with the demo on its first start (the same ids: the demo is deterministic), then reused.
    embedded: () => launchEmbeddedHub(port, { ...env, DATA_DIR: path.join(dataDir, 'embedded') }),
  };
  const url = `http://127.0.0.1:${port}/graphql`;
  const subgraphPids = Object.values(subgraphs.processes).map((child) => child.pid!);
  const results: Record<string, Partial<Record<GatewayName, Run[]>>> = {};

  try {
    for (let run = 0; run < RUNS; run += 1) {
      for (const name of GATEWAYS) {
        const gateway = starters[name]();
        await ready(url, token);
        for (const operation of OPERATIONS) {
          // Warm up and check the answer is right before measuring.
          const answer = (await (
            await fetch(url, {
              method: 'POST',
              headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
              body: operation.body(),
            })
          ).json()) as { data?: unknown; errors?: unknown };
          if (answer.errors || !operation.check(answer.data))
            throw new Error(`${name} answered "${operation.name}" wrongly: ${JSON.stringify(answer).slice(0, 400)}`);
          await load(url, token, operation, 1);
          const cpuBefore = [cpuSecondsOf(gateway.pid!), subgraphPids.reduce((sum, pid) => sum + cpuSecondsOf(pid), 0)];
          const { latencies, errors } = await load(url, token, operation, SECONDS);
          const cpuAfter = [cpuSecondsOf(gateway.pid!), subgraphPids.reduce((sum, pid) => sum + cpuSecondsOf(pid), 0)];
          const count = latencies.length;
          ((results[operation.name] ??= {})[name] ??= []).push({
            rps: count / SECONDS,
            p50: percentile(latencies, 50),
            p99: percentile(latencies, 99),
            errors,
            gatewayCpuMs: ((cpuAfter[0] - cpuBefore[0]) * 1000) / count,
            subgraphsCpuMs: ((cpuAfter[1] - cpuBefore[1]) * 1000) / count,
          });
          console.log(
            `  run ${run + 1} ${name.padEnd(12)} ${operation.name}: ${(count / SECONDS).toFixed(0)} rps${errors ? `, ${errors} errors` : ''}`,
          );
        }
        await stopAll([gateway]);
      }
    }
  } finally {
    await stopAll(Object.values(subgraphs.processes));
    sink.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }

  /** Weft's median rate over another gateway's, on one operation. */
  const ratioOf = (operation: Operation, other: GatewayName) =>
    median((results[operation.name]?.weft ?? []).map((run) => run.rps)) /
    median((results[operation.name]?.[other] ?? []).map((run) => run.rps));
  const lines: string[] = [
    '',
    `| operation | gateway | rps median (range) | p50 / p99 ms | CPU ms/request gateway · subgraphs | errors | vs weft |`,
    '|---|---|---|---|---|---|---|',
  ];
  for (const operation of OPERATIONS) {
    for (const name of GATEWAYS) {
      const runs = results[operation.name]?.[name] ?? [];
      const rps = runs.map((run) => run.rps);
      const ratio = name === 'weft' || !GATEWAYS.includes('weft') ? '' : `weft ${ratioOf(operation, name).toFixed(2)}×`;
      lines.push(
        `| ${operation.name} | ${name} | ${median(rps).toFixed(0)} (${Math.min(...rps).toFixed(0)}–${Math.max(...rps).toFixed(0)}) | ${median(runs.map((run) => run.p50)).toFixed(1)} / ${median(runs.map((run) => run.p99)).toFixed(1)} | ${median(runs.map((run) => run.gatewayCpuMs)).toFixed(2)} · ${median(runs.map((run) => run.subgraphsCpuMs)).toFixed(2)} | ${runs.reduce((sum, run) => sum + run.errors, 0)} | ${ratio} |`,
      );
    }
  }
  console.log(lines.join('\n'));
  // Issue 16's goals: at least Hive's rate on every operation, twice plain Apollo's across subgraphs.
  const verdict = (goal: string, other: GatewayName, operations: Operation[], least: number) => {
    const ratios = operations.map((operation) => [operation.name, ratioOf(operation, other)] as const);
    if (ratios.length === 0) return;
    console.log(
      goalLine(
        goal,
        ratios.every(([, value]) => value >= least),
        ratios.map(([name, value]) => `${name} ${value.toFixed(2)}×`).join('; '),
      ),
    );
  };
  if (GATEWAYS.includes('weft') && GATEWAYS.includes('hive')) verdict('weft ≥ 1.0× Hive Gateway on every operation', 'hive', OPERATIONS, 1);
  if (GATEWAYS.includes('weft') && GATEWAYS.includes('apollo'))
    verdict(
      'weft ≥ 2× plain @apollo/gateway across subgraphs',
      'apollo',
      OPERATIONS.filter((operation) => operation.acrossSubgraphs),
      2,
    );
}

main().then(
  () => process.exit(0),
  (error) => {
    console.error(error);
    process.exit(1);
  },
);
