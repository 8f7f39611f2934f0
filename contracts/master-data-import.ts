/**
 * A studio moves in with a spreadsheet: each sheet's rows travel to the subgraph that owns them
 * (products and routes to orders, materials and bills of materials to suppliers, operators and
 * work centers to capacity), which validates them whole and applies all or nothing. Every part
 * answers with the same shape, so the upload route can add the answers up.
 */

/** The sheets a studio's workbook (or one CSV file each) may hold. */
export const IMPORT_SHEETS = ['products', 'routes', 'materials', 'boms', 'operators', 'workCenters'] as const;
export type ImportSheet = (typeof IMPORT_SHEETS)[number];

/** Rows one import may carry in all (the benchmark's catalogue is 27,200). */
export const MAX_IMPORT_ROWS = 50_000;
/** Problems reported back at most: past this the file is refused anyway, and the first ones say why. */
export const MAX_IMPORT_PROBLEMS = 200;

/** Why a row was refused: its sheet, its row as the spreadsheet numbers it (header is row 1), the column. */
export interface ImportProblemShape {
  sheet: ImportSheet;
  row: number;
  field: string | null;
  /** A stable code: MISSING, INVALID, UNKNOWN_REFERENCE, DUPLICATE, NOT_ALLOWED. */
  code: string;
  message: string;
}

/** What an import did (or, on a dry run, would do). `applied` is false whenever `problems` is not empty. */
export interface ImportResultShape {
  dryRun: boolean;
  applied: boolean;
  created: number;
  updated: number;
  unchanged: number;
  problems: ImportProblemShape[];
  /** Counts sheet by sheet, when the part reports them. */
  sheets?: ImportSheetCountShape[] | null;
}

/** Counts of one sheet of an import: what it added, changed, and found as it already was. */
export type ImportSheetCountShape = {
  sheet: ImportSheet;
  created: number;
  updated: number;
  unchanged: number;
};

/** The largest file the upload route reads (a workbook is zipped: the benchmark's 27,200 rows are about 1 MB). */
export const MAX_IMPORT_FILE_BYTES = 10 * 1024 * 1024;
/**
 * The largest GraphQL body a subgraph reads: the gateway carries an import's rows to the owning
 * subgraph in one request (all or nothing in one transaction). The public limit (MAX_BODY_BYTES)
 * stays at the gateway, which is the only door to the graph from outside.
 */
export const MAX_IMPORT_PART_BYTES = 32 * 1024 * 1024;

/**
 * The columns of each sheet, as its header row names them (any order; unknown columns refused).
 * Cells travel as text; the owning subgraph reads and checks them. Lists in a cell are separated
 * by ";": skills `B10;B20`, substitutes `SKU:ratio`, shift hours `weekday HH:MM-HH:MM`.
 * Products and routes: the orders subgraph's importCatalogue names them (none here until it is there).
 */
export const IMPORT_COLUMNS: Readonly<Partial<Record<ImportSheet, readonly string[]>>> = {
  products: ['productCode', 'nameZh', 'nameEn', 'family', 'routeCode', 'shopSkus', 'priceCents'],
  routes: ['routeCode', 'position', 'statusCode', 'standardMinutes', 'qc', 'workCenterCode', 'skill', 'partnerAllowed'],
  materials: ['sku', 'nameZh', 'nameEn', 'unit', 'abcClass', 'unitCostCents', 'safetyStock', 'stockingPolicy', 'substitutes'],
  boms: ['productCode', 'sku', 'quantityPerUnit', 'stageCode'],
  operators: ['code', 'penName', 'realName', 'skills', 'shiftHours'],
  workCenters: ['code', 'nameZh', 'nameEn', 'kind', 'capacityPerBatch', 'batchMinutes', 'setupMinutes'],
};

/** The payload of an import's one master-data event: per sheet, how many rows did what (no row's data). */
export type ImportEventPayload = {
  studioId: string;
  sheets: ImportSheetCountShape[];
};

/*
 * How a spreadsheet's cells read. Cells travel as the text the studio typed; each part reads
 * them with these, so a number that is not one reaches the part's own rule (which refuses it
 * naming its column) instead of failing the request as a GraphQL variable.
 */

/** A cell's text, trimmed; empty is absent. */
export const cellText = (value: string | null | undefined): string | undefined => {
  const trimmed = value?.trim();
  return trimmed ? trimmed : undefined;
};

/** A number cell: absent when empty, NaN when it is not a plain decimal (the rules refuse NaN naming the column). */
export const cellNumber = (value: string | null | undefined): number | undefined => {
  const text = cellText(value);
  if (text === undefined) return undefined;
  return /^-?\d+(?:\.\d+)?$/.test(text) ? Number(text) : Number.NaN;
};

/** A list cell: parts between separators, trimmed, empty ones dropped. */
export const cellList = (value: string | null | undefined, separator: string | RegExp = ';'): string[] =>
  (cellText(value) ?? '')
    .split(separator)
    .map((part) => part.trim())
    .filter(Boolean);

const YES = new Set(['yes', 'y', 'true', '1', '是', '√', '✓']);
const NO = new Set(['no', 'n', 'false', '0', '否', '×']);
/** A yes/no cell (English or Chinese): absent when empty, null when it is neither. */
export const cellYesNo = (value: string | null | undefined): boolean | null | undefined => {
  const text = cellText(value)?.toLowerCase();
  if (text === undefined) return undefined;
  return YES.has(text) ? true : NO.has(text) ? false : null;
};
