import type { EntityManager } from '@mikro-orm/core';
import { BillOfMaterials, BomLine } from './entities/material';

/** The lines of a bill's current version (or of another version), by SKU. */
export function currentLines(em: EntityManager, head: BillOfMaterials, version = head.version): Promise<BomLine[]> {
  return em.find(BomLine, { studioId: head.studioId, productCode: head.productCode, version }, { orderBy: { sku: 'asc' }, filters: false });
}

/** The current lines of these products' bills of one studio (what a new order reserves by). */
export async function currentBillsOf(em: EntityManager, studioId: string, productCodes: readonly string[]): Promise<BomLine[]> {
  if (productCodes.length === 0) return [];
  const heads = await em.find(BillOfMaterials, { studioId, productCode: { $in: [...new Set(productCodes)] } }, { filters: false });
  if (heads.length === 0) return [];
  return em.find(
    BomLine,
    { studioId, $or: heads.map((head) => ({ productCode: head.productCode, version: head.version })) },
    { orderBy: [{ productCode: 'asc' }, { sku: 'asc' }], filters: false },
  );
}
