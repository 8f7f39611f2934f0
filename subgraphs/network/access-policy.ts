import type { AccessPolicy, RolesActingFor } from '../../platform/access/policy';

/** A hub admin's write of someone's directory entry (status moves act for the enterprise they move). */
const hubAdminFor = (enterpriseOf: (args: Record<string, unknown>) => string): RolesActingFor => ({
  roles: ['HUB_ADMIN'],
  actsFor: enterpriseOf,
  directory: true,
});
const byId = (args: Record<string, unknown>) => args.id as string;
const byInputId = (args: Record<string, unknown>) => (args.input as { id?: string } | undefined)?.id ?? '';

/**
 * The network directory is public: who is in it, what they do, where, in which alliances. An
 * enterprise changes its own entry (a studio's admin, a partner, supplier or kitchen for itself);
 * a hub admin may change any entry, and registers, approves, rejects, suspends and reinstates
 * enterprises — the directory is the only thing hub admins write, and each change is in the
 * audit trail. Applications (APPLIED, REJECTED) stay out of the directory: hub admins and the
 * applicant see them. Applying needs a signed-in member of the network (an identity with no
 * enterprise yet has no hub roles until memberships exist: issue 33, item 1's members part).
 */
export const networkAccess: AccessPolicy = {
  operations: {
    'Query.enterprise': 'PUBLIC',
    'Query.enterprises': 'PUBLIC',
    'Query.enterpriseApplications': ['HUB_ADMIN'],
    'Query.myEnterpriseApplications': ['STUDIO_ADMIN', 'SUPERVISOR', 'OPERATOR', 'PARTNER', 'SUPPLIER', 'KITCHEN', 'HUB_ADMIN'],
    'Query.suspendedEnterprises': ['HUB_ADMIN'],
    'Mutation.changeEnterprise': {
      roles: ['STUDIO_ADMIN', 'PARTNER', 'SUPPLIER', 'KITCHEN', 'HUB_ADMIN'],
      actsFor: byId,
      directory: true,
    },
    'Mutation.registerEnterprise': hubAdminFor(byInputId),
    'Mutation.applyForEnterprise': ['STUDIO_ADMIN', 'SUPERVISOR', 'OPERATOR', 'PARTNER', 'SUPPLIER', 'KITCHEN'],
    'Mutation.approveEnterprise': hubAdminFor(byId),
    'Mutation.rejectEnterprise': hubAdminFor(byId),
    'Mutation.suspendEnterprise': hubAdminFor(byId),
    'Mutation.reinstateEnterprise': hubAdminFor(byId),
  },
  types: { Enterprise: { public: true } },
};

/** What the network answers differently per viewer: never kept by a gateway (see public-answers.ts). */
export const NETWORK_PRIVATE_FIELDS = [
  'Query.enterpriseApplications',
  'Query.myEnterpriseApplications',
  'Query.suspendedEnterprises',
  'Enterprise.statusReason',
] as const;
