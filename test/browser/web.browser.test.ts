import type { WebSocketRoute } from 'playwright-core';
import { MATERIAL_LABELS } from '../../contracts/catalogue';
import { OrderFacts } from '../../subgraphs/notifications/entities';
import { delayService } from '../../subgraphs/orders/delay.service';
import { browserAvailable } from '../support/browser';
import { useBrowserHub, WAIT } from '../support/browser-suite';
import { runLate, teawareOrder } from '../support/orders';
import { partner, staff } from '../support/principals';
import { demoCustomer } from '../../demo/customers';
import { waitFor } from '../support/wait';

/**
 * The web app in a real browser (Debian's Chromium) against a hub these tests start: the demo
 * network on SQLite, the gateway serving web/dist, a real OpenID Connect provider for sign-in.
 * Waits are on page state, never on sleeps. The tests run at the same time (jest.browser.config.js
 * says how many): each works on orders, links and pages of its own, and reads of the demo
 * network that none of them changes, as people use one hub at once.
 */
const available = browserAvailable();
const describeInBrowser = available ? describe : describe.skip;

describeInBrowser('web app in a browser', () => {
  const world = useBrowserHub();
  const { newPage, ok, importOrder, startStage, completeStage, runStage, mintLink, expectAccessible, screenshots, demoSignIn } = world;

  it.concurrent('links the demo from the landing page, with security headers on HTML only', async () => {
    const page = await newPage({ width: 1280, height: 800 });
    const response = await page.goto(`${world.base}/`);
    expect(response!.status()).toBe(200);
    const headers = response!.headers();
    expect(headers['content-security-policy']).toContain("script-src 'self'");
    expect(headers['content-security-policy']).toContain(`connect-src 'self' ${world.base} ws://localhost:`);
    expect(headers['content-security-policy']).toContain(world.idp.issuer);
    expect(headers['content-security-policy']).toContain("frame-ancestors 'none'");
    expect(headers['referrer-policy']).toBe('no-referrer');
    await page.getByRole('link', { name: 'Studio console' }).waitFor(WAIT);
    await expectAccessible(page);
    await screenshots(page, 'landing');
    // The API keeps its own answers: no page, no page headers, no SPA fallback.
    const api = await fetch(`${world.base}/graphql/nothing-here`);
    expect(api.status).toBe(404);
    expect(api.headers.get('content-security-policy')).toBeNull();
    const graphql = await fetch(`${world.base}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ vocabularyVersion }' }),
    });
    expect(graphql.headers.get('content-security-policy')).toBeNull();
    // Hashed assets are cached for a year; the HTML is not.
    expect(headers['cache-control']).toBe('no-cache');
    const asset = /src="(\/assets\/[^"]+\.js)"/.exec(await response!.text())![1];
    expect((await fetch(`${world.base}${asset}`)).headers.get('cache-control')).toContain('immutable');
  });

  it.concurrent(
    'shows a customer exactly what the tier allows: nothing of stage times or pen names at MINIMAL, both at DETAILED, never a real name',
    async () => {
      const order = await importOrder();
      const [first] = order.stages;
      ok(await startStage(first.id, { name: '王芳', penName: '墨白' }));
      ok(await completeStage(first.id, [{ name: 'workshop temperature', value: 22, unit: '°C' }]));

      const minimal = await newPage();
      await minimal.goto((await mintLink(order.id, 'MINIMAL')).url);
      await minimal.getByTestId('phase').waitFor(WAIT);
      // The link leaves the address bar (and the history entry), and a reload still works.
      expect(new URL(minimal.url()).search).toBe('');
      await minimal.reload();
      await minimal.getByTestId('phase').waitFor(WAIT);
      await expect(minimal.getByTestId('phase').textContent()).resolves.toBe('In progress');
      const minimalText = await minimal.locator('main').innerText();
      expect(await minimal.getByTestId('stages').count()).toBe(0);
      expect(await minimal.getByTestId('milestone').count()).toBe(0);
      expect(minimalText).not.toContain('墨白');
      expect(minimalText).not.toContain('王芳');
      expect(minimalText).not.toContain('workshop temperature');
      // The product by its name in the catalogue, not its code.
      expect(minimalText).toContain('Calligraphy tea cup × 2');
      await expectAccessible(minimal);
      await screenshots(minimal, 'track-minimal');

      const detailed = await newPage({ locale: 'zh-CN' });
      await detailed.goto((await mintLink(order.id, 'DETAILED')).url);
      await detailed.getByTestId('stages').waitFor(WAIT);
      const stages = detailed.getByTestId('stages').locator('li[data-status]');
      await expect(stages.count()).resolves.toBe(order.stages.length);
      const done = detailed.locator(`[data-testid=stages] li[data-code="${first.statusCode.code}"]`);
      await expect(done.getAttribute('data-status')).resolves.toBe('DONE');
      expect(await done.locator('time').count()).toBe(2);
      const detailedText = await detailed.locator('main').innerText();
      expect(detailedText).toContain('墨白');
      expect(detailedText).toContain('工坊温度：22 °C'); // the reading by its label, in the page's language
      expect(detailedText).not.toContain('王芳');
      // Chinese throughout, labels from the vocabulary, dates written for the language.
      expect(await detailed.locator('html').getAttribute('lang')).toBe('zh-CN');
      expect(detailedText).toContain('设计确认');
      await expectAccessible(detailed);
      await screenshots(detailed, 'track-detailed-zh');
    },
  );

  it.concurrent(
    'moves the customer page live as the studio works in the console, and after a cut connection resumes with both missed stages once each, in order',
    async () => {
      const order = await importOrder();
      const [first, second, third] = order.stages;
      const customer = await newPage();
      // A proxy the test controls between the page and the gateway's graphql-ws endpoint.
      const gate = { cut: false, open: [] as WebSocketRoute[] };
      await customer.context().routeWebSocket(/\/graphql\/customer$/, (socket) => {
        if (gate.cut) return void socket.close({ code: 1012, reason: 'cut by the test' });
        socket.connectToServer();
        gate.open.push(socket);
      });
      await customer.goto((await mintLink(order.id, 'DETAILED')).url);
      await customer.locator('[data-live-state=live]').waitFor(WAIT);

      const studio = await newPage({ width: 1280, height: 800 });
      await demoSignIn(studio, '/studio', 'STUDIO_ADMIN', 'moyun-studio');
      await studio.getByTestId('kanban').waitFor(WAIT);
      await expectAccessible(studio);
      await screenshots(studio, 'studio-kanban');
      // The console's other sections: delay alerts, materials (reorder suggestions), overflow.
      for (const [tab, heading] of [
        ['Delay alerts', 'Delay alerts'],
        ['Materials', 'Material risk and reorder suggestions'],
        ['Overflow', 'Declare a demand surge'],
      ]) {
        await studio.getByRole('navigation', { name: 'Console sections' }).getByRole('button', { name: tab }).click();
        await studio.getByRole('heading', { name: heading }).waitFor(WAIT);
        // Every section of the tab has loaded (a tab may have several).
        // (A locator, not waitForFunction's string: polling that string is an eval, which the page's CSP refuses.)
        await studio
          .locator('.state.loading')
          .first()
          .waitFor({ state: 'detached', ...WAIT });
        await expectAccessible(studio);
        await screenshots(studio, `studio-${tab.toLowerCase().replace(/ /g, '-')}`);
      }
      await studio.getByRole('navigation', { name: 'Console sections' }).getByRole('button', { name: 'Kanban' }).click();
      await studio.goto(`${world.base}/studio?order=${order.id}`);
      const detail = studio.getByTestId('order-detail');
      await detail.locator(`li[data-code="${first.statusCode.code}"]`).waitFor(WAIT);
      await detail.getByLabel('Operator (real name)').fill('李雷');
      await detail.getByLabel('Pen name').fill('青岚');
      await detail.getByRole('button', { name: 'Start', exact: true }).click();
      await detail.locator(`li[data-code="${first.statusCode.code}"][data-status=IN_PROGRESS]`).waitFor(WAIT);
      await detail.getByRole('button', { name: 'Complete', exact: true }).click();
      await detail.locator(`li[data-code="${first.statusCode.code}"][data-status=DONE]`).waitFor(WAIT);
      await expectAccessible(studio);
      await screenshots(studio, 'studio-order');

      // Without a reload, the customer's page shows the stage done and the update.
      await customer.locator(`[data-testid=stages] li[data-code="${first.statusCode.code}"][data-status=DONE]`).waitFor(WAIT);
      await customer
        .locator(`[data-testid=live-events] li[data-type="order.stage.completed"][data-code="${first.statusCode.code}"]`)
        .waitFor(WAIT);

      // Cut the live connection and keep it down while two more stages complete.
      gate.cut = true;
      for (const socket of gate.open.splice(0)) await socket.close({ code: 1012, reason: 'cut by the test' });
      await customer.locator('[data-live-state=reconnecting]').waitFor(WAIT);
      await runStage(second);
      await runStage(third);
      gate.cut = false;
      await customer.locator('[data-live-state=live]').waitFor(WAIT);
      await customer
        .locator(`[data-testid=live-events] li[data-type="order.stage.completed"][data-code="${third.statusCode.code}"]`)
        .waitFor(WAIT);

      const events = await customer.locator('[data-testid=live-events] li').evaluateAll((items) =>
        items.map((item: any) => ({
          key: item.getAttribute('data-key'),
          type: item.getAttribute('data-type'),
          code: item.getAttribute('data-code'),
        })),
      );
      expect(new Set(events.map((event) => event.key)).size).toBe(events.length);
      // Newest first.
      const completed = events.filter((event) => event.type === 'order.stage.completed').map((event) => event.code);
      expect(completed).toEqual([third, second, first].map((stage) => stage.statusCode.code));
      await customer.locator(`[data-testid=stages] li[data-code="${third.statusCode.code}"][data-status=DONE]`).waitFor(WAIT);
    },
  );

  it.concurrent('lets a customer answer a delay notice; the answer shows at once and after a reload', async () => {
    const order = await importOrder();
    ok(await startStage(order.stages[0].id));
    await runLate(world.t, order.stages[0].id, 60);
    await delayService.evaluate(world.t.hub.subgraphs.orders.systemContext());
    const page = await newPage();
    await page.goto((await mintLink(order.id, 'BASIC')).url);
    const notice = page.getByTestId('delay-notice');
    await notice.waitFor(WAIT);
    expect(await notice.innerText()).toContain('九折优惠');
    await expectAccessible(page);
    await screenshots(page, 'track-delay');
    // The studio offers compensation: accepting picks one of them.
    await notice.getByRole('button', { name: 'Accept, with “九折优惠”' }).click();
    await page.getByTestId('delay-answer').waitFor(WAIT);
    await page.reload();
    await page.getByTestId('delay-answer').waitFor(WAIT);
    expect(await page.getByTestId('delay-answer').innerText()).toContain('accept the delay, with “九折优惠”');
    const alerts = ok(await world.t.gql(`query($o: ID!) { order(id: $o) { delayAlerts { threshold customerResponse } } }`, { o: order.id }))
      .order.delayAlerts;
    expect(alerts.find((alert: any) => alert.threshold === 50).customerResponse).toBe('ACCEPT_DELAY');
  });

  it.concurrent('renders the share page publicly with Open Graph tags from the server; an unknown share is a 404 page', async () => {
    const order = await importOrder();
    for (const stage of order.stages) await runStage(stage);
    const em = world.t.hub.subgraphs.notifications.systemContext().em;
    let shareId: string | null | undefined;
    await waitFor(async () => !!(shareId = (await em.fork().findOne(OrderFacts, { orderId: order.id }))?.shareId), 30_000, 'the share id');

    const html = await fetch(`${world.base}/share/${shareId}`, { headers: { 'accept-language': 'en' } });
    expect(html.status).toBe(200);
    const text = await html.text();
    expect(text).toContain('<meta property="og:title" content="Calligraphy tea cup, made by Moyun Creative Studio">');
    expect(text).toContain(`<meta property="og:image" content="${world.base}/og/calligraphy-teaware.png">`);
    expect(text).toContain(`<meta property="og:url" content="${world.base}/share/${shareId}">`);
    const image = await fetch(`${world.base}/og/calligraphy-teaware.png`);
    expect(image.headers.get('content-type')).toBe('image/png');

    const page = await newPage();
    await page.goto(`${world.base}/share/${shareId}`);
    await page.getByTestId('share-stages').waitFor(WAIT);
    await expect(page.getByTestId('share-stages').locator('li').count()).resolves.toBe(order.stages.length);
    expect(await page.locator('main').innerText()).not.toContain('林小姐');
    await expectAccessible(page);
    await screenshots(page, 'share');

    const missing = await fetch(`${world.base}/share/no-such-share`);
    expect(missing.status).toBe(404);
    const notFound = await newPage();
    const response = await notFound.goto(`${world.base}/share/no-such-share`);
    expect(response!.status()).toBe(404);
    await notFound.getByRole('heading', { name: 'This share link does not exist' }).waitFor(WAIT);
  });

  it.concurrent(
    'opens a finished piece’s story from the code on the customer’s order page, through the Digital Link resolver, in English and Chinese; an unknown code explains itself',
    async () => {
      // With the line's GTIN, the printed code is a GS1 Digital Link under the hub's public URL.
      const order = ok(
        await world.t.gql(
          `mutation($input: ShopOrderInput!) { importShopOrder(input: $input) { id stages { id qcCheckpoint statusCode { code } } } }`,
          {
            input: teawareOrder({
              lines: [{ productCode: 'TEA-CUP-CALLIG', quantity: 1, personalisation: '宁静致远', gtin: '6901234001013' }],
            }),
          },
        ),
      ).importShopOrder as { id: string; stages: { id: string; qcCheckpoint: boolean }[] };
      for (const stage of order.stages) await runStage(stage);
      const [trace] = ok(await world.t.gql(`query($id: ID!) { order(id: $id) { traceCodes { code uri } } }`, { id: order.id })).order
        .traceCodes as { code: string; uri: string }[];
      expect(trace.uri).toBe(`${world.base}/01/06901234001013/21/${trace.code}`);
      // The suppliers subgraph learns the code from the bus: the lots appear once it has.
      await waitFor(
        async () =>
          ok(await world.t.gql(`query($c: String!) { productStory(code: $c) { materialOrigins { lotCode } } }`, { c: trace.code }))
            .productStory.materialOrigins.length > 0,
        30_000,
        'the story’s material origins',
      );

      const customer = await newPage();
      await customer.goto((await mintLink(order.id, 'MINIMAL')).url);
      await customer.getByTestId('trace-codes').waitFor(WAIT);
      await expectAccessible(customer);
      await customer.getByRole('link', { name: trace.code }).click();
      await customer.getByTestId('product-story').waitFor(WAIT);
      expect(customer.url()).toBe(`${world.base}/story/${trace.code}`);
      await expect(customer.getByTestId('story-stages').locator('li').count()).resolves.toBe(order.stages.length);
      await expect(customer.getByTestId('story-qc').textContent()).resolves.toBe('Passed');
      // Every lot the API names, as the page shows it: material, supplier by name, lot.
      const { materialOrigins } = ok(
        await world.t.gql(
          `query($c: String!) { productStory(code: $c) { materialOrigins { sku materialName lotCode supplier { nameEn } } } }`,
          {
            c: trace.code,
          },
        ),
      ).productStory;
      const materials = (await customer.getByTestId('story-materials').innerText()).split('\n');
      expect(materials).toEqual(
        // Each material by its English label from the catalogue (the page's language only).
        materialOrigins.map(
          (origin: any) =>
            `${MATERIAL_LABELS[origin.sku]?.labelEn ?? origin.materialName} · from ${origin.supplier.nameEn} · lot ${origin.lotCode}`,
        ),
      );
      const text = await customer.locator('body').innerText();
      expect(text).toContain('Made by Moyun Creative Studio');
      // Nothing personal: not the customer, not the inscription.
      expect(text).not.toContain('林小姐');
      expect(text).not.toContain('宁静致远');
      await expectAccessible(customer);
      await screenshots(customer, 'story');

      const chinese = await newPage({ locale: 'zh-CN' });
      await chinese.goto(trace.uri);
      await chinese.getByTestId('product-story').waitFor(WAIT);
      const chineseText = await chinese.locator('body').innerText();
      expect(chineseText).toContain('墨韵文创制作');
      expect(chineseText).toContain('原料来源');
      expect(chineseText).toContain('设计确认');
      await expectAccessible(chinese);
      await screenshots(chinese, 'story-zh');

      const unknown = await newPage();
      await unknown.goto(`${world.base}/story/WT00000000000000000000000000`);
      await unknown.getByRole('heading', { name: 'No product carries this code' }).waitFor(WAIT);
      await expectAccessible(unknown);
      expect((await fetch(`${world.base}/01/06901234001013/21/WT00000000000000000000000000`)).status).toBe(404);
    },
  );

  it.concurrent('shows a partner only the stages it holds, with no customer data and no prices', async () => {
    const page = await newPage({ width: 1280, height: 800 });
    await demoSignIn(page, '/partner', 'PARTNER', 'gilding-atelier');
    await page.locator('[data-testid^=assigned-stages]').first().waitFor(WAIT);
    const shown = await page
      .locator('[data-testid^=assigned-stages] li[data-stage-id]')
      .evaluateAll((items) => items.map((item: any) => item.getAttribute('data-stage-id')));
    const expected = ok(
      await world.t.gql(`{ assignedStages(enterpriseId: "gilding-atelier") { id } }`, {}, { as: partner('gilding-atelier') }),
    ).assignedStages.map((stage: any) => stage.id);
    expect(shown.length).toBeGreaterThan(0);
    expect(shown.sort()).toEqual(expected.sort());
    const text = await page.locator('main').innerText();
    for (const secret of [demoCustomer(0).name, demoCustomer(1).name, '林小姐', '¥', 'CN¥']) expect(text).not.toContain(secret);
    await expectAccessible(page);
    await screenshots(page, 'partner');
  });

  it.concurrent('refuses a supplier’s CSV with one bad line whole, showing that line’s error from the hub', async () => {
    const page = await newPage({ width: 1280, height: 800 });
    await demoSignIn(page, '/supplier', 'SUPPLIER', 'jingdezhen-clay');
    await page.getByTestId('stock-lots').waitFor(WAIT);
    // A file picked with the page's own button fills the text, and its name shows (the browser's own button would say it in English).
    await page.getByLabel('Or upload a CSV file').setInputFiles({
      name: 'stock-today.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from('sku,lot,onHand\nCLAY-KAOLIN,JDZ-K-FILE,1\n'),
    });
    await page.getByText('stock-today.csv').waitFor(WAIT);
    expect(await page.getByTestId('csv').inputValue()).toContain('JDZ-K-FILE');
    await page.getByTestId('csv').fill('sku,lot,onHand\nCLAY-KAOLIN,JDZ-K-BROWSER,500\nNO-SUCH-SKU,JDZ-X-BROWSER,5\n');
    await page.getByRole('button', { name: 'Publish CSV' }).click();
    const problems = page.getByTestId('publish-problems');
    await problems.waitFor(WAIT);
    expect(await problems.innerText()).toMatch(/Line 3:.*NO-SUCH-SKU/);
    expect(await page.getByTestId('stock-lots').innerText()).not.toContain('JDZ-K-BROWSER');
    const lots = ok(
      await world.t.gql(`{ stockLots(supplierId: "jingdezhen-clay") { lotCode } }`, {}, { as: staff('jingdezhen-clay', 'SUPPLIER') }),
    ).stockLots;
    expect(lots.map((lot: any) => lot.lotCode)).not.toContain('JDZ-K-BROWSER');
    await expectAccessible(page);
    await screenshots(page, 'supplier');
  });

  it.concurrent('lets a supplier ship a purchase order with the lots it sent, and the studio sees it shipped', async () => {
    const placed = ok(
      await world.t.gql(
        `mutation { placePurchaseOrder(studioId: "moyun-studio", input: { supplierId: "jingdezhen-clay", lines: [{ sku: "CLAY-KAOLIN", quantity: 300 }] }, idempotencyKey: "browser-ship-po") { id } }`,
        {},
        { as: staff('moyun-studio') },
      ),
    ).placePurchaseOrder;
    const page = await newPage({ width: 375, height: 800 });
    await demoSignIn(page, '/supplier', 'SUPPLIER', 'jingdezhen-clay');
    const item = page.locator(`[data-purchase-order="${placed.id}"]`);
    await item.waitFor(WAIT);
    await item.getByRole('button', { name: 'Ship…' }).click();
    const form = item.getByRole('form', { name: 'Ship this purchase order' });
    // The lot is one of the supplier's own, picked from a list.
    await form.getByLabel('Lot').selectOption('JDZ-K-2611B');
    await form.getByLabel('Quantity').fill('0');
    await form.getByRole('button', { name: 'Mark shipped' }).click();
    expect(await form.getByRole('alert').innerText()).toContain('whole number of at least 1');
    await form.getByLabel('Quantity').fill('280');
    await expectAccessible(page);
    await screenshots(page, 'supplier-ship-form');
    await form.getByRole('button', { name: 'Mark shipped' }).click();
    await item.getByText('Kaolin porcelain clay JDZ-K-2611B × 280 g').waitFor(WAIT);
    expect(await item.locator('.badge').innerText()).toBe('Shipped');
    const seen = ok(
      await world.t.gql(`{ purchaseOrders { id status shippedLots { lotCode quantity } } }`, {}, { as: staff('moyun-studio') }),
    ).purchaseOrders.find((order: any) => order.id === placed.id);
    expect(seen).toEqual({ id: placed.id, status: 'SHIPPED', shippedLots: [{ lotCode: 'JDZ-K-2611B', quantity: 280 }] });
    await screenshots(page, 'supplier-shipped');
    await page.getByRole('button', { name: '中文' }).click();
    await item.getByText('已发货').first().waitFor(WAIT);
    await screenshots(page, 'supplier-shipped-zh');
  });

  it.concurrent('explains a revoked link instead of showing a blank page', async () => {
    const order = await importOrder();
    const minted = await mintLink(order.id);
    ok(await world.t.gql(`mutation($l: ID!) { revokeCustomerLink(linkId: $l) { revokedAt } }`, { l: minted.link.id }));
    const page = await newPage();
    await page.goto(minted.url);
    await page.getByTestId('link-problem').waitFor(WAIT);
    expect(await page.getByTestId('link-problem').innerText()).toContain('This order link no longer works');
    await expectAccessible(page);
    await screenshots(page, 'track-revoked');
  });

  it.concurrent('signs a studio lead in with OpenID Connect (code + PKCE) and reaches the kanban with the provider’s token', async () => {
    const page = await newPage({ width: 1280, height: 800 });
    await page.goto(`${world.base}/studio`);
    await page.getByRole('button', { name: 'Sign in with your organisation' }).click();
    await page.waitForURL((url) => url.origin === world.idp.issuer, WAIT);
    await page.locator('input[name=login]').fill('STUDIO_ADMIN@moyun-studio');
    await page.locator('input[name=password]').fill('any');
    await page.locator('button[type=submit]').click();
    await page.waitForURL(`${world.base}/studio`, WAIT);
    await page.getByTestId('kanban').waitFor(WAIT);
    const session = JSON.parse((await page.evaluate<string | null>('sessionStorage.getItem("weft.staffSession")'))!);
    expect(session).toMatchObject({ via: 'oidc', role: 'STUDIO_ADMIN', org: 'moyun-studio' });
    // The token is the provider's (RS256), and the hub accepts it.
    expect(JSON.parse(Buffer.from(session.token.split('.')[0], 'base64url').toString()).alg).toBe('RS256');
    expect(
      ok(await world.t.gql(`{ stageBoard(studioId: "moyun-studio") { overdueTotal } }`, {}, { as: session.token })).stageBoard.overdueTotal,
    ).toBeGreaterThanOrEqual(0);
  });
});
