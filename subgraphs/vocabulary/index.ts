import { VOCABULARY_VERSION } from '../../contracts/vocabulary';
import { buildFederatedSchema } from '../../platform/graphql/build-schema';
import type { SubgraphDefinition } from '../../platform/runtime/subgraph';
import { vocabularyAccess } from './access-policy';
import { ExceptionCode, StatusCode } from './status-code';
import { resolveExceptionCodeReference, resolveStatusCodeReference } from './status-code.reference';
import { VocabularyResolver } from './vocabulary.resolver';

/** Serves the versioned vocabulary from `contracts/`; it has no tables of its own. */
export const vocabularySubgraph: SubgraphDefinition = {
  name: 'vocabulary',
  defaultPort: 4002,
  access: vocabularyAccess,
  // The same codes for everyone, changing only with a new vocabulary version.
  publicAnswers: { maxAgeSeconds: 300, version: String(VOCABULARY_VERSION) },
  buildSchema: () =>
    buildFederatedSchema(
      'vocabulary',
      vocabularyAccess,
      { resolvers: [VocabularyResolver], orphanedTypes: [StatusCode, ExceptionCode] },
      {
        StatusCode: { __resolveReference: resolveStatusCodeReference },
        ExceptionCode: { __resolveReference: resolveExceptionCodeReference },
      },
    ),
};
