import type { EntityManager } from '@mikro-orm/core';
import { SUPPLY_EVENTS, type MaterialChange } from '../../contracts';
import type { RequestContext } from '../../platform/access/context';
import { badInput, failedPrecondition, notFound } from '../../platform/base/errors';
import { forUpdate } from '../../platform/data/database';
import { requireEnterpriseId } from '../../platform/data/ids';
import { idempotent, inTransaction } from '../../platform/data/transactions';
import { recordEvent } from '../../platform/events/outbox';
import { ABC_CLASSES, BillOfMaterials, BomLine, Material, STOCKING_POLICIES, type MaterialSubstitute } from './entities/material';
import type { MaterialInput } from './inputs';
import { MaterialLedger, SOURCE } from './material-ledger';

/** The bounds of a material (every string and count of the input is bounded). */
export const MATERIAL_LIMITS = Object.freeze({ name: 200, unit: 20, substitutes: 20, maxRatio: 1_000, maxQuantity: 1_000_000_000 });

/** A SKU (and a supplier's lot code): what suppliers publish stock under. */
export const SKU_PATTERN = /^[A-Z0-9][\w.-]{0,59}$/i;

/** Text a person typed: trimmed, bounded, no control characters. */
function text(value: string, field: string, max: number): string {
  const trimmed = value.trim();
  // eslint-disable-next-line no-control-regex
  if (trimmed.length === 0 || trimmed.length > max || /[\u0000-\u001f\u007f]/.test(trimmed))
    throw badInput(`${field} must be 1 to ${max} characters of text`, { field });
  return trimmed;
}

function wholeNumber(value: number, field: string): number {
  if (!Number.isInteger(value) || value < 0 || value > MATERIAL_LIMITS.maxQuantity)
    throw badInput(`${field} must be a whole number from 0 to ${MATERIAL_LIMITS.maxQuantity}`, { field });
  return value;
}

export function requireSku(sku: string, field: string): string {
  if (!SKU_PATTERN.test(sku)) throw badInput(`${field} must be a code of letters, digits, ".", "_" or "-" (at most 60)`, { field });
  return sku;
}

/** The material as it will be stored, checked field by field (the error names the first bad field). */
export function checkedMaterial(input: MaterialInput) {
  const sku = requireSku(input.sku, 'input.sku');
  const stockingPolicy = input.stockingPolicy ?? 'STOCKED';
  if (!STOCKING_POLICIES.includes(stockingPolicy))
    throw badInput('input.stockingPolicy is not a stocking policy', { field: 'input.stockingPolicy' });
  if (!ABC_CLASSES.includes(input.abcClass)) throw badInput('input.abcClass must be A, B or C', { field: 'input.abcClass' });
  const safetyStock = wholeNumber(input.safetyStock ?? 0, 'input.safetyStock');
  if (stockingPolicy === 'MADE_TO_ORDER' && safetyStock > 0)
    throw badInput('input.safetyStock: a made-to-order material is bought per order and keeps no safety stock', {
      field: 'input.safetyStock',
    });
  const substitutes = input.substitutes ?? [];
  if (substitutes.length > MATERIAL_LIMITS.substitutes)
    throw badInput(`input.substitutes: a material names at most ${MATERIAL_LIMITS.substitutes} substitutes`, {
      field: 'input.substitutes',
    });
  const seen = new Set<string>();
  substitutes.forEach((substitute, index) => {
    const field = `input.substitutes[${index}]`;
    requireSku(substitute.sku, `${field}.sku`);
    if (substitute.sku === sku) throw badInput(`${field}.sku: a material is no substitute for itself`, { field: `${field}.sku` });
    if (seen.has(substitute.sku)) throw badInput(`${field}.sku: ${substitute.sku} is named twice`, { field: `${field}.sku` });
    seen.add(substitute.sku);
    if (!Number.isFinite(substitute.ratio) || substitute.ratio <= 0 || substitute.ratio > MATERIAL_LIMITS.maxRatio)
      throw badInput(`${field}.ratio must be above 0 and at most ${MATERIAL_LIMITS.maxRatio}`, { field: `${field}.ratio` });
  });
  return {
    sku,
    nameZh: text(input.nameZh, 'input.nameZh', MATERIAL_LIMITS.name),
    nameEn: text(input.nameEn, 'input.nameEn', MATERIAL_LIMITS.name),
    unit: text(input.unit, 'input.unit', MATERIAL_LIMITS.unit),
    abcClass: input.abcClass,
    unitCostCents: wholeNumber(input.unitCostCents, 'input.unitCostCents'),
    safetyStock,
    stockingPolicy,
    substitutes: substitutes.map((substitute): MaterialSubstitute => ({ sku: substitute.sku, ratio: substitute.ratio })),
  };
}

export type MaterialFields = ReturnType<typeof checkedMaterial>;
const COMPARED: readonly (keyof MaterialFields)[] = [
  'nameZh',
  'nameEn',
  'unit',
  'abcClass',
  'unitCostCents',
  'safetyStock',
  'stockingPolicy',
  'substitutes',
];

/**
 * A studio's own materials: created or replaced whole, retired (never deleted: ledger rows,
 * reservations and purchase orders keep naming them), and the safety stock they are held
 * against. Every change is a `materials.material.changed` event with its actor; a change of
 * safety stock re-settles the open orders' material statuses at once.
 */
export class MaterialCatalogueService {
  constructor(
    private readonly ledger = new MaterialLedger(),
    private readonly clock: () => Date = () => new Date(),
  ) {}

  async upsert(ctx: RequestContext<unknown>, studioId: string, input: MaterialInput, idempotencyKey: string): Promise<Material> {
    requireEnterpriseId(studioId, 'studioId');
    const fields = checkedMaterial(input);
    await inTransaction(ctx, (em) =>
      idempotent(em, ctx.viewer, 'upsertMaterial', idempotencyKey, { studioId, ...input }, async () => {
        const others = fields.substitutes.map((substitute) => substitute.sku);
        if (others.length) {
          const known = new Set(
            (await em.find(Material, { studioId, sku: { $in: others }, retiredAt: null }, { filters: false })).map(
              (material) => material.sku,
            ),
          );
          const index = others.findIndex((sku) => !known.has(sku));
          if (index >= 0)
            throw badInput(`input.substitutes[${index}].sku: ${others[index]} is not a material of ${studioId}`, {
              field: `input.substitutes[${index}].sku`,
              reason: 'UNKNOWN_MATERIAL',
            });
        }
        await this.apply(em, ctx, studioId, fields.sku, (material) => Object.assign(material, fields, { retiredAt: null }), fields);
        return fields.sku;
      }),
    );
    return this.load(ctx, studioId, fields.sku);
  }

  /** Retired: no new bill of materials may name it; what orders hold of it stays. Refused while a current bill names it. */
  async retire(ctx: RequestContext<unknown>, studioId: string, sku: string, idempotencyKey: string): Promise<Material> {
    requireEnterpriseId(studioId, 'studioId');
    requireSku(sku, 'sku');
    await inTransaction(ctx, (em) =>
      idempotent(em, ctx.viewer, 'retireMaterial', idempotencyKey, { studioId, sku }, async () => {
        const usedBy = await productsUsing(em, studioId, sku);
        if (usedBy.length)
          throw failedPrecondition('MATERIAL_IN_USE', `${sku} is on the current bill of materials of ${usedBy.join(', ')}`, {
            field: 'sku',
            productCodes: usedBy,
          });
        await this.apply(em, ctx, studioId, sku, (material) => {
          material.retiredAt ??= this.clock();
        });
        return sku;
      }),
    );
    return this.load(ctx, studioId, sku);
  }

  /** Sets the safety stock alone (accepting the suggestion). */
  async setSafetyStock(
    ctx: RequestContext<unknown>,
    studioId: string,
    sku: string,
    safetyStock: number,
    idempotencyKey: string,
  ): Promise<Material> {
    wholeNumber(safetyStock, 'safetyStock');
    await inTransaction(ctx, (em) =>
      idempotent(em, ctx.viewer, 'acceptSafetyStockSuggestion', idempotencyKey, { studioId, sku }, async () => {
        await this.apply(
          em,
          ctx,
          studioId,
          sku,
          (material) => {
            if (material.stockingPolicy === 'MADE_TO_ORDER')
              throw failedPrecondition('MADE_TO_ORDER', `${sku} is made to order and keeps no safety stock`, { field: 'sku' });
            material.safetyStock = safetyStock;
          },
          undefined,
          'SAFETY_STOCK_ACCEPTED',
        );
        return sku;
      }),
    );
    return this.load(ctx, studioId, sku);
  }

  /**
   * The one place a material changes: locked, changed, its revision raised and its event written
   * when anything differs; the open orders' statuses re-settled when its safety stock moved.
   * `created`: the fields of a material that does not exist yet (else NOT_FOUND).
   */
  private async apply(
    em: EntityManager,
    ctx: RequestContext<unknown>,
    studioId: string,
    sku: string,
    change: (material: Material) => void,
    created?: MaterialFields,
    kind?: MaterialChange,
  ): Promise<void> {
    const now = this.clock();
    const existing = await em.findOne(Material, { studioId, sku }, { filters: false, ...forUpdate(em) });
    if (!existing && !created) throw notFound('Material', sku);
    const outcome = changeMaterial(em, studioId, existing, created, change, now);
    if (!outcome) return;
    const { material, before, changed, retiredNow, restored } = outcome;
    recordEvent(em, SOURCE, {
      type: SUPPLY_EVENTS.MATERIAL_CHANGED,
      subject: { type: 'Material', id: `${studioId}/${sku}` },
      actor: ctx.actor,
      occurredAt: now,
      payload: {
        studioId,
        sku,
        change: kind ?? (!existing ? 'CREATED' : retiredNow ? 'RETIRED' : 'UPDATED'),
        revision: material.revision,
        changed: retiredNow ? ['retiredAt'] : [...changed, ...(restored ? ['retiredAt'] : [])],
        safetyStock: material.safetyStock,
        previousSafetyStock: before ? before.safetyStock : null,
      },
    });
    await em.flush();
    if (before && before.safetyStock !== material.safetyStock)
      await this.ledger.settle(em, await this.ledger.lockLots(em, [sku]), [sku], ctx.actor);
  }

  private load(ctx: RequestContext<unknown>, studioId: string, sku: string): Promise<Material> {
    return ctx.em.fork().findOneOrFail(Material, { studioId, sku }, { filters: false });
  }
}

/**
 * The one rule of what changing a material does (upsert, retire, safety stock, an import's row):
 * applied to `existing` (or a new one of `created`), its revision raised and persisted when any
 * compared field moved, it was retired, or it came back; null when nothing changed. No event:
 * the caller writes one per change, or one for a whole import.
 */
export function changeMaterial(
  em: EntityManager,
  studioId: string,
  existing: Material | null,
  created: MaterialFields | undefined,
  change: (material: Material) => void,
  now: Date,
): { material: Material; before: MaterialFields | null; changed: string[]; retiredNow: boolean; restored: boolean } | null {
  const material = existing ?? em.create(Material, { ...created!, studioId, updatedAt: now });
  const before = existing ? materialFieldsOf(existing) : null;
  const wasRetired = existing?.retiredAt != null;
  change(material);
  const changed = before ? differingFields(before, materialFieldsOf(material)) : [...COMPARED];
  const retiredNow = !wasRetired && material.retiredAt != null;
  const restored = wasRetired && material.retiredAt == null;
  if (existing && changed.length === 0 && !retiredNow && !restored) return null;
  if (existing) material.revision += 1;
  material.updatedAt = now;
  em.persist(material);
  return { material, before, changed, retiredNow, restored };
}

/** A material's compared fields, copied. */
export const materialFieldsOf = (material: Material): MaterialFields =>
  Object.fromEntries(COMPARED.map((key) => [key, structuredClone(material[key])])) as unknown as MaterialFields;

/** The compared fields whose value differs. */
export const differingFields = (before: MaterialFields, after: MaterialFields): string[] =>
  COMPARED.filter((key) => canonical(before[key]) !== canonical(after[key]));

/** JSON with each object's keys sorted: PostgreSQL's jsonb hands substitutes back with its own key order. */
const canonical = (value: unknown): string =>
  JSON.stringify(value, (_key, item: unknown) =>
    item && typeof item === 'object' && !Array.isArray(item)
      ? Object.fromEntries(Object.entries(item).sort(([a], [b]) => a.localeCompare(b)))
      : item,
  );

/** The products whose current bill of materials names this material. */
export async function productsUsing(em: EntityManager, studioId: string, sku: string): Promise<string[]> {
  const heads = await em.find(BillOfMaterials, { studioId }, { filters: false });
  if (heads.length === 0) return [];
  const lines = await em.find(
    BomLine,
    { studioId, sku, $or: heads.map((head) => ({ productCode: head.productCode, version: head.version })) },
    { filters: false },
  );
  return lines.map((line) => line.productCode).sort();
}
