import { randomBytes, randomUUID } from 'node:crypto';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { TokenService } from '../../platform/access/tokens';
import { launchBrowser, screenshot, seriousA11yViolations, startIdentityProvider, type TestIdentityProvider } from './browser';
import { demoTemplate } from './demo-template';
import { startTestHub, type TestHub } from './hub';
import { teawareOrder } from './orders';
import { freePort } from './ports';

/** How long a page may take to show what a test waits for. */
export const WAIT = { timeout: 30_000 };
const AUDIENCE = 'urn:weft:hub-test';

/** Signs in on the test provider's development form, once the page is there: the login is the subject, any password. */
export async function signInAtProvider(page: Page, issuer: string, login: string): Promise<void> {
  await page.waitForURL((url) => url.origin === issuer, WAIT);
  await page.locator('input[name=login]').fill(login);
  await page.locator('input[name=password]').fill('any');
  await page.locator('button[type=submit]').click();
}

export interface ImportedOrder {
  id: string;
  stages: { id: string; qcCheckpoint: boolean; statusCode: { code: string } }[];
}

/**
 * One browser file's world: a hub of its own (the demo network on SQLite, the gateway serving
 * web/dist), a real OpenID Connect provider for sign-in and Debian's Chromium, started in
 * `beforeAll` and closed in `afterAll` of the describe block that calls it. A file whose flows
 * change data has its own hub, so no other file's assertions see its changes. Getters, because
 * the parts exist only once `beforeAll` has run.
 */
export function useBrowserHub() {
  let hub: TestHub;
  let idp: TestIdentityProvider;
  let browser: Browser;
  let browserStarted: Promise<Browser> | undefined;
  let base: string;
  const contexts: BrowserContext[] = [];

  beforeAll(async () => {
    const [idpPort, gatewayPort] = [await freePort(), await freePort()];
    base = `http://localhost:${gatewayPort}`;
    // The identity provider and Chromium start in processes of their own while the hub seeds the demo.
    browserStarted = launchBrowser();
    idp = await startIdentityProvider({ port: idpPort, redirectUris: [`${base}/studio`], audience: AUDIENCE, scope: 'weft:hub' });
    const template = demoTemplate();
    const auth = new TokenService({
      hubSecret: template?.hubSecret ?? randomBytes(32).toString('base64url'),
      jwksUrl: `${idp.issuer}/jwks`,
      issuer: idp.issuer,
      audience: AUDIENCE,
    });
    hub = await startTestHub('sqlite', {
      seedDemo: true,
      seededFrom: template?.dataDir,
      auth,
      gatewayPort,
      web: { demoSignIn: true, oidc: { authority: idp.issuer, clientId: 'weft-console', scope: 'openid weft:hub' } },
    });
    browser = await browserStarted;
  }, 180_000);

  afterAll(async () => {
    for (const context of contexts) await context.close().catch(() => undefined);
    // Also when the hub failed to start after Chromium had.
    await (await browserStarted?.catch(() => undefined))?.close();
    await hub?.close();
    idp?.close();
  });

  const newPage = async (options: { width?: number; height?: number; locale?: string } = {}): Promise<Page> => {
    const context = await browser.newContext({
      viewport: { width: options.width ?? 375, height: options.height ?? 812 },
      locale: options.locale ?? 'en-GB',
    });
    contexts.push(context);
    const page = await context.newPage();
    page.on('pageerror', (error) => console.error('page error:', error.message));
    return page;
  };

  const ok = (result: { data?: any; errors?: unknown[] }): any => {
    if (result.errors) throw new Error(JSON.stringify(result.errors));
    return result.data;
  };

  const importOrder = async (input: Record<string, unknown> = teawareOrder()): Promise<ImportedOrder> =>
    ok(
      await hub.gql(
        `mutation($input: ShopOrderInput!) { importShopOrder(input: $input) { id stages { id qcCheckpoint statusCode { code } } } }`,
        { input },
      ),
    ).importShopOrder as ImportedOrder;

  const startStage = (id: string, operator?: { name: string; penName: string }) =>
    hub.gql(`mutation($s: ID!, $o: OperatorInput) { startStage(stageRunId: $s, operator: $o) { id } }`, { s: id, o: operator });
  const completeStage = (id: string, environment?: { name: string; value: number; unit: string }[]) =>
    hub.gql(`mutation($s: ID!, $i: CompleteStageInput) { completeStage(stageRunId: $s, input: $i) { id } }`, {
      s: id,
      i: environment ? { environment } : undefined,
    });
  const runStage = async (stage: { id: string; qcCheckpoint: boolean }) => {
    ok(await startStage(stage.id));
    if (stage.qcCheckpoint)
      ok(
        await hub.gql(`mutation($s: ID!, $k: String!) { recordQcResult(stageRunId: $s, result: PASS, idempotencyKey: $k) { id } }`, {
          s: stage.id,
          k: randomUUID(),
        }),
      );
    ok(await completeStage(stage.id));
  };

  const mintLink = async (orderId: string, tier?: 'MINIMAL' | 'BASIC' | 'DETAILED') =>
    ok(
      await hub.gql(
        `mutation($o: ID!, $t: VisibilityTier, $k: String!) { mintCustomerLink(orderId: $o, tier: $t, idempotencyKey: $k) { url link { id } } }`,
        { o: orderId, t: tier, k: randomUUID() },
      ),
    ).mintCustomerLink as { url: string; link: { id: string } };

  const expectAccessible = async (page: Page) => expect(await seriousA11yViolations(page)).toEqual([]);

  /** Both sizes people use: a phone in WeChat, and a desktop. */
  const screenshots = async (page: Page, name: string) => {
    await page.setViewportSize({ width: 375, height: 812 });
    await screenshot(page, `${name}-375`);
    await page.setViewportSize({ width: 1280, height: 800 });
    await screenshot(page, `${name}-1280`);
  };

  const demoSignIn = async (page: Page, path: string, role: string, org: string) => {
    await page.goto(`${base}${path}`);
    await page.getByRole('heading', { name: 'Demo sign-in' }).waitFor(WAIT);
    await expectAccessible(page);
    await page.getByLabel('Role').selectOption(role);
    await page.getByLabel('Enterprise').selectOption(org);
    await page.getByRole('button', { name: 'Sign in as this demo user' }).click();
  };

  /** The demo picker in Chinese on a 375 px phone: a new page signed in at `path` (the hub admin needs no enterprise). */
  const demoSignInZh = async (path: string, role: string, org?: string): Promise<Page> => {
    const page = await newPage({ width: 375, height: 812, locale: 'zh-CN' });
    await page.goto(`${base}${path}`);
    await page.getByRole('heading', { name: '演示登录' }).waitFor(WAIT);
    await page.getByLabel('角色').selectOption(role);
    if (org) await page.getByLabel('企业').selectOption(org);
    await page.getByRole('button', { name: '以此演示身份登录' }).click();
    return page;
  };

  return {
    get t() {
      return hub;
    },
    get idp() {
      return idp;
    },
    get base() {
      return base;
    },
    newPage,
    ok,
    importOrder,
    startStage,
    completeStage,
    runStage,
    mintLink,
    expectAccessible,
    screenshots,
    demoSignIn,
    demoSignInZh,
  };
}
