import type { SubgraphDefinition } from '../../platform/runtime/subgraph';
import { NETWORK_PRIVATE_FIELDS, networkAccess } from './access-policy';
import { buildFederatedSchema } from '../../platform/graphql/build-schema';
import { DEMO_ENTERPRISES } from '../../demo/network';
import { Enterprise } from './enterprise';
import { resolveEnterpriseReference } from './enterprise.reference';
import { EnterpriseResolver } from './enterprise.resolver';
import { Invitation } from './invitation';
import { Membership } from './membership';
import { MembersResolver } from './members.resolver';
import type { NetworkLoaders } from './loaders';
import { createNetworkLoaders } from './loaders';
import { networkMigrations } from './migrations';
import { OutboxEvent } from '../../platform/events/outbox';
import { IdempotencyRecord } from '../../platform/data/transactions';
import { AuditEntry } from '../../platform/data/audit';
import { DirectoryService, NETWORK_ANSWERS_MAX_AGE_SECONDS } from './directory.service';
import { PartnerRelationship, SupplierRelationship } from './relationship';
import { PartnerRelationshipResolver, SupplierRelationshipResolver } from './relationship.resolver';
import { seedDemoRelationships } from './demo-relationships';

export const networkSubgraph: SubgraphDefinition<NetworkLoaders> = {
  name: 'network',
  defaultPort: 4001,
  database: {
    entities: [Enterprise, Membership, Invitation, SupplierRelationship, PartnerRelationship, IdempotencyRecord, OutboxEvent, AuditEntry],
    migrations: networkMigrations,
  },
  // Directory answers are the same for everyone: gateways keep them, and forget them on `enterprise.updated`.
  publicAnswers: { maxAgeSeconds: NETWORK_ANSWERS_MAX_AGE_SECONDS, private: NETWORK_PRIVATE_FIELDS },
  access: networkAccess,
  buildSchema: () =>
    buildFederatedSchema(
      'network',
      networkAccess,
      {
        resolvers: [EnterpriseResolver, MembersResolver, SupplierRelationshipResolver, PartnerRelationshipResolver],
        orphanedTypes: [Enterprise],
      },
      { Enterprise: { __resolveReference: resolveEnterpriseReference } },
    ),
  createLoaders: createNetworkLoaders,
  // The demo's enterprises join as a hub admin registers any (DirectoryService.enter): the
  // same event and audit entry, so the demo holds nothing a real enterprise could not.
  async seed(runtime) {
    const ctx = runtime.systemContext();
    const directory = new DirectoryService();
    for (const enterprise of DEMO_ENTERPRISES) {
      if (await ctx.em.fork().findOne(Enterprise, enterprise.id)) continue;
      await directory.enter(ctx, enterprise, `demo-enterprise-${enterprise.id}`, 'registerEnterprise');
    }
    // Then the demo studios name their suppliers and partners (RelationshipService, as a studio's admin does).
    await seedDemoRelationships(ctx);
  },
};
