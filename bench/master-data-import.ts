/**
 * `npm run bench:import [-- --products 2000 --routes 200 --materials 5000 --lines 20000 --port 4710]`
 * (`--small` for CI: 20 products, 2 routes, 200 materials, 200 lines): how long a studio's move-in
 * takes through `POST /import`, and the hub's memory meanwhile. It starts the one-process hub as
 * `npm start` runs it (SQLite, or PostgreSQL when DATABASE_URL names a server), builds one XLSX
 * workbook with exceljs — `routes` of ROUTE_STAGES stage rows each, `products` on them, `materials`,
 * and each product's bill of `lines / products` lines — and sends it twice: first as a new
 * studio's catalogue (every row created), then again (every row unchanged). Each request is a dry
 * run of every part and then the import, as the route always does. It prints the file's size,
 * the time of each request, and the hub process's resident memory: its peak (VmHWM) and its
 * growth over the start. Issue 33's goal: the whole catalogue (2,000 products, 200 routes, 5,000
 * materials, 20,000 BOM lines) under 30 s and 500 MB. A benchmark, not a test: nothing here asserts.
 */
import 'reflect-metadata';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import type { Principal } from '../contracts';
import { createScratchDatabase } from '../hub/scratch-database';
import { TokenService } from '../platform/access/tokens';
import { goalLine } from './figures';
import { option } from './hub-calls';
import { launchEmbeddedHub, stopAll, waitReady } from './processes';

const SMALL = process.argv.includes('--small');
const PRODUCTS = Number(option('products', SMALL ? '20' : '2000'));
const ROUTES = Number(option('routes', SMALL ? '2' : '200'));
const MATERIALS = Number(option('materials', SMALL ? '200' : '5000'));
const LINES = Number(option('lines', SMALL ? '200' : '20000'));
const PORT = Number(option('port', '4710'));
const LINES_PER_BILL = Math.max(1, Math.round(LINES / PRODUCTS));
/** A route's stages, as a studio's made-to-order route reads: materials, four crafts, QC, shipping. */
const ROUTE_STAGES: readonly [string, number, boolean][] = [
  ['B10', 60, false],
  ['C10', 240, false],
  ['C30', 90, false],
  ['C40', 480, false],
  ['C50', 180, false],
  ['E10', 30, true],
  ['F10', 15, false],
];
const STUDIO: Principal = { subject: 'bench-admin@moyun-studio', org: 'moyun-studio', roles: ['STUDIO_ADMIN'] };

const productCode = (index: number) => `BENCH-PRD-${String(index).padStart(5, '0')}`;
const routeCode = (index: number) => `BENCH-ROUTE-${String(index).padStart(3, '0')}`;

/** A studio's workbook: routes, products on them, materials, and bills of LINES_PER_BILL lines each over them. */
async function buildWorkbook(): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  const routes = book.addWorksheet('routes');
  routes.addRow(['routeCode', 'position', 'statusCode', 'standardMinutes', 'qc', 'workCenterCode', 'skill', 'partnerAllowed']);
  for (let route = 0; route < ROUTES; route += 1)
    ROUTE_STAGES.forEach(([statusCode, minutes, qc], index) =>
      routes.addRow([routeCode(route), index + 1, statusCode, minutes + (route % 30), qc ? 'yes' : 'no', '', '', 'yes']),
    );
  const products = book.addWorksheet('products');
  products.addRow(['productCode', 'nameZh', 'nameEn', 'family', 'routeCode', 'shopSkus', 'priceCents']);
  for (let product = 0; product < PRODUCTS; product += 1)
    products.addRow([
      productCode(product),
      `产品${product}`,
      `Product ${product}`,
      `BENCH_FAMILY_${product % 20}`,
      routeCode(product % ROUTES),
      `SHOP-${String(product).padStart(5, '0')}`,
      1000 + (product % 500) * 10,
    ]);
  const materials = book.addWorksheet('materials');
  materials.addRow(['sku', 'nameZh', 'nameEn', 'unit', 'abcClass', 'unitCostCents', 'safetyStock', 'stockingPolicy', 'substitutes']);
  const sku = (index: number) => `BENCH-MAT-${String(index).padStart(5, '0')}`;
  for (let index = 0; index < MATERIALS; index += 1)
    materials.addRow([
      sku(index),
      `材料${index}`,
      `Material ${index}`,
      index % 3 === 0 ? 'g' : 'piece',
      'ABC'[index % 3],
      100 + (index % 900),
      index % 2 === 0 ? 10 + (index % 50) : 0,
      index % 2 === 0 ? 'STOCKED' : 'MADE_TO_ORDER',
      index > 0 && index % 10 === 0 ? `${sku(index - 1)}:1` : '',
    ]);
  const boms = book.addWorksheet('boms');
  boms.addRow(['productCode', 'sku', 'quantityPerUnit', 'stageCode']);
  for (let line = 0; line < LINES; line += 1) {
    const product = Math.floor(line / LINES_PER_BILL);
    // Ten different materials per bill, spread over the catalogue.
    boms.addRow([productCode(product), sku((product * 7 + (line % LINES_PER_BILL) * 13) % MATERIALS), 1 + (line % 5), 'B10']);
  }
  return Buffer.from(await book.xlsx.writeBuffer());
}

/** The hub process's resident memory now and at its peak (MB), from /proc. */
function memoryOf(pid: number): { rss: number; peak: number } {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (name: string) => Number(new RegExp(`^${name}:\\s+(\\d+)`, 'm').exec(status)?.[1] ?? 0);
  return { rss: kb('VmRSS') / 1024, peak: kb('VmHWM') / 1024 };
}

async function main(): Promise<void> {
  const secret = randomBytes(32).toString('base64url');
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'weft-bench-import-'));
  const scratch = process.env.DATABASE_URL ? await createScratchDatabase(process.env.DATABASE_URL, 'weft_bench') : undefined;
  const env: NodeJS.ProcessEnv = {
    AUTH_SECRET: secret,
    DATA_DIR: dataDir,
    DATABASE_URL: scratch?.url ?? '',
    PUBLIC_URL: 'http://127.0.0.1',
    OTEL_EXPORTER_OTLP_ENDPOINT: '',
  };
  const token = await new TokenService({ hubSecret: secret }).sign(STUDIO, 3600);
  console.log(
    `bench:import — the one-process hub on ${scratch ? 'PostgreSQL' : 'SQLite'}, ${os.cpus().length} cores, node ${process.version}; ${PRODUCTS} products, ${ROUTES} routes (${ROUTES * ROUTE_STAGES.length} stage rows), ${MATERIALS} materials, ${LINES} BOM lines (${Math.ceil(LINES / LINES_PER_BILL)} bills)`,
  );
  let started = Date.now();
  const file = await buildWorkbook();
  console.log(`workbook: ${(file.length / 1024 / 1024).toFixed(2)} MB, built in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  const hub = launchEmbeddedHub(PORT, env);
  try {
    await waitReady(`http://127.0.0.1:${PORT}/readyz`);
    const atStart = memoryOf(hub.pid!);
    console.log(`hub ready: ${atStart.rss.toFixed(0)} MB resident (peak so far ${atStart.peak.toFixed(0)} MB)`);
    const results: { seconds: number; peak: number; growth: number }[] = [];
    for (const pass of ['first import (all created)', 'again (all unchanged)']) {
      started = Date.now();
      const response = await fetch(`http://127.0.0.1:${PORT}/import`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' },
        body: file,
      });
      const answer = (await response.json()) as { sheets?: Record<string, unknown>; problems?: unknown[]; error?: unknown };
      const seconds = (Date.now() - started) / 1000;
      const memory = memoryOf(hub.pid!);
      results.push({ seconds, peak: memory.peak, growth: memory.peak - atStart.rss });
      console.log(
        `${pass}: HTTP ${response.status} in ${seconds.toFixed(1)} s; hub resident ${memory.rss.toFixed(0)} MB, peak ${memory.peak.toFixed(0)} MB (+${(memory.peak - atStart.rss).toFixed(0)} MB over the start)`,
      );
      console.log(
        `  ${JSON.stringify(answer.sheets ?? answer.error)}${answer.problems?.length ? ` problems: ${JSON.stringify(answer.problems.slice(0, 3))}` : ''}`,
      );
    }
    const worst = Math.max(...results.map((result) => result.seconds));
    const peak = Math.max(...results.map((result) => result.peak));
    const growth = Math.max(...results.map((result) => result.growth));
    // Two readings of "500 MB": the import's own cost (the hub's growth over its start), and the whole
    // hub's peak — the demo hub at rest (eight subgraphs and the gateway in one process) is already ~500 MB.
    console.log(goalLine('under 30 s', worst < 30, `${worst.toFixed(1)} s at worst`));
    console.log(goalLine('under 500 MB for the import', growth < 500, `+${growth.toFixed(0)} MB over the hub at rest`));
    console.log(goalLine('under 500 MB for the whole hub', peak < 500, `${peak.toFixed(0)} MB peak resident`));
  } finally {
    await stopAll([hub]);
    await scratch?.drop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
