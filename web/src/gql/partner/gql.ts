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
    "\n  query AssignedWork($enterpriseId: ID!) {\n    assignedStages(enterpriseId: $enterpriseId) {\n      id orderId position status dueAt startedAt finishedAt qcCheckpoint qcResult\n      statusCode { code labelZh labelEn }\n    }\n    allocations { id stageRunId orderId capability day units status started }\n  }\n": typeof types.AssignedWorkDocument,
    "mutation PartnerStartStage($id: ID!) { startStage(stageRunId: $id) { id status } }": typeof types.PartnerStartStageDocument,
    "mutation PartnerCompleteStage($id: ID!) { completeStage(stageRunId: $id) { id status } }": typeof types.PartnerCompleteStageDocument,
    "mutation PartnerRecordQc($id: ID!, $result: QcResult!, $key: String!) { recordQcResult(stageRunId: $id, result: $result, idempotencyKey: $key) { id qcResult } }": typeof types.PartnerRecordQcDocument,
    "mutation DeclineAllocation($id: ID!) { declineAllocation(allocationId: $id) { id status } }": typeof types.DeclineAllocationDocument,
};
const documents: Documents = {
    "\n  query AssignedWork($enterpriseId: ID!) {\n    assignedStages(enterpriseId: $enterpriseId) {\n      id orderId position status dueAt startedAt finishedAt qcCheckpoint qcResult\n      statusCode { code labelZh labelEn }\n    }\n    allocations { id stageRunId orderId capability day units status started }\n  }\n": types.AssignedWorkDocument,
    "mutation PartnerStartStage($id: ID!) { startStage(stageRunId: $id) { id status } }": types.PartnerStartStageDocument,
    "mutation PartnerCompleteStage($id: ID!) { completeStage(stageRunId: $id) { id status } }": types.PartnerCompleteStageDocument,
    "mutation PartnerRecordQc($id: ID!, $result: QcResult!, $key: String!) { recordQcResult(stageRunId: $id, result: $result, idempotencyKey: $key) { id qcResult } }": types.PartnerRecordQcDocument,
    "mutation DeclineAllocation($id: ID!) { declineAllocation(allocationId: $id) { id status } }": types.DeclineAllocationDocument,
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
export function graphql(source: "\n  query AssignedWork($enterpriseId: ID!) {\n    assignedStages(enterpriseId: $enterpriseId) {\n      id orderId position status dueAt startedAt finishedAt qcCheckpoint qcResult\n      statusCode { code labelZh labelEn }\n    }\n    allocations { id stageRunId orderId capability day units status started }\n  }\n"): (typeof documents)["\n  query AssignedWork($enterpriseId: ID!) {\n    assignedStages(enterpriseId: $enterpriseId) {\n      id orderId position status dueAt startedAt finishedAt qcCheckpoint qcResult\n      statusCode { code labelZh labelEn }\n    }\n    allocations { id stageRunId orderId capability day units status started }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation PartnerStartStage($id: ID!) { startStage(stageRunId: $id) { id status } }"): (typeof documents)["mutation PartnerStartStage($id: ID!) { startStage(stageRunId: $id) { id status } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation PartnerCompleteStage($id: ID!) { completeStage(stageRunId: $id) { id status } }"): (typeof documents)["mutation PartnerCompleteStage($id: ID!) { completeStage(stageRunId: $id) { id status } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation PartnerRecordQc($id: ID!, $result: QcResult!, $key: String!) { recordQcResult(stageRunId: $id, result: $result, idempotencyKey: $key) { id qcResult } }"): (typeof documents)["mutation PartnerRecordQc($id: ID!, $result: QcResult!, $key: String!) { recordQcResult(stageRunId: $id, result: $result, idempotencyKey: $key) { id qcResult } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation DeclineAllocation($id: ID!) { declineAllocation(allocationId: $id) { id status } }"): (typeof documents)["mutation DeclineAllocation($id: ID!) { declineAllocation(allocationId: $id) { id status } }"];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;