import { describe, expect, it } from 'vitest';
import i18next from 'i18next';
import { en } from '../../locales/en';
import { zh } from '../../locales/zh';
import { downloadName, importUrl, isWorkbook, problemSentence, readImportAnswer, refusalSentence, sheetWords } from './spreadsheet-import';
import { columnWords } from './spreadsheet-import';
import { IMPORT_COLUMNS } from '../../../../contracts/master-data-import';

const translator = (language: 'zh' | 'en') => {
  const instance = i18next.createInstance();
  void instance.init({ lng: language, resources: { zh: { translation: zh }, en: { translation: en } }, initImmediate: false });
  return {
    t: instance.t.bind(instance) as (key: string, options?: Record<string, unknown>) => string,
    exists: (key: string) => instance.exists(key),
  };
};

const json = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

describe('the console side of the spreadsheet route', () => {
  it('tells a workbook from CSV text by its bytes', () => {
    expect(isWorkbook(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0]))).toBe(true);
    expect(isWorkbook(new TextEncoder().encode('sku,nameZh'))).toBe(false);
  });

  it('asks for a dry run and names a CSV sheet', () => {
    expect(importUrl(true, null)).toBe('/import?dryRun=true');
    expect(importUrl(true, 'workCenters')).toBe('/import?dryRun=true&sheet=workCenters');
    expect(importUrl(false, null)).toBe('/import');
  });

  it('reads counts, refused rows and whole-file refusals from the answer', async () => {
    expect(
      await readImportAnswer(
        json(200, { dryRun: true, applied: false, sheets: { materials: { rows: 1, created: 1, updated: 0, unchanged: 0 } }, problems: [] }),
      ),
    ).toEqual({
      kind: 'counts',
      dryRun: true,
      applied: false,
      sheets: { materials: { rows: 1, created: 1, updated: 0, unchanged: 0 } },
    });
    const problem = {
      sheet: 'materials',
      row: 3,
      field: 'unitCostCents',
      code: 'INVALID',
      message: 'unitCostCents must be a whole number',
    };
    expect(await readImportAnswer(json(422, { problems: [problem], error: { code: 'ROWS_REFUSED' } }))).toEqual({
      kind: 'rows',
      problems: [problem],
    });
    expect(await readImportAnswer(json(415, { error: { code: 'UNSUPPORTED_FILE', message: 'no' } }))).toEqual({
      kind: 'refused',
      code: 'UNSUPPORTED_FILE',
      message: 'no',
    });
    expect((await readImportAnswer(new Response('<html>', { status: 403 }))).kind).toBe('refused');
    expect(await readImportAnswer(new Response('<html>', { status: 403 }))).toMatchObject({ code: 'FORBIDDEN' });
  });

  it('words a refused row in Chinese from its row, column and code — never the hub’s English', () => {
    const { t, exists } = translator('zh');
    const problem = { sheet: 'routes', row: 5, field: 'standardMinutes', code: 'INVALID', message: 'standardMinutes must be a number' };
    expect(problemSentence(problem, t, exists)).toBe('第 5 行「标准工时（分钟）」列：值无效');
    expect(columnWords('materials', 'safetyStock', t, exists)).toBe('安全库存');
    // A column the hub does not know is the workbook's own header, shown as the studio typed it.
    expect(columnWords('materials', 'Remarks', t, exists)).toBe('Remarks');
    expect(problemSentence({ ...problem, field: null, code: 'SOMETHING_NEW' }, t, exists)).toBe('第 5 行：不被接受');
    expect(sheetWords('workCenters', t)).toBe('工作中心');
    expect(sheetWords('Sheet1', t)).toBe('Sheet1');
  });

  it('names every column of every sheet the hub takes in both languages', () => {
    for (const language of ['zh', 'en'] as const) {
      const { exists } = translator(language);
      for (const [sheet, columns] of Object.entries(IMPORT_COLUMNS))
        for (const column of columns)
          expect({ language, sheet, column, named: exists(`settings.import.columns.${sheet}.${column}`) }).toMatchObject({ named: true });
    }
  });

  it('has a sentence in both languages for every code the route refuses a whole file with', () => {
    for (const language of ['zh', 'en'] as const) {
      const { t, exists } = translator(language);
      for (const code of [
        'UNAUTHENTICATED',
        'FORBIDDEN',
        'PAYLOAD_TOO_LARGE',
        'TOO_MANY_ROWS',
        'UNSUPPORTED_FILE',
        'SHEET_REQUIRED',
        'EMPTY_FILE',
        'CHANGED_MEANWHILE',
        'BUSY',
        'NETWORK',
      ])
        expect(exists(`settings.import.refusal.${code}`)).toBe(true);
      expect(refusalSentence('SOMETHING_ELSE', t, exists)).toBe(t('settings.import.refusal.other'));
    }
  });

  it('saves a download under the hub’s file name', () => {
    expect(downloadName('attachment; filename="moyun-studio-master-data.xlsx"')).toBe('moyun-studio-master-data.xlsx');
    expect(downloadName(null)).toBe('master-data.xlsx');
  });
});
