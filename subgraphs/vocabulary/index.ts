import { buildFederatedSchema } from '../shared/build-schema';
import type { SubgraphDefinition } from '../shared/subgraph';
import { ExceptionCode, StatusCode } from './status-code';
import { resolveExceptionCodeReference, resolveStatusCodeReference } from './status-code.reference';
import { VocabularyResolver } from './vocabulary.resolver';

/** Serves the versioned vocabulary from `contracts/`; it has no tables of its own. */
export const vocabularySubgraph: SubgraphDefinition = {
  name: 'vocabulary',
  defaultPort: 4002,
  buildSchema: () =>
    buildFederatedSchema(
      { resolvers: [VocabularyResolver], orphanedTypes: [StatusCode, ExceptionCode] },
      { StatusCode: { __resolveReference: resolveStatusCodeReference }, ExceptionCode: { __resolveReference: resolveExceptionCodeReference } },
    ),
};
