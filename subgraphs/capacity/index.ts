import { buildFederatedSchema } from '../../platform/graphql/build-schema';
import { ProcessedEvent } from '../../platform/events/consumer';
import { OutboxEvent } from '../../platform/events/outbox';
import type { SubgraphDefinition } from '../../platform/runtime/subgraph';
import { IdempotencyRecord } from '../../platform/data/transactions';
import { capacityAccess } from './access-policy';
import { AllocationLiveResolver, CapacityResolver, EnterpriseCapacityResolver, SurgeResolver } from './capacity.resolver';
import { capacityService } from './capacity.service';
import { seedDemoCapacity } from './demo-capacity';
import { AllianceMember, CapacityOffer, OfferBooking } from './entities/offer';
import { EnterpriseCapacity } from './entities/references';
import { Allocation, OverflowRequest } from './entities/request';
import type { CapacityLoaders } from './loaders';
import { createCapacityLoaders } from './loaders';
import { capacityMigrations } from './migrations';
import { orderEventsConsumer } from './order-events';
import { PartnerStageGrant } from './entities/partner-grant';
import { relationshipEventsConsumer } from './relationship-events';
import { WorkingCalendarRow } from './resources/calendar.entity';
import { seedDemoResources } from './resources/demo-resources';
import { StudioOperator } from './resources/operator.entity';
import { ResourcesResolver } from './resources/resources.resolver';
import { WorkCenter } from './resources/work-center.entity';

/** Capacity: each studio's resources (working calendar, work centers, operators) and shared capacity (offers, overflow requests and their optimal allocation). */
export const capacitySubgraph: SubgraphDefinition<CapacityLoaders> = {
  name: 'capacity',
  defaultPort: 4005,
  database: {
    entities: [
      CapacityOffer,
      OfferBooking,
      AllianceMember,
      PartnerStageGrant,
      OverflowRequest,
      Allocation,
      WorkingCalendarRow,
      WorkCenter,
      StudioOperator,
      IdempotencyRecord,
      OutboxEvent,
      ProcessedEvent,
    ],
    migrations: capacityMigrations,
  },
  access: capacityAccess,
  buildSchema: () =>
    buildFederatedSchema(
      'capacity',
      capacityAccess,
      {
        resolvers: [CapacityResolver, AllocationLiveResolver, EnterpriseCapacityResolver, SurgeResolver, ResourcesResolver],
        orphanedTypes: [EnterpriseCapacity],
      },
      { Enterprise: { __resolveReference: (reference: { id: string }) => ({ id: reference.id }) } },
    ),
  createLoaders: createCapacityLoaders,
  consumers: [orderEventsConsumer(capacityService), relationshipEventsConsumer()],
  seed: async (runtime) => {
    await seedDemoCapacity(runtime.systemContext());
    await seedDemoResources(runtime.systemContext());
  },
  start: () => capacityService.warmUp(),
  close: () => capacityService.close(),
};
