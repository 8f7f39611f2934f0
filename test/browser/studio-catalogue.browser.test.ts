import type { Page } from 'playwright-core';
import { browserAvailable, screenshot } from '../support/browser';
import { useBrowserHub, WAIT } from '../support/browser-suite';
import { staff } from '../support/principals';

/**
 * Settings → Products and routes, as a studio's people use them: the admin adds a product on a
 * new route, drags a stage and takes it back, adds a stage and moves it with the keyboard alone, and saves it as
 * version 2, which the history shows with the change; an operator reads the route with nothing to
 * change, and the hub refuses the operator's save.
 */
const describeInBrowser = browserAvailable() ? describe : describe.skip;

describeInBrowser('studio products and routes', () => {
  const world = useBrowserHub();
  const { ok, expectAccessible } = world;

  const openCatalogue = async (role: string): Promise<Page> => {
    const page = await world.demoSignInZh('/studio', role, 'moyun-studio');
    await page.getByTestId('kanban').waitFor(WAIT);
    await page.getByRole('navigation', { name: '控制台栏目' }).getByRole('button', { name: '设置' }).click();
    await page.getByRole('navigation', { name: '设置分区' }).getByRole('button', { name: '产品与工序' }).click();
    await page.getByTestId('catalogue-products').waitFor(WAIT);
    return page;
  };
  /** Latin words in a part of a Chinese page: none (product and stage names are shown, never codes). */
  const latinIn = async (page: Page, selector: string) => (await page.locator(selector).innerText()).match(/[a-z]{2,}/gi) ?? [];
  const route = async () =>
    ok(
      await world.t.gql(
        `{ catalogue(studioId: "moyun-studio") { routes { code currentVersion steps { statusCode { code } } versions { version } } } }`,
      ),
    ).catalogue.routes.find((found: { code: string }) => found.code === 'TRIAL-BOWL');

  it('lets the admin add a product, reorder its route by pointer and by keyboard into version 2, and an operator only read it', async () => {
    // A route of three stages (version 1), as the studio made it earlier.
    ok(
      await world.t.gql(
        `mutation($input: RouteInput!) { saveRoute(studioId: "moyun-studio", input: $input, idempotencyKey: "trial-bowl-route") { code } }`,
        {
          input: {
            code: 'TRIAL-BOWL',
            nameZh: '茶碗试制',
            nameEn: 'Tea bowl trial',
            steps: [
              { statusCode: 'A10', standardMinutes: 60 },
              { statusCode: 'C10', standardMinutes: 180 },
              { statusCode: 'E10', standardMinutes: 30, qcCheckpoint: true },
            ],
          },
        },
      ),
    );
    const admin = await openCatalogue('STUDIO_ADMIN');
    await admin.getByRole('button', { name: '添加产品' }).click();
    const form = admin.getByTestId('product-form');
    await form.getByLabel('产品编号').fill('TEA-BOWL-07');
    await form.getByLabel('中文名称').fill('描金茶碗');
    await form.getByLabel('英文名称').fill('Gilded tea bowl');
    await form.getByLabel('工序路线').selectOption({ label: '茶碗试制' });
    await form.getByLabel(/^标价/).fill('128');
    // A shop SKU another product holds: the hub's refusal, named in words beside the form.
    await form.getByLabel(/^店铺商品编码/).fill('TEA-*');
    await form.getByRole('button', { name: '保存', exact: true }).click();
    await form.getByRole('alert').getByText('店铺商品编码：这个店铺商品编码已属于你的另一件产品，或填了两次。').waitFor(WAIT);
    await form.getByLabel(/^店铺商品编码/).fill('TB-BOWL-07');
    await form.getByRole('button', { name: '保存', exact: true }).click();
    const product = admin.locator('li[data-product="TEA-BOWL-07"]');
    await product.getByText('描金茶碗').waitFor(WAIT);
    expect(await latinIn(admin, '[data-testid=catalogue-products]')).toEqual([]);

    // The product's route, opened from the product: add a stage, then move it up with the keyboard only.
    await product.getByRole('button', { name: '茶碗试制' }).click();
    const editor = admin.getByTestId('route-editor');
    await editor.waitFor(WAIT);
    // Dragged with the pointer: the first stage below the second; then the change discarded.
    const stageName = (n: number) => editor.locator(`li[data-stage="${n}"] .route-stage-head strong`);
    const firstHandle = editor.getByRole('button', { name: '移动第 1 道工序（设计确认完成）' });
    // The handle at the top of the phone's screen, so the stage below it is on screen too.
    await firstHandle.evaluate((element) =>
      (element as unknown as { scrollIntoView(options: object): void }).scrollIntoView({ block: 'start' }),
    );
    const from = (await firstHandle.boundingBox())!;
    const to = (await editor.locator('li[data-stage="2"]').boundingBox())!;
    await admin.mouse.move(from.x + from.width / 2, from.y + from.height / 2);
    await admin.mouse.down();
    await admin.mouse.move(from.x + from.width / 2, to.y + to.height / 2 + 40, { steps: 12 });
    await admin.mouse.up();
    await stageName(1).filter({ hasText: '书法创作' }).waitFor(WAIT);
    await editor.getByRole('button', { name: '放弃修改' }).click();
    await stageName(1).filter({ hasText: '设计确认完成' }).waitFor(WAIT);

    await editor.getByRole('button', { name: '添加工序' }).click();
    const added = editor.locator('li[data-stage="4"]');
    await added.getByRole('combobox', { name: /^工序/ }).selectOption({ label: '手工描金' });
    await added.getByRole('spinbutton', { name: /^标准工时/ }).fill('240');
    const handle = editor.getByRole('button', { name: '移动第 4 道工序（手工描金）' });
    await handle.focus();
    // Each step waits for what a screen reader would hear.
    const heard = (text: string) => admin.getByText(text).waitFor({ state: 'attached', ...WAIT });
    await admin.keyboard.press('Space');
    // Picked up: the pick-up is announced, then at once where the stage is (once the list is measured, so the arrows can move it).
    await heard('工序“手工描金”现在位于第 4 道，共 4 道。');
    await admin.keyboard.press('ArrowUp');
    await heard('工序“手工描金”现在位于第 3 道，共 4 道。');
    await admin.keyboard.press('Space');
    await stageName(3).filter({ hasText: '手工描金' }).waitFor(WAIT);
    await heard('工序“手工描金”已放在第 3 道，共 4 道。');
    await editor.getByRole('button', { name: '保存为新版本' }).click();
    await editor.getByText('已保存：此后导入的订单按第 2 版走。').waitFor(WAIT);
    const history = admin.getByTestId('route-history');
    await history.locator('li[data-version="2"]').getByText('新增“手工描金”，为第 3 道').waitFor(WAIT);
    await history.locator('li[data-version="1"]').getByText('最初的版本，共 3 道工序。').waitFor(WAIT);
    const saved = await route();
    expect(saved.currentVersion).toBe(2);
    expect(saved.steps.map((step: { statusCode: { code: string } }) => step.statusCode.code)).toEqual(['A10', 'C10', 'C50', 'E10']);
    expect(await latinIn(admin, '#route-editor')).toEqual([]);
    await expectAccessible(admin);
    await screenshot(admin, 'settings-catalogue-zh-375');
    await admin.setViewportSize({ width: 1280, height: 900 });
    await screenshot(admin, 'settings-catalogue-zh-1280');
    await admin.getByRole('button', { name: 'English' }).click();
    await admin.getByRole('heading', { name: 'Version history' }).waitFor(WAIT);
    await admin.getByText('Added Hand gilding as stage 3').waitFor(WAIT);
    await expectAccessible(admin);
    await screenshot(admin, 'settings-catalogue-en-1280');
    await admin.setViewportSize({ width: 375, height: 812 });
    await screenshot(admin, 'settings-catalogue-en-375');

    // An operator reads the same route, with nothing to change; the hub refuses the operator's save.
    const operator = await openCatalogue('OPERATOR');
    expect(await operator.getByRole('button', { name: /^修改|添加产品/ }).count()).toBe(0);
    await operator
      .getByTestId('catalogue-routes')
      .getByRole('button', { name: /^茶碗试制/ })
      .click();
    await operator.getByText('你的角色可以查看工序路线，但不能修改。').waitFor(WAIT);
    await operator.locator('[data-testid=route-stages] li[data-stage="3"] strong', { hasText: '手工描金' }).waitFor(WAIT);
    expect(await operator.getByTestId('route-editor').count()).toBe(0);
    expect(await operator.getByRole('button', { name: /保存|添加工序|移动第/ }).count()).toBe(0);
    await operator.getByTestId('route-history').locator('li[data-version="2"]').waitFor(WAIT);
    await expectAccessible(operator);
    await screenshot(operator, 'settings-catalogue-operator-zh-375');
    const refused = await world.t.gql(
      `mutation { saveRoute(studioId: "moyun-studio", idempotencyKey: "trial-bowl-operator", input: { code: "TRIAL-BOWL", steps: [{ statusCode: "A10", standardMinutes: 5 }] }) { code } }`,
      {},
      { as: staff('moyun-studio', 'OPERATOR') },
    );
    expect(refused.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect((await route()).currentVersion).toBe(2);
  }, 120_000);
});
