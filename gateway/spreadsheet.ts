import ExcelJS from 'exceljs';
import Papa from 'papaparse';
import { IMPORT_COLUMNS, IMPORT_SHEETS, MAX_IMPORT_ROWS, type ImportSheet } from '../contracts';

/**
 * Spreadsheets in and out, for the import and export routes (master-data-import.ts): XLSX by
 * exceljs (a workbook with one sheet per kind), CSV by papaparse (one sheet, named by the caller).
 * What a file is, is decided by its bytes, never its name: a workbook is a zip (PK\3\4), a CSV is
 * UTF-8 text (a byte-order mark tolerated). Runs on the spreadsheet thread, off the event loop.
 */

/** One data row: its number as the spreadsheet shows it (the header is row 1) and its cells by column. */
export interface SheetRow {
  row: number;
  cells: Record<string, string>;
}

/** A problem the file itself has (a header naming an unknown column, a sheet no part takes). */
export interface FileProblem {
  sheet: string;
  row: number;
  field: string | null;
  code: string;
  message: string;
}

export type SpreadsheetReading =
  | { sheets: Partial<Record<ImportSheet, SheetRow[]>>; problems: FileProblem[] }
  | { refusal: { status: number; code: string; message: string } };

const ZIP_MAGIC = Buffer.from([0x50, 0x4b, 0x03, 0x04]);
const UTF8_BOM = '\ufeff';

export const isZip = (bytes: Uint8Array): boolean => bytes.length >= 4 && Buffer.from(bytes.subarray(0, 4)).equals(ZIP_MAGIC);

const unsupported = (message: string): SpreadsheetReading => ({ refusal: { status: 415, code: 'UNSUPPORTED_FILE', message } });
const tooManyRows = (): SpreadsheetReading => ({
  refusal: { status: 413, code: 'TOO_MANY_ROWS', message: `An import holds at most ${MAX_IMPORT_ROWS} rows` },
});

/** The sheet a worksheet's (or the caller's) name means: `materials`, `Materials`, `work centers` and `workCenters` alike. */
export function sheetNamed(name: string): ImportSheet | undefined {
  const plain = name
    .trim()
    .toLowerCase()
    .replace(/[\s_-]/g, '');
  return IMPORT_SHEETS.find((sheet) => sheet.toLowerCase() === plain);
}

/** Rows of cells (the first is the header) as a sheet's rows, with the header's problems. */
function rowsOf(sheet: ImportSheet, table: { row: number; values: string[] }[], problems: FileProblem[]): SheetRow[] {
  const [header, ...data] = table;
  const known = IMPORT_COLUMNS[sheet];
  if (!header) return [];
  if (!known) {
    problems.push({
      sheet,
      row: 1,
      field: null,
      code: 'NOT_ALLOWED',
      message: `The ${sheet} sheet is not taken by this hub yet`,
    });
    return [];
  }
  const columns = header.values.map((value) => value.trim());
  const lower = new Map(known.map((column) => [column.toLowerCase(), column]));
  const named = columns.map((column, index) => {
    if (!column) return null;
    const found = lower.get(column.toLowerCase().replace(/[\s_-]/g, ''));
    if (!found)
      problems.push({
        sheet,
        row: header.row,
        field: column,
        code: 'INVALID',
        message: `"${column}" is not a column of ${sheet} (${known.join(', ')})`,
      });
    else if (columns.findIndex((other) => other.toLowerCase() === column.toLowerCase()) !== index)
      problems.push({ sheet, row: header.row, field: column, code: 'DUPLICATE', message: `"${column}" is a column twice` });
    return found ?? null;
  });
  return data
    .filter((line) => line.values.some((value) => value.trim() !== ''))
    .map((line) => ({
      row: line.row,
      cells: Object.fromEntries(named.flatMap((column, index) => (column ? [[column, line.values[index] ?? '']] : []))),
    }));
}

/** The text of a cell as its sheet shows it (a formula's result, a rich text's characters). */
function cellText(cell: ExcelJS.Cell): string {
  const value = cell.value;
  if (value === null || value === undefined) return '';
  if (typeof value === 'number' || typeof value === 'string' || typeof value === 'boolean') return String(value);
  if (value instanceof Date) return value.toISOString();
  return cell.text ?? '';
}

export async function readSpreadsheet(bytes: Uint8Array, csvSheet: string | null): Promise<SpreadsheetReading> {
  const problems: FileProblem[] = [];
  const sheets: Partial<Record<ImportSheet, SheetRow[]>> = {};
  let total = 0;
  if (isZip(bytes)) {
    const workbook = new ExcelJS.Workbook();
    try {
      await workbook.xlsx.load(Buffer.from(bytes) as unknown as ExcelJS.Buffer);
    } catch {
      return unsupported('The file is a zip but not an XLSX workbook');
    }
    for (const worksheet of workbook.worksheets) {
      const sheet = sheetNamed(worksheet.name);
      if (!sheet) {
        problems.push({
          sheet: worksheet.name,
          row: 1,
          field: null,
          code: 'NOT_ALLOWED',
          message: `No sheet is called "${worksheet.name}" (${IMPORT_SHEETS.join(', ')})`,
        });
        continue;
      }
      if (sheets[sheet]) {
        problems.push({ sheet, row: 1, field: null, code: 'DUPLICATE', message: `Two worksheets are the ${sheet} sheet` });
        continue;
      }
      total += Math.max(0, worksheet.actualRowCount - 1);
      if (total > MAX_IMPORT_ROWS) return tooManyRows();
      const table: { row: number; values: string[] }[] = [];
      worksheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
        const values: string[] = [];
        row.eachCell({ includeEmpty: true }, (cell, column) => (values[column - 1] = cellText(cell)));
        table.push({ row: rowNumber, values: Array.from(values, (value) => value ?? '') });
      });
      // The header is row 1, as the sheet numbers it: a sheet starting lower is read from its first row all the same.
      sheets[sheet] = rowsOf(sheet, table, problems);
    }
    return { sheets, problems };
  }
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return unsupported('The file is neither an XLSX workbook nor UTF-8 CSV text');
  }
  // eslint-disable-next-line no-control-regex
  if (text.includes('\u0000') || /[\u0001-\u0008\u000e-\u001f]/.test(text))
    return unsupported('The file is neither an XLSX workbook nor CSV text');
  if (text.startsWith(UTF8_BOM)) text = text.slice(1);
  const sheet = csvSheet === null ? undefined : sheetNamed(csvSheet);
  if (!sheet)
    return {
      refusal: {
        status: 400,
        code: 'SHEET_REQUIRED',
        message: `A CSV file is one sheet: say which with ?sheet= (${IMPORT_SHEETS.join(', ')})`,
      },
    };
  const parsed = Papa.parse<string[]>(text, { skipEmptyLines: false });
  if (parsed.data.length - 1 > MAX_IMPORT_ROWS) return tooManyRows();
  for (const error of parsed.errors.slice(0, 20))
    problems.push({ sheet, row: (error.row ?? 0) + 1, field: null, code: 'INVALID', message: `CSV: ${error.message}` });
  sheets[sheet] = rowsOf(
    sheet,
    parsed.data.map((values, index) => ({ row: index + 1, values: values.map(String) })),
    problems,
  );
  return { sheets, problems };
}

/** Cells that are plain numbers are written as numbers (a spreadsheet then sums them); the rest as text. */
const written = (value: string): string | number => (/^-?\d{1,15}(?:\.\d+)?$/.test(value) && !/^-?0\d/.test(value) ? Number(value) : value);

/** A workbook with one sheet per kind (in IMPORT_SHEETS order), or one CSV of one sheet. */
export async function writeSpreadsheet(
  sheets: Partial<Record<ImportSheet, Record<string, string>[]>>,
  format: 'xlsx' | 'csv',
): Promise<Uint8Array> {
  const present = IMPORT_SHEETS.filter((sheet) => sheets[sheet] && IMPORT_COLUMNS[sheet]);
  if (format === 'csv') {
    const sheet = present[0];
    const columns = IMPORT_COLUMNS[sheet]!;
    const text = Papa.unparse({ fields: [...columns], data: sheets[sheet]!.map((row) => columns.map((column) => row[column] ?? '')) });
    // Its own memory (not Buffer's shared pool): the bytes are handed to the main thread whole.
    return new Uint8Array(Buffer.from(UTF8_BOM + text, 'utf8'));
  }
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Weft';
  for (const sheet of present) {
    const columns = IMPORT_COLUMNS[sheet]!;
    const worksheet = workbook.addWorksheet(sheet);
    worksheet.addRow([...columns]);
    worksheet.getRow(1).font = { bold: true };
    for (const row of sheets[sheet]!) worksheet.addRow(columns.map((column) => written(row[column] ?? '')));
  }
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}
