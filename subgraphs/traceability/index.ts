import { buildFederatedSchema } from '../../platform/graphql/build-schema';
import type { SubgraphDefinition } from '../../platform/runtime/subgraph';
import { traceabilityAccess } from './access-policy';
import { CaptureResolver } from './capture.resolver';
import { CapturedEvent, CaptureJob } from './entities';
import { traceabilityMigrations } from './migrations';

/** The hub's EPCIS repository: events captured from partners' and suppliers' systems, and their capture jobs (docs/epcis.md). */
export const traceabilitySubgraph: SubgraphDefinition = {
  name: 'traceability',
  defaultPort: 4008,
  database: { entities: [CaptureJob, CapturedEvent], migrations: traceabilityMigrations },
  access: traceabilityAccess,
  buildSchema: () => buildFederatedSchema('traceability', traceabilityAccess, { resolvers: [CaptureResolver] }),
};
