import type { EntityManager } from '@mikro-orm/core';
import { loaderById, loaderByParent } from '../../platform/data/loaders';
import { Material } from './entities/material';
import { OrderMaterial, OrderSupply } from './entities/order-supply';
import { Reservation } from './entities/stock';
import { Supplier } from './entities/supplier';

export function createSupplierLoaders(em: EntityManager) {
  return {
    orderSupply: loaderById(em, OrderSupply),
    supplier: loaderById(em, Supplier),
    /** Every studio's material of a SKU, by studio id: pick one with `materialOf`. */
    materialsBySku: loaderByParent(em, Material, 'sku', { studioId: 'asc' }),
    materialsByOrder: loaderByParent(em, OrderMaterial, 'orderId', { sku: 'asc' }),
    reservationsByOrder: loaderByParent(em, Reservation, 'orderId', { createdAt: 'asc' }),
  };
}
export type SupplierLoaders = ReturnType<typeof createSupplierLoaders>;

/** A studio's own material of a SKU, else (a supplier's or the hub's view of network stock) the first studio's. */
export const materialOf = (materials: readonly Material[], studioId?: string | null): Material | null =>
  materials.find((material) => material.studioId === studioId) ?? materials[0] ?? null;
