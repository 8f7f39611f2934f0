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
    "\n  query Directory {\n    enterprises { id kind nameZh nameEn }\n  }\n": typeof types.DirectoryDocument,
    "\n  query EnterpriseName($id: ID!) {\n    enterprise(id: $id) { nameZh nameEn }\n  }\n": typeof types.EnterpriseNameDocument,
    "\n  query StudioOrder($id: ID!) {\n    order(id: $id) {\n      id productType status phase externalOrderId channel dueAt priceCents customerTierMax studio { id }\n      customer { name }\n      statusCode { code labelZh labelEn }\n      stages {\n        id position code status startedAt finishedAt dueAt operatorName operatorPenName qcCheckpoint qcResult qcNote\n        statusCode { code labelZh labelEn }\n        assignedTo { id nameZh nameEn }\n      }\n      exceptions { id status note reportedAt resolvedAt resolution code { code labelZh labelEn } }\n      cost { materialsCents labourCents overheadCents totalCents priceCents marginCents marginPercent }\n      eta { confidence delivery { likelyBefore } completion { likelyBefore } basis { method note } }\n      progress { id sequence type occurredAt note statusCode { labelZh labelEn } }\n      shipments { id carrier trackingNumber status }\n      materials { sku status material { name } }\n    }\n    customerLinks(orderId: $id) { id tier expiresAt revokedAt createdAt }\n    exceptionCodes { code labelZh labelEn }\n    enterprises(kind: PARTNER_STUDIO) { id nameZh nameEn }\n  }\n": typeof types.StudioOrderDocument,
    "mutation StartStage($id: ID!, $operator: OperatorInput) { startStage(stageRunId: $id, operator: $operator) { id status } }": typeof types.StartStageDocument,
    "mutation CompleteStage($id: ID!) { completeStage(stageRunId: $id) { id status } }": typeof types.CompleteStageDocument,
    "mutation RecordQc($id: ID!, $result: QcResult!, $note: String, $key: String!) { recordQcResult(stageRunId: $id, result: $result, note: $note, idempotencyKey: $key) { id qcResult } }": typeof types.RecordQcDocument,
    "mutation AssignStage($id: ID!, $enterpriseId: ID!, $key: String!) { assignStage(stageRunId: $id, enterpriseId: $enterpriseId, idempotencyKey: $key) { id assignedTo { id } } }": typeof types.AssignStageDocument,
    "mutation ReportException($orderId: ID!, $code: String!, $note: String, $key: String!) { reportException(orderId: $orderId, code: $code, note: $note, idempotencyKey: $key) { id } }": typeof types.ReportExceptionDocument,
    "mutation ResolveException($id: ID!, $resolution: String!, $key: String!) { resolveException(exceptionId: $id, resolution: $resolution, idempotencyKey: $key) { id status } }": typeof types.ResolveExceptionDocument,
    "mutation ChangeRoute($orderId: ID!, $steps: [RouteStepInput!]!, $key: String!) { changeRoute(orderId: $orderId, steps: $steps, idempotencyKey: $key) { id } }": typeof types.ChangeRouteDocument,
    "mutation CancelOrder($orderId: ID!, $reason: String!, $key: String!) { cancelOrder(orderId: $orderId, reason: $reason, idempotencyKey: $key) { id status } }": typeof types.CancelOrderDocument,
    "mutation AddShipment($orderId: ID!, $input: ShipmentInput!, $key: String!) { addShipment(orderId: $orderId, input: $input, idempotencyKey: $key) { id } }": typeof types.AddShipmentDocument,
    "mutation MintCustomerLink($orderId: ID!, $tier: VisibilityTier, $validDays: Int!, $key: String!) { mintCustomerLink(orderId: $orderId, tier: $tier, validDays: $validDays, idempotencyKey: $key) { url link { id tier expiresAt } } }": typeof types.MintCustomerLinkDocument,
    "mutation RevokeCustomerLink($linkId: ID!) { revokeCustomerLink(linkId: $linkId) { id revokedAt } }": typeof types.RevokeCustomerLinkDocument,
    "\n  query StudioDelayAlerts($studioId: ID!) {\n    delayAlerts(studioId: $studioId, status: OPEN) { id orderId threshold overrunPercent raisedAt customerResponse statusCode { code labelZh labelEn } }\n  }\n": typeof types.StudioDelayAlertsDocument,
    "\n  query StudioMaterials($studioId: ID!) {\n    reorderSuggestions(studioId: $studioId) {\n      sku quantity openDemand safetyGap onOrder supplierTier expectedAt\n      material { name unit }\n      supplier { id nameZh nameEn }\n    }\n    purchaseOrders { id status expectedAt placedAt supplier { nameZh nameEn } lines { sku quantity } }\n  }\n": typeof types.StudioMaterialsDocument,
    "\n  mutation PlacePurchaseOrder($studioId: ID!, $input: PlacePurchaseOrderInput!, $key: String!) {\n    placePurchaseOrder(studioId: $studioId, input: $input, idempotencyKey: $key) { id status }\n  }\n": typeof types.PlacePurchaseOrderDocument,
    "\n  mutation ReceivePurchaseOrder($id: ID!) { receivePurchaseOrder(purchaseOrderId: $id) { id status } }\n": typeof types.ReceivePurchaseOrderDocument,
    "\n  query StudioOverflow {\n    overflowRequests { id capability units status unmetUnits unmetReason dueDate createdAt }\n    allocations { id requestId enterpriseId capability day units status }\n  }\n": typeof types.StudioOverflowDocument,
    "\n  mutation DeclareDemandSurge($studioId: ID!, $capability: String!, $extraUnits: Int!, $window: DateWindowInput!, $key: String!) {\n    declareDemandSurge(studioId: $studioId, capability: $capability, extraUnits: $extraUnits, window: $window, idempotencyKey: $key) {\n      placedUnits unmetUnits unmetReason\n      placements { units enterprise { id nameZh nameEn } }\n    }\n  }\n": typeof types.DeclareDemandSurgeDocument,
    "\n  query StudioBoard($studioId: ID!) {\n    stageBoard(studioId: $studioId) {\n      overdueTotal generatedAt\n      studio { nameZh nameEn }\n      columns { code waiting inProgress blocked overdue delayed orderIds statusCode { code labelZh labelEn } }\n    }\n    enterprises { id nameZh nameEn }\n  }\n": typeof types.StudioBoardDocument,
    "\n  query StudioBoardOrders($studioId: ID!, $after: String) {\n    orders(studioId: $studioId, first: 40, after: $after) {\n      pageInfo { hasNextPage endCursor }\n      nodes {\n        id productType status dueAt materialRisk externalOrderId\n        stages { id code status dueAt assignedTo { id } }\n        delayAlerts { status }\n      }\n    }\n  }\n": typeof types.StudioBoardOrdersDocument,
    "\n  subscription StudioEvents($studioId: ID!, $after: String) {\n    studioEvents(studioId: $studioId, after: $after) { cursor type kind orderId }\n  }\n": typeof types.StudioEventsDocument,
};
const documents: Documents = {
    "\n  query Directory {\n    enterprises { id kind nameZh nameEn }\n  }\n": types.DirectoryDocument,
    "\n  query EnterpriseName($id: ID!) {\n    enterprise(id: $id) { nameZh nameEn }\n  }\n": types.EnterpriseNameDocument,
    "\n  query StudioOrder($id: ID!) {\n    order(id: $id) {\n      id productType status phase externalOrderId channel dueAt priceCents customerTierMax studio { id }\n      customer { name }\n      statusCode { code labelZh labelEn }\n      stages {\n        id position code status startedAt finishedAt dueAt operatorName operatorPenName qcCheckpoint qcResult qcNote\n        statusCode { code labelZh labelEn }\n        assignedTo { id nameZh nameEn }\n      }\n      exceptions { id status note reportedAt resolvedAt resolution code { code labelZh labelEn } }\n      cost { materialsCents labourCents overheadCents totalCents priceCents marginCents marginPercent }\n      eta { confidence delivery { likelyBefore } completion { likelyBefore } basis { method note } }\n      progress { id sequence type occurredAt note statusCode { labelZh labelEn } }\n      shipments { id carrier trackingNumber status }\n      materials { sku status material { name } }\n    }\n    customerLinks(orderId: $id) { id tier expiresAt revokedAt createdAt }\n    exceptionCodes { code labelZh labelEn }\n    enterprises(kind: PARTNER_STUDIO) { id nameZh nameEn }\n  }\n": types.StudioOrderDocument,
    "mutation StartStage($id: ID!, $operator: OperatorInput) { startStage(stageRunId: $id, operator: $operator) { id status } }": types.StartStageDocument,
    "mutation CompleteStage($id: ID!) { completeStage(stageRunId: $id) { id status } }": types.CompleteStageDocument,
    "mutation RecordQc($id: ID!, $result: QcResult!, $note: String, $key: String!) { recordQcResult(stageRunId: $id, result: $result, note: $note, idempotencyKey: $key) { id qcResult } }": types.RecordQcDocument,
    "mutation AssignStage($id: ID!, $enterpriseId: ID!, $key: String!) { assignStage(stageRunId: $id, enterpriseId: $enterpriseId, idempotencyKey: $key) { id assignedTo { id } } }": types.AssignStageDocument,
    "mutation ReportException($orderId: ID!, $code: String!, $note: String, $key: String!) { reportException(orderId: $orderId, code: $code, note: $note, idempotencyKey: $key) { id } }": types.ReportExceptionDocument,
    "mutation ResolveException($id: ID!, $resolution: String!, $key: String!) { resolveException(exceptionId: $id, resolution: $resolution, idempotencyKey: $key) { id status } }": types.ResolveExceptionDocument,
    "mutation ChangeRoute($orderId: ID!, $steps: [RouteStepInput!]!, $key: String!) { changeRoute(orderId: $orderId, steps: $steps, idempotencyKey: $key) { id } }": types.ChangeRouteDocument,
    "mutation CancelOrder($orderId: ID!, $reason: String!, $key: String!) { cancelOrder(orderId: $orderId, reason: $reason, idempotencyKey: $key) { id status } }": types.CancelOrderDocument,
    "mutation AddShipment($orderId: ID!, $input: ShipmentInput!, $key: String!) { addShipment(orderId: $orderId, input: $input, idempotencyKey: $key) { id } }": types.AddShipmentDocument,
    "mutation MintCustomerLink($orderId: ID!, $tier: VisibilityTier, $validDays: Int!, $key: String!) { mintCustomerLink(orderId: $orderId, tier: $tier, validDays: $validDays, idempotencyKey: $key) { url link { id tier expiresAt } } }": types.MintCustomerLinkDocument,
    "mutation RevokeCustomerLink($linkId: ID!) { revokeCustomerLink(linkId: $linkId) { id revokedAt } }": types.RevokeCustomerLinkDocument,
    "\n  query StudioDelayAlerts($studioId: ID!) {\n    delayAlerts(studioId: $studioId, status: OPEN) { id orderId threshold overrunPercent raisedAt customerResponse statusCode { code labelZh labelEn } }\n  }\n": types.StudioDelayAlertsDocument,
    "\n  query StudioMaterials($studioId: ID!) {\n    reorderSuggestions(studioId: $studioId) {\n      sku quantity openDemand safetyGap onOrder supplierTier expectedAt\n      material { name unit }\n      supplier { id nameZh nameEn }\n    }\n    purchaseOrders { id status expectedAt placedAt supplier { nameZh nameEn } lines { sku quantity } }\n  }\n": types.StudioMaterialsDocument,
    "\n  mutation PlacePurchaseOrder($studioId: ID!, $input: PlacePurchaseOrderInput!, $key: String!) {\n    placePurchaseOrder(studioId: $studioId, input: $input, idempotencyKey: $key) { id status }\n  }\n": types.PlacePurchaseOrderDocument,
    "\n  mutation ReceivePurchaseOrder($id: ID!) { receivePurchaseOrder(purchaseOrderId: $id) { id status } }\n": types.ReceivePurchaseOrderDocument,
    "\n  query StudioOverflow {\n    overflowRequests { id capability units status unmetUnits unmetReason dueDate createdAt }\n    allocations { id requestId enterpriseId capability day units status }\n  }\n": types.StudioOverflowDocument,
    "\n  mutation DeclareDemandSurge($studioId: ID!, $capability: String!, $extraUnits: Int!, $window: DateWindowInput!, $key: String!) {\n    declareDemandSurge(studioId: $studioId, capability: $capability, extraUnits: $extraUnits, window: $window, idempotencyKey: $key) {\n      placedUnits unmetUnits unmetReason\n      placements { units enterprise { id nameZh nameEn } }\n    }\n  }\n": types.DeclareDemandSurgeDocument,
    "\n  query StudioBoard($studioId: ID!) {\n    stageBoard(studioId: $studioId) {\n      overdueTotal generatedAt\n      studio { nameZh nameEn }\n      columns { code waiting inProgress blocked overdue delayed orderIds statusCode { code labelZh labelEn } }\n    }\n    enterprises { id nameZh nameEn }\n  }\n": types.StudioBoardDocument,
    "\n  query StudioBoardOrders($studioId: ID!, $after: String) {\n    orders(studioId: $studioId, first: 40, after: $after) {\n      pageInfo { hasNextPage endCursor }\n      nodes {\n        id productType status dueAt materialRisk externalOrderId\n        stages { id code status dueAt assignedTo { id } }\n        delayAlerts { status }\n      }\n    }\n  }\n": types.StudioBoardOrdersDocument,
    "\n  subscription StudioEvents($studioId: ID!, $after: String) {\n    studioEvents(studioId: $studioId, after: $after) { cursor type kind orderId }\n  }\n": types.StudioEventsDocument,
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
export function graphql(source: "\n  query Directory {\n    enterprises { id kind nameZh nameEn }\n  }\n"): (typeof documents)["\n  query Directory {\n    enterprises { id kind nameZh nameEn }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query EnterpriseName($id: ID!) {\n    enterprise(id: $id) { nameZh nameEn }\n  }\n"): (typeof documents)["\n  query EnterpriseName($id: ID!) {\n    enterprise(id: $id) { nameZh nameEn }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query StudioOrder($id: ID!) {\n    order(id: $id) {\n      id productType status phase externalOrderId channel dueAt priceCents customerTierMax studio { id }\n      customer { name }\n      statusCode { code labelZh labelEn }\n      stages {\n        id position code status startedAt finishedAt dueAt operatorName operatorPenName qcCheckpoint qcResult qcNote\n        statusCode { code labelZh labelEn }\n        assignedTo { id nameZh nameEn }\n      }\n      exceptions { id status note reportedAt resolvedAt resolution code { code labelZh labelEn } }\n      cost { materialsCents labourCents overheadCents totalCents priceCents marginCents marginPercent }\n      eta { confidence delivery { likelyBefore } completion { likelyBefore } basis { method note } }\n      progress { id sequence type occurredAt note statusCode { labelZh labelEn } }\n      shipments { id carrier trackingNumber status }\n      materials { sku status material { name } }\n    }\n    customerLinks(orderId: $id) { id tier expiresAt revokedAt createdAt }\n    exceptionCodes { code labelZh labelEn }\n    enterprises(kind: PARTNER_STUDIO) { id nameZh nameEn }\n  }\n"): (typeof documents)["\n  query StudioOrder($id: ID!) {\n    order(id: $id) {\n      id productType status phase externalOrderId channel dueAt priceCents customerTierMax studio { id }\n      customer { name }\n      statusCode { code labelZh labelEn }\n      stages {\n        id position code status startedAt finishedAt dueAt operatorName operatorPenName qcCheckpoint qcResult qcNote\n        statusCode { code labelZh labelEn }\n        assignedTo { id nameZh nameEn }\n      }\n      exceptions { id status note reportedAt resolvedAt resolution code { code labelZh labelEn } }\n      cost { materialsCents labourCents overheadCents totalCents priceCents marginCents marginPercent }\n      eta { confidence delivery { likelyBefore } completion { likelyBefore } basis { method note } }\n      progress { id sequence type occurredAt note statusCode { labelZh labelEn } }\n      shipments { id carrier trackingNumber status }\n      materials { sku status material { name } }\n    }\n    customerLinks(orderId: $id) { id tier expiresAt revokedAt createdAt }\n    exceptionCodes { code labelZh labelEn }\n    enterprises(kind: PARTNER_STUDIO) { id nameZh nameEn }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation StartStage($id: ID!, $operator: OperatorInput) { startStage(stageRunId: $id, operator: $operator) { id status } }"): (typeof documents)["mutation StartStage($id: ID!, $operator: OperatorInput) { startStage(stageRunId: $id, operator: $operator) { id status } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation CompleteStage($id: ID!) { completeStage(stageRunId: $id) { id status } }"): (typeof documents)["mutation CompleteStage($id: ID!) { completeStage(stageRunId: $id) { id status } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation RecordQc($id: ID!, $result: QcResult!, $note: String, $key: String!) { recordQcResult(stageRunId: $id, result: $result, note: $note, idempotencyKey: $key) { id qcResult } }"): (typeof documents)["mutation RecordQc($id: ID!, $result: QcResult!, $note: String, $key: String!) { recordQcResult(stageRunId: $id, result: $result, note: $note, idempotencyKey: $key) { id qcResult } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation AssignStage($id: ID!, $enterpriseId: ID!, $key: String!) { assignStage(stageRunId: $id, enterpriseId: $enterpriseId, idempotencyKey: $key) { id assignedTo { id } } }"): (typeof documents)["mutation AssignStage($id: ID!, $enterpriseId: ID!, $key: String!) { assignStage(stageRunId: $id, enterpriseId: $enterpriseId, idempotencyKey: $key) { id assignedTo { id } } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation ReportException($orderId: ID!, $code: String!, $note: String, $key: String!) { reportException(orderId: $orderId, code: $code, note: $note, idempotencyKey: $key) { id } }"): (typeof documents)["mutation ReportException($orderId: ID!, $code: String!, $note: String, $key: String!) { reportException(orderId: $orderId, code: $code, note: $note, idempotencyKey: $key) { id } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation ResolveException($id: ID!, $resolution: String!, $key: String!) { resolveException(exceptionId: $id, resolution: $resolution, idempotencyKey: $key) { id status } }"): (typeof documents)["mutation ResolveException($id: ID!, $resolution: String!, $key: String!) { resolveException(exceptionId: $id, resolution: $resolution, idempotencyKey: $key) { id status } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation ChangeRoute($orderId: ID!, $steps: [RouteStepInput!]!, $key: String!) { changeRoute(orderId: $orderId, steps: $steps, idempotencyKey: $key) { id } }"): (typeof documents)["mutation ChangeRoute($orderId: ID!, $steps: [RouteStepInput!]!, $key: String!) { changeRoute(orderId: $orderId, steps: $steps, idempotencyKey: $key) { id } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation CancelOrder($orderId: ID!, $reason: String!, $key: String!) { cancelOrder(orderId: $orderId, reason: $reason, idempotencyKey: $key) { id status } }"): (typeof documents)["mutation CancelOrder($orderId: ID!, $reason: String!, $key: String!) { cancelOrder(orderId: $orderId, reason: $reason, idempotencyKey: $key) { id status } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation AddShipment($orderId: ID!, $input: ShipmentInput!, $key: String!) { addShipment(orderId: $orderId, input: $input, idempotencyKey: $key) { id } }"): (typeof documents)["mutation AddShipment($orderId: ID!, $input: ShipmentInput!, $key: String!) { addShipment(orderId: $orderId, input: $input, idempotencyKey: $key) { id } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation MintCustomerLink($orderId: ID!, $tier: VisibilityTier, $validDays: Int!, $key: String!) { mintCustomerLink(orderId: $orderId, tier: $tier, validDays: $validDays, idempotencyKey: $key) { url link { id tier expiresAt } } }"): (typeof documents)["mutation MintCustomerLink($orderId: ID!, $tier: VisibilityTier, $validDays: Int!, $key: String!) { mintCustomerLink(orderId: $orderId, tier: $tier, validDays: $validDays, idempotencyKey: $key) { url link { id tier expiresAt } } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation RevokeCustomerLink($linkId: ID!) { revokeCustomerLink(linkId: $linkId) { id revokedAt } }"): (typeof documents)["mutation RevokeCustomerLink($linkId: ID!) { revokeCustomerLink(linkId: $linkId) { id revokedAt } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query StudioDelayAlerts($studioId: ID!) {\n    delayAlerts(studioId: $studioId, status: OPEN) { id orderId threshold overrunPercent raisedAt customerResponse statusCode { code labelZh labelEn } }\n  }\n"): (typeof documents)["\n  query StudioDelayAlerts($studioId: ID!) {\n    delayAlerts(studioId: $studioId, status: OPEN) { id orderId threshold overrunPercent raisedAt customerResponse statusCode { code labelZh labelEn } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query StudioMaterials($studioId: ID!) {\n    reorderSuggestions(studioId: $studioId) {\n      sku quantity openDemand safetyGap onOrder supplierTier expectedAt\n      material { name unit }\n      supplier { id nameZh nameEn }\n    }\n    purchaseOrders { id status expectedAt placedAt supplier { nameZh nameEn } lines { sku quantity } }\n  }\n"): (typeof documents)["\n  query StudioMaterials($studioId: ID!) {\n    reorderSuggestions(studioId: $studioId) {\n      sku quantity openDemand safetyGap onOrder supplierTier expectedAt\n      material { name unit }\n      supplier { id nameZh nameEn }\n    }\n    purchaseOrders { id status expectedAt placedAt supplier { nameZh nameEn } lines { sku quantity } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation PlacePurchaseOrder($studioId: ID!, $input: PlacePurchaseOrderInput!, $key: String!) {\n    placePurchaseOrder(studioId: $studioId, input: $input, idempotencyKey: $key) { id status }\n  }\n"): (typeof documents)["\n  mutation PlacePurchaseOrder($studioId: ID!, $input: PlacePurchaseOrderInput!, $key: String!) {\n    placePurchaseOrder(studioId: $studioId, input: $input, idempotencyKey: $key) { id status }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ReceivePurchaseOrder($id: ID!) { receivePurchaseOrder(purchaseOrderId: $id) { id status } }\n"): (typeof documents)["\n  mutation ReceivePurchaseOrder($id: ID!) { receivePurchaseOrder(purchaseOrderId: $id) { id status } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query StudioOverflow {\n    overflowRequests { id capability units status unmetUnits unmetReason dueDate createdAt }\n    allocations { id requestId enterpriseId capability day units status }\n  }\n"): (typeof documents)["\n  query StudioOverflow {\n    overflowRequests { id capability units status unmetUnits unmetReason dueDate createdAt }\n    allocations { id requestId enterpriseId capability day units status }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DeclareDemandSurge($studioId: ID!, $capability: String!, $extraUnits: Int!, $window: DateWindowInput!, $key: String!) {\n    declareDemandSurge(studioId: $studioId, capability: $capability, extraUnits: $extraUnits, window: $window, idempotencyKey: $key) {\n      placedUnits unmetUnits unmetReason\n      placements { units enterprise { id nameZh nameEn } }\n    }\n  }\n"): (typeof documents)["\n  mutation DeclareDemandSurge($studioId: ID!, $capability: String!, $extraUnits: Int!, $window: DateWindowInput!, $key: String!) {\n    declareDemandSurge(studioId: $studioId, capability: $capability, extraUnits: $extraUnits, window: $window, idempotencyKey: $key) {\n      placedUnits unmetUnits unmetReason\n      placements { units enterprise { id nameZh nameEn } }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query StudioBoard($studioId: ID!) {\n    stageBoard(studioId: $studioId) {\n      overdueTotal generatedAt\n      studio { nameZh nameEn }\n      columns { code waiting inProgress blocked overdue delayed orderIds statusCode { code labelZh labelEn } }\n    }\n    enterprises { id nameZh nameEn }\n  }\n"): (typeof documents)["\n  query StudioBoard($studioId: ID!) {\n    stageBoard(studioId: $studioId) {\n      overdueTotal generatedAt\n      studio { nameZh nameEn }\n      columns { code waiting inProgress blocked overdue delayed orderIds statusCode { code labelZh labelEn } }\n    }\n    enterprises { id nameZh nameEn }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query StudioBoardOrders($studioId: ID!, $after: String) {\n    orders(studioId: $studioId, first: 40, after: $after) {\n      pageInfo { hasNextPage endCursor }\n      nodes {\n        id productType status dueAt materialRisk externalOrderId\n        stages { id code status dueAt assignedTo { id } }\n        delayAlerts { status }\n      }\n    }\n  }\n"): (typeof documents)["\n  query StudioBoardOrders($studioId: ID!, $after: String) {\n    orders(studioId: $studioId, first: 40, after: $after) {\n      pageInfo { hasNextPage endCursor }\n      nodes {\n        id productType status dueAt materialRisk externalOrderId\n        stages { id code status dueAt assignedTo { id } }\n        delayAlerts { status }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription StudioEvents($studioId: ID!, $after: String) {\n    studioEvents(studioId: $studioId, after: $after) { cursor type kind orderId }\n  }\n"): (typeof documents)["\n  subscription StudioEvents($studioId: ID!, $after: String) {\n    studioEvents(studioId: $studioId, after: $after) { cursor type kind orderId }\n  }\n"];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;