import ExcelJS from 'exceljs';
import type { Page } from 'playwright-core';
import { browserAvailable, screenshot } from '../support/browser';
import { useBrowserHub, WAIT } from '../support/browser-suite';

/**
 * A studio moves its materials in from a spreadsheet in the console, in Chinese on a phone: a
 * workbook with one bad row is checked and refused with the row named in Chinese and nothing
 * kept; the fixed workbook checks clean, shows its counts and imports. An operator is not offered
 * the part at all.
 */
const describeInBrowser = browserAvailable() ? describe : describe.skip;

const COLUMNS = ['sku', 'nameZh', 'nameEn', 'unit', 'abcClass', 'unitCostCents', 'safetyStock', 'stockingPolicy'];

/** A workbook with a materials sheet of these rows (after the header). */
async function materialsWorkbook(rows: (string | number)[][]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('materials');
  sheet.addRow(COLUMNS);
  for (const row of rows) sheet.addRow(row);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

describeInBrowser('spreadsheet import in the studio settings', () => {
  const world = useBrowserHub();
  const { ok, expectAccessible, demoSignInZh } = world;

  const signInZh = async (role: string): Promise<Page> => {
    const page = await demoSignInZh('/studio', role, 'moyun-studio');
    await page.getByTestId('kanban').waitFor(WAIT);
    await page.getByRole('navigation', { name: '控制台栏目' }).getByRole('button', { name: '设置' }).click();
    await page.getByRole('navigation', { name: '设置分区' }).waitFor(WAIT);
    return page;
  };
  const materialsNamed = async (skus: string[]) =>
    (
      await Promise.all(
        skus.map(
          async (sku) =>
            ok(await world.t.gql(`{ studioMaterials(studioId: "moyun-studio", search: "${sku}") { nodes { sku nameZh unitCostCents } } }`))
              .studioMaterials.nodes as { sku: string; nameZh: string; unitCostCents: number }[],
        ),
      )
    ).flat();

  it('refuses a workbook with a bad row in Chinese and keeps nothing, then checks and imports the fixed one', async () => {
    const good = ['LEA-VEG-2MM', '植鞣皮 2 毫米', 'Veg-tan leather 2 mm', 'sheet', 'A', 4800, 10, 'STOCKED'];
    const bad = ['LEA-WAX-THREAD', '蜡线', 'Waxed thread', 'piece', 'C', 'abc', 0, 'STOCKED'];
    const admin = await signInZh('STUDIO_ADMIN');
    await admin.getByRole('navigation', { name: '设置分区' }).getByRole('button', { name: '表格导入' }).click();
    const part = admin.getByTestId('spreadsheet-import');
    await part.waitFor(WAIT);
    const check = part.getByRole('button', { name: '检查', exact: true });
    const apply = part.getByRole('button', { name: '导入', exact: true });
    expect(await check.isDisabled()).toBe(true);
    expect(await apply.isDisabled()).toBe(true);

    // The page's own button, in the page's language (the browser's file input is hidden behind it).
    await part.getByText('选择文件', { exact: true }).waitFor(WAIT);
    const file = part.getByLabel('表格文件');
    await file.setInputFiles({
      name: 'leather.xlsx',
      mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      buffer: await materialsWorkbook([good, bad]),
    });
    await part.getByText('leather.xlsx').waitFor(WAIT);
    // A workbook names its sheets itself: no sheet to choose.
    expect(await part.getByLabel('这个 CSV 表的内容').count()).toBe(0);
    await check.click();
    const problems = admin.getByTestId('import-problems');
    await problems.waitFor(WAIT);
    const refused = problems.locator('tbody tr');
    expect(await refused.count()).toBe(1);
    expect(await refused.first().getAttribute('data-code')).toBe('INVALID');
    expect((await refused.first().locator('td').allInnerTexts()).map((text) => text.trim())).toEqual([
      '物料',
      '3',
      '单位成本（分）',
      '第 3 行「单位成本（分）」列：值无效',
    ]);
    await problems.getByText('有些行不被接受，没有改动任何数据。请在文件中改正后再检查。').waitFor(WAIT);
    expect(await apply.isDisabled()).toBe(true);
    expect(await materialsNamed(['LEA-VEG-2MM', 'LEA-WAX-THREAD'])).toEqual([]);
    await expectAccessible(admin);
    await screenshot(admin, 'settings-import-refused-zh-375');

    // Fixed: the check counts what would change, still changing nothing; then Import applies it.
    await file.setInputFiles({
      name: 'leather-fixed.xlsx',
      mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      buffer: await materialsWorkbook([good, bad.map((cell) => (cell === 'abc' ? 35 : cell))]),
    });
    await part.getByText('leather-fixed.xlsx').waitFor(WAIT);
    expect(await problems.count()).toBe(0);
    await check.click();
    const counts = admin.getByTestId('import-counts');
    await counts.getByText('每一行都正确。导入将会：').waitFor(WAIT);
    const materialsRow = counts.locator('tr[data-sheet=materials]');
    expect(await materialsRow.locator('th').innerText()).toBe('物料');
    expect(await materialsRow.locator('[data-count=created]').innerText()).toBe('2');
    expect(await materialsNamed(['LEA-VEG-2MM', 'LEA-WAX-THREAD'])).toEqual([]);
    await expectAccessible(admin);
    await screenshot(admin, 'settings-import-checked-zh-375');

    expect(await apply.isDisabled()).toBe(false);
    await apply.focus();
    await admin.keyboard.press('Enter');
    await counts.getByText('已导入。改动如下：').waitFor(WAIT);
    expect(await counts.getAttribute('data-applied')).toBe('true');
    expect(await materialsRow.locator('[data-count=created]').innerText()).toBe('2');
    expect(await materialsNamed(['LEA-VEG-2MM', 'LEA-WAX-THREAD'])).toEqual(
      expect.arrayContaining([
        { sku: 'LEA-VEG-2MM', nameZh: '植鞣皮 2 毫米', unitCostCents: 4800 },
        { sku: 'LEA-WAX-THREAD', nameZh: '蜡线', unitCostCents: 35 },
      ]),
    );
    // Applied once: Import waits for another clean check.
    expect(await apply.isDisabled()).toBe(true);
    // No English on the Chinese page but the file's own name and the formats' names (XLSX, CSV, UTF-8), as Chinese writes them too.
    const text = await admin.getByTestId('studio-settings').innerText();
    expect((text.match(/[a-z]{3,}/gi) ?? []).filter((word) => !['leather', 'fixed', 'xlsx', 'XLSX', 'CSV', 'UTF'].includes(word))).toEqual(
      [],
    );
    await expectAccessible(admin);
    await screenshot(admin, 'settings-import-applied-zh-375');

    // The workbook of the current data downloads, with the imported material in it.
    const [download] = await Promise.all([admin.waitForEvent('download', WAIT), admin.getByTestId('download-workbook').click()]);
    expect(download.suggestedFilename()).toBe('moyun-studio-master-data.xlsx');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(await download.path());
    const skus = workbook.getWorksheet('materials')!.getColumn(1).values;
    expect(skus).toEqual(expect.arrayContaining(['LEA-VEG-2MM', 'LEA-WAX-THREAD']));

    await admin.setViewportSize({ width: 1280, height: 800 });
    await screenshot(admin, 'settings-import-applied-zh-1280');
  }, 120_000);

  it('offers an operator no spreadsheet import', async () => {
    const operator = await signInZh('OPERATOR');
    const parts = operator.getByRole('navigation', { name: '设置分区' });
    await parts.getByRole('button', { name: '工作日历' }).waitFor(WAIT);
    expect(await parts.getByRole('button', { name: '表格导入' }).count()).toBe(0);
    expect(await operator.getByTestId('spreadsheet-import').count()).toBe(0);
  }, 60_000);
});
