import type { EntityManager } from '@mikro-orm/core';
import { validateSync } from 'class-validator';
import { cellList, cellNumber, cellText, MAX_IMPORT_ROWS, RESOURCE_EVENTS, type ImportSheet } from '../../../contracts';
import type { RequestContext } from '../../../platform/access/context';
import { badInput } from '../../../platform/base/errors';
import { newId, requireEnterpriseId } from '../../../platform/data/ids';
import { idempotent, inTransaction } from '../../../platform/data/transactions';
import { recordEvent } from '../../../platform/events/outbox';
import { ImportProblems, importResult, type ImportResult, type ImportSheetCount } from '../../../platform/graphql/import-result';
import {
  RESOURCE_LIMITS,
  StudioOperatorInput,
  WorkCenterInput,
  WorkingHoursInput,
  type OperatorRowInput,
  type ResourcesImportInput,
  type WorkCenterRowInput,
} from './inputs';
import { StudioOperator } from './operator.entity';
import { checkOperator, ID_PREFIX, operatorFields, SOURCE } from './resources.service';
import { WORK_CENTER_KINDS, WorkCenter, type WorkCenterKind } from './work-center.entity';

/** "1 09:00-18:00; 2 09:00-12:00" → working hours; a malformed part reads as weekday 0, which the calendar's rule refuses. */
function shiftOf(text: string | null | undefined): WorkingHoursInput[] {
  return cellList(text).map((part) => {
    const match = /^(\d)\s+(\d{1,2}:\d{2})\s*-\s*(\d{1,2}:\d{2})$/.exec(part);
    return Object.assign(
      new WorkingHoursInput(),
      match ? { weekday: Number(match[1]), start: match[2], end: match[3] } : { weekday: 0, start: '', end: '' },
    );
  });
}

/** The decorators' rules of a mutation's input (class-validator, as type-graphql runs them), as the row's problems. */
function decoratorProblems(sheet: ImportSheet, row: number, input: object, problems: ImportProblems): boolean {
  const errors = validateSync(input, { forbidUnknownValues: false });
  for (const error of errors)
    problems.add(sheet, row, error.property, 'INVALID', Object.values(error.constraints ?? {})[0] ?? `${error.property} is not valid`);
  return errors.length === 0;
}

const counted = (sheet: ImportSheet): ImportSheetCount => ({ sheet, created: 0, updated: 0, unchanged: 0 });
const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

class ImportRefused extends Error {}

/**
 * A studio's operators and work centers from a spreadsheet: each row read into the input
 * upsertStudioOperator / upsertWorkCenter take and checked by their rules (the inputs' decorators,
 * checkOperator), every bad row reported, and only a clean import that is no dry run applied, in
 * one transaction with one `resources.imported` event summing it up. Rows are matched by code.
 */
export class ResourcesImportService {
  constructor(private readonly clock: () => Date = () => new Date()) {}

  async import(ctx: RequestContext<unknown>, input: ResourcesImportInput, idempotencyKey: string): Promise<ImportResult> {
    const studioId = requireEnterpriseId(input.enterpriseId, 'input.enterpriseId');
    const rows = input.operators.length + input.workCenters.length;
    if (rows > MAX_IMPORT_ROWS)
      throw badInput(`An import holds at most ${MAX_IMPORT_ROWS} rows; this one holds ${rows}`, {
        field: 'input',
        reason: 'TOO_MANY_ROWS',
      });
    const problems = new ImportProblems();
    const operators = this.checkOperators(studioId, input.operators, problems);
    const centers = this.checkWorkCenters(studioId, input.workCenters, problems);
    if (input.dryRun || !problems.empty) {
      const counts = problems.empty
        ? (await this.plan(ctx.em.fork(), studioId, operators, centers, problems)).counts
        : [counted('operators'), counted('workCenters')];
      return importResult(input.dryRun, problems, counts);
    }
    let counts: ImportSheetCount[] = [];
    try {
      await inTransaction(ctx, (em) =>
        idempotent(em, ctx.viewer, 'importResources', idempotencyKey, input, async () => {
          const planned = await this.plan(em, studioId, operators, centers, problems);
          counts = planned.counts;
          if (!problems.empty) throw new ImportRefused();
          planned.apply();
          // An import that changes nothing writes nothing (not even its summary).
          if (counts.some((sheet) => sheet.created + sheet.updated > 0))
            recordEvent(em, SOURCE, {
              type: RESOURCE_EVENTS.RESOURCES_IMPORTED,
              subject: { type: 'Studio', id: studioId },
              actor: ctx.actor,
              occurredAt: this.clock(),
              payload: { studioId, sheets: counts },
            });

          await em.flush();
          return 'applied';
        }),
      );
    } catch (error) {
      if (!(error instanceof ImportRefused)) throw error;
      return importResult(false, problems, counts);
    }
    // A replay of the same key and rows changes nothing again: counted as it now is.
    if (counts.length === 0) counts = (await this.plan(ctx.em.fork(), studioId, operators, centers, problems)).counts;
    return importResult(false, problems, counts);
  }

  private checkOperators(studioId: string, rows: OperatorRowInput[], problems: ImportProblems) {
    const checked = new Map<string, { row: number; input: StudioOperatorInput }>();
    for (const row of rows) {
      const input = Object.assign(new StudioOperatorInput(), {
        enterpriseId: studioId,
        code: cellText(row.code) ?? '',
        penName: cellText(row.penName) ?? '',
        realName: cellText(row.realName) ?? '',
        skills: cellList(row.skills),
        shiftHours: shiftOf(row.shiftHours),
      });
      if (!decoratorProblems('operators', row.row, input, problems)) continue;
      if (
        !problems.check(
          'operators',
          row.row,
          () => {
            checkOperator(input);
            return true;
          },
          columnOfOperator,
        )
      )
        continue;
      const earlier = checked.get(input.code);
      if (earlier) problems.add('operators', row.row, 'code', 'DUPLICATE', `${input.code} is on row ${earlier.row} too`);
      else checked.set(input.code, { row: row.row, input });
    }
    return checked;
  }

  private checkWorkCenters(studioId: string, rows: WorkCenterRowInput[], problems: ImportProblems) {
    const checked = new Map<string, { row: number; input: WorkCenterInput }>();
    for (const row of rows) {
      const kind = cellText(row.kind)?.toUpperCase() ?? '';
      const input = Object.assign(new WorkCenterInput(), {
        enterpriseId: studioId,
        code: cellText(row.code) ?? '',
        nameZh: cellText(row.nameZh) ?? '',
        nameEn: cellText(row.nameEn) ?? '',
        kind: kind as WorkCenterKind,
        capacityPerBatch: cellNumber(row.capacityPerBatch) ?? Number.NaN,
        batchMinutes: cellNumber(row.batchMinutes) ?? Number.NaN,
        setupMinutes: cellNumber(row.setupMinutes) ?? 0,
      });
      let clean = decoratorProblems('workCenters', row.row, input, problems);
      for (const field of ['capacityPerBatch', 'batchMinutes', 'setupMinutes'] as const)
        if (!Number.isInteger(input[field])) {
          problems.add('workCenters', row.row, field, 'INVALID', `${field} must be a whole number`);
          clean = false;
        }
      if (!(WORK_CENTER_KINDS as readonly string[]).includes(kind)) {
        problems.add('workCenters', row.row, 'kind', kind ? 'INVALID' : 'MISSING', `kind must be one of ${WORK_CENTER_KINDS.join(', ')}`);
        clean = false;
      }
      if (!clean) continue;
      const earlier = checked.get(input.code);
      if (earlier) problems.add('workCenters', row.row, 'code', 'DUPLICATE', `${input.code} is on row ${earlier.row} too`);
      else checked.set(input.code, { row: row.row, input });
    }
    return checked;
  }

  /** Counts per sheet, the studio's limits checked, and the change (by code: created, or updated in place). */
  private async plan(
    em: EntityManager,
    studioId: string,
    operators: Map<string, { row: number; input: StudioOperatorInput }>,
    centers: Map<string, { row: number; input: WorkCenterInput }>,
    problems: ImportProblems,
  ) {
    const now = this.clock();
    const knownOperators = new Map(
      (await em.find(StudioOperator, { enterpriseId: studioId })).map((operator) => [operator.code, operator]),
    );
    const knownCenters = new Map((await em.find(WorkCenter, { enterpriseId: studioId })).map((center) => [center.code, center]));
    const counts = { operators: counted('operators'), workCenters: counted('workCenters') };
    const changes: (() => void)[] = [];
    for (const [code, { input }] of operators) {
      const existing = knownOperators.get(code);
      const fields = operatorFields(input);
      if (!existing) {
        counts.operators.created += 1;
        changes.push(() =>
          em.persist(em.create(StudioOperator, { id: newId(ID_PREFIX.operator), enterpriseId: studioId, code, ...fields, updatedAt: now })),
        );
      } else if (
        same(fields, {
          penName: existing.penName,
          realName: existing.realName,
          skills: existing.skills,
          // PostgreSQL's jsonb keeps keys in its own order: compared field by field.
          shiftHours: existing.shiftHours.map(({ weekday, start, end }) => ({ weekday, start, end })),
        })
      )
        counts.operators.unchanged += 1;
      else {
        counts.operators.updated += 1;
        changes.push(() => em.assign(existing, { ...fields, updatedAt: now }));
      }
    }
    for (const [code, { input }] of centers) {
      const existing = knownCenters.get(code);
      const { enterpriseId: _enterpriseId, code: _code, ...fields } = input;
      if (!existing) {
        counts.workCenters.created += 1;
        changes.push(() =>
          em.persist(em.create(WorkCenter, { id: newId(ID_PREFIX.workCenter), enterpriseId: studioId, code, ...fields, updatedAt: now })),
        );
      } else if (same({ ...fields }, Object.fromEntries(Object.keys(fields).map((key) => [key, existing[key as keyof typeof fields]]))))
        counts.workCenters.unchanged += 1;
      else {
        counts.workCenters.updated += 1;
        changes.push(() => em.assign(existing, { ...fields, updatedAt: now }));
      }
    }
    const limit = (sheet: 'operators' | 'workCenters', known: number, max: number) => {
      if (known + counts[sheet].created > max)
        problems.add(
          sheet,
          1,
          'code',
          'NOT_ALLOWED',
          `A studio has at most ${max} ${sheet === 'operators' ? 'operators' : 'work centers'}; this would make ${known + counts[sheet].created}`,
        );
    };
    limit('operators', knownOperators.size, RESOURCE_LIMITS.operators);
    limit('workCenters', knownCenters.size, RESOURCE_LIMITS.workCenters);
    return { counts: [counts.operators, counts.workCenters], apply: () => changes.forEach((change) => change()) };
  }
}

/** `input.skills.2` → skills; `input.shifthours[0].start` → shiftHours. */
function columnOfOperator(field: string): string {
  return field.startsWith('input.shift') ? 'shiftHours' : field.startsWith('input.skills') ? 'skills' : field.replace(/^input\./, '');
}
