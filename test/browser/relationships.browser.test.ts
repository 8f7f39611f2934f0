import type { Page } from 'playwright-core';
import { browserAvailable } from '../support/browser';
import { useBrowserHub, WAIT } from '../support/browser-suite';
import { partner, staff } from '../support/principals';

/**
 * A studio's suppliers and partners as each side sees them (issue 33): the studio's admin, in
 * Chinese on a phone, makes a supplier primary (a band the hub refuses is said beside its field,
 * nothing changing) and gives a workshop one more stage, by keyboard; an operator only reads
 * them; that supplier sees its own terms on its desk and nothing of the studio's other
 * suppliers; a workshop and a kitchen see their stages by their names. The flows build on each other, in
 * order. Changes data: a hub of its own.
 */
const describeInBrowser = browserAvailable() ? describe : describe.skip;

describeInBrowser('suppliers and partners', () => {
  const world = useBrowserHub();
  const { newPage, ok, expectAccessible, screenshots, demoSignIn, demoSignInZh } = world;

  const settled = (page: Page) =>
    page
      .locator('.state.loading')
      .first()
      .waitFor({ state: 'detached', ...WAIT });
  /** Latin words on a part of a Chinese page: none (names in Chinese, stages by their labels, never a code). */
  const latinIn = async (page: Page, selector: string) => (await page.locator(selector).innerText()).match(/[a-z]{2,}|[A-Z]\d{2}/gi) ?? [];
  const studioTerms = async () =>
    ok(
      await world.t.gql(
        `{ supplierRelationships(studioId: "moyun-studio") { supplierId tier annualVolumeYuan flexibleBandPercent }
           partnerRelationships(studioId: "moyun-studio") { partnerId stageCodes } }`,
        {},
        { as: staff('moyun-studio') },
      ),
    );

  it('lets the studio admin make a supplier primary and give a workshop another stage; an operator only reads them', async () => {
    const admin = await demoSignInZh('/studio', 'STUDIO_ADMIN', 'moyun-studio');
    await admin.getByTestId('kanban').waitFor(WAIT);
    await admin.getByRole('navigation', { name: '控制台栏目' }).getByRole('button', { name: '设置' }).click();
    await admin.getByRole('navigation', { name: '设置分区' }).getByRole('button', { name: '供应商与合作工坊' }).click();
    const suppliers = admin.getByTestId('supplier-relationships');
    await suppliers.waitFor(WAIT);
    await settled(admin);
    const jingdezhen = suppliers.locator('li[data-supplier="jingdezhen-clay"]');
    expect(await jingdezhen.innerText()).toContain('主供应商');
    expect(await jingdezhen.innerText()).toContain('每年 ¥360,000，上下浮动 30%');
    expect(await latinIn(admin, '[data-testid=studio-settings]')).toEqual([]);

    // Yixing, a secondary, becomes the primary: a band over 30 % is the hub's to refuse, beside the band.
    const yixing = suppliers.locator('li[data-supplier="yixing-clay"]');
    expect(await yixing.innerText()).toContain('次供应商');
    await yixing.getByRole('button', { name: '修改与宜兴陶土社的条款' }).click();
    const form = yixing.getByTestId('supplier-form');
    await form.getByLabel('级别').selectOption({ label: '主供应商' });
    await form.getByLabel('年度采购额（元）').fill('50000');
    const band = form.getByLabel('浮动范围（± %）');
    await band.fill('35');
    await form.getByRole('button', { name: '保存' }).click();
    await form.getByText('浮动范围：0 至 30 的整数（%）。').waitFor(WAIT);
    expect(await band.getAttribute('aria-invalid')).toBe('true');
    expect((await studioTerms()).supplierRelationships).toContainEqual({
      supplierId: 'yixing-clay',
      tier: 'SECONDARY',
      annualVolumeYuan: null,
      flexibleBandPercent: null,
    });
    await expectAccessible(admin);
    await screenshots(admin, 'relationships-band-refused-zh');
    await band.fill('20');
    await form.getByRole('button', { name: '保存' }).click();
    await yixing.getByText('每年 ¥50,000，上下浮动 20%').waitFor(WAIT);
    expect((await studioTerms()).supplierRelationships).toContainEqual({
      supplierId: 'yixing-clay',
      tier: 'PRIMARY',
      annualVolumeYuan: 50_000,
      flexibleBandPercent: 20,
    });

    // The gilding workshop may take the final firing too: ticked and saved from the keyboard.
    const gilding = admin.getByTestId('partner-relationships').locator('li[data-partner="gilding-atelier"]');
    expect(await gilding.getByRole('list').innerText()).toBe('手工描金');
    await gilding.getByRole('button', { name: '修改金缮描金坊可承接的工序' }).focus();
    await admin.keyboard.press('Enter');
    const stages = gilding.getByTestId('partner-form');
    await stages.getByRole('checkbox', { name: '二次烧制' }).focus();
    await admin.keyboard.press('Space');
    expect(await stages.getByRole('checkbox', { name: '二次烧制' }).isChecked()).toBe(true);
    await stages.getByRole('button', { name: '保存' }).focus();
    await admin.keyboard.press('Enter');
    await gilding.getByText('二次烧制').waitFor(WAIT);
    expect((await studioTerms()).partnerRelationships).toContainEqual({ partnerId: 'gilding-atelier', stageCodes: ['C50', 'C60'] });
    expect(await latinIn(admin, '[data-testid=studio-settings]')).toEqual([]);
    await expectAccessible(admin);
    await screenshots(admin, 'relationships-zh');

    // A new partner, chosen by its name, for sewing; then ended, which asks first.
    await admin.getByRole('button', { name: '添加合作方' }).click();
    const added = admin.getByTestId('partner-form');
    await added.getByLabel('合作方').selectOption({ label: '杭绣工坊 · 合作作坊' });
    await added.getByRole('checkbox', { name: '缝制' }).check();
    await expectAccessible(admin);
    await screenshots(admin, 'relationships-partner-form-zh');
    await added.getByRole('button', { name: '保存' }).click();
    const stitch = admin.locator('li[data-partner="hangzhou-stitch-lab"]');
    await stitch.getByText('缝制').waitFor(WAIT);
    expect((await studioTerms()).partnerRelationships).toContainEqual({ partnerId: 'hangzhou-stitch-lab', stageCodes: ['C74'] });
    await stitch.getByRole('button', { name: '终止' }).click();
    const dialog = admin.getByRole('dialog', { name: '终止与杭绣工坊的合作？' });
    await dialog.getByRole('button', { name: '终止' }).click();
    await stitch.waitFor({ state: 'detached', ...WAIT });
    expect((await studioTerms()).partnerRelationships.map((row: { partnerId: string }) => row.partnerId)).not.toContain(
      'hangzhou-stitch-lab',
    );

    const operator = await newPage({ width: 1280, height: 800 });
    await demoSignIn(operator, '/studio', 'OPERATOR', 'moyun-studio');
    await operator.getByTestId('kanban').waitFor(WAIT);
    await operator.getByRole('navigation', { name: 'Console sections' }).getByRole('button', { name: 'Settings' }).click();
    await operator.getByRole('navigation', { name: 'Settings sections' }).getByRole('button', { name: 'Suppliers and partners' }).click();
    await operator.locator('li[data-partner="gilding-atelier"]').getByText('Final firing').waitFor(WAIT);
    expect(await operator.getByTestId('supplier-relationships').innerText()).toContain('¥50,000 a year, ±20 %');
    expect(await operator.getByRole('button', { name: /^(Edit|End|Add a)/ }).count()).toBe(0);
    await operator.getByText('Only the studio admin changes suppliers and partners.').first().waitFor(WAIT);
    await expectAccessible(operator);
    await screenshots(operator, 'relationships-operator');
  }, 60_000);

  it('shows that supplier its own terms on its desk, nothing of the studio’s other suppliers', async () => {
    const page = await newPage({ width: 375, height: 812 });
    await demoSignIn(page, '/supplier', 'SUPPLIER', 'yixing-clay');
    const terms = page.getByTestId('our-terms');
    await terms.waitFor(WAIT);
    const moyun = terms.locator('li[data-studio="moyun-studio"]');
    expect(await moyun.innerText()).toContain('Moyun Creative Studio');
    expect(await moyun.innerText()).toContain('Primary');
    expect(await moyun.innerText()).toContain('¥50,000 a year, ±20 %');
    // The studio's other primary (Jingdezhen, ¥360,000) is not this supplier's to see.
    const desk = await page.locator('main').innerText();
    expect(desk).not.toContain('360,000');
    expect(desk).not.toContain('Jingdezhen');
    await page.getByTestId('enterprise-profile').getByText('Yixing Clay Cooperative').waitFor(WAIT);
    await expectAccessible(page);
    await screenshots(page, 'relationships-supplier');
    await page.getByRole('button', { name: '中文' }).click();
    await moyun.getByText('每年 ¥50,000，上下浮动 20%').waitFor(WAIT);
    expect(await moyun.innerText()).toContain('墨韵文创');
    await screenshots(page, 'relationships-supplier-zh');
  });

  it('shows a workshop and a kitchen the stages their studios gave them, by their names', async () => {
    const granted = ok(await world.t.gql(`{ partnerRelationships { studioId stageCodes } }`, {}, { as: partner('gilding-atelier') }));
    expect(granted.partnerRelationships).toEqual([{ studioId: 'moyun-studio', stageCodes: ['C50', 'C60'] }]);
    const page = await demoSignInZh('/partner', 'PARTNER', 'gilding-atelier');
    const stages = page.getByTestId('granted-stages').locator('li[data-studio="moyun-studio"]');
    await stages.waitFor(WAIT);
    expect(await stages.getByRole('heading').innerText()).toBe('墨韵文创');
    expect(await stages.getByRole('list').innerText()).toMatch(/^手工描金\s+二次烧制$/);
    expect(await latinIn(page, '[data-testid=granted-stages]')).toEqual([]);
    await expectAccessible(page);
    await screenshots(page, 'relationships-partner-zh');

    // A kitchen, in English: its capability by name, and only its own studio's grant.
    const kitchen = await newPage({ width: 375, height: 812 });
    await demoSignIn(kitchen, '/partner', 'KITCHEN', 'pudong-cloud-kitchen');
    const bakery = kitchen.getByTestId('granted-stages').locator('li[data-studio="moyun-bakery"]');
    await bakery.waitFor(WAIT);
    expect(await bakery.getByRole('heading').innerText()).toBe('Moyun Pastry Studio');
    expect(await bakery.getByRole('list').innerText()).toBe('Cold-chain pastry');
    expect(await kitchen.getByTestId('granted-stages').locator('li[data-studio]').count()).toBe(1);
    await expectAccessible(kitchen);
    await screenshots(kitchen, 'relationships-kitchen');
  });
});
