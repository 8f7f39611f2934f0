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
    "\n  query PartnerGrantedStages {\n    partnerRelationships {\n      studioId\n      stageCodes\n      since\n      studio {\n        nameZh\n        nameEn\n      }\n    }\n  }\n": typeof types.PartnerGrantedStagesDocument,
    "\n  query AssignedWork($enterpriseId: ID!) {\n    assignedStages(enterpriseId: $enterpriseId) {\n      id\n      orderId\n      position\n      status\n      dueAt\n      startedAt\n      finishedAt\n      qcCheckpoint\n      qcResult\n      ready\n      productFamily\n      productNameZh\n      productNameEn\n      inscriptions\n      studio {\n        id\n        nameZh\n        nameEn\n      }\n      statusCode {\n        code\n        labelZh\n        labelEn\n      }\n    }\n    allocations {\n      id\n      stageRunId\n      orderId\n      capability\n      day\n      units\n      status\n      started\n    }\n  }\n": typeof types.AssignedWorkDocument,
    "\n  subscription PartnerAllocationEvents($enterpriseId: ID!, $after: String) {\n    allocationEvents(enterpriseId: $enterpriseId, after: $after) {\n      cursor\n      type\n    }\n  }\n": typeof types.PartnerAllocationEventsDocument,
    "\n  subscription PartnerHeldStageEvents($enterpriseId: ID!, $after: String) {\n    heldStageEvents(enterpriseId: $enterpriseId, after: $after) {\n      cursor\n      type\n    }\n  }\n": typeof types.PartnerHeldStageEventsDocument,
    "\n  mutation PartnerStartStage($id: ID!) {\n    startStage(stageRunId: $id) {\n      id\n      status\n    }\n  }\n": typeof types.PartnerStartStageDocument,
    "\n  mutation PartnerCompleteStage($id: ID!) {\n    completeStage(stageRunId: $id) {\n      id\n      status\n    }\n  }\n": typeof types.PartnerCompleteStageDocument,
    "\n  mutation PartnerRecordQc($id: ID!, $result: QcResult!, $key: String!) {\n    recordQcResult(stageRunId: $id, result: $result, idempotencyKey: $key) {\n      id\n      qcResult\n    }\n  }\n": typeof types.PartnerRecordQcDocument,
    "\n  mutation DeclineAllocation($id: ID!) {\n    declineAllocation(allocationId: $id) {\n      id\n      status\n    }\n  }\n": typeof types.DeclineAllocationDocument,
    "\n  query PartnerEnterpriseProfile($id: ID!) {\n    enterprise(id: $id) {\n      id\n      kind\n      nameZh\n      nameEn\n      region\n      gln\n      status\n    }\n  }\n": typeof types.PartnerEnterpriseProfileDocument,
    "\n  mutation ChangePartnerEnterprise($id: ID!, $input: EnterpriseChangeInput!, $key: String!) {\n    changeEnterprise(id: $id, input: $input, idempotencyKey: $key) {\n      id\n      nameZh\n      nameEn\n      region\n      gln\n      status\n    }\n  }\n": typeof types.ChangePartnerEnterpriseDocument,
};
const documents: Documents = {
    "\n  query PartnerGrantedStages {\n    partnerRelationships {\n      studioId\n      stageCodes\n      since\n      studio {\n        nameZh\n        nameEn\n      }\n    }\n  }\n": types.PartnerGrantedStagesDocument,
    "\n  query AssignedWork($enterpriseId: ID!) {\n    assignedStages(enterpriseId: $enterpriseId) {\n      id\n      orderId\n      position\n      status\n      dueAt\n      startedAt\n      finishedAt\n      qcCheckpoint\n      qcResult\n      ready\n      productFamily\n      productNameZh\n      productNameEn\n      inscriptions\n      studio {\n        id\n        nameZh\n        nameEn\n      }\n      statusCode {\n        code\n        labelZh\n        labelEn\n      }\n    }\n    allocations {\n      id\n      stageRunId\n      orderId\n      capability\n      day\n      units\n      status\n      started\n    }\n  }\n": types.AssignedWorkDocument,
    "\n  subscription PartnerAllocationEvents($enterpriseId: ID!, $after: String) {\n    allocationEvents(enterpriseId: $enterpriseId, after: $after) {\n      cursor\n      type\n    }\n  }\n": types.PartnerAllocationEventsDocument,
    "\n  subscription PartnerHeldStageEvents($enterpriseId: ID!, $after: String) {\n    heldStageEvents(enterpriseId: $enterpriseId, after: $after) {\n      cursor\n      type\n    }\n  }\n": types.PartnerHeldStageEventsDocument,
    "\n  mutation PartnerStartStage($id: ID!) {\n    startStage(stageRunId: $id) {\n      id\n      status\n    }\n  }\n": types.PartnerStartStageDocument,
    "\n  mutation PartnerCompleteStage($id: ID!) {\n    completeStage(stageRunId: $id) {\n      id\n      status\n    }\n  }\n": types.PartnerCompleteStageDocument,
    "\n  mutation PartnerRecordQc($id: ID!, $result: QcResult!, $key: String!) {\n    recordQcResult(stageRunId: $id, result: $result, idempotencyKey: $key) {\n      id\n      qcResult\n    }\n  }\n": types.PartnerRecordQcDocument,
    "\n  mutation DeclineAllocation($id: ID!) {\n    declineAllocation(allocationId: $id) {\n      id\n      status\n    }\n  }\n": types.DeclineAllocationDocument,
    "\n  query PartnerEnterpriseProfile($id: ID!) {\n    enterprise(id: $id) {\n      id\n      kind\n      nameZh\n      nameEn\n      region\n      gln\n      status\n    }\n  }\n": types.PartnerEnterpriseProfileDocument,
    "\n  mutation ChangePartnerEnterprise($id: ID!, $input: EnterpriseChangeInput!, $key: String!) {\n    changeEnterprise(id: $id, input: $input, idempotencyKey: $key) {\n      id\n      nameZh\n      nameEn\n      region\n      gln\n      status\n    }\n  }\n": types.ChangePartnerEnterpriseDocument,
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
export function graphql(source: "\n  query PartnerGrantedStages {\n    partnerRelationships {\n      studioId\n      stageCodes\n      since\n      studio {\n        nameZh\n        nameEn\n      }\n    }\n  }\n"): (typeof documents)["\n  query PartnerGrantedStages {\n    partnerRelationships {\n      studioId\n      stageCodes\n      since\n      studio {\n        nameZh\n        nameEn\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AssignedWork($enterpriseId: ID!) {\n    assignedStages(enterpriseId: $enterpriseId) {\n      id\n      orderId\n      position\n      status\n      dueAt\n      startedAt\n      finishedAt\n      qcCheckpoint\n      qcResult\n      ready\n      productFamily\n      productNameZh\n      productNameEn\n      inscriptions\n      studio {\n        id\n        nameZh\n        nameEn\n      }\n      statusCode {\n        code\n        labelZh\n        labelEn\n      }\n    }\n    allocations {\n      id\n      stageRunId\n      orderId\n      capability\n      day\n      units\n      status\n      started\n    }\n  }\n"): (typeof documents)["\n  query AssignedWork($enterpriseId: ID!) {\n    assignedStages(enterpriseId: $enterpriseId) {\n      id\n      orderId\n      position\n      status\n      dueAt\n      startedAt\n      finishedAt\n      qcCheckpoint\n      qcResult\n      ready\n      productFamily\n      productNameZh\n      productNameEn\n      inscriptions\n      studio {\n        id\n        nameZh\n        nameEn\n      }\n      statusCode {\n        code\n        labelZh\n        labelEn\n      }\n    }\n    allocations {\n      id\n      stageRunId\n      orderId\n      capability\n      day\n      units\n      status\n      started\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription PartnerAllocationEvents($enterpriseId: ID!, $after: String) {\n    allocationEvents(enterpriseId: $enterpriseId, after: $after) {\n      cursor\n      type\n    }\n  }\n"): (typeof documents)["\n  subscription PartnerAllocationEvents($enterpriseId: ID!, $after: String) {\n    allocationEvents(enterpriseId: $enterpriseId, after: $after) {\n      cursor\n      type\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription PartnerHeldStageEvents($enterpriseId: ID!, $after: String) {\n    heldStageEvents(enterpriseId: $enterpriseId, after: $after) {\n      cursor\n      type\n    }\n  }\n"): (typeof documents)["\n  subscription PartnerHeldStageEvents($enterpriseId: ID!, $after: String) {\n    heldStageEvents(enterpriseId: $enterpriseId, after: $after) {\n      cursor\n      type\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation PartnerStartStage($id: ID!) {\n    startStage(stageRunId: $id) {\n      id\n      status\n    }\n  }\n"): (typeof documents)["\n  mutation PartnerStartStage($id: ID!) {\n    startStage(stageRunId: $id) {\n      id\n      status\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation PartnerCompleteStage($id: ID!) {\n    completeStage(stageRunId: $id) {\n      id\n      status\n    }\n  }\n"): (typeof documents)["\n  mutation PartnerCompleteStage($id: ID!) {\n    completeStage(stageRunId: $id) {\n      id\n      status\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation PartnerRecordQc($id: ID!, $result: QcResult!, $key: String!) {\n    recordQcResult(stageRunId: $id, result: $result, idempotencyKey: $key) {\n      id\n      qcResult\n    }\n  }\n"): (typeof documents)["\n  mutation PartnerRecordQc($id: ID!, $result: QcResult!, $key: String!) {\n    recordQcResult(stageRunId: $id, result: $result, idempotencyKey: $key) {\n      id\n      qcResult\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DeclineAllocation($id: ID!) {\n    declineAllocation(allocationId: $id) {\n      id\n      status\n    }\n  }\n"): (typeof documents)["\n  mutation DeclineAllocation($id: ID!) {\n    declineAllocation(allocationId: $id) {\n      id\n      status\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PartnerEnterpriseProfile($id: ID!) {\n    enterprise(id: $id) {\n      id\n      kind\n      nameZh\n      nameEn\n      region\n      gln\n      status\n    }\n  }\n"): (typeof documents)["\n  query PartnerEnterpriseProfile($id: ID!) {\n    enterprise(id: $id) {\n      id\n      kind\n      nameZh\n      nameEn\n      region\n      gln\n      status\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ChangePartnerEnterprise($id: ID!, $input: EnterpriseChangeInput!, $key: String!) {\n    changeEnterprise(id: $id, input: $input, idempotencyKey: $key) {\n      id\n      nameZh\n      nameEn\n      region\n      gln\n      status\n    }\n  }\n"): (typeof documents)["\n  mutation ChangePartnerEnterprise($id: ID!, $input: EnterpriseChangeInput!, $key: String!) {\n    changeEnterprise(id: $id, input: $input, idempotencyKey: $key) {\n      id\n      nameZh\n      nameEn\n      region\n      gln\n      status\n    }\n  }\n"];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;