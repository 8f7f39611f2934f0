import type { Page } from 'playwright-core';
import { delayService } from '../../subgraphs/orders/delay.service';
import { browserAvailable } from '../support/browser';
import { useBrowserHub, WAIT } from '../support/browser-suite';
import { runLate, teawareOrder } from '../support/orders';
import { customer, partner } from '../support/principals';

/**
 * The studio console's panels as a studio admin uses them, on a hub of this file's own (the flow
 * places a purchase order, declares and withdraws a surge, mints a link): a late order's alerts
 * under its number with the customer's "please contact me" and contact, the progress log in
 * words, a reorder with its quantity and supplier changed, a surge that places nothing and is
 * withdrawn, a minted link told apart and copied — then the same panels in Chinese, with no
 * English word, code or id on them.
 */
const describeInBrowser = browserAvailable() ? describe : describe.skip;

describeInBrowser('the studio console panels', () => {
  const world = useBrowserHub();
  const { newPage, ok, demoSignIn, expectAccessible, screenshots, importOrder, startStage } = world;

  const tab = (page: Page, name: string) =>
    page
      .getByRole('navigation', { name: /Console sections|控制台/ })
      .getByRole('button', { name })
      .click();
  const settled = (page: Page) =>
    page
      .locator('.state.loading')
      .first()
      .waitFor({ state: 'detached', ...WAIT });

  /** The words on a Chinese page, less the order numbers (the shop's own) and the customer's contact. */
  const englishOn = async (page: Page, allowed: string[], within = 'main') => {
    let text = await page.locator(within).innerText();
    for (const word of allowed) text = text.split(word).join('');
    return text.match(/[A-Z_]{2}[\w.-]*/gi) ?? [];
  };

  it('shows a late order by its number with the customer’s answer, the log in words, an edited reorder, a withdrawn surge and a copied link', async () => {
    const number = 'PANELS-0001';
    // The suppliers' clay runs out: the new order is short, and a reorder is suggested.
    const { materialStock } = ok(await world.t.gql(`{ materialStock(sku: "CLAY-KAOLIN") { lots { supplierId lotCode } } }`));
    for (const supplierId of new Set<string>(materialStock.lots.map((lot: any) => lot.supplierId))) {
      const items = materialStock.lots
        .filter((lot: any) => lot.supplierId === supplierId)
        .map((lot: any) => ({ sku: 'CLAY-KAOLIN', lotCode: lot.lotCode, onHand: 0 }));
      ok(
        await world.t.gql(
          `mutation($s: ID!, $i: [InventoryItemInput!]!) { publishInventory(supplierId: $s, sequence: 1000, items: $i) { applied } }`,
          { s: supplierId, i: items },
          { as: partner(supplierId, 'SUPPLIER') },
        ),
      );
    }
    const order = await importOrder(teawareOrder({ externalOrderId: number }));
    ok(await startStage(order.stages[0].id));
    await runLate(world.t, order.stages[0].id, 60);
    await delayService.evaluate(world.t.hub.subgraphs.orders.systemContext());
    const { order: late } = ok(await world.t.gql(`query($o: ID!) { order(id: $o) { delayAlerts { id threshold } } }`, { o: order.id }));
    const notice = late.delayAlerts.find((alert: any) => alert.threshold === 50);
    ok(
      await world.t.gql(
        `mutation($a: ID!) { respondToDelay(alertId: $a, choice: CONTACT_ME, idempotencyKey: "panels-answer") { id } }`,
        { a: notice.id },
        { as: customer([order.id], 'BASIC') },
      ),
    );

    const page = await newPage({ width: 1280, height: 800 });
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: world.base });
    await demoSignIn(page, '/studio', 'STUDIO_ADMIN', 'moyun-studio');
    await page.getByTestId('kanban').waitFor(WAIT);

    // Alerts: the answer first, with the order's number and the customer's contact; one row per late stage.
    await tab(page, 'Delay alerts');
    const answers = page.getByTestId('customer-answers');
    await answers.getByText('Please contact me').first().waitFor(WAIT);
    const answer = answers.locator('li', { hasText: number });
    expect(await answer.innerText()).toContain('+86 139 0000 0000');
    expect(await answer.getByRole('link', { name: '+86 139 0000 0000' }).getAttribute('href')).toBe('tel:+8613900000000');
    const row = page.getByTestId('late-stages').locator('li', { hasText: number });
    expect(await row.count()).toBe(1);
    expect(await row.innerText()).toMatch(/30 %: supervisors alerted[\s\S]*50 %: customer told/);
    expect(await page.locator('main').innerText()).not.toContain(order.id.slice(-8));
    await expectAccessible(page);
    await screenshots(page, 'panels-alerts-en');

    // The order: its log in words with what the customer chose; a link minted, told apart and copied.
    await answer.getByRole('button', { name: `Open order ${number}` }).click();
    const detail = page.getByTestId('order-detail');
    await detail.getByTestId('progress-log').locator('summary').click();
    const log = detail.getByTestId('progress-log');
    await log.getByText('Customer answered the delay notice: Please contact me').waitFor(WAIT);
    expect(await log.innerText()).not.toMatch(/order\.\w+/);
    await detail.getByRole('button', { name: 'Mint a link' }).click();
    await detail.getByTestId('minted-link').waitFor(WAIT);
    await detail.getByTestId('copy-link').click();
    await detail.getByText('Copied.').waitFor(WAIT);
    const url = await detail.getByTestId('customer-link').getAttribute('href');
    expect(await page.evaluate('navigator.clipboard.readText()')).toBe(url);
    await detail
      .locator('[data-link-id]', { hasText: `Order ${number}` })
      .filter({ hasText: 'by you' })
      .first()
      .waitFor(WAIT);
    await expectAccessible(page);
    await screenshots(page, 'panels-order-en');
    await detail.getByRole('button', { name: 'Close' }).click();

    // Materials: quantities carry units; quantity and supplier are changed before placing.
    await tab(page, 'Materials');
    const suggestion = page.getByTestId('reorder-suggestions').locator('li').first();
    await suggestion.waitFor(WAIT);
    expect(await suggestion.innerText()).toMatch(/\d g\b|\d ml\b|\d sheets\b|\d pieces\b|\d cm\b/);
    await suggestion.getByLabel(/Quantity/).fill('1234');
    const supplier = suggestion.getByLabel('Supplier');
    const choices = await supplier.locator('option').evaluateAll((options) => options.map((option: any) => option.value as string));
    const chosen = choices[choices.length - 1];
    await supplier.selectOption(chosen);
    await suggestion.getByRole('button', { name: /^Order 1,234/ }).click();
    await suggestion.getByText('Placed').waitFor(WAIT);
    const { purchaseOrders } = ok(await world.t.gql(`{ purchaseOrders(status: PLACED) { supplier { id } lines { quantity } } }`));
    expect(purchaseOrders.some((purchase: any) => purchase.supplier.id === chosen && purchase.lines[0].quantity === 1234)).toBe(true);
    await expectAccessible(page);
    await screenshots(page, 'panels-materials-en');

    // Overflow: route and work from lists; a surge far ahead places nothing, says why, and is withdrawn.
    await tab(page, 'Overflow');
    const form = page.getByTestId('surge-form');
    await form.waitFor(WAIT);
    expect(await form.getByLabel('Route (product)').inputValue()).toBe('CALLIGRAPHY_TEAWARE');
    expect(await form.getByLabel('Work to place').locator('option').allInnerTexts()).not.toContain('C50');
    await form.getByLabel('From', { exact: true }).fill('2031-05-01');
    await form.getByLabel('To', { exact: true }).fill('2031-05-02');
    await form.getByRole('button', { name: 'Declare and place overflow' }).click();
    const result = page.getByTestId('surge-result');
    await result.getByText('Nothing was placed.').waitFor(WAIT);
    expect(await result.innerText()).toMatch(/Nothing was placed\. \S+/);
    const request = page.getByTestId('overflow-requests').locator('li.overflow-request').first();
    await request.getByRole('button', { name: 'Withdraw' }).click();
    await request.getByRole('button', { name: 'Yes, withdraw' }).click();
    await request.getByText('Withdrawn').waitFor(WAIT);
    await expectAccessible(page);
    await screenshots(page, 'panels-overflow-en');

    // The same panels in Chinese: no English word, code or id.
    await page.evaluate("localStorage.setItem('weft.language', 'zh')");
    await page.reload();
    await page.getByTestId('kanban').waitFor(WAIT);
    for (const [name, shot] of [
      ['延误预警', 'alerts'],
      ['物料', 'materials'],
      ['产能外协', 'overflow'],
    ] as const) {
      await tab(page, name);
      await settled(page);
      expect({ name, english: await englishOn(page, [number, 'DEMO-']) }).toEqual({ name, english: [] });
      await expectAccessible(page);
      await screenshots(page, `panels-${shot}-zh`);
    }
    await page.goto(`${world.base}/studio?order=${order.id}`);
    const zhDetail = page.getByTestId('order-detail');
    await zhDetail.getByTestId('progress-log').locator('summary').click();
    await zhDetail.getByText('客户答复了延误通知：请联系我').waitFor(WAIT);
    await settled(page);
    // This file's parts of the order panel (the rest of it is the board's and the panel's own).
    for (const part of ['progress-log', 'customer-links'])
      expect({ part, english: await englishOn(page, [number], `[data-testid=${part}]`) }).toEqual({ part, english: [] });
    await screenshots(page, 'panels-order-zh');
  }, 180_000);
});
