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
    material: loaderById(em, Material, 'sku'),
    materialsByOrder: loaderByParent(em, OrderMaterial, 'orderId', { sku: 'asc' }),
    reservationsByOrder: loaderByParent(em, Reservation, 'orderId', { createdAt: 'asc' }),
  };
}
export type SupplierLoaders = ReturnType<typeof createSupplierLoaders>;
