/**
 * `npm run bench:web [-- --runs 10]`: what a customer's phone downloads and how soon it paints.
 * Starts the embedded hub with the demo network (a temp data dir), mints a customer link for the
 * demo order, and opens it in Debian's Chromium (a fresh browser context per run, so nothing is
 * cached) at a phone's size. Prints the JS and CSS /track loads — as transferred (gzip) and
 * uncompressed — against the 150 KB goal, and the first contentful paint (median and range).
 * A benchmark, not a test: nothing here asserts.
 */
import 'reflect-metadata';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { startHub } from '../hub/hub';
import { DEMO_ORDER_ID } from '../demo/orders';
import { TokenService } from '../platform/access/tokens';
import { launchBrowser } from '../test/support/browser';
import { postGraphQL } from '../test/support/hub';
import { staff } from '../test/support/principals';

const runs = Number(process.argv[process.argv.indexOf('--runs') + 1]) || 10;
const GOAL_KB = 150;

async function main(): Promise<void> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'weft-bench-web-'));
  const auth = new TokenService({ hubSecret: randomBytes(32).toString('base64url') });
  console.log('Starting the embedded hub with the demo network…');
  const hub = await startHub({ location: { dataDir }, gatewayPort: 0, subgraphPort: () => 0, seedDemo: true, auth });
  const browser = await launchBrowser();
  try {
    const minted = await postGraphQL(
      hub.gateway.url,
      `mutation { mintCustomerLink(orderId: "${DEMO_ORDER_ID}", tier: DETAILED, idempotencyKey: "bench-web") { url } }`,
      undefined,
      await auth.sign(staff('moyun-studio'), 600),
    );
    const url: string = minted.data.mintCustomerLink.url;
    const paints: number[] = [];
    let transferred = 0;
    let decoded = 0;
    let files: string[] = [];
    for (let run = 0; run < runs; run += 1) {
      const context = await browser.newContext({ viewport: { width: 375, height: 812 }, locale: 'zh-CN' });
      const page = await context.newPage();
      await page.goto(url);
      await page.getByTestId('phase').waitFor({ timeout: 30_000 });
      const measured = await page.evaluate<{ fcp: number; resources: { name: string; transfer: number; decoded: number }[] }>(`(() => ({
        fcp: performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? -1,
        resources: performance.getEntriesByType('resource')
          .filter((entry) => /\\.(js|css)$/.test(new URL(entry.name).pathname))
          .map((entry) => ({ name: new URL(entry.name).pathname, transfer: entry.encodedBodySize, decoded: entry.decodedBodySize })),
      }))()`);
      paints.push(measured.fcp);
      transferred = measured.resources.reduce((sum, resource) => sum + resource.transfer, 0);
      decoded = measured.resources.reduce((sum, resource) => sum + resource.decoded, 0);
      files = measured.resources.map((resource) => `${resource.name} ${(resource.transfer / 1024).toFixed(1)} KB`);
      await context.close();
    }
    paints.sort((a, b) => a - b);
    console.log(`\n/track (customer order page, demo order, DETAILED, 375×812, ${runs} cold runs)`);
    for (const file of files) console.log(`  ${file}`);
    console.log(
      `JS + CSS: ${(transferred / 1024).toFixed(1)} KB gzipped (goal under ${GOAL_KB} KB: ${transferred / 1024 < GOAL_KB ? 'met' : 'NOT met'}), ${(decoded / 1024).toFixed(1)} KB uncompressed`,
    );
    console.log(
      `First contentful paint: median ${paints[Math.floor(paints.length / 2)].toFixed(0)} ms, range ${paints[0].toFixed(0)}–${paints[paints.length - 1].toFixed(0)} ms`,
    );
  } finally {
    await browser.close();
    await hub.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
