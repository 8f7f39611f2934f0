import { SUPPLY_EVENTS } from '../../contracts';
import type { RequestContext } from '../../platform/access/context';
import { forUpdate } from '../../platform/data/database';
import { badInput, notFound } from '../../platform/base/errors';
import { recordEvent } from '../../platform/events/outbox';
import { newId, requireEnterpriseId } from '../../platform/data/ids';
import { inTransaction } from '../../platform/data/transactions';
import { Material } from './entities/material';
import { StockLot } from './entities/stock';
import { Supplier } from './entities/supplier';
import type { InventoryItemInput } from './inputs';
import { MaterialLedger, SOURCE } from './material-ledger';

const MAX_BATCH_ITEMS = 1000;
const CODE = /^[A-Z0-9][\w.-]{0,79}$/i;

/** Why an item of a batch was refused, stable for clients to word in their reader's language. */
export type ItemProblemCode = 'INVALID_SKU' | 'INVALID_LOT' | 'ON_HAND' | 'UNIT_COST' | 'DUPLICATE' | 'UNKNOWN_SKU' | 'LOT_OF_OTHER_SKU';

export interface ItemProblem {
  index: number;
  sku: string;
  lotCode: string;
  /** The rule, as a stable code (the message in `reason` is the hub's English, for logs and support). */
  code: ItemProblemCode;
  reason: string;
}

export interface PublicationResult {
  supplierId: string;
  sequence: number;
  applied: number;
  stale: { sku: string; lotCode: string; appliedSequence: number }[];
}

/**
 * A supplier's inventory publications. A batch applies atomically, or not at all when any item
 * is invalid. Each lot remembers the sequence that last set it: an item from an older (late or
 * retried) batch is skipped and reported stale, so stock never rolls back and a newer batch
 * never loses an older batch's other items.
 */
export class InventoryService {
  constructor(
    private readonly ledger = new MaterialLedger(),
    private readonly clock: () => Date = () => new Date(),
  ) {}

  async publishInventory(
    ctx: RequestContext<unknown>,
    supplierId: string,
    sequence: number,
    items: InventoryItemInput[],
  ): Promise<PublicationResult> {
    requireEnterpriseId(supplierId, 'supplierId');
    if (!Number.isInteger(sequence) || sequence < 1)
      throw badInput('sequence must be a positive whole number that grows with each batch', { field: 'sequence' });
    if (items.length === 0 || items.length > MAX_BATCH_ITEMS)
      throw badInput(`A batch holds 1 to ${MAX_BATCH_ITEMS} items; this one holds ${items.length}`, { field: 'items' });
    const problems: ItemProblem[] = [];
    const seen = new Set<string>();
    items.forEach((item, index) => {
      const problem = (code: ItemProblemCode, reason: string) =>
        problems.push({ index, sku: item.sku, lotCode: item.lotCode, code, reason });
      if (!CODE.test(item.sku)) problem('INVALID_SKU', 'sku is not a valid code');
      if (!CODE.test(item.lotCode)) problem('INVALID_LOT', 'lotCode is not a valid code');
      if (!Number.isInteger(item.onHand) || item.onHand < 0) problem('ON_HAND', 'onHand must be a whole number, zero or more');
      if (item.unitCostCents != null && (!Number.isInteger(item.unitCostCents) || item.unitCostCents < 0))
        problem('UNIT_COST', 'unitCostCents must be a whole number, zero or more');
      const key = `${item.sku}\u0000${item.lotCode}`;
      if (seen.has(key)) problem('DUPLICATE', 'the same sku and lot appear twice in this batch');
      seen.add(key);
    });
    rejectIf(problems);

    return inTransaction(ctx, async (em) => {
      // The supplier row serialises this supplier's batches; lots are locked before anything changes.
      const supplier = await em.findOne(Supplier, { id: supplierId }, { filters: false, ...forUpdate(em) });
      if (!supplier) throw notFound('Supplier', supplierId);
      const skus = [...new Set(items.map((item) => item.sku))];
      // A SKU some studio catalogues (suppliers publish network stock under the studios' SKUs).
      const known = new Set(
        (await em.find(Material, { sku: { $in: skus } }, { filters: false, fields: ['sku'] })).map((material) => material.sku),
      );
      const lots = await this.ledger.lockLots(em, skus);
      const existingLots = await em.find(StockLot, { supplierId, lotCode: { $in: items.map((item) => item.lotCode) } }, { filters: false });
      const lotByCode = new Map(existingLots.map((lot) => [lot.lotCode, lot]));
      items.forEach((item, index) => {
        if (!known.has(item.sku))
          problems.push({ index, sku: item.sku, lotCode: item.lotCode, code: 'UNKNOWN_SKU', reason: `unknown sku "${item.sku}"` });
        const lot = lotByCode.get(item.lotCode);
        if (lot && lot.sku !== item.sku)
          problems.push({
            index,
            sku: item.sku,
            lotCode: item.lotCode,
            code: 'LOT_OF_OTHER_SKU',
            reason: `lot "${item.lotCode}" is already a lot of ${lot.sku}`,
          });
      });
      rejectIf(problems);

      const now = this.clock();
      const stale: PublicationResult['stale'] = [];
      const changedSkus = new Set<string>();
      for (const item of items) {
        const lot = lotByCode.get(item.lotCode);
        if (lot && lot.lastSequence >= sequence) {
          stale.push({ sku: item.sku, lotCode: item.lotCode, appliedSequence: lot.lastSequence });
          continue;
        }
        changedSkus.add(item.sku);
        if (lot) {
          lot.onHand = item.onHand;
          lot.lastSequence = sequence;
          if (item.unitCostCents != null) lot.unitCostCents = item.unitCostCents;
        } else {
          const created = em.create(StockLot, {
            id: newId('lot', now.getTime()),
            supplierId,
            sku: item.sku,
            lotCode: item.lotCode,
            receivedAt: item.receivedAt ?? now,
            onHand: item.onHand,
            reserved: 0,
            unitCostCents: item.unitCostCents ?? null,
            lastSequence: sequence,
          });
          em.persist(created);
          lots.push(created);
        }
      }
      supplier.lastSequence = Math.max(supplier.lastSequence, sequence);
      for (const sku of items.map((item) => item.sku)) if (!supplier.skus.includes(sku)) supplier.skus = [...supplier.skus, sku];
      const applied = items.length - stale.length;
      recordEvent(em, SOURCE, {
        type: SUPPLY_EVENTS.INVENTORY_PUBLISHED,
        subject: { type: 'Supplier', id: supplierId },
        actor: ctx.actor,
        occurredAt: now,
        payload: { supplierId, sequence, applied, stale: stale.length, skus: [...changedSkus] },
      });
      await em.flush();
      await this.ledger.settle(em, lots, [...changedSkus], ctx.actor);
      return { supplierId, sequence, applied, stale };
    });
  }
}

function rejectIf(problems: ItemProblem[]): void {
  if (problems.length === 0) return;
  throw badInput(`The batch was rejected: ${problems.length} invalid item(s), nothing applied`, {
    field: 'items',
    items: problems.sort((a, b) => a.index - b.index),
  });
}
