import { buildFederatedSchema } from '../../platform/graphql/build-schema';
import type { SubgraphDefinition } from '../../platform/runtime/subgraph';
import { kitchensAccess } from './access-policy';
import { seedDemoKitchens } from './demo-kitchens';
import { CloudKitchen, EnterpriseKitchen, FulfillmentCycle, Subscription, SubscriptionPlan, WeeklyProductionPlan } from './entities';
import { EnterpriseKitchenResolver, KitchensResolver } from './kitchens.resolver';
import { kitchensMigrations } from './migrations';

export const kitchensSubgraph: SubgraphDefinition = {
  name: 'kitchens',
  defaultPort: 4006,
  database: {
    entities: [CloudKitchen, SubscriptionPlan, Subscription, FulfillmentCycle, WeeklyProductionPlan],
    migrations: kitchensMigrations,
  },
  access: kitchensAccess,
  buildSchema: () =>
    buildFederatedSchema(
      'kitchens',
      kitchensAccess,
      { resolvers: [KitchensResolver, EnterpriseKitchenResolver], orphanedTypes: [EnterpriseKitchen] },
      { Enterprise: { __resolveReference: (reference: { id: string }) => ({ id: reference.id }) } },
    ),
  seed: (runtime) => seedDemoKitchens(runtime.systemContext()),
};
