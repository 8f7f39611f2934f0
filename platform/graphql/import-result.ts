import { GraphQLError } from 'graphql';
import { Directive, Field, Int, ObjectType } from 'type-graphql';
import {
  MAX_IMPORT_PROBLEMS,
  type ImportProblemShape,
  type ImportResultShape,
  type ImportSheet,
  type ImportSheetCountShape,
} from '../../contracts';

/** Shareable: every subgraph that takes a sheet of master data answers with it (contracts/master-data-import.ts). */
@Directive('@shareable')
@ObjectType({ description: 'A row of an imported sheet that was refused, and why' })
export class ImportProblem implements ImportProblemShape {
  @Field(() => String, { description: 'products, routes, materials, boms, operators or workCenters' })
  sheet!: ImportSheet;

  @Field(() => Int, { description: 'The row as the spreadsheet numbers it; the header is row 1' })
  row!: number;

  @Field(() => String, { nullable: true, description: 'The column at fault, when one is' })
  field!: string | null;

  @Field({ description: 'MISSING, INVALID, UNKNOWN_REFERENCE, DUPLICATE or NOT_ALLOWED' })
  code!: string;

  @Field()
  message!: string;
}

@Directive('@shareable')
@ObjectType({ description: 'What an import did (or would do) with the rows of one sheet' })
export class ImportSheetCount implements ImportSheetCountShape {
  @Field(() => String, { description: 'products, routes, materials, boms, operators or workCenters' })
  sheet!: ImportSheet;

  @Field(() => Int)
  created!: number;

  @Field(() => Int)
  updated!: number;

  @Field(() => Int)
  unchanged!: number;
}

@Directive('@shareable')
@ObjectType({ description: 'What an import did, or on a dry run would do; nothing is applied when any row is refused' })
export class ImportResult implements ImportResultShape {
  @Field()
  dryRun!: boolean;

  @Field()
  applied!: boolean;

  @Field(() => Int)
  created!: number;

  @Field(() => Int)
  updated!: number;

  @Field(() => Int)
  unchanged!: number;

  @Field(() => [ImportProblem])
  problems!: ImportProblem[];

  @Field(() => [ImportSheetCount], { nullable: true, description: 'The counts sheet by sheet (null from a part that reports only totals)' })
  sheets?: ImportSheetCount[] | null;
}

/**
 * The problems of one import as they are found, bounded (MAX_IMPORT_PROBLEMS). A service's own
 * refusal (a coded BAD_USER_INPUT naming `input.nameZh` or `lines[2].sku`) becomes the row's
 * problem through `refused`, so a sheet's rows are checked by the very rules a single change is.
 */
export class ImportProblems {
  readonly list: ImportProblem[] = [];

  add(sheet: ImportSheet, row: number, field: string | null, code: string, message: string): void {
    if (this.list.length < MAX_IMPORT_PROBLEMS) this.list.push({ sheet, row, field, code, message });
  }

  /** Runs a check; its coded refusal becomes a problem of the row (see `refused`). */
  check<T>(sheet: ImportSheet, row: number, run: () => T, column?: (field: string) => string): T | undefined {
    try {
      return run();
    } catch (error) {
      this.refused(sheet, row, error, column);
      return undefined;
    }
  }

  /** A service's coded BAD_USER_INPUT as the row's problem (the field's first named segment is the column); anything else is rethrown. */
  refused(sheet: ImportSheet, row: number, error: unknown, column?: (field: string) => string): void {
    if (!(error instanceof GraphQLError) || error.extensions?.code !== 'BAD_USER_INPUT') throw error;
    const field = refusedField(error);
    const reason = error.extensions.reason;
    this.add(
      sheet,
      row,
      field === null ? null : column ? column(field) : columnOf(field),
      reason === 'UNKNOWN_MATERIAL' || reason === 'UNKNOWN_STAGE_CODE'
        ? 'UNKNOWN_REFERENCE'
        : reason === 'DUPLICATE_MATERIAL'
          ? 'DUPLICATE'
          : 'INVALID',
      error.message,
    );
  }

  /** No more are kept: checking on finds nothing that would be reported. */
  get full(): boolean {
    return this.list.length >= MAX_IMPORT_PROBLEMS;
  }

  get empty(): boolean {
    return this.list.length === 0;
  }
}

/** The field a coded refusal names, if it names one. */
export function refusedField(error: unknown): string | null {
  const field = error instanceof GraphQLError ? error.extensions?.field : undefined;
  return typeof field === 'string' ? field : null;
}

/** `input.substitutes[0].sku` → `substitutes`; `lines[2].stageCode` → `stageCode`; `input.nameZh` → `nameZh`. */
function columnOf(field: string): string {
  const parts = field.replace(/\[\d+\]/g, '').split('.');
  const named = parts.filter((part) => part !== 'input' && part !== 'lines');
  return named[0] ?? parts.at(-1)!;
}

/** Adds up counts per sheet into a result. */
export function importResult(dryRun: boolean, problems: ImportProblems, sheets: ImportSheetCount[]): ImportResult {
  const clean = problems.empty;
  const sum = (key: 'created' | 'updated' | 'unchanged') => (clean ? sheets.reduce((total, sheet) => total + sheet[key], 0) : 0);
  return {
    dryRun,
    applied: clean && !dryRun,
    created: sum('created'),
    updated: sum('updated'),
    unchanged: sum('unchanged'),
    problems: problems.list,
    sheets: clean ? sheets : sheets.map((sheet) => ({ ...sheet, created: 0, updated: 0, unchanged: 0 })),
  };
}
