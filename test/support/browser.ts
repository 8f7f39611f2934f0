import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import AxeBuilder from '@axe-core/playwright';

/**
 * Browser tests drive Debian's Chromium (apt-get install chromium) through playwright-core, never
 * a browser of a test tool's own download. On CI (CI=true) a missing browser fails the run; on a
 * developer's machine without one the browser suites say so and skip.
 */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const SCREENSHOT_DIR = path.resolve(__dirname, '..', '..', '..', 'test-artifacts', 'screenshots');

export function browserAvailable(): boolean {
  if (fs.existsSync(CHROMIUM_PATH)) return true;
  if (process.env.CI === 'true')
    throw new Error(`No Chromium at ${CHROMIUM_PATH}: CI installs it (apt-get install chromium); set CHROMIUM_PATH to use another`);
  console.warn(`Browser tests skipped: no Chromium at ${CHROMIUM_PATH}. Install it (apt-get install -y chromium) or set CHROMIUM_PATH.`);
  return false;
}

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
    // As root, without a sandbox; no background traffic (this machine's network is closed).
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-default-apps',
    ],
  });
}

/** axe-core in the page: no serious or critical violation. Returns them for the assertion's message. */
export async function seriousA11yViolations(page: Page): Promise<string[]> {
  // The app has no frames: axe runs in the page itself (no blank page opened to finish each
  // check), and only violations get their selectors worked out (axe's own performance option).
  const results = await new AxeBuilder({ page })
    .setLegacyMode()
    .options({ resultTypes: ['violations'] })
    .analyze();
  return results.violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map(
      (violation) =>
        `${violation.id}: ${violation.help} (${violation.nodes
          .map((node) => node.target.join(' '))
          .slice(0, 3)
          .join('; ')})`,
    );
}

/** A screenshot kept as a test artifact (test-artifacts/ is not committed). */
export async function screenshot(page: Page, name: string): Promise<void> {
  fs.mkdirSync(SCREENSHOT_DIR, { recursive: true });
  // Two frames after a resize, so a full-page capture does not keep tiles painted at the old width.
  await page.evaluate('new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)))');
  await page.screenshot({ path: path.join(SCREENSHOT_DIR, `${name}.png`), fullPage: true });
}

export interface TestIdentityProvider {
  issuer: string;
  close(): void;
}

/** oidc-provider (ESM-only) in a child process: see test/support/oidc-provider.mjs. */
export async function startIdentityProvider(options: {
  port: number;
  redirectUris: string[];
  audience: string;
  scope: string;
}): Promise<TestIdentityProvider> {
  const script = path.resolve(__dirname, '..', '..', '..', 'test', 'support', 'oidc-provider.mjs');
  const child: ChildProcess = spawn(process.execPath, [script], {
    env: {
      ...process.env,
      PORT: String(options.port),
      REDIRECT_URIS: options.redirectUris.join(','),
      AUDIENCE: options.audience,
      SCOPE: options.scope,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const issuer = await new Promise<string>((resolve, reject) => {
    let output = '';
    const timer = setTimeout(() => reject(new Error(`oidc-provider did not start: ${output}`)), 20_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /listening on (\S+)/.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.once('exit', (code) => reject(new Error(`oidc-provider exited (${code}): ${output}`)));
  });
  return { issuer, close: () => child.kill('SIGTERM') };
}
