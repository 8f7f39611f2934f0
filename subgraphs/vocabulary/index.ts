import type { AccessPolicy } from '../../platform/access/policy';
import { buildFederatedSchema } from '../../platform/graphql/build-schema';
import type { SubgraphDefinition } from '../../platform/runtime/subgraph';
import { ExceptionCode, StatusCode } from './status-code';
import { resolveExceptionCodeReference, resolveStatusCodeReference } from './status-code.reference';
import { VocabularyResolver } from './vocabulary.resolver';

/** The shared vocabulary is public: every participant reads the same codes. */
const vocabularyAccess: AccessPolicy = {
  operations: { 'Query.statusCodes': 'PUBLIC', 'Query.statusCode': 'PUBLIC', 'Query.exceptionCodes': 'PUBLIC', 'Query.vocabularyVersion': 'PUBLIC' },
  types: { StatusCode: { public: true }, ExceptionCode: { public: true } },
};

/** Serves the versioned vocabulary from `contracts/`; it has no tables of its own. */
export const vocabularySubgraph: SubgraphDefinition = {
  name: 'vocabulary',
  defaultPort: 4002,
  access: vocabularyAccess,
  buildSchema: () =>
    buildFederatedSchema(
      'vocabulary',
      vocabularyAccess,
      { resolvers: [VocabularyResolver], orphanedTypes: [StatusCode, ExceptionCode] },
      { StatusCode: { __resolveReference: resolveStatusCodeReference }, ExceptionCode: { __resolveReference: resolveExceptionCodeReference } },
    ),
};
