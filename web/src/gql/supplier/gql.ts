/* eslint-disable */
import * as types from './graphql';
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';

/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "\n  query SupplierOwnTerms {\n    supplierRelationships {\n      studioId\n      tier\n      annualVolumeYuan\n      flexibleBandPercent\n      since\n      studio {\n        nameZh\n        nameEn\n      }\n    }\n  }\n": typeof types.SupplierOwnTermsDocument,
    "\n  query SupplierEnterpriseProfile($id: ID!) {\n    enterprise(id: $id) {\n      id\n      kind\n      nameZh\n      nameEn\n      region\n      gln\n      status\n    }\n  }\n": typeof types.SupplierEnterpriseProfileDocument,
    "\n  mutation ChangeSupplierEnterprise($id: ID!, $input: EnterpriseChangeInput!, $key: String!) {\n    changeEnterprise(id: $id, input: $input, idempotencyKey: $key) {\n      id\n      nameZh\n      nameEn\n      region\n      gln\n      status\n    }\n  }\n": typeof types.ChangeSupplierEnterpriseDocument,
    "\n  query SupplierDesk($supplierId: ID!) {\n    enterprise(id: $supplierId) {\n      id\n      nameZh\n      nameEn\n      supplier {\n        lastSequence\n        skus\n      }\n    }\n    stockLots(supplierId: $supplierId) {\n      id\n      sku\n      lotCode\n      onHand\n      reserved\n      unitCostCents\n      receivedAt\n      lastSequence\n    }\n    materials {\n      sku\n      name\n      unit\n    }\n    purchaseOrders {\n      id\n      status\n      expectedAt\n      placedAt\n      confirmedAt\n      shippedAt\n      shippedLots {\n        sku\n        lotCode\n        quantity\n      }\n      studio {\n        nameZh\n        nameEn\n      }\n      lines {\n        sku\n        quantity\n      }\n    }\n  }\n": typeof types.SupplierDeskDocument,
    "\n  mutation PublishInventory($supplierId: ID!, $sequence: Int!, $items: [InventoryItemInput!]!) {\n    publishInventory(supplierId: $supplierId, sequence: $sequence, items: $items) {\n      sequence\n      applied\n      stale {\n        sku\n        lotCode\n        appliedSequence\n      }\n    }\n  }\n": typeof types.PublishInventoryDocument,
    "\n  mutation ConfirmPurchaseOrder($id: ID!) {\n    confirmPurchaseOrder(purchaseOrderId: $id) {\n      id\n      status\n      confirmedAt\n    }\n  }\n": typeof types.ConfirmPurchaseOrderDocument,
    "\n  mutation ShipPurchaseOrder($id: ID!, $input: ShipPurchaseOrderInput!, $key: String!) {\n    shipPurchaseOrder(purchaseOrderId: $id, input: $input, idempotencyKey: $key) {\n      id\n      status\n      shippedAt\n      shippedLots {\n        sku\n        lotCode\n        quantity\n      }\n    }\n  }\n": typeof types.ShipPurchaseOrderDocument,
};
const documents: Documents = {
    "\n  query SupplierOwnTerms {\n    supplierRelationships {\n      studioId\n      tier\n      annualVolumeYuan\n      flexibleBandPercent\n      since\n      studio {\n        nameZh\n        nameEn\n      }\n    }\n  }\n": types.SupplierOwnTermsDocument,
    "\n  query SupplierEnterpriseProfile($id: ID!) {\n    enterprise(id: $id) {\n      id\n      kind\n      nameZh\n      nameEn\n      region\n      gln\n      status\n    }\n  }\n": types.SupplierEnterpriseProfileDocument,
    "\n  mutation ChangeSupplierEnterprise($id: ID!, $input: EnterpriseChangeInput!, $key: String!) {\n    changeEnterprise(id: $id, input: $input, idempotencyKey: $key) {\n      id\n      nameZh\n      nameEn\n      region\n      gln\n      status\n    }\n  }\n": types.ChangeSupplierEnterpriseDocument,
    "\n  query SupplierDesk($supplierId: ID!) {\n    enterprise(id: $supplierId) {\n      id\n      nameZh\n      nameEn\n      supplier {\n        lastSequence\n        skus\n      }\n    }\n    stockLots(supplierId: $supplierId) {\n      id\n      sku\n      lotCode\n      onHand\n      reserved\n      unitCostCents\n      receivedAt\n      lastSequence\n    }\n    materials {\n      sku\n      name\n      unit\n    }\n    purchaseOrders {\n      id\n      status\n      expectedAt\n      placedAt\n      confirmedAt\n      shippedAt\n      shippedLots {\n        sku\n        lotCode\n        quantity\n      }\n      studio {\n        nameZh\n        nameEn\n      }\n      lines {\n        sku\n        quantity\n      }\n    }\n  }\n": types.SupplierDeskDocument,
    "\n  mutation PublishInventory($supplierId: ID!, $sequence: Int!, $items: [InventoryItemInput!]!) {\n    publishInventory(supplierId: $supplierId, sequence: $sequence, items: $items) {\n      sequence\n      applied\n      stale {\n        sku\n        lotCode\n        appliedSequence\n      }\n    }\n  }\n": types.PublishInventoryDocument,
    "\n  mutation ConfirmPurchaseOrder($id: ID!) {\n    confirmPurchaseOrder(purchaseOrderId: $id) {\n      id\n      status\n      confirmedAt\n    }\n  }\n": types.ConfirmPurchaseOrderDocument,
    "\n  mutation ShipPurchaseOrder($id: ID!, $input: ShipPurchaseOrderInput!, $key: String!) {\n    shipPurchaseOrder(purchaseOrderId: $id, input: $input, idempotencyKey: $key) {\n      id\n      status\n      shippedAt\n      shippedLots {\n        sku\n        lotCode\n        quantity\n      }\n    }\n  }\n": types.ShipPurchaseOrderDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 *
 *
 * @example
 * ```ts
 * const query = graphql(`query GetUser($id: ID!) { user(id: $id) { name } }`);
 * ```
 *
 * The query argument is unknown!
 * Please regenerate the types.
 */
export function graphql(source: string): unknown;

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query SupplierOwnTerms {\n    supplierRelationships {\n      studioId\n      tier\n      annualVolumeYuan\n      flexibleBandPercent\n      since\n      studio {\n        nameZh\n        nameEn\n      }\n    }\n  }\n"): (typeof documents)["\n  query SupplierOwnTerms {\n    supplierRelationships {\n      studioId\n      tier\n      annualVolumeYuan\n      flexibleBandPercent\n      since\n      studio {\n        nameZh\n        nameEn\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query SupplierEnterpriseProfile($id: ID!) {\n    enterprise(id: $id) {\n      id\n      kind\n      nameZh\n      nameEn\n      region\n      gln\n      status\n    }\n  }\n"): (typeof documents)["\n  query SupplierEnterpriseProfile($id: ID!) {\n    enterprise(id: $id) {\n      id\n      kind\n      nameZh\n      nameEn\n      region\n      gln\n      status\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ChangeSupplierEnterprise($id: ID!, $input: EnterpriseChangeInput!, $key: String!) {\n    changeEnterprise(id: $id, input: $input, idempotencyKey: $key) {\n      id\n      nameZh\n      nameEn\n      region\n      gln\n      status\n    }\n  }\n"): (typeof documents)["\n  mutation ChangeSupplierEnterprise($id: ID!, $input: EnterpriseChangeInput!, $key: String!) {\n    changeEnterprise(id: $id, input: $input, idempotencyKey: $key) {\n      id\n      nameZh\n      nameEn\n      region\n      gln\n      status\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query SupplierDesk($supplierId: ID!) {\n    enterprise(id: $supplierId) {\n      id\n      nameZh\n      nameEn\n      supplier {\n        lastSequence\n        skus\n      }\n    }\n    stockLots(supplierId: $supplierId) {\n      id\n      sku\n      lotCode\n      onHand\n      reserved\n      unitCostCents\n      receivedAt\n      lastSequence\n    }\n    materials {\n      sku\n      name\n      unit\n    }\n    purchaseOrders {\n      id\n      status\n      expectedAt\n      placedAt\n      confirmedAt\n      shippedAt\n      shippedLots {\n        sku\n        lotCode\n        quantity\n      }\n      studio {\n        nameZh\n        nameEn\n      }\n      lines {\n        sku\n        quantity\n      }\n    }\n  }\n"): (typeof documents)["\n  query SupplierDesk($supplierId: ID!) {\n    enterprise(id: $supplierId) {\n      id\n      nameZh\n      nameEn\n      supplier {\n        lastSequence\n        skus\n      }\n    }\n    stockLots(supplierId: $supplierId) {\n      id\n      sku\n      lotCode\n      onHand\n      reserved\n      unitCostCents\n      receivedAt\n      lastSequence\n    }\n    materials {\n      sku\n      name\n      unit\n    }\n    purchaseOrders {\n      id\n      status\n      expectedAt\n      placedAt\n      confirmedAt\n      shippedAt\n      shippedLots {\n        sku\n        lotCode\n        quantity\n      }\n      studio {\n        nameZh\n        nameEn\n      }\n      lines {\n        sku\n        quantity\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation PublishInventory($supplierId: ID!, $sequence: Int!, $items: [InventoryItemInput!]!) {\n    publishInventory(supplierId: $supplierId, sequence: $sequence, items: $items) {\n      sequence\n      applied\n      stale {\n        sku\n        lotCode\n        appliedSequence\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation PublishInventory($supplierId: ID!, $sequence: Int!, $items: [InventoryItemInput!]!) {\n    publishInventory(supplierId: $supplierId, sequence: $sequence, items: $items) {\n      sequence\n      applied\n      stale {\n        sku\n        lotCode\n        appliedSequence\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ConfirmPurchaseOrder($id: ID!) {\n    confirmPurchaseOrder(purchaseOrderId: $id) {\n      id\n      status\n      confirmedAt\n    }\n  }\n"): (typeof documents)["\n  mutation ConfirmPurchaseOrder($id: ID!) {\n    confirmPurchaseOrder(purchaseOrderId: $id) {\n      id\n      status\n      confirmedAt\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ShipPurchaseOrder($id: ID!, $input: ShipPurchaseOrderInput!, $key: String!) {\n    shipPurchaseOrder(purchaseOrderId: $id, input: $input, idempotencyKey: $key) {\n      id\n      status\n      shippedAt\n      shippedLots {\n        sku\n        lotCode\n        quantity\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation ShipPurchaseOrder($id: ID!, $input: ShipPurchaseOrderInput!, $key: String!) {\n    shipPurchaseOrder(purchaseOrderId: $id, input: $input, idempotencyKey: $key) {\n      id\n      status\n      shippedAt\n      shippedLots {\n        sku\n        lotCode\n        quantity\n      }\n    }\n  }\n"];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;