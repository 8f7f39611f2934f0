import { STUDIO_LEADS, STUDIO_STAFF } from '../../contracts';
import type { AccessPolicy, RolesActingFor } from '../../platform/access/policy';
import { CAPACITY_PARTNERS } from '../../platform/access/viewer';

/** A studio's resources are read by its staff (and hub admins), for the studio `enterpriseId` names… */
const RESOURCES_READ: RolesActingFor = { roles: [...STUDIO_STAFF, 'HUB_ADMIN'], actsFor: (args) => String(args.enterpriseId) };
/** …and edited by its admins and supervisors only, named by the argument or the input. */
const RESOURCES_EDIT: RolesActingFor = {
  roles: STUDIO_LEADS,
  actsFor: (args) => String((args.input as { enterpriseId?: string } | undefined)?.enterpriseId ?? args.enterpriseId),
};

/**
 * Who sees what of shared capacity. Every studio's staff see the active offers (that is what
 * they plan overflow against); a partner or kitchen sees its own offers and the work allocated
 * to it; a studio sees its own requests and where they went. Allocating is a studio lead's, for
 * their own requests (hub admins read all of it and write none).
 */
export const capacityAccess: AccessPolicy = {
  operations: {
    'Query.capacityOffers': [...STUDIO_STAFF, 'HUB_ADMIN', ...CAPACITY_PARTNERS],
    'Query.overflowRequests': [...STUDIO_STAFF, 'HUB_ADMIN'],
    'Query.allocations': [...STUDIO_STAFF, 'HUB_ADMIN', ...CAPACITY_PARTNERS],
    'Query.allocation': [...STUDIO_STAFF, 'HUB_ADMIN', ...CAPACITY_PARTNERS],
    // Served by the gateway: the enterprise's own people (and hub admins) only.
    'Subscription.allocationEvents': {
      roles: [...STUDIO_STAFF, 'HUB_ADMIN', ...CAPACITY_PARTNERS],
      actsFor: (args) => String(args.enterpriseId),
    },
    'Query.capacityElasticity': 'AUTHENTICATED',
    'Mutation.publishCapacityOffer': {
      roles: [...CAPACITY_PARTNERS, ...STUDIO_LEADS],
      actsFor: (args) => (args.input as { enterpriseId: string }).enterpriseId,
    },
    'Mutation.withdrawCapacityOffer': [...CAPACITY_PARTNERS, ...STUDIO_LEADS],
    'Mutation.requestOverflow': { roles: STUDIO_LEADS, actsFor: (args) => (args.input as { studioId: string }).studioId },
    'Mutation.allocateOverflow': STUDIO_LEADS,
    // Its own requests only: another studio's are not found (the row rule).
    'Mutation.withdrawOverflowRequest': STUDIO_LEADS,
    'Mutation.declineAllocation': CAPACITY_PARTNERS,
    'Mutation.declareDemandSurge': { roles: STUDIO_LEADS, actsFor: (args) => args.studioId as string },
    // The studio's resources: calendar, work centers, operators (resources/).
    'Query.workingCalendar': RESOURCES_READ,
    'Query.workCenters': RESOURCES_READ,
    'Query.studioOperators': RESOURCES_READ,
    'Query.isWorking': RESOURCES_READ,
    'Query.nextWorkingMinutes': RESOURCES_READ,
    'Mutation.setWorkingCalendar': RESOURCES_EDIT,
    'Mutation.upsertCalendarClosure': RESOURCES_EDIT,
    'Mutation.removeCalendarClosure': RESOURCES_EDIT,
    'Mutation.upsertWorkCenter': RESOURCES_EDIT,
    'Mutation.removeWorkCenter': RESOURCES_EDIT,
    'Mutation.upsertStudioOperator': RESOURCES_EDIT,
    'Mutation.removeStudioOperator': RESOURCES_EDIT,
    'Mutation.addOperatorLeave': RESOURCES_EDIT,
    'Mutation.importResources': RESOURCES_EDIT,
  },
  types: {
    Enterprise: { public: true },
    CapacityOffer: {
      entity: 'CapacityOffer',
      ownership: { studio: 'enterpriseId', anyStudio: true, partner: (viewer) => ({ enterpriseId: viewer.org! }) },
      fields: { hub: true, partner: true },
    },
    OverflowRequest: { entity: 'OverflowRequest', ownership: { studio: 'studioId' }, fields: { hub: true } },
    Allocation: {
      entity: 'Allocation',
      ownership: { studio: 'studioId', partner: (viewer) => ({ enterpriseId: viewer.org! }) },
      fields: { hub: true, partner: true },
    },
    // Hub admins read a studio's resources as they read its directory entry; real names stay with its leads.
    WorkingCalendar: { entity: 'WorkingCalendarRow', ownership: { studio: 'enterpriseId' }, fields: { hub: true } },
    WorkCenter: { entity: 'WorkCenter', ownership: { studio: 'enterpriseId' }, fields: { hub: true } },
    StudioOperator: {
      entity: 'StudioOperator',
      ownership: { studio: 'enterpriseId' },
      fields: { hub: true },
      overrides: { realName: { studioRoles: STUDIO_LEADS } },
    },
  },
};
