import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import type { Page } from 'playwright-core';
import { browserAvailable } from '../support/browser';
import { signInAtProvider, useBrowserHub, WAIT } from '../support/browser-suite';
import { staff } from '../support/principals';

/**
 * A new studio's whole onboarding, in Chinese on a phone: a leather-goods studio's owner applies
 * and a hub admin approves it on /admin, which makes the owner its first admin: their first
 * sign-in through the OpenID Connect provider opens the console. The owner moves in with a
 * workbook chosen in Settings → 表格导入 (one bad row refused by sheet, row and column, nothing
 * kept; fixed, checked and imported), invites a supervisor who accepts through the provider,
 * adds an operator and a closure in Settings; a shop order for its product shows on its kanban
 * under its route's stages, and the customer's link opens the order.
 */
const describeInBrowser = browserAvailable() ? describe : describe.skip;

const STUDIO = 'awl-and-hide';
const SHOP_SKU = 'TB-AWL-7001';

/** The move-in workbook: one product, its three-stage route and two materials; `cost` is the leather's unit cost cell. */
async function workbook(cost: string): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  const sheet = (name: string, rows: (string | number)[][]) => book.addWorksheet(name).addRows(rows);
  sheet('products', [
    ['productCode', 'nameZh', 'nameEn', 'family', 'routeCode', 'shopSkus', 'priceCents'],
    ['LTH-WAL-01', '手缝短款钱包', 'Hand-stitched wallet', 'WALLET', 'WALLET-ROUTE', SHOP_SKU, 39800],
  ]);
  sheet('routes', [
    ['routeCode', 'position', 'statusCode', 'standardMinutes', 'qc'],
    ['WALLET-ROUTE', 1, 'A10', 240, 'no'],
    ['WALLET-ROUTE', 2, 'C72', 90, 'no'],
    ['WALLET-ROUTE', 3, 'E10', 45, 'yes'],
  ]);
  sheet('materials', [
    ['sku', 'nameZh', 'nameEn', 'unit', 'abcClass', 'unitCostCents', 'safetyStock'],
    ['LEATHER-VEG', '植鞣牛皮', 'Vegetable-tanned leather', 'dm2', 'A', cost, 40],
    ['THREAD-WAX', '蜡线', 'Waxed thread', 'm', 'C', '12', 100],
  ]);
  return Buffer.from(await book.xlsx.writeBuffer());
}

describeInBrowser('a new studio, from application to its first order', () => {
  const world = useBrowserHub();
  const { newPage, ok, expectAccessible } = world;
  const shot = (page: Page, name: string) => page.screenshot({ path: `/tmp/onboarding-${name}.png`, fullPage: true });
  const settled = (page: Page) =>
    page
      .locator('.state.loading')
      .first()
      .waitFor({ state: 'detached', ...WAIT });
  const files = fs.mkdtempSync(path.join(os.tmpdir(), 'weft-onboarding-'));
  afterAll(() => fs.rmSync(files, { recursive: true, force: true }));
  const openSettings = async (page: Page, part: string) => {
    await page.getByRole('navigation', { name: '控制台栏目' }).getByRole('button', { name: '设置' }).click();
    await page.getByRole('navigation', { name: '设置分区' }).getByRole('button', { name: part }).click();
    await settled(page);
  };

  it('is approved, joined, moved in from a spreadsheet, set up, and shows its first order on its kanban and customer page', async () => {
    // 1. The studio's owner, signed in but nobody's member yet, applies; a hub admin approves on /admin.
    const owner = { subject: 'awl-owner', org: null, roles: [], identityProvider: world.idp.issuer };
    const applied = ok(
      await world.t.gql(
        `mutation($input: EnterpriseRegistrationInput!, $key: String!) { applyForEnterprise(input: $input, idempotencyKey: $key) { id status } }`,
        {
          input: {
            id: STUDIO,
            kind: 'STUDIO',
            nameZh: '锥与皮皮具工坊',
            nameEn: 'Awl and Hide Leatherworks',
            region: 'CN-ZJ',
            alliances: [],
          },
          key: randomUUID(),
        },
        { as: owner },
      ),
    );
    expect(applied.applyForEnterprise).toEqual({ id: STUDIO, status: 'APPLIED' });

    const admin = await newPage({ locale: 'zh-CN' });
    await admin.goto(`${world.base}/admin`);
    await admin.getByRole('heading', { name: '演示登录' }).waitFor(WAIT);
    await admin.getByLabel('角色').selectOption('HUB_ADMIN');
    await admin.getByRole('button', { name: '以此演示身份登录' }).click();
    const applications = admin.getByTestId('applications');
    await applications.getByRole('heading', { name: '锥与皮皮具工坊' }).waitFor(WAIT);
    await applications
      .locator('li, article, section')
      .filter({ has: admin.getByRole('heading', { name: '锥与皮皮具工坊' }) })
      .last()
      .getByRole('button', { name: '通过' })
      .click();
    await admin.getByTestId('confirm-yes').click();
    await admin.getByText('已通过锥与皮皮具工坊。').waitFor(WAIT);
    await expectAccessible(admin);
    await shot(admin, 'approved');

    // 2. Approved, the applicant is the studio's first admin: their first sign-in through the provider opens the console.
    const page = await newPage({ locale: 'zh-CN' });
    await page.goto(`${world.base}/studio`);
    await page.getByRole('button', { name: '使用机构账号登录' }).click();
    await signInAtProvider(page, world.idp.issuer, 'awl-owner');
    await page.getByRole('navigation', { name: '控制台栏目' }).waitFor(WAIT);
    const session = JSON.parse((await page.evaluate<string | null>('sessionStorage.getItem("weft.staffSession")'))!);
    expect(session).toMatchObject({ via: 'oidc', exchanged: true, role: 'STUDIO_ADMIN', org: STUDIO });

    // 3. The move-in workbook, chosen in Settings → 表格导入: a bad cost is refused by sheet, row and column
    // (in words, no column code on the page), and nothing is kept; fixed and chosen again, it is checked and imported.
    const catalogue = async () =>
      ok(
        await world.t.gql(
          `query($s: ID!) { catalogue(studioId: $s) { products { productCode } routes { code } } studioMaterials(studioId: $s) { totalCount } }`,
          { s: STUDIO },
          { as: staff(STUDIO) },
        ),
      ) as { catalogue: { products: unknown[]; routes: unknown[] }; studioMaterials: { totalCount: number } };
    const choose = async (name: string, cost: string) => {
      const file = path.join(files, name);
      fs.writeFileSync(file, await workbook(cost));
      await page.getByTestId('import-file').setInputFiles(file);
      await page.getByTestId('import-file-name').getByText(name).waitFor(WAIT);
      await page.getByRole('button', { name: '检查', exact: true }).click();
    };
    await openSettings(page, '表格导入');
    await choose('锥与皮-入驻.xlsx', 'lots');
    const problems = page.getByTestId('import-problems');
    await problems.waitFor(WAIT);
    await problems.getByText('有些行不被接受，没有改动任何数据。').waitFor(WAIT);
    const refusedRow = problems.locator('tbody tr');
    expect(await refusedRow.count()).toBe(1);
    expect(await refusedRow.locator('td').allInnerTexts()).toEqual(['物料', '2', '单位成本（分）', '第 2 行「单位成本（分）」列：值无效']);
    expect(await problems.innerText()).not.toMatch(/[a-z]/i);
    expect(await page.getByRole('button', { name: '导入', exact: true }).isDisabled()).toBe(true);
    expect(await catalogue()).toEqual({ catalogue: { products: [], routes: [] }, studioMaterials: { totalCount: 0 } });
    await expectAccessible(page);
    await shot(page, 'import-refused');

    await choose('锥与皮-入驻（已改正）.xlsx', '1850');
    const counts = page.getByTestId('import-counts');
    await counts.getByText('每一行都正确。导入将会：').waitFor(WAIT);
    await page.getByRole('button', { name: '导入', exact: true }).click();
    await page.locator('[data-testid="import-counts"][data-applied="true"]').getByText('已导入。改动如下：').waitFor(WAIT);
    const created = (sheet: string) => counts.locator(`tr[data-sheet="${sheet}"] td[data-count="created"]`).innerText();
    expect([await created('products'), await created('routes'), await created('materials')]).toEqual(['1', '3', '2']);
    expect(await catalogue()).toEqual({
      catalogue: { products: [{ productCode: 'LTH-WAL-01' }], routes: [{ code: 'WALLET-ROUTE' }] },
      studioMaterials: { totalCount: 2 },
    });
    await expectAccessible(page);
    await shot(page, 'import-applied');

    // The studio's admin invites its first supervisor, who accepts through the provider.
    const invited = ok(
      await world.t.gql(
        `mutation($e: ID!, $input: InvitationInput!, $key: String!) { inviteMember(enterpriseId: $e, input: $input, idempotencyKey: $key) { url } }`,
        {
          e: STUDIO,
          input: { channel: 'EMAIL', contact: 'zhou.lin@example.com', displayName: '周林', roles: ['SUPERVISOR'] },
          key: randomUUID(),
        },
        { as: session.token },
      ),
    ).inviteMember as { url: string };
    const supervisor = await newPage({ locale: 'zh-CN' });
    await supervisor.goto(invited.url);
    await supervisor.getByRole('heading', { name: '登录以接受邀请' }).waitFor(WAIT);
    await supervisor.getByRole('button', { name: '使用机构账号登录' }).click();
    await signInAtProvider(supervisor, world.idp.issuer, 'zhou-lin');
    await supervisor.waitForURL((url) => url.pathname === '/join', WAIT);
    await supervisor.getByRole('button', { name: '接受邀请' }).click();
    await supervisor.getByText('您已成为锥与皮皮具工坊的成员。').waitFor(WAIT);
    await expectAccessible(supervisor);
    await shot(supervisor, 'joined');
    const joined = JSON.parse((await supervisor.evaluate<string | null>('sessionStorage.getItem("weft.staffSession")'))!);
    expect(joined).toMatchObject({ via: 'oidc', exchanged: true, role: 'SUPERVISOR', org: STUDIO });

    // 4. Settings: an operator and a closure on the calendar.
    await openSettings(page, '操作员与工作中心');
    await page.getByRole('button', { name: '添加操作员' }).click();
    const operatorForm = page.getByRole('form', { name: '新操作员' });
    await operatorForm.getByLabel('操作员编号').fill('OP-01');
    await operatorForm.getByLabel('笔名（客户可见）').fill('老周');
    await operatorForm.getByLabel('真实姓名（仅工作室可见）').fill('周建国');
    await operatorForm.getByRole('button', { name: '保存', exact: true }).click();
    await page.getByTestId('operators').getByText('老周').waitFor(WAIT);
    await expectAccessible(page);
    await shot(page, 'operator');

    // A new studio has no calendar yet: its working hours come first (09:00–18:00 on weekdays), then the month view.
    await openSettings(page, '工作日历');
    const hours = page.getByTestId('hours-form');
    for (const weekday of ['星期一', '星期二', '星期三', '星期四', '星期五'])
      await hours.getByRole('button', { name: `为${weekday}添加工作时间` }).click();
    await hours.getByRole('button', { name: '保存工作时间' }).click();
    const month = page.getByTestId('month-view');
    await month.waitFor(WAIT);
    const day = (n: string) => month.locator(`li[data-date$="-${n}"]`);
    await day('20').getByRole('button').click();
    await day('21').getByRole('button').click();
    const closure = page.getByTestId('closure-form');
    await closure.getByLabel('中文名称（可不填）').fill('皮料盘点');
    await closure.getByRole('button', { name: '保存停工' }).click();
    await page.getByTestId('closures').getByText('皮料盘点').waitFor(WAIT);
    const { workingCalendar } = ok(
      await world.t.gql(
        `query($e: ID!) { workingCalendar(enterpriseId: $e) { closures { nameZh } } }`,
        { e: STUDIO },
        { as: staff(STUDIO) },
      ),
    );
    expect(workingCalendar.closures).toContainEqual({ nameZh: '皮料盘点' });
    await expectAccessible(page);
    await shot(page, 'calendar');

    // 5. A shop order for the wallet, by its shop SKU, on the kanban under the route's stages, and on the customer's page.
    const { importShopOrder: order } = ok(
      await world.t.gql(
        `mutation($input: ShopOrderInput!) { importShopOrder(input: $input) { id stages { statusCode { code } } } }`,
        {
          input: {
            channel: 'TAOBAO',
            externalOrderId: `TB-AWL-${Date.now()}`,
            studioId: STUDIO,
            customer: { name: '陈女士', contact: '+86 139 0000 0001', address: '杭州市西湖区 1 号' },
            priceCents: 39800,
            customerTierMax: 'DETAILED',
            lines: [{ productCode: SHOP_SKU, quantity: 1, personalisation: '陈' }],
          },
        },
        { as: staff(STUDIO) },
      ),
    );
    expect(order.stages.map((stage: { statusCode: { code: string } }) => stage.statusCode.code)).toEqual(['A10', 'C72', 'E10']);
    await page.getByRole('navigation', { name: '控制台栏目' }).getByRole('button', { name: '看板' }).click();
    const kanban = page.getByTestId('kanban');
    await kanban.waitFor(WAIT);
    const first = kanban.locator('section[data-code="A10"]');
    await first.getByRole('heading', { name: /^设计确认完成/ }).waitFor(WAIT);
    expect(await first.locator('ul.cards > li').count()).toBe(1);
    await expectAccessible(page);
    await shot(page, 'kanban');

    const link = ok(
      await world.t.gql(
        `mutation($o: ID!, $k: String!) { mintCustomerLink(orderId: $o, tier: BASIC, idempotencyKey: $k) { url } }`,
        { o: order.id, k: randomUUID() },
        { as: session.token },
      ),
    ).mintCustomerLink as { url: string };
    const customer = await newPage({ locale: 'zh-CN' });
    await customer.goto(link.url);
    await customer.getByTestId('order-dates').waitFor(WAIT);
    const stages = customer.getByTestId('stages');
    for (const label of ['设计确认完成', '裁剪', '质检包装']) await stages.getByText(label).first().waitFor(WAIT);
    await expectAccessible(customer);
    await shot(customer, 'customer');
  }, 120_000);
});
