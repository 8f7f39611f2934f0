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
    "\n  query NotificationPreferences($orderId: ID!) {\n    notificationPreferences(orderId: $orderId) { channel wechatBound quietHours { start end } timeZone dailyDigest digestHour dailyCap }\n  }\n": typeof types.NotificationPreferencesDocument,
    "\n  mutation SetNotificationPreferences($orderId: ID!, $input: NotificationPreferencesInput!) {\n    setNotificationPreferences(orderId: $orderId, input: $input) { channel wechatBound quietHours { start end } timeZone dailyDigest digestHour dailyCap }\n  }\n": typeof types.SetNotificationPreferencesDocument,
    "\n  query TrackOrder($id: ID!) {\n    order(id: $id) {\n      id productType phase status dueAt createdAt\n      studio { nameZh nameEn }\n      milestone { code labelZh labelEn }\n      lines { productCode quantity personalisation }\n      stages {\n        id position status startedAt finishedAt dueAt operatorPenName qcCheckpoint qcResult photoUrls\n        statusCode { code labelZh labelEn minTier }\n        environment { name value unit recordedAt }\n      }\n      eta { confidence computedAt delivery { likelyBefore median } completion { likelyBefore } }\n      materials { sku status expectedAt material { name } }\n      shipments { id carrier trackingNumber status createdAt events { id status occurredAt location description } }\n      traceCodes { code productCode unit uri }\n      delayAlerts { id threshold status overrunPercent reasonCode compensationOptions customerResponse respondedAt raisedAt statusCode { labelZh labelEn } }\n    }\n    exceptionCodes { code labelZh labelEn }\n  }\n": typeof types.TrackOrderDocument,
    "\n  subscription FollowOrder($orderId: ID!, $after: String) {\n    orderProgress(orderId: $orderId, after: $after) {\n      cursor type kind occurredAt\n      entry { id type occurredAt statusCode { code labelZh labelEn } }\n    }\n  }\n": typeof types.FollowOrderDocument,
    "\n  mutation RespondToDelay($alertId: ID!, $choice: DelayChoice!, $key: String!) {\n    respondToDelay(alertId: $alertId, choice: $choice, idempotencyKey: $key) { id customerResponse respondedAt }\n  }\n": typeof types.RespondToDelayDocument,
    "\n  mutation ExchangeCustomerLink($link: String!) {\n    exchangeCustomerLink(link: $link) { token expiresAt orderId tier }\n  }\n": typeof types.ExchangeCustomerLinkDocument,
    "\n  query SharedOrder($shareId: ID!) {\n    sharedOrder(shareId: $shareId) {\n      productType completedAt imageUrl\n      studio { nameZh nameEn region }\n      lines { productCode quantity }\n      timeline { finishedAt statusCode { code labelZh labelEn } }\n    }\n  }\n": typeof types.SharedOrderDocument,
    "\n  query ProductStory($code: String!) {\n    productStory(code: $code) {\n      code uri gtin productCode productType issuedAt qcPassed\n      studio { nameZh nameEn }\n      stages { startedAt finishedAt statusCode { code labelZh labelEn } }\n      materialOrigins { sku materialName lotCode supplier { nameZh nameEn } }\n    }\n  }\n": typeof types.ProductStoryDocument,
};
const documents: Documents = {
    "\n  query NotificationPreferences($orderId: ID!) {\n    notificationPreferences(orderId: $orderId) { channel wechatBound quietHours { start end } timeZone dailyDigest digestHour dailyCap }\n  }\n": types.NotificationPreferencesDocument,
    "\n  mutation SetNotificationPreferences($orderId: ID!, $input: NotificationPreferencesInput!) {\n    setNotificationPreferences(orderId: $orderId, input: $input) { channel wechatBound quietHours { start end } timeZone dailyDigest digestHour dailyCap }\n  }\n": types.SetNotificationPreferencesDocument,
    "\n  query TrackOrder($id: ID!) {\n    order(id: $id) {\n      id productType phase status dueAt createdAt\n      studio { nameZh nameEn }\n      milestone { code labelZh labelEn }\n      lines { productCode quantity personalisation }\n      stages {\n        id position status startedAt finishedAt dueAt operatorPenName qcCheckpoint qcResult photoUrls\n        statusCode { code labelZh labelEn minTier }\n        environment { name value unit recordedAt }\n      }\n      eta { confidence computedAt delivery { likelyBefore median } completion { likelyBefore } }\n      materials { sku status expectedAt material { name } }\n      shipments { id carrier trackingNumber status createdAt events { id status occurredAt location description } }\n      traceCodes { code productCode unit uri }\n      delayAlerts { id threshold status overrunPercent reasonCode compensationOptions customerResponse respondedAt raisedAt statusCode { labelZh labelEn } }\n    }\n    exceptionCodes { code labelZh labelEn }\n  }\n": types.TrackOrderDocument,
    "\n  subscription FollowOrder($orderId: ID!, $after: String) {\n    orderProgress(orderId: $orderId, after: $after) {\n      cursor type kind occurredAt\n      entry { id type occurredAt statusCode { code labelZh labelEn } }\n    }\n  }\n": types.FollowOrderDocument,
    "\n  mutation RespondToDelay($alertId: ID!, $choice: DelayChoice!, $key: String!) {\n    respondToDelay(alertId: $alertId, choice: $choice, idempotencyKey: $key) { id customerResponse respondedAt }\n  }\n": types.RespondToDelayDocument,
    "\n  mutation ExchangeCustomerLink($link: String!) {\n    exchangeCustomerLink(link: $link) { token expiresAt orderId tier }\n  }\n": types.ExchangeCustomerLinkDocument,
    "\n  query SharedOrder($shareId: ID!) {\n    sharedOrder(shareId: $shareId) {\n      productType completedAt imageUrl\n      studio { nameZh nameEn region }\n      lines { productCode quantity }\n      timeline { finishedAt statusCode { code labelZh labelEn } }\n    }\n  }\n": types.SharedOrderDocument,
    "\n  query ProductStory($code: String!) {\n    productStory(code: $code) {\n      code uri gtin productCode productType issuedAt qcPassed\n      studio { nameZh nameEn }\n      stages { startedAt finishedAt statusCode { code labelZh labelEn } }\n      materialOrigins { sku materialName lotCode supplier { nameZh nameEn } }\n    }\n  }\n": types.ProductStoryDocument,
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
export function graphql(source: "\n  query NotificationPreferences($orderId: ID!) {\n    notificationPreferences(orderId: $orderId) { channel wechatBound quietHours { start end } timeZone dailyDigest digestHour dailyCap }\n  }\n"): (typeof documents)["\n  query NotificationPreferences($orderId: ID!) {\n    notificationPreferences(orderId: $orderId) { channel wechatBound quietHours { start end } timeZone dailyDigest digestHour dailyCap }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SetNotificationPreferences($orderId: ID!, $input: NotificationPreferencesInput!) {\n    setNotificationPreferences(orderId: $orderId, input: $input) { channel wechatBound quietHours { start end } timeZone dailyDigest digestHour dailyCap }\n  }\n"): (typeof documents)["\n  mutation SetNotificationPreferences($orderId: ID!, $input: NotificationPreferencesInput!) {\n    setNotificationPreferences(orderId: $orderId, input: $input) { channel wechatBound quietHours { start end } timeZone dailyDigest digestHour dailyCap }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query TrackOrder($id: ID!) {\n    order(id: $id) {\n      id productType phase status dueAt createdAt\n      studio { nameZh nameEn }\n      milestone { code labelZh labelEn }\n      lines { productCode quantity personalisation }\n      stages {\n        id position status startedAt finishedAt dueAt operatorPenName qcCheckpoint qcResult photoUrls\n        statusCode { code labelZh labelEn minTier }\n        environment { name value unit recordedAt }\n      }\n      eta { confidence computedAt delivery { likelyBefore median } completion { likelyBefore } }\n      materials { sku status expectedAt material { name } }\n      shipments { id carrier trackingNumber status createdAt events { id status occurredAt location description } }\n      traceCodes { code productCode unit uri }\n      delayAlerts { id threshold status overrunPercent reasonCode compensationOptions customerResponse respondedAt raisedAt statusCode { labelZh labelEn } }\n    }\n    exceptionCodes { code labelZh labelEn }\n  }\n"): (typeof documents)["\n  query TrackOrder($id: ID!) {\n    order(id: $id) {\n      id productType phase status dueAt createdAt\n      studio { nameZh nameEn }\n      milestone { code labelZh labelEn }\n      lines { productCode quantity personalisation }\n      stages {\n        id position status startedAt finishedAt dueAt operatorPenName qcCheckpoint qcResult photoUrls\n        statusCode { code labelZh labelEn minTier }\n        environment { name value unit recordedAt }\n      }\n      eta { confidence computedAt delivery { likelyBefore median } completion { likelyBefore } }\n      materials { sku status expectedAt material { name } }\n      shipments { id carrier trackingNumber status createdAt events { id status occurredAt location description } }\n      traceCodes { code productCode unit uri }\n      delayAlerts { id threshold status overrunPercent reasonCode compensationOptions customerResponse respondedAt raisedAt statusCode { labelZh labelEn } }\n    }\n    exceptionCodes { code labelZh labelEn }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription FollowOrder($orderId: ID!, $after: String) {\n    orderProgress(orderId: $orderId, after: $after) {\n      cursor type kind occurredAt\n      entry { id type occurredAt statusCode { code labelZh labelEn } }\n    }\n  }\n"): (typeof documents)["\n  subscription FollowOrder($orderId: ID!, $after: String) {\n    orderProgress(orderId: $orderId, after: $after) {\n      cursor type kind occurredAt\n      entry { id type occurredAt statusCode { code labelZh labelEn } }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RespondToDelay($alertId: ID!, $choice: DelayChoice!, $key: String!) {\n    respondToDelay(alertId: $alertId, choice: $choice, idempotencyKey: $key) { id customerResponse respondedAt }\n  }\n"): (typeof documents)["\n  mutation RespondToDelay($alertId: ID!, $choice: DelayChoice!, $key: String!) {\n    respondToDelay(alertId: $alertId, choice: $choice, idempotencyKey: $key) { id customerResponse respondedAt }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ExchangeCustomerLink($link: String!) {\n    exchangeCustomerLink(link: $link) { token expiresAt orderId tier }\n  }\n"): (typeof documents)["\n  mutation ExchangeCustomerLink($link: String!) {\n    exchangeCustomerLink(link: $link) { token expiresAt orderId tier }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query SharedOrder($shareId: ID!) {\n    sharedOrder(shareId: $shareId) {\n      productType completedAt imageUrl\n      studio { nameZh nameEn region }\n      lines { productCode quantity }\n      timeline { finishedAt statusCode { code labelZh labelEn } }\n    }\n  }\n"): (typeof documents)["\n  query SharedOrder($shareId: ID!) {\n    sharedOrder(shareId: $shareId) {\n      productType completedAt imageUrl\n      studio { nameZh nameEn region }\n      lines { productCode quantity }\n      timeline { finishedAt statusCode { code labelZh labelEn } }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ProductStory($code: String!) {\n    productStory(code: $code) {\n      code uri gtin productCode productType issuedAt qcPassed\n      studio { nameZh nameEn }\n      stages { startedAt finishedAt statusCode { code labelZh labelEn } }\n      materialOrigins { sku materialName lotCode supplier { nameZh nameEn } }\n    }\n  }\n"): (typeof documents)["\n  query ProductStory($code: String!) {\n    productStory(code: $code) {\n      code uri gtin productCode productType issuedAt qcPassed\n      studio { nameZh nameEn }\n      stages { startedAt finishedAt statusCode { code labelZh labelEn } }\n      materialOrigins { sku materialName lotCode supplier { nameZh nameEn } }\n    }\n  }\n"];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;