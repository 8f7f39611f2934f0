import type { EntityManager } from '@mikro-orm/core';
import { SUPPLY_EVENTS, VOCABULARY } from '../../contracts';
import type { RequestContext } from '../../platform/access/context';
import { badInput } from '../../platform/base/errors';
import { forUpdate } from '../../platform/data/database';
import { requireEnterpriseId } from '../../platform/data/ids';
import { idempotent, inTransaction } from '../../platform/data/transactions';
import { recordEvent } from '../../platform/events/outbox';
import { BillOfMaterials, BomLine, Material } from './entities/material';
import type { BomLineInput } from './inputs';
import { requireSku } from './material-catalogue.service';
import { currentLines } from './bill-lines';
import { SOURCE } from './material-ledger';

/** The bounds of a bill of materials. */
export const BOM_LIMITS = Object.freeze({ lines: 200, productCode: 80, maxQuantityPerUnit: 10_000_000 });

/** A product code as the studio's catalogue (or its shop) names it: letters of any script, digits, ".", "_", "-". */
const PRODUCT_CODE = /^[\p{L}\p{N}][\p{L}\p{N}._-]*$/u;

export function requireProductCode(productCode: string, field = 'productCode'): string {
  if (productCode.length === 0 || productCode.length > BOM_LIMITS.productCode || !PRODUCT_CODE.test(productCode))
    throw badInput(`${field} must be 1 to ${BOM_LIMITS.productCode} letters, digits, ".", "_" or "-"`, { field });
  return productCode;
}

/** A stage code of the vocabulary: a standard one, or an extension registered by this studio. */
function isStageCodeOf(studioId: string, code: string): boolean {
  const entry = VOCABULARY.findStatus(code);
  return entry !== undefined && (entry.enterpriseId === undefined || entry.enterpriseId === studioId);
}

/** Refuses the whole bill at its first bad line, naming the field (`lines[2].stageCode`) and a stable reason. */
export function checkLines(studioId: string, lines: readonly BomLineInput[]): void {
  if (lines.length > BOM_LIMITS.lines)
    throw badInput(`lines: a bill of materials holds at most ${BOM_LIMITS.lines} lines; this one holds ${lines.length}`, {
      field: 'lines',
      reason: 'TOO_MANY_LINES',
    });
  const seen = new Set<string>();
  lines.forEach((line, index) => {
    const field = `lines[${index}]`;
    requireSku(line.sku, `${field}.sku`);
    if (seen.has(line.sku))
      throw badInput(`${field}.sku: ${line.sku} appears twice`, { field: `${field}.sku`, reason: 'DUPLICATE_MATERIAL' });
    seen.add(line.sku);
    if (!Number.isInteger(line.quantityPerUnit) || line.quantityPerUnit < 1 || line.quantityPerUnit > BOM_LIMITS.maxQuantityPerUnit)
      throw badInput(`${field}.quantityPerUnit must be a whole number from 1 to ${BOM_LIMITS.maxQuantityPerUnit}`, {
        field: `${field}.quantityPerUnit`,
        reason: 'QUANTITY',
      });
    if (line.stageCode.length > 20 || !isStageCodeOf(studioId, line.stageCode))
      throw badInput(`${field}.stageCode: "${line.stageCode.slice(0, 20)}" is not a stage code of the vocabulary`, {
        field: `${field}.stageCode`,
        reason: 'UNKNOWN_STAGE_CODE',
      });
  });
}

/**
 * Products' bills of materials, set whole: each setting that changes anything is a new version,
 * which orders imported from then on reserve by; orders imported before keep what they reserved.
 */
export class BillOfMaterialsService {
  constructor(private readonly clock: () => Date = () => new Date()) {}

  async set(
    ctx: RequestContext<unknown>,
    studioId: string,
    productCode: string,
    lines: BomLineInput[],
    idempotencyKey: string,
  ): Promise<BillOfMaterials> {
    requireEnterpriseId(studioId, 'studioId');
    requireProductCode(productCode);
    checkLines(studioId, lines);
    await inTransaction(ctx, (em) =>
      idempotent(em, ctx.viewer, 'setBillOfMaterials', idempotencyKey, { studioId, productCode, lines }, async () => {
        const materials = new Set(
          (await em.find(Material, { studioId, sku: { $in: lines.map((line) => line.sku) }, retiredAt: null }, { filters: false })).map(
            (material) => material.sku,
          ),
        );
        const unknown = lines.findIndex((line) => !materials.has(line.sku));
        if (unknown >= 0)
          throw badInput(`lines[${unknown}].sku: ${lines[unknown].sku} is not a material of ${studioId} (or it is retired)`, {
            field: `lines[${unknown}].sku`,
            reason: 'UNKNOWN_MATERIAL',
          });
        const head = await em.findOne(BillOfMaterials, { studioId, productCode }, { filters: false, ...forUpdate(em) });
        if (head && sameLines(await currentLines(em, head), lines)) return String(head.version);
        const now = this.clock();
        const version = writeVersion(em, studioId, productCode, head, lines, now);
        recordEvent(em, SOURCE, {
          type: SUPPLY_EVENTS.BOM_CHANGED,
          subject: { type: 'BillOfMaterials', id: `${studioId}/${productCode}` },
          actor: ctx.actor,
          occurredAt: now,
          payload: { studioId, productCode, version, lines: lines.length, skus: lines.map((line) => line.sku) },
        });
        await em.flush();
        return String(version);
      }),
    );
    return ctx.em.fork().findOneOrFail(BillOfMaterials, { studioId, productCode }, { filters: false });
  }
}

/** Writes the lines as the bill's next version (its head created or moved on); answers the version. No event: the caller writes it. */
export function writeVersion(
  em: EntityManager,
  studioId: string,
  productCode: string,
  head: BillOfMaterials | null,
  lines: readonly BomLineInput[],
  now: Date,
): number {
  const version = (head?.version ?? 0) + 1;
  for (const line of lines)
    em.persist(
      em.create(BomLine, {
        studioId,
        productCode,
        version,
        sku: line.sku,
        quantityPerUnit: line.quantityPerUnit,
        stageCode: line.stageCode,
      }),
    );
  if (head) Object.assign(head, { version, updatedAt: now });
  else em.persist(em.create(BillOfMaterials, { studioId, productCode, version, updatedAt: now }));
  return version;
}

export function sameLines(current: readonly BomLine[], lines: readonly BomLineInput[]): boolean {
  const key = (line: Pick<BomLine, 'sku' | 'quantityPerUnit' | 'stageCode'>) =>
    `${line.sku}\u0000${line.quantityPerUnit}\u0000${line.stageCode}`;
  const wanted = new Set(lines.map(key));
  return current.length === lines.length && current.every((line) => wanted.has(key(line)));
}
