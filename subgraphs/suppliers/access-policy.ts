import type { EntityManager, FilterQuery } from '@mikro-orm/core';
import { lowerTier, STUDIO_LEADS, STUDIO_STAFF, type VisibilityTier } from '../../contracts';
import type { AccessPolicy } from '../../platform/access/policy';
import { STUDIO_ONLY } from '../../platform/access/policy';
import type { Viewer } from '../../platform/access/viewer';
import type { Material } from './entities/material';
import { materialOf } from './loaders';
import { OrderSupply } from './entities/order-supply';
import { Supplier } from './entities/supplier';
import { servedStudios } from './studio-suppliers';

/**
 * Who sees what of inventory. The catalogue and suppliers' terms are network directory data.
 * Published stock is shared with every studio's staff (they plan with it) and with the supplier
 * it belongs to; purchase orders with the studio that placed them and the supplier they went to.
 * A supplier sees a studio's part (its materials, the stock it received, its purchase orders)
 * only while the studio names it as a supplier (studio-suppliers.ts, fed by the network's events).
 * An order's materials are its studio's, and its customer's at BASIC (the lots from DETAILED);
 * what they cost never leaves the studio.
 */

/** A customer's orders as this subgraph learnt them, each at the tier the studio allows. */
async function customerOrders(viewer: Viewer, em: EntityManager): Promise<Map<string, VisibilityTier>> {
  const customer = viewer.principal!.customer!;
  const orders = await em.find(OrderSupply, { id: { $in: [...customer.orders] } }, { filters: false });
  return new Map(orders.map((order) => [order.id, lowerTier(customer.tier, order.customerTierMax)]));
}

/** A studio's own terms for a material (cost, safety stock, class, policy, substitutes): never another enterprise's to read. */
const STUDIO_TERMS = { hub: true };

const INVENTORY_READERS = [...STUDIO_STAFF, 'HUB_ADMIN', 'SUPPLIER'] as const;

/**
 * Which studio materials a viewer may list (of one studio, when given): a studio's staff its
 * own, a supplier those it supplies (the SKUs of its terms, never the studio's other suppliers'
 * materials) of the studios that name it, hub admins all; anyone else none. Null: none at all.
 */
export async function materialScope(viewer: Viewer, em: EntityManager, studioId?: string): Promise<FilterQuery<Material> | null> {
  const ofStudio = studioId ? { studioId } : {};
  if (viewer.system || viewer.isHubAdmin) return ofStudio;
  if (viewer.org && viewer.has(STUDIO_STAFF)) return studioId && studioId !== viewer.org ? null : { studioId: viewer.org };
  if (viewer.org && viewer.has(['SUPPLIER'])) {
    const supplier = await em.findOne(Supplier, { id: viewer.org }, { filters: false });
    const studios = (await servedStudios(viewer, em)).filter((studio) => !studioId || studio === studioId);
    return supplier && studios.length ? { studioId: { $in: studios }, sku: { $in: supplier.skus } } : null;
  }
  return null;
}

/**
 * Which of a SKU's materials (one per studio) answers for it: the viewer's studio's, else the
 * first studio's (network stock), but for a supplier only one of a studio that names it.
 */
export async function materialFor(viewer: Viewer, em: EntityManager, materials: readonly Material[]): Promise<Material | null> {
  if (viewer.system || viewer.isHubAdmin || viewer.has(STUDIO_STAFF) || !viewer.has(['SUPPLIER'])) return materialOf(materials, viewer.org);
  const studios = await servedStudios(viewer, em);
  return materialOf(materials.filter((material) => studios.includes(material.studioId)));
}

/** A studio's master data: its staff read it (hub admins too), its leads change it. */
const MASTER_DATA_READERS = {
  roles: [...STUDIO_STAFF, 'HUB_ADMIN'] as const,
  actsFor: (args: Record<string, unknown>) => args.studioId as string,
};
const MASTER_DATA_EDITORS = { roles: STUDIO_LEADS, actsFor: (args: Record<string, unknown>) => args.studioId as string };

export const suppliersAccess: AccessPolicy = {
  customerOrders,
  operations: {
    // Rows: materialScope (a studio's staff their own, a supplier what it supplies, hub admins all).
    'Query.materials': 'AUTHENTICATED',
    'Query.studioMaterials': INVENTORY_READERS,
    'Query.productBillOfMaterials': MASTER_DATA_READERS,
    'Query.studioBillsOfMaterials': MASTER_DATA_READERS,
    'Query.safetyStockSuggestion': MASTER_DATA_READERS,
    'Mutation.upsertMaterial': MASTER_DATA_EDITORS,
    'Mutation.retireMaterial': MASTER_DATA_EDITORS,
    'Mutation.acceptSafetyStockSuggestion': MASTER_DATA_EDITORS,
    'Mutation.setBillOfMaterials': MASTER_DATA_EDITORS,
    'Mutation.importMaterials': MASTER_DATA_EDITORS,
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
    // Anyone may name a material by SKU (suppliers publish stock under it, customers see its name on
    // their order); a studio's terms for it are its own and its hub admins'.
    Material: {
      public: true,
      ownership: { studio: 'studioId' },
      overrides: {
        abcClass: STUDIO_TERMS,
        unitCostCents: STUDIO_TERMS,
        safetyStock: STUDIO_TERMS,
        stockingPolicy: STUDIO_TERMS,
        substitutes: STUDIO_TERMS,
      },
    },
    // What a scanned product's story shows anyone: material names, lots and suppliers (no quantities or costs).
    ProductStory: { public: true },
    MaterialOrigin: { public: true },
    BomLine: { entity: 'BomLine', ownership: { studio: 'studioId' }, fields: { hub: true } },
    BillOfMaterials: { entity: 'BillOfMaterials', ownership: { studio: 'studioId' }, fields: { hub: true } },
    StockLot: {
      entity: 'StockLot',
      // A supplier's own lots, and those a studio that names it received from it.
      ownership: {
        anyStudio: true,
        supplier: async (viewer, em) => ({
          supplierId: viewer.org!,
          $or: [{ heldForStudioId: null }, { heldForStudioId: { $in: await servedStudios(viewer, em) } }],
        }),
      },
      fields: { hub: true, supplier: true },
    },
    PurchaseOrder: {
      entity: 'PurchaseOrder',
      ownership: {
        studio: 'studioId',
        supplier: async (viewer, em) => ({ supplierId: viewer.org!, studioId: { $in: await servedStudios(viewer, em) } }),
      },
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
