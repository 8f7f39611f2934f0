import type { EntityManager } from '@mikro-orm/core';
import { lowerTier, STUDIO_LEADS, STUDIO_STAFF, type VisibilityTier } from '../../contracts';
import type { AccessPolicy } from '../../platform/access/policy';
import { STUDIO_ONLY } from '../../platform/access/policy';
import type { Viewer } from '../../platform/access/viewer';
import { OrderSupply } from './entities/order-supply';

/**
 * Who sees what of inventory. The catalogue and suppliers' terms are network directory data.
 * Published stock is shared with every studio's staff (they plan with it) and with the supplier
 * it belongs to; purchase orders with the studio that placed them and the supplier they went to.
 * An order's materials are its studio's, and its customer's at BASIC (the lots from DETAILED);
 * what they cost never leaves the studio.
 */

/** A customer's orders as this subgraph learnt them, each at the tier the studio allows. */
async function customerOrders(viewer: Viewer, em: EntityManager): Promise<Map<string, VisibilityTier>> {
  const customer = viewer.principal!.customer!;
  const orders = await em.find(OrderSupply, { id: { $in: [...customer.orders] } }, { filters: false });
  return new Map(orders.map((order) => [order.id, lowerTier(customer.tier, order.customerTierMax)]));
}

const INVENTORY_READERS = [...STUDIO_STAFF, 'HUB_ADMIN', 'SUPPLIER'] as const;

export const suppliersAccess: AccessPolicy = {
  customerOrders,
  operations: {
    'Query.materials': 'AUTHENTICATED',
    'Query.materialStock': INVENTORY_READERS,
    // Served by the gateway, which also asks materialStock(sku) with the subscriber's token.
    'Subscription.inventoryChanges': INVENTORY_READERS,
    'Query.stockLots': INVENTORY_READERS,
    'Query.billOfMaterials': [...STUDIO_STAFF, 'HUB_ADMIN'],
    'Query.reorderSuggestions': { roles: STUDIO_LEADS, actsFor: (args) => args.studioId as string },
    'Query.purchaseOrders': INVENTORY_READERS,
    // Anyone's: its rows are the purchase orders' row rule and a supplier's own lots (resolver), so a partner or customer gets none.
    'Query.supplyVisibilityEvents': 'AUTHENTICATED',
    // A supplier's stock is its own to publish (hub admins read it; they write only the directory).
    'Mutation.publishInventory': { roles: ['SUPPLIER'], actsFor: (args) => args.supplierId as string },
    'Mutation.placePurchaseOrder': { roles: STUDIO_LEADS, actsFor: (args) => args.studioId as string },
    'Mutation.confirmPurchaseOrder': ['SUPPLIER'],
    'Mutation.shipPurchaseOrder': ['SUPPLIER'],
    'Mutation.receivePurchaseOrder': STUDIO_STAFF,
  },
  types: {
    Enterprise: { public: true },
    Supplier: { public: true },
    Material: { public: true },
    // What a scanned product's story shows anyone: material names, lots and suppliers (no quantities or costs).
    ProductStory: { public: true },
    MaterialOrigin: { public: true },
    BomLine: { entity: 'BomLine', ownership: { studio: 'studioId' }, fields: { hub: true } },
    StockLot: {
      entity: 'StockLot',
      ownership: { anyStudio: true, supplier: (viewer) => ({ supplierId: viewer.org! }) },
      fields: { hub: true, supplier: true },
    },
    PurchaseOrder: {
      entity: 'PurchaseOrder',
      ownership: { studio: 'studioId', supplier: (viewer) => ({ supplierId: viewer.org! }) },
      fields: { hub: true, supplier: true },
    },
    Order: {
      entity: 'OrderSupply',
      ownership: { studio: 'studioId', order: 'id', customerTier: 'BASIC' },
      fields: { hub: true, customer: 'BASIC' },
      overrides: { materialCostCents: STUDIO_ONLY, materialLots: { hub: true, customer: 'DETAILED' } },
    },
    OrderMaterial: {
      entity: 'OrderMaterial',
      ownership: { studio: 'studioId', order: 'orderId', customerTier: 'BASIC' },
      fields: { hub: true, customer: 'BASIC' },
    },
    MaterialReservation: {
      entity: 'Reservation',
      ownership: { studio: 'studioId', order: 'orderId', customerTier: 'DETAILED' },
      fields: { hub: true, customer: 'DETAILED' },
      overrides: { unitCostCents: STUDIO_ONLY },
    },
  },
};
