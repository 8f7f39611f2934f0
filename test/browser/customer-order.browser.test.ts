import { delayService } from '../../subgraphs/orders/delay.service';
import { browserAvailable, screenshot } from '../support/browser';
import { useBrowserHub, WAIT } from '../support/browser-suite';
import { runLate, teawareOrder } from '../support/orders';
import { customer } from '../support/principals';
import { waitFor } from '../support/wait';

/**
 * The customer's order page as its customer reads it, on a hub of its own (the flows change
 * data): one date story (promised and expected, late said plainly), a delay notice that names a
 * stage their tier shows and lets them pick a compensation, the order's history on first open,
 * and a finished order's share button.
 */
const describeInBrowser = browserAvailable() ? describe : describe.skip;

/** Latin words, event types and ids, which the parts of a Chinese page this file covers must not show. */
const NOT_CHINESE = /[A-Za-z][A-Za-z_.-]{2,}|\b(?:ord|stg|alr)_[0-9A-Z]+/g;

describeInBrowser('the customer’s order page', () => {
  const world = useBrowserHub();
  const { newPage, ok, importOrder, startStage, runStage, mintLink, expectAccessible, screenshots } = world;
  const FLOW_TIMEOUT = 300_000;

  it.concurrent(
    'tells one date story, names a stage the tier shows, takes the compensation picked, and shows the history on first open',
    async () => {
      ok(await world.t.gql(`mutation { setDelayCompensation(studioId: "moyun-studio", options: ["九折优惠", "免费礼盒"]) { studioId } }`));
      const order = await importOrder();
      // Design and material done; calligraphy (shown from DETAILED only) runs 60 % late.
      for (const stage of order.stages.slice(0, 2)) await runStage(stage);
      const calligraphy = order.stages[2];
      ok(await startStage(calligraphy.id, { name: '王芳', penName: '墨白' }));
      await runLate(world.t, calligraphy.id, 60);
      await delayService.evaluate(world.t.hub.subgraphs.orders.systemContext());
      await waitFor(
        async () =>
          ok(
            await world.t.gql(
              `query($o: ID!) { order(id: $o) { delayAlerts { id } } }`,
              { o: order.id },
              { as: customer([order.id], 'BASIC') },
            ),
          ).order.delayAlerts.length === 1,
        30_000,
        'the notice',
      );

      const page = await newPage({ width: 375, height: 812, locale: 'zh-CN' });
      await page.goto((await mintLink(order.id, 'BASIC')).url);
      const dates = page.getByTestId('order-dates');
      await dates.waitFor(WAIT);
      expect(await dates.innerText()).toMatch(/承诺 \d+月\d+日 前完成制作，现预计 \d+月\d+日 前完成/);
      // The history is there on first open: the order taken, the stages done — not "nothing yet".
      const activity = page.getByTestId('live-events');
      await activity.locator('li[data-type="order.stage.completed"]').first().waitFor(WAIT);
      expect(await activity.locator('li[data-type="order.imported"]').count()).toBe(1);
      // The notice names the next stage a BASIC customer is shown (first firing), never calligraphy; no rush to cancel.
      const notice = page.getByTestId('delay-notice');
      await notice.waitFor(WAIT);
      const noticeText = await notice.innerText();
      expect(noticeText).toContain('您的订单在「初次烧制」之前的工序有所延误');
      expect(noticeText).not.toContain('书法创作');
      expect(noticeText).not.toContain('加急');
      expect(noticeText).toMatch(/新的预计完成日期：\d+月\d+日 前/);
      // The date story, the notice and the activity in Chinese alone (materials and product codes get their labels elsewhere).
      for (const part of ['order-dates', 'delay-notice', 'live-events'])
        expect([part, (await page.getByTestId(part).innerText()).match(NOT_CHINESE)]).toEqual([part, null]);
      await expectAccessible(page);
      await screenshot(page, 'track-story-zh-375');

      await notice.getByRole('button', { name: '接受延期，选择「免费礼盒」' }).click();
      await page.getByTestId('delay-answer').filter({ hasText: '补偿为「免费礼盒」' }).waitFor(WAIT);
      const answered = ok(
        await world.t.gql(`query($o: ID!) { order(id: $o) { delayAlerts { customerResponse chosenCompensation } } }`, { o: order.id }),
      ).order.delayAlerts.find((alert: { customerResponse: string | null }) => alert.customerResponse !== null);
      expect(answered).toEqual({ customerResponse: 'ACCEPT_DELAY', chosenCompensation: '免费礼盒' });

      // The same page in English, at both widths.
      const english = await newPage({ width: 375, height: 812, locale: 'en-GB' });
      await english.goto((await mintLink(order.id, 'DETAILED')).url);
      await english.getByTestId('order-dates').waitFor(WAIT);
      expect(await english.getByTestId('order-dates').innerText()).toMatch(/Promised by \d+ \w+, now expected by \d+ \w+/);
      expect(await english.getByTestId('delay-notice').innerText()).toContain('Calligraphy');
      await expectAccessible(english);
      await screenshots(english, 'track-story-en');
    },
    FLOW_TIMEOUT,
  );

  it.concurrent(
    "names a product of the studio's own catalogue (not one the demo knows) by its catalogue name, in Chinese",
    async () => {
      const studioId = 'moyun-studio';
      ok(
        await world.t.gql(
          `mutation { upsertProductFamily(studioId: "${studioId}", input: { code: "CELADON", nameZh: "青瓷", nameEn: "Celadon" }, idempotencyKey: "track-celadon") { code } }`,
        ),
      );
      ok(
        await world.t.gql(
          `mutation { upsertProduct(studioId: "${studioId}", input: { productCode: "CLY-BOWL-01", nameZh: "青瓷茶碗", nameEn: "Celadon tea bowl", family: "CELADON", routeCode: "CALLIGRAPHY_TEAWARE" }, idempotencyKey: "track-bowl") { productCode } }`,
        ),
      );
      const order = await importOrder(teawareOrder({ lines: [{ productCode: 'CLY-BOWL-01', quantity: 1 }] }));
      const page = await newPage({ width: 375, height: 812, locale: 'zh-CN' });
      await page.goto((await mintLink(order.id, 'BASIC')).url);
      const subtitle = page.locator('header .subtitle');
      await subtitle.waitFor(WAIT);
      expect(await subtitle.innerText()).toBe('青瓷茶碗');
      const main = await page.locator('main').innerText();
      expect(main).toContain('青瓷茶碗 × 1');
      expect(main).not.toContain('定制作品');
      await expectAccessible(page);
      await screenshots(page, 'track-own-product-zh');
    },
    FLOW_TIMEOUT,
  );

  it.concurrent(
    'offers a finished order’s share page, with no forecast, and the share image is the product family’s artwork',
    async () => {
      const order = await importOrder();
      for (const stage of order.stages) await runStage(stage);
      const as = customer([order.id], 'MINIMAL');
      await waitFor(
        async () =>
          Boolean(
            ok(await world.t.gql(`query($o: ID!) { notificationBinding(orderId: $o) { shareUrl } }`, { o: order.id }, { as }))
              .notificationBinding?.shareUrl,
          ),
        30_000,
        'the share link',
      );
      const page = await newPage({ width: 1280, height: 800, locale: 'zh-CN' });
      await page.goto((await mintLink(order.id, 'BASIC')).url);
      const share = page.getByTestId('share-finished');
      await share.waitFor(WAIT);
      const link = share.getByRole('link', { name: '打开分享页' });
      expect(await link.getAttribute('href')).toMatch(/\/share\/[\w-]+$/);
      expect(await page.getByTestId('order-dates').innerText()).toMatch(/已制作完成/);
      expect(await page.getByTestId('order-dates').innerText()).not.toContain('承诺');
      for (const part of ['order-dates', 'share-finished', 'live-events'])
        expect([part, (await page.getByTestId(part).innerText()).match(NOT_CHINESE)]).toEqual([part, null]);
      await expectAccessible(page);
      await screenshot(page, 'track-finished-zh-1280');

      const shared = await newPage({ width: 1280, height: 800, locale: 'zh-CN' });
      await shared.goto((await link.getAttribute('href'))!);
      const image = shared.locator('img.story-image');
      await image.waitFor(WAIT);
      expect(await image.getAttribute('src')).toMatch(/\/og\/calligraphy-teaware\.png$/);
      await waitFor(() => image.evaluate((element: any) => element.complete && element.naturalWidth === 1200), 15_000, 'the artwork');
      await screenshot(shared, 'share-finished-zh-1280');
    },
    FLOW_TIMEOUT,
  );
});
