import { browserAvailable, screenshot } from '../support/browser';
import { useBrowserHub, WAIT } from '../support/browser-suite';
import { teawareOrder } from '../support/orders';
import { customer } from '../support/principals';
import { waitFor } from '../support/wait';

/**
 * A customer saves how they want to be told, on their phone, in Chinese: WeChat where the shop
 * gave the studio their WeChat account with the order, otherwise said in words to be
 * unavailable — and every other preference saves either way. Nobody is asked for an openid.
 */
const describeInBrowser = browserAvailable() ? describe : describe.skip;

describeInBrowser('a customer’s notification preferences', () => {
  const world = useBrowserHub();
  const { newPage, ok, importOrder, mintLink, expectAccessible } = world;

  const BINDING = `query($o: ID!) { notificationBinding(orderId: $o) { wechatBound } }`;
  const SAVED = `query($o: ID!) { notificationPreferences(orderId: $o) { channel language quietHours { start end } dailyDigest dailyCap } }`;

  /** Imports an order (with the customer's openid when the shop knew it) and opens its link in Chinese at a phone's width. */
  const openOrder = async (wechatOpenId?: string) => {
    const order = await importOrder(teawareOrder(wechatOpenId ? { customer: { ...teawareOrder().customer, wechatOpenId } } : {}));
    const as = customer([order.id], 'DETAILED');
    // The notifications subgraph has learnt of the order from its events (the customer opens the link later).
    await waitFor(
      async () => (await world.t.gql(BINDING, { o: order.id }, { as })).data?.notificationBinding?.wechatBound === Boolean(wechatOpenId),
      30_000,
      'the order known to notifications',
    );
    const page = await newPage({ width: 375, height: 812, locale: 'zh-CN' });
    await page.goto((await mintLink(order.id, 'DETAILED')).url);
    const form = page.getByTestId('preferences');
    await form.waitFor(WAIT);
    return { order, as, page, form };
  };

  // Right after the demo is seeded the hub is still busy with its history: the bound is the work, not the time.
  const FLOW_TIMEOUT = 300_000;

  it.concurrent(
    'saves WeChat messages in Chinese where the order came with the customer’s WeChat account',
    async () => {
      const { order, as, page, form } = await openOrder('oWEFT_browser_0001');
      expect(await form.innerText()).not.toMatch(/openid/i);
      const wechat = form.getByRole('radio', { name: '微信消息' });
      expect(await wechat.isDisabled()).toBe(false);
      await wechat.check();
      await form.getByRole('checkbox', { name: '免打扰时段（不发日常消息）' }).check();
      await form.getByLabel('从').fill('22:30');
      await form.getByRole('button', { name: '保存' }).click();
      await form.getByRole('status').filter({ hasText: '已保存。' }).waitFor(WAIT);
      expect(await form.locator('.refusal').count()).toBe(0);
      expect(ok(await world.t.gql(SAVED, { o: order.id }, { as })).notificationPreferences).toEqual({
        channel: 'WECHAT',
        language: 'ZH',
        quietHours: { start: '22:30', end: '08:00' },
        dailyDigest: false,
        dailyCap: 5,
      });
      await expectAccessible(page);
      await form.scrollIntoViewIfNeeded();
      await screenshot(page, 'track-preferences-wechat-zh-375');
    },
    FLOW_TIMEOUT,
  );

  it.concurrent(
    'says in words why WeChat is unavailable without the customer’s WeChat account, and saves everything else',
    async () => {
      const { order, as, page, form } = await openOrder();
      const wechat = form.getByRole('radio', { name: '微信消息' });
      expect(await wechat.isDisabled()).toBe(true);
      const why = form.getByTestId('wechat-unavailable');
      expect(await why.innerText()).toContain('没有关联您的微信账号');
      expect(await form.getByRole('radio', { name: '不发消息（我会自己查看此页）' }).isChecked()).toBe(true);
      await form.getByRole('checkbox', { name: '每天汇总一次，代替逐条消息' }).check();
      await form.getByLabel('每天最多消息数').fill('3');
      await form.getByRole('button', { name: '保存' }).click();
      await form.getByRole('status').filter({ hasText: '已保存。' }).waitFor(WAIT);
      expect(await form.locator('.refusal').count()).toBe(0);
      expect(ok(await world.t.gql(SAVED, { o: order.id }, { as })).notificationPreferences).toEqual({
        channel: 'NONE',
        language: 'ZH',
        quietHours: null,
        dailyDigest: true,
        dailyCap: 3,
      });
      // A Chinese page: no English words, no codes.
      expect(await form.innerText()).not.toMatch(/[A-Z]{3,}/i);
      await expectAccessible(page);
      await form.scrollIntoViewIfNeeded();
      await screenshot(page, 'track-preferences-unbound-zh-375');
    },
    FLOW_TIMEOUT,
  );
});
