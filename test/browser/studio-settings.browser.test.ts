import type { Page } from 'playwright-core';
import { browserAvailable, screenshot } from '../support/browser';
import { useBrowserHub, WAIT } from '../support/browser-suite';
import { hubAdmin as hubAdminPrincipal } from '../support/principals';

/**
 * The studio's settings as its people use them, in Chinese on a phone: the admin edits a
 * material's safety stock and adds a closure on the calendar's month view; an operator reads the
 * same settings with no edit offered. An enterprise applies on /register and a hub admin sees
 * and approves the application on /admin.
 */
const describeInBrowser = browserAvailable() ? describe : describe.skip;

describeInBrowser('studio settings, registration and applications', () => {
  const world = useBrowserHub();
  const { ok, expectAccessible } = world;

  const signInZh = world.demoSignInZh;
  const settled = (page: Page) =>
    page
      .locator('.state.loading')
      .first()
      .waitFor({ state: 'detached', ...WAIT });
  const openSettings = async (page: Page, part: string) => {
    await page.getByRole('navigation', { name: '控制台栏目' }).getByRole('button', { name: '设置' }).click();
    await page.getByRole('navigation', { name: '设置分区' }).getByRole('button', { name: part }).click();
    await settled(page);
  };
  /** Latin words on a part of a Chinese page (none expected: names are shown in Chinese; "ABC 分类" is the Chinese term). */
  const latinIn = async (page: Page, selector: string) =>
    ((await page.locator(selector).innerText()).match(/[a-z]{2,}/gi) ?? []).filter((word) => word !== 'ABC');

  it('lets a studio admin edit a safety stock and add a closure on the month view, and an operator only read them', async () => {
    const { studioMaterials } = ok(
      await world.t.gql(
        `{ studioMaterials(studioId: "moyun-studio", stockingPolicy: STOCKED, first: 5) { nodes { sku nameZh safetyStock } } }`,
      ),
    );
    const material = studioMaterials.nodes[0] as { sku: string; nameZh: string; safetyStock: number };
    const admin = await signInZh('/studio', 'STUDIO_ADMIN', 'moyun-studio');
    await admin.getByTestId('kanban').waitFor(WAIT);

    await openSettings(admin, '物料与物料清单');
    const list = admin.getByTestId('material-list');
    await list.waitFor(WAIT);
    expect(await latinIn(admin, '[data-testid=material-list]')).toEqual([]);
    await list.getByRole('button', { name: `修改${material.nameZh}` }).click();
    const form = admin.getByTestId('material-form');
    const safety = form.getByLabel(/^安全库存/);
    await safety.fill(String(material.safetyStock + 7));
    await form.getByRole('button', { name: '保存', exact: true }).click();
    const shown = new Intl.NumberFormat('zh-CN').format(material.safetyStock + 7);
    await list
      .locator(`tr[data-sku="${material.sku}"]`)
      .getByText(new RegExp(`^${shown} `))
      .waitFor(WAIT);
    const after = ok(
      await world.t.gql(`{ studioMaterials(studioId: "moyun-studio", search: "${material.sku}") { nodes { sku safetyStock } } }`),
    );
    expect(after.studioMaterials.nodes.find((node: { sku: string }) => node.sku === material.sku).safetyStock).toBe(
      material.safetyStock + 7,
    );
    await expectAccessible(admin);
    await screenshot(admin, 'settings-materials-zh-375');

    await openSettings(admin, '操作员与工作中心');
    await admin.getByTestId('operators').waitFor(WAIT);
    await admin.getByTestId('work-centers').waitFor(WAIT);
    await expectAccessible(admin);
    await screenshot(admin, 'settings-resources-zh-375');

    await openSettings(admin, '工作日历');
    const month = admin.getByTestId('month-view');
    await month.waitFor(WAIT);
    const day = (n: string) => month.locator(`li[data-date$="-${n}"]`);
    await day('15').getByRole('button').click();
    await day('16').getByRole('button').click();
    const closure = admin.getByTestId('closure-form');
    expect(await closure.getByLabel('结束日期（含）').inputValue()).toMatch(/-16$/);
    await closure.getByLabel('中文名称（可不填）').fill('盘点停工');
    await closure.getByRole('button', { name: '保存停工' }).click();
    await day('15').and(admin.locator('[data-kind=holiday]')).locator('.day-kind', { hasText: '盘点停工' }).waitFor(WAIT);
    expect(await day('16').getAttribute('data-kind')).toBe('holiday');
    await admin.getByTestId('closures').getByText('盘点停工').waitFor(WAIT);
    const { workingCalendar } = ok(await world.t.gql(`{ workingCalendar(enterpriseId: "moyun-studio") { closures { from to nameZh } } }`));
    expect(workingCalendar.closures).toContainEqual(expect.objectContaining({ nameZh: '盘点停工' }));
    expect(await latinIn(admin, '[data-testid=month-view]')).toEqual([]);
    await expectAccessible(admin);
    await screenshot(admin, 'settings-calendar-zh-375');

    const operator = await signInZh('/studio', 'OPERATOR', 'moyun-studio');
    await operator.getByTestId('kanban').waitFor(WAIT);
    await openSettings(operator, '企业资料');
    await operator.getByTestId('enterprise-profile').waitFor(WAIT);
    expect(await operator.getByRole('button', { name: '修改资料' }).count()).toBe(0);
    await openSettings(operator, '物料与物料清单');
    await operator.getByTestId('material-list').waitFor(WAIT);
    expect(await operator.getByRole('button', { name: /^修改|添加物料/ }).count()).toBe(0);
    await openSettings(operator, '工作日历');
    await operator.getByTestId('month-view').waitFor(WAIT);
    expect(await operator.getByTestId('month-view').locator('li.day button').count()).toBe(0);
    expect(await operator.getByTestId('closure-form').count()).toBe(0);
    expect(await operator.getByRole('button', { name: '删除' }).count()).toBe(0);
    await expectAccessible(operator);
    await screenshot(operator, 'settings-calendar-operator-zh-375');
  }, 120_000);

  it('takes an application on /register, refusing a bad GLN beside the field, which a hub admin then approves', async () => {
    const applicant = await signInZh('/register', 'SUPPLIER', 'jingdezhen-clay');
    const form = applicant.getByTestId('register-form');
    await form.waitFor(WAIT);
    await form.getByRole('radio', { name: /^工作室/ }).check();
    await form.getByLabel('链接用简称').fill('hide-and-awl');
    await form.getByLabel('中文名称').fill('皮与锥工坊');
    await form.getByLabel('英文名称').fill('Hide and Awl Workshop');
    await form.getByLabel('所在地区').selectOption({ label: '浙江' });
    const gln = form.getByLabel('全球位置码（GLN）');
    await gln.fill('6901234000015');
    await form.getByRole('button', { name: '提交申请' }).click();
    await form.getByText('全球位置码应为 13 位数字，且校验位正确。').waitFor(WAIT);
    expect(await gln.getAttribute('aria-invalid')).toBe('true');
    await expectAccessible(applicant);
    await screenshot(applicant, 'register-refused-zh-375');
    await gln.fill('6901234000016');
    await form.getByRole('button', { name: '提交申请' }).click();
    await applicant.getByTestId('register-sent').waitFor(WAIT);
    await applicant.getByTestId('my-applications').getByText('皮与锥工坊').waitFor(WAIT);

    const hubAdmin = await signInZh('/admin', 'HUB_ADMIN');
    const applications = hubAdmin.getByTestId('applications');
    await applications.getByRole('heading', { name: '皮与锥工坊' }).waitFor(WAIT);
    await expectAccessible(hubAdmin);
    await screenshot(hubAdmin, 'admin-applications-zh-375');
    await applications.getByRole('button', { name: '通过' }).click();
    await hubAdmin.getByTestId('confirm-yes').click();
    await hubAdmin.getByText('已通过皮与锥工坊。').waitFor(WAIT);
    const { enterpriseApplications } = ok(
      await world.t.gql(`{ enterpriseApplications(status: ACTIVE) { id } }`, {}, { as: hubAdminPrincipal() }),
    );
    expect(enterpriseApplications.map((enterprise: { id: string }) => enterprise.id)).toContain('hide-and-awl');
  }, 120_000);
});
