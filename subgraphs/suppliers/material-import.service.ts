import type { EntityManager } from '@mikro-orm/core';
import { cellNumber, cellText, MAX_IMPORT_ROWS, SUPPLY_EVENTS, type EventActor, type ImportSheet } from '../../contracts';
import type { RequestContext } from '../../platform/access/context';
import { badInput } from '../../platform/base/errors';
import { requireEnterpriseId } from '../../platform/data/ids';
import { idempotent, inTransaction } from '../../platform/data/transactions';
import { recordEvent } from '../../platform/events/outbox';
import { ImportProblems, importResult, refusedField, type ImportResult, type ImportSheetCount } from '../../platform/graphql/import-result';
import { checkLines, requireProductCode, sameLines, writeVersion } from './bill-of-materials.service';
import { BillOfMaterials, BomLine, Material, type AbcClass, type StockingPolicy } from './entities/material';
import type { BomLineInput, BomRowInput, MaterialInput, MaterialRowInput, MaterialsImportInput } from './inputs';
import { changeMaterial, checkedMaterial, differingFields, materialFieldsOf, type MaterialFields } from './material-catalogue.service';
import { MaterialLedger, SOURCE } from './material-ledger';

/** "SKU:0.5; OTHER:1" → substitutes (a malformed ratio reads NaN, which the material's rule refuses). */
function substitutesOf(text: string | undefined): MaterialInput['substitutes'] {
  if (!text) return [];
  return text
    .split(';')
    .map((part) => part.trim())
    .filter(Boolean)
    .map((part) => {
      const [sku, ratio] = part.split(':');
      return { sku: sku.trim(), ratio: ratio === undefined ? 1 : (cellNumber(ratio) ?? Number.NaN) };
    });
}

const MATERIAL_REQUIRED = ['sku', 'nameZh', 'nameEn', 'unit', 'abcClass', 'unitCostCents'] as const;
const BOM_REQUIRED = ['productCode', 'sku', 'quantityPerUnit', 'stageCode'] as const;

/** A materials row as upsertMaterial's input (null when a required cell is empty: a MISSING problem). */
function materialInputOf(row: MaterialRowInput, problems: ImportProblems): MaterialInput | null {
  const missing = MATERIAL_REQUIRED.filter((column) => cellText(row[column]) === undefined);
  for (const column of missing) problems.add('materials', row.row, column, 'MISSING', `${column} is empty`);
  if (missing.length) return null;
  return {
    sku: cellText(row.sku)!,
    nameZh: cellText(row.nameZh)!,
    nameEn: cellText(row.nameEn)!,
    unit: cellText(row.unit)!,
    abcClass: cellText(row.abcClass)!.toUpperCase() as AbcClass,
    unitCostCents: cellNumber(row.unitCostCents)!,
    safetyStock: cellNumber(row.safetyStock) ?? 0,
    stockingPolicy: (cellText(row.stockingPolicy)?.toUpperCase() ?? 'STOCKED') as StockingPolicy,
    substitutes: substitutesOf(cellText(row.substitutes)),
  };
}

/** Rows found bad inside the transaction: it is rolled back (and no idempotency record kept), the problems answered. */
export class ImportRefused extends Error {}

const counted = (sheet: ImportSheet): ImportSheetCount => ({ sheet, created: 0, updated: 0, unchanged: 0 });

/**
 * A studio's materials and bills of materials from a spreadsheet (contracts/master-data-import.ts):
 * every row checked by the rules upsertMaterial and setBillOfMaterials apply (their services' own
 * checks), every bad row reported with its sheet, row and column, and — only when none is bad and
 * it is no dry run — all of it applied in one transaction with one `materials.imported` event
 * summing it up (not one per row). A bill names materials of the studio or of the same import.
 */
export class MaterialImportService {
  constructor(
    private readonly ledger = new MaterialLedger(),
    private readonly clock: () => Date = () => new Date(),
  ) {}

  async import(ctx: RequestContext<unknown>, studioId: string, input: MaterialsImportInput, idempotencyKey: string): Promise<ImportResult> {
    requireEnterpriseId(studioId, 'studioId');
    const rows = input.materials.length + input.boms.length;
    if (rows > MAX_IMPORT_ROWS)
      throw badInput(`An import holds at most ${MAX_IMPORT_ROWS} rows; this one holds ${rows}`, {
        field: 'input',
        reason: 'TOO_MANY_ROWS',
      });
    const problems = new ImportProblems();
    const mentioned = new Set<string>();
    const materials = this.checkMaterials(input.materials, mentioned, problems);
    const bills = this.checkBills(studioId, input.boms, problems);
    const plan = async (em: EntityManager) => {
      const known = await em.find(Material, { studioId }, { filters: false });
      this.checkReferences(mentioned, materials, bills, known, problems);
      return this.compare(em, studioId, materials, bills, known);
    };
    if (input.dryRun || !problems.empty) {
      // References are checked against the studio's materials even when rows are bad already: every problem at once.
      const { counts } = await plan(ctx.em.fork());
      return importResult(input.dryRun, problems, counts);
    }
    let counts: ImportSheetCount[] = [];
    try {
      await inTransaction(ctx, (em) =>
        idempotent(em, ctx.viewer, 'importMaterials', idempotencyKey, { studioId, input }, async () => {
          const planned = await plan(em);
          counts = planned.counts;
          // A reference refused now (a material retired since the dry run) refuses it all, and nothing is kept.
          if (!problems.empty) throw new ImportRefused();
          await planned.apply(ctx.actor);
          // An import that changes nothing writes nothing (not even its summary).
          if (counts.some((sheet) => sheet.created + sheet.updated > 0))
            recordEvent(em, SOURCE, {
              type: SUPPLY_EVENTS.MATERIALS_IMPORTED,
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
    // A replay of the same key and rows changes nothing again: applied, counted as it now is (all unchanged).
    if (counts.length === 0) counts = (await plan(ctx.em.fork())).counts;
    return importResult(false, problems, counts);
  }

  /** Each materials row as upsertMaterial checks it (checkedMaterial), and each SKU once. */
  private checkMaterials(rows: MaterialRowInput[], mentioned: Set<string>, problems: ImportProblems) {
    const checked = new Map<string, { row: number; fields: MaterialFields }>();
    for (const row of rows) {
      // A bill may name a material whose own row is bad: that row's problem is reported, not the bill's.
      const named = cellText(row.sku);
      if (named) mentioned.add(named);
      const input = materialInputOf(row, problems);
      if (!input) continue;
      const fields = problems.check('materials', row.row, () => checkedMaterial(input));
      if (!fields) continue;
      const earlier = checked.get(fields.sku);
      if (earlier) problems.add('materials', row.row, 'sku', 'DUPLICATE', `${fields.sku} is on row ${earlier.row} too`);
      else checked.set(fields.sku, { row: row.row, fields });
    }
    return checked;
  }

  /** Each product's rows as one bill, checked as setBillOfMaterials checks it (checkLines): a bad line is reported and left out so the next shows. */
  private checkBills(studioId: string, rows: BomRowInput[], problems: ImportProblems) {
    const products = new Map<string, { rows: number[]; lines: BomLineInput[] }>();
    for (const row of rows) {
      const missing = BOM_REQUIRED.filter((column) => cellText(row[column]) === undefined);
      for (const column of missing) problems.add('boms', row.row, column, 'MISSING', `${column} is empty`);
      if (missing.length) continue;
      const productCode = problems.check(
        'boms',
        row.row,
        () => requireProductCode(cellText(row.productCode)!),
        () => 'productCode',
      );
      if (!productCode) continue;
      const bill = products.get(productCode) ?? { rows: [], lines: [] };
      products.set(productCode, bill);
      bill.rows.push(row.row);
      bill.lines.push({ sku: cellText(row.sku)!, quantityPerUnit: cellNumber(row.quantityPerUnit)!, stageCode: cellText(row.stageCode)! });
    }
    for (const bill of products.values()) {
      // setBillOfMaterials refuses a bill at its first bad line: report it, leave it out, check the rest again.
      for (;;) {
        try {
          checkLines(studioId, bill.lines);
          break;
        } catch (error) {
          const index = Number(/^lines\[(\d+)\]/.exec(refusedField(error) ?? '')?.[1] ?? -1);
          problems.refused('boms', bill.rows[index] ?? bill.rows[0], error);
          if (index < 0 || problems.full) break;
          bill.rows.splice(index, 1);
          bill.lines.splice(index, 1);
        }
      }
    }
    return products;
  }

  /** Substitutes and bill lines name materials of the studio (not retired) or of this import. */
  private checkReferences(
    mentioned: Set<string>,
    materials: Map<string, { row: number; fields: MaterialFields }>,
    bills: Map<string, { rows: number[]; lines: BomLineInput[] }>,
    known: Material[],
    problems: ImportProblems,
  ): void {
    const current = new Set(known.filter((material) => material.retiredAt == null).map((material) => material.sku));
    const named = (sku: string) => current.has(sku) || mentioned.has(sku);
    for (const [sku, { row, fields }] of materials)
      for (const substitute of fields.substitutes)
        if (!named(substitute.sku))
          problems.add(
            'materials',
            row,
            'substitutes',
            'UNKNOWN_REFERENCE',
            `${substitute.sku} (a substitute of ${sku}) is not a material of the studio`,
          );
    for (const [productCode, bill] of bills)
      bill.lines.forEach((line, index) => {
        if (!named(line.sku))
          problems.add(
            'boms',
            bill.rows[index],
            'sku',
            'UNKNOWN_REFERENCE',
            `${line.sku} (in the bill of ${productCode}) is not a material of the studio, nor on the materials sheet`,
          );
      });
  }

  /** What applying would do, counted per sheet, and the change itself (changeMaterial, writeVersion: the single-change paths' own). */
  private async compare(
    em: EntityManager,
    studioId: string,
    materials: Map<string, { row: number; fields: MaterialFields }>,
    bills: Map<string, { rows: number[]; lines: BomLineInput[] }>,
    known: Material[],
  ) {
    const counts = { materials: counted('materials'), boms: counted('boms') };
    const now = this.clock();
    const existing = new Map(known.map((material) => [material.sku, material]));
    for (const [sku, { fields }] of materials) {
      const before = existing.get(sku);
      const changes = before ? differingFields(materialFieldsOf(before), fields).length > 0 || before.retiredAt != null : true;
      counts.materials[!before ? 'created' : changes ? 'updated' : 'unchanged'] += 1;
    }
    const heads = new Map(
      (await em.find(BillOfMaterials, { studioId, productCode: { $in: [...bills.keys()] } }, { filters: false })).map((head) => [
        head.productCode,
        head,
      ]),
    );
    // The current lines by product, read without tracking (20,000 lines are only compared, never changed).
    const current = new Map<string, BomLine[]>();
    if (heads.size)
      for (const line of await em.find(
        BomLine,
        { studioId, productCode: { $in: [...heads.keys()] } },
        { filters: false, disableIdentityMap: true },
      ))
        if (line.version === heads.get(line.productCode)!.version)
          current.set(line.productCode, [...(current.get(line.productCode) ?? []), line]);
    const changedBills: string[] = [];
    for (const [productCode, bill] of bills) {
      const head = heads.get(productCode);
      // Counted by rows, as the sheet has them: a bill's rows are created, updated or unchanged with it.
      if (head && sameLines(current.get(productCode) ?? [], bill.lines)) counts.boms.unchanged += bill.rows.length;
      else {
        counts.boms[head ? 'updated' : 'created'] += bill.rows.length;
        changedBills.push(productCode);
      }
    }
    const apply = async (actor: EventActor) => {
      const safetyMoved: string[] = [];
      for (const [sku, { fields }] of materials) {
        const before = existing.get(sku) ?? null;
        const previousSafety = before?.safetyStock;
        const outcome = changeMaterial(
          em,
          studioId,
          before,
          fields,
          (material) => Object.assign(material, fields, { retiredAt: null }),
          now,
        );
        if (outcome && before && previousSafety !== outcome.material.safetyStock) safetyMoved.push(sku);
      }
      await em.flush();
      for (const productCode of changedBills)
        writeVersion(em, studioId, productCode, heads.get(productCode) ?? null, bills.get(productCode)!.lines, now);
      await em.flush();
      // A safety stock that moved re-settles the open orders' material statuses, as a single change does.
      if (safetyMoved.length) await this.ledger.settle(em, await this.ledger.lockLots(em, safetyMoved), safetyMoved, actor);
    };
    return { counts: [counts.materials, counts.boms], apply };
  }
}
