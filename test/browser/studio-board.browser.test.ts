import type { Page } from 'playwright-core';
import { browserAvailable } from '../support/browser';
import { useBrowserHub, WAIT } from '../support/browser-suite';

/**
 * The studio console as a studio admin at a desk sees it: the whole kanban on screen with the late
 * work first, finished orders in lanes of their own, and any order found by its number or its
 * customer's name. Reads only: the demo data is left as it was.
 */
/** A page element's box, as far as this file reads it (the tests compile without the DOM's types). */
type Box = { getBoundingClientRect(): { top: number; right: number } };

const describeInBrowser = browserAvailable() ? describe : describe.skip;

/** Words and codes that must never reach a Chinese page of the console. */
const NOT_ON_A_CHINESE_PAGE = [
  /\b(?:Kanban|Late|Waiting|In progress|Shipped|Delivered|Ready to ship|Search|Order number|Customer|Overdue|Cancel|Remove|Hand over|QC|OPEN|RESOLVED)\b/,
  /\b(?:stg|ord|alr)_/,
  /\border\.stage\./,
  /\b[A-Z]\d{2}\b/, // stage codes such as C50
  /\b(?:CALLIGRAPHY_TEAWARE|TAILORED_GARMENT|PASTRY_BOX|IN_PRODUCTION|READY_TO_SHIP)\b/,
];

describeInBrowser('the studio kanban and order search', () => {
  const world = useBrowserHub();
  const { newPage, ok, demoSignIn, expectAccessible, screenshots } = world;

  const signIn = async (width: number) => {
    const page = await newPage({ width, height: 800 });
    await demoSignIn(page, '/studio', 'STUDIO_ADMIN', 'moyun-studio');
    await page.getByTestId('kanban').waitFor(WAIT);
    return page;
  };

  /** The Chinese page, as a reader sees it: no English word, code or id in it (order numbers are the shop's own). */
  const expectChineseOnly = async (page: Page) => {
    // Order numbers are the shop's own: data, not the page's words (the demo's customers have Chinese names, as a shop sends them).
    const text = (await page.locator('main').innerText()).replace(/DEMO-\d{4}/g, '');
    for (const pattern of NOT_ON_A_CHINESE_PAGE)
      expect({ pattern: String(pattern), found: text.match(pattern)?.[0] ?? null }).toEqual({
        pattern: String(pattern),
        found: null,
      });
  };

  it('shows the whole kanban at 1280 px without the page scrolling sideways, late orders first on screen', async () => {
    const { stageBoard } = ok(await world.t.gql(`{ stageBoard(studioId: "moyun-studio") { overdueTotal columns { code } } }`));
    expect(stageBoard.overdueTotal).toBeGreaterThan(0);
    const page = await signIn(1280);
    const widths = await page.evaluate(() => {
      const view = globalThis as unknown as { document: { documentElement: { scrollWidth: number } }; innerWidth: number };
      return { page: view.document.documentElement.scrollWidth, screen: view.innerWidth };
    });
    expect(widths.page).toBeLessThanOrEqual(widths.screen);
    // Every column, the last ones too, is inside the screen's width.
    const columns = page.locator('[data-testid=kanban] > section');
    expect(await columns.count()).toBeGreaterThanOrEqual(stageBoard.columns.length);
    for (const box of await columns.evaluateAll((sections) =>
      sections.map((section) => (section as unknown as Box).getBoundingClientRect().right),
    ))
      expect(box).toBeLessThanOrEqual(1280);
    // The late orders are named above the board, on the first screen, without scrolling.
    const strip = page.getByTestId('late-strip');
    await strip.waitFor(WAIT);
    const top = await strip.evaluate((element) => (element as unknown as Box).getBoundingClientRect().top);
    expect(top).toBeLessThan(800);
    expect(await strip.locator('button[data-order-id]').count()).toBeGreaterThan(0);
    // Orders past their route have lanes of their own.
    await page.locator('[data-testid=kanban] section[data-status=DELIVERED]').waitFor(WAIT);
    await expectAccessible(page);
    await screenshots(page, 'studio-board-en');

    // Opening a late order says why it is late, in words.
    await strip.locator('button[data-order-id]').first().click();
    await page.getByTestId('why-late').waitFor(WAIT);
    expect(await page.getByTestId('why-late').innerText()).toMatch(/over|late|past/);
    await expectAccessible(page);

    await page.getByRole('button', { name: '中文' }).click();
    await page.getByRole('heading', { name: '为什么延误？' }).waitFor(WAIT);
    await expectChineseOnly(page);
    await screenshots(page, 'studio-late-order-zh');
    await page.getByRole('button', { name: '关闭' }).click();
    await page.getByTestId('order-detail').waitFor({ state: 'detached', ...WAIT });
    await expectChineseOnly(page);
    await screenshots(page, 'studio-board-zh');
  }, 120_000);

  it('finds a shipped order by its number and by its customer’s name', async () => {
    const { orders } = ok(
      await world.t.gql(
        `{ orders(studioId: "moyun-studio", status: SHIPPED, first: 5) { nodes { id externalOrderId customer { name } } } }`,
      ),
    );
    const shipped = orders.nodes[0] as { id: string; externalOrderId: string; customer: { name: string } };
    expect(shipped).toBeDefined();
    const page = await signIn(375);
    const search = page.getByRole('search');
    await search.getByRole('searchbox').fill(shipped.externalOrderId.toLowerCase());
    await search.getByRole('button', { name: 'Search' }).click();
    const row = page.locator(`[data-testid=search-results] tr[data-order-id="${shipped.id}"]`);
    await row.waitFor(WAIT);
    expect(await row.innerText()).toContain('Shipped');
    await expectAccessible(page);

    // By the customer's name, narrowed to shipped orders; it opens from the list.
    await search.getByRole('searchbox').fill(shipped.customer.name);
    await search.getByLabel('Status').selectOption('SHIPPED');
    await search.getByRole('button', { name: 'Search' }).click();
    await row.waitFor(WAIT);
    await row.getByRole('button').click();
    await page.getByTestId('order-status').filter({ hasText: 'Shipped' }).waitFor(WAIT);
    await page.getByRole('button', { name: '中文' }).click();
    await page.getByRole('heading', { name: '查找订单' }).waitFor({ state: 'attached', ...WAIT });
    await screenshots(page, 'studio-search-zh');
    await expectChineseOnly(page);
  }, 120_000);
});
