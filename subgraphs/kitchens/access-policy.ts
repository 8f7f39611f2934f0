import { STUDIO_STAFF } from '../../contracts';
import type { AccessPolicy } from '../../platform/access/policy';

/**
 * Kitchens' terms and plans are directory data; a studio's subscribers, cycles and weekly plan
 * are its own. (Kitchens' capacity is offered through the capacity subgraph's CapacityOffer.)
 */
export const kitchensAccess: AccessPolicy = {
  operations: {
    'Query.cloudKitchens': 'AUTHENTICATED',
    'Query.subscriptionPlans': 'AUTHENTICATED',
    'Query.planRetention': [...STUDIO_STAFF, 'HUB_ADMIN'],
    'Query.fulfillmentCycles': [...STUDIO_STAFF, 'HUB_ADMIN'],
    'Query.weeklyProductionPlan': [...STUDIO_STAFF, 'HUB_ADMIN'],
    'Mutation.recordFulfillmentCycle': { roles: STUDIO_STAFF, actsFor: (args) => args.studioId as string },
  },
  types: {
    Enterprise: { public: true },
    CloudKitchen: { public: true },
    SubscriptionPlan: { public: true },
    Subscription: { entity: 'Subscription', rowsOnly: true, ownership: { studio: 'studioId' } },
    FulfillmentCycle: { entity: 'FulfillmentCycle', ownership: { studio: 'studioId' }, fields: { hub: true } },
    WeeklyProductionPlan: { entity: 'WeeklyProductionPlan', ownership: { studio: 'studioId' }, fields: { hub: true } },
  },
};
