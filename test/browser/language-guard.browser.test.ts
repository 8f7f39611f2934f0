import type { Page } from 'playwright-core';
import {
  ENVIRONMENT_READING_LABELS,
  EXCEPTION_CODES,
  KITCHEN_CAPABILITY_LABELS,
  MATERIAL_LABELS,
  PRODUCT_CODE_LABELS,
  PRODUCT_TYPE_LABELS,
  STATUS_CODES,
} from '../../contracts';
import { OrderFacts } from '../../subgraphs/notifications/entities';
import { browserAvailable, screenshot } from '../support/browser';
import { useBrowserHub, WAIT } from '../support/browser-suite';
import { waitFor } from '../support/wait';

/**
 * The guard: no Chinese page of any audience — the studio's tabs and an order, the customer's
 * order page, the partner's and the supplier's workspaces, the share page — shows a word of
 * English from the catalogue or a raw code or id. What the guard looks for is kept here: the
 * English labels of the vocabulary and the catalogue, words of the English UI, and patterns of
 * ids (`ord_…`, `stg_…`), event types (`order.stage.…`) and enum codes (`IN_PROGRESS`). Folded
 * support codes (closed <details>) are not read text and do not count. Axe stays clean.
 */
const describeInBrowser = browserAvailable() ? describe : describe.skip;
// On a loaded machine a walk through several pages takes a while: the bound is the work, not the time.
const WALK_TIMEOUT = 300_000;

const ENGLISH_LABELS = [
  ...STATUS_CODES.map((code) => code.labelEn),
  ...EXCEPTION_CODES.map((code) => code.labelEn),
  ...[PRODUCT_TYPE_LABELS, PRODUCT_CODE_LABELS, MATERIAL_LABELS, KITCHEN_CAPABILITY_LABELS, ENVIRONMENT_READING_LABELS].flatMap((table) =>
    Object.values(table).map((label) => label.labelEn),
  ),
  // Words of the English UI a forgotten key or a hard-coded string would leave.
  'Loading',
  'Something went wrong',
  'Try again',
  'Refresh',
  'Start',
  'Complete',
  'Decline',
  'Confirm',
  'Waiting',
  'In progress',
  'Shipped',
  'Delivered',
  'Cancelled',
  'undefined',
  'null',
  'NaN',
  'Invalid Date',
].filter((label, index, all) => label.length >= 4 && all.indexOf(label) === index);

const RAW_PATTERNS: RegExp[] = [
  /\b(ord|stg|oln|exc|shp|sev|lnk)_[0-9A-Za-z]/, // ids
  /\b(order|supply|capacity|network)\.[a-z-]+\.[a-z-]+/, // event types
  /\b[A-Z]{2,}_[A-Z_]{2,}\b/, // enum codes: IN_PROGRESS, CALLIGRAPHY_TEAWARE, FAILED_PRECONDITION
  /\b[a-z]+\.[a-z]+(\.[a-zA-Z]+)+\b/, // a catalogue key shown as is: studio.order.title
];

/** What a reader of this page reads: its visible text and the names given to assistive technology. */
async function readText(page: Page): Promise<string> {
  const names = await page
    .locator('[aria-label],[title],img[alt]')
    .evaluateAll((elements) =>
      elements.map((element: any) => ['aria-label', 'title', 'alt'].map((name) => element.getAttribute(name) ?? '').join(' ')),
    );
  return `${await page.title()}\n${await page.locator('body').innerText()}\n${names.join('\n')}`;
}

describeInBrowser('no Chinese page shows English or raw codes', () => {
  const world = useBrowserHub();
  const { newPage, ok, mintLink, expectAccessible, demoSignIn } = world;

  const expectChinese = async (page: Page, where: string) => {
    await page
      .locator('.state.loading')
      .first()
      .waitFor({ state: 'detached', ...WAIT });
    expect(await page.locator('html').getAttribute('lang')).toBe('zh-CN');
    const text = await readText(page);
    const words = ENGLISH_LABELS.filter((label) =>
      new RegExp(`(^|[^A-Za-z])${label.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}([^A-Za-z]|$)`).test(text),
    );
    const codes = RAW_PATTERNS.map((pattern) => text.match(pattern)?.[0]).filter(Boolean);
    expect({ where, words, codes }).toEqual({ where, words: [], codes: [] });
    await expectAccessible(page);
  };

  /** Signs in with the demo picker, then turns the page to Chinese (the choice is kept for the session's pages). */
  const staffPage = async (path: string, role: string, org: string, ready: string) => {
    const page = await newPage({ width: 1280, height: 800 });
    await demoSignIn(page, path, role, org);
    await page.getByRole('button', { name: '中文' }).click();
    await page.locator(ready).first().waitFor(WAIT);
    return page;
  };

  it.concurrent(
    'the studio console: every tab and an order',
    async () => {
      const page = await staffPage('/studio', 'STUDIO_ADMIN', 'moyun-studio', '[data-testid=kanban]');
      await expectChinese(page, 'kanban');
      const sections = page.getByRole('navigation').last().getByRole('button');
      for (let index = 1; index < (await sections.count()); index += 1) {
        await sections.nth(index).click();
        await expectChinese(page, `studio tab ${index}`);
      }
      const { orders } = ok(await world.t.gql(`{ orders(studioId: "moyun-studio", first: 30, status: IN_PRODUCTION) { nodes { id } } }`));
      await page.goto(`${world.base}/studio?order=${orders.nodes[0].id}`);
      await page.getByTestId('order-detail').locator('[data-testid=order-status]').waitFor(WAIT);
      await expectChinese(page, 'order panel');
      await screenshot(page, 'guard-studio-order-zh-1280');
    },
    WALK_TIMEOUT,
  );

  it.concurrent(
    "the customer's order page and the share page",
    async () => {
      const { orders } = ok(await world.t.gql(`{ orders(studioId: "moyun-studio", first: 100) { nodes { id status } } }`));
      const inProduction = orders.nodes.find((order: { status: string }) => order.status === 'IN_PRODUCTION');
      const page = await newPage({ locale: 'zh-CN' });
      await page.goto((await mintLink(inProduction.id, 'DETAILED')).url);
      await page.getByTestId('stages').waitFor(WAIT);
      await expectChinese(page, 'customer track');
      await screenshot(page, 'guard-track-zh-375');

      const delivered = orders.nodes
        .filter((order: { status: string }) => order.status === 'DELIVERED')
        .map((order: { id: string }) => order.id);
      const em = world.t.hub.subgraphs.notifications.systemContext().em;
      let shareId: string | undefined;
      await waitFor(
        async () =>
          !!(shareId =
            (await em.fork().find(OrderFacts, { orderId: { $in: delivered } })).find((facts) => facts.shareId)?.shareId ?? undefined),
        60_000,
        'a delivered order to share',
      );
      const share = await newPage({ locale: 'zh-CN' });
      await share.goto(`${world.base}/share/${shareId}`);
      await share.locator('#story-heading').waitFor(WAIT);
      await expectChinese(share, 'share');
    },
    WALK_TIMEOUT,
  );

  it.concurrent(
    'the partner and supplier workspaces',
    async () => {
      const partnerPage = await staffPage('/partner', 'PARTNER', 'gilding-atelier', '[data-testid^=assigned-stages]');
      await expectChinese(partnerPage, 'partner');
      await screenshot(partnerPage, 'guard-partner-zh-1280');
      const supplierPage = await staffPage('/supplier', 'SUPPLIER', 'jingdezhen-clay', '[data-testid=stock-lots]');
      await expectChinese(supplierPage, 'supplier');
      await screenshot(supplierPage, 'guard-supplier-zh-1280');
    },
    WALK_TIMEOUT,
  );
});
