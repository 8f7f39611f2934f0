import { IMPORT_SHEETS, MAX_IMPORT_FILE_BYTES, type ImportSheet } from '../../../../contracts/master-data-import';

/**
 * The console's side of the hub's spreadsheet route (gateway/master-data-import.ts, docs/onboarding.md):
 * the file goes as the request's body under the staff token; the answer is counts by sheet, or the
 * refused rows, or a refusal of the whole file with a stable code. The words are the page's.
 */

export { IMPORT_SHEETS, type ImportSheet };

export interface SheetCounts {
  rows: number;
  created: number;
  updated: number;
  unchanged: number;
}

export interface RowProblem {
  /** One of IMPORT_SHEETS, or a workbook's own worksheet name the hub does not know. */
  sheet: string;
  row: number;
  field: string | null;
  code: string;
  message: string;
}

export type ImportOutcome =
  | { kind: 'counts'; dryRun: boolean; applied: boolean; sheets: Partial<Record<ImportSheet, SheetCounts>> }
  | { kind: 'rows'; problems: RowProblem[] }
  | { kind: 'refused'; code: string; message: string };

/** A zip's first bytes: an XLSX workbook; anything else is sent as one CSV sheet. */
export const isWorkbook = (bytes: Uint8Array): boolean => bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;

export const tooLarge = (size: number): boolean => size > MAX_IMPORT_FILE_BYTES;

/** The route's address for a check (dry run) or an import of one file. */
export function importUrl(dryRun: boolean, csvSheet: ImportSheet | null): string {
  const query = new URLSearchParams();
  if (dryRun) query.set('dryRun', 'true');
  if (csvSheet) query.set('sheet', csvSheet);
  const text = query.toString();
  return text ? `/import?${text}` : '/import';
}

/** The route's JSON answer (docs/onboarding.md). */
interface ImportAnswerBody {
  dryRun?: boolean;
  applied?: boolean;
  sheets?: Partial<Record<ImportSheet, SheetCounts>>;
  problems?: RowProblem[];
  error?: { code?: string; message?: string };
}

/** What the hub answered, as the page shows it. */
export async function readImportAnswer(response: Response): Promise<ImportOutcome> {
  let body: ImportAnswerBody | null;
  try {
    body = (await response.json()) as ImportAnswerBody;
  } catch {
    body = null;
  }
  if (response.ok && body?.sheets) return { kind: 'counts', dryRun: !!body.dryRun, applied: !!body.applied, sheets: body.sheets };
  if (response.status === 422 && body?.problems?.length) return { kind: 'rows', problems: body.problems };
  const code = body?.error?.code ?? (response.status === 401 ? 'UNAUTHENTICATED' : response.status === 403 ? 'FORBIDDEN' : 'HTTP');
  return { kind: 'refused', code, message: body?.error?.message ?? `HTTP ${response.status}` };
}

type Translate = (key: string, options?: Record<string, unknown>) => string;

/** A sheet in words: the page's name for a known sheet, the workbook's own name for another. */
export function sheetWords(sheet: string, t: Translate): string {
  return (IMPORT_SHEETS as readonly string[]).includes(sheet) ? t(`settings.import.sheet.${sheet}`) : sheet;
}

/**
 * A column in words: the page's name for a sheet's known column (the hub names it as the header
 * row does, `safetyStock`), the workbook's own header for another (an unknown column it refused).
 */
export function columnWords(sheet: string, field: string, t: Translate, exists: (key: string) => boolean): string {
  const key = `settings.import.columns.${sheet}.${field}`;
  return exists(key) ? t(key) : field;
}

/**
 * A refused row as a sentence of the page's language, built from its row, column and code (the
 * hub's own message is English: it stays in the row's detail for support, never in the sentence).
 */
export function problemSentence(problem: RowProblem, t: Translate, exists: (key: string) => boolean): string {
  const reasonKey = `settings.import.reason.${problem.code}`;
  const reason = t(exists(reasonKey) ? reasonKey : 'settings.import.reason.other');
  return problem.field
    ? t('settings.import.problemAt', { row: problem.row, field: columnWords(problem.sheet, problem.field, t, exists), reason })
    : t('settings.import.problemAtRow', { row: problem.row, reason });
}

/** A whole file refused, in the page's language. */
export function refusalSentence(code: string, t: Translate, exists: (key: string) => boolean): string {
  const key = `settings.import.refusal.${code}`;
  return t(exists(key) ? key : 'settings.import.refusal.other');
}

/** The file name a download is saved under: the hub's, else a plain one. */
export function downloadName(disposition: string | null): string {
  return /filename="([^"]+)"/.exec(disposition ?? '')?.[1] ?? 'master-data.xlsx';
}
