import type { EntityManager } from '@mikro-orm/core';
import type { Viewer } from '../../platform/access/viewer';
import { StudioSupplier } from './entities/studio-supplier';
import { Supplier, SUPPLIER_TIERS } from './entities/supplier';

/**
 * The studios that name this supplier today (an ended relationship names it no more), once per
 * request. Asked from inside a row filter, maybe within a transaction: the fork keeps it, or on
 * SQLite's one connection it would wait for the transaction to end.
 */
export function servedStudios(viewer: Viewer, em: EntityManager): Promise<string[]> {
  return viewer.remember('served-studios', async () =>
    (
      await em
        .fork({ keepTransactionContext: true })
        .find(StudioSupplier, { supplierId: viewer.org!, endedAt: null }, { filters: false, fields: ['studioId'] })
    ).map((row) => row.studioId),
  );
}

export interface NamedSupplier {
  supplier: Supplier;
  /** The studio's relationship with it: its tier, a primary's contract. */
  terms: StudioSupplier;
}

/**
 * The suppliers a studio names today, in the order it asks them: its primary first, then
 * secondary, then the emergency pool; the shorter lead time first within a tier.
 */
export async function namedSuppliers(em: EntityManager, studioId: string): Promise<NamedSupplier[]> {
  const relationships = await em.find(StudioSupplier, { studioId, endedAt: null }, { filters: false });
  if (relationships.length === 0) return [];
  const suppliers = new Map(
    (await em.find(Supplier, { id: { $in: relationships.map((terms) => terms.supplierId) } }, { filters: false })).map((supplier) => [
      supplier.id,
      supplier,
    ]),
  );
  return relationships
    .filter((terms) => suppliers.has(terms.supplierId))
    .map((terms) => ({ supplier: suppliers.get(terms.supplierId)!, terms }))
    .sort(
      (a, b) =>
        SUPPLIER_TIERS.indexOf(a.terms.tier) - SUPPLIER_TIERS.indexOf(b.terms.tier) ||
        a.supplier.leadTimeDays - b.supplier.leadTimeDays ||
        a.supplier.id.localeCompare(b.supplier.id),
    );
}

/** Those of them that supply a material. */
export const supplying = (named: readonly NamedSupplier[], sku: string): NamedSupplier[] =>
  named.filter(({ supplier }) => supplier.skus.includes(sku));
