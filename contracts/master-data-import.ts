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
