import { buildFederatedSchema } from '../../platform/graphql/build-schema';
import { ProcessedEvent } from '../../platform/events/consumer';
import { OutboxEvent } from '../../platform/events/outbox';
import type { SubgraphDefinition } from '../../platform/runtime/subgraph';
import { IdempotencyRecord } from '../../platform/data/transactions';
import { suppliersAccess } from './access-policy';
import { seedDemoSuppliers } from './demo-suppliers';
import { BillOfMaterials, BomLine, Material } from './entities/material';
import { OrderMaterial, OrderSupply } from './entities/order-supply';
import { PurchaseOrder } from './entities/purchase-order';
import { EnterpriseSupply } from './entities/references';
import { Reservation, StockLot } from './entities/stock';
import { StudioSupplier } from './entities/studio-supplier';
import { Supplier } from './entities/supplier';
import { TracedProduct } from './entities/traced-product';
import { ProductStoryOrigins, ProductStoryOriginsResolver } from './product-story.resolver';
import { EnterpriseSupplyResolver, InventoryLiveResolver, InventoryResolver, SupplierResolver } from './inventory.resolver';
import type { SupplierLoaders } from './loaders';
import { createSupplierLoaders } from './loaders';
import { suppliersMigrations } from './migrations';
import { resolveEnterpriseSupplyReference, resolveOrderSupplyReference, resolveProductStoryOriginsReference } from './order.reference';
import { orderEventsConsumer } from './order-events';
import { relationshipEventsConsumer } from './relationship-events';
import { OrderMaterialResolver, OrderSupplyResolver, PurchaseOrderResolver } from './order-materials.resolver';
import { SupplyEventResolver } from './supply-event.resolver';
import { BillOfMaterialsResolver, MaterialCatalogueResolver, MaterialImportResolver } from './material-catalogue.resolver';

/** Suppliers, their published stock, the hub's reservations for orders, purchase orders. */
export const suppliersSubgraph: SubgraphDefinition<SupplierLoaders> = {
  name: 'suppliers',
  defaultPort: 4004,
  database: {
    entities: [
      Supplier,
      StudioSupplier,
      Material,
      BillOfMaterials,
      BomLine,
      StockLot,
      Reservation,
      OrderSupply,
      OrderMaterial,
      PurchaseOrder,
      TracedProduct,
      IdempotencyRecord,
      OutboxEvent,
      ProcessedEvent,
    ],
    migrations: suppliersMigrations,
  },
  access: suppliersAccess,
  buildSchema: () =>
    buildFederatedSchema(
      'suppliers',
      suppliersAccess,
      {
        resolvers: [
          InventoryResolver,
          InventoryLiveResolver,
          EnterpriseSupplyResolver,
          SupplierResolver,
          OrderSupplyResolver,
          OrderMaterialResolver,
          PurchaseOrderResolver,
          ProductStoryOriginsResolver,
          SupplyEventResolver,
          MaterialCatalogueResolver,
          BillOfMaterialsResolver,
          MaterialImportResolver,
        ],
        orphanedTypes: [OrderSupply, EnterpriseSupply, Reservation, ProductStoryOrigins],
      },
      {
        Order: { __resolveReference: resolveOrderSupplyReference },
        Enterprise: { __resolveReference: resolveEnterpriseSupplyReference },
        ProductStory: { __resolveReference: resolveProductStoryOriginsReference },
      },
    ),
  createLoaders: createSupplierLoaders,
  consumers: [orderEventsConsumer, relationshipEventsConsumer],
  seed: (runtime) => seedDemoSuppliers(runtime.systemContext()),
};
