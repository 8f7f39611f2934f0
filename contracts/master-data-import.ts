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
