import { STUDIO_STAFF } from '../../contracts';
import type { AccessPolicy, RolesActingFor } from '../../platform/access/policy';

/** A hub admin's write of someone's directory entry (status moves act for the enterprise they move). */
const hubAdminFor = (enterpriseOf: (args: Record<string, unknown>) => string): RolesActingFor => ({
  roles: ['HUB_ADMIN'],
  actsFor: enterpriseOf,
  directory: true,
});
/**
 * A studio's relationships are the studio's to name (its admin, for its own studio) and a hub
 * admin's (a directory write: audited). Nobody else writes them, not even the supplier or partner named.
 */
const RELATIONSHIP_EDITORS: RolesActingFor = {
  roles: ['STUDIO_ADMIN', 'HUB_ADMIN'],
  actsFor: (args) => args.studioId as string,
  directory: true,
};
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
    // Rows: a studio's staff its own, a supplier or partner its own relationships only, hub admins all (types below).
    'Query.supplierRelationships': [...STUDIO_STAFF, 'HUB_ADMIN', 'SUPPLIER'],
    'Query.partnerRelationships': [...STUDIO_STAFF, 'HUB_ADMIN', 'PARTNER', 'KITCHEN'],
    'Mutation.setSupplierRelationship': RELATIONSHIP_EDITORS,
    'Mutation.endSupplierRelationship': RELATIONSHIP_EDITORS,
    'Mutation.setPartnerRelationship': RELATIONSHIP_EDITORS,
    'Mutation.endPartnerRelationship': RELATIONSHIP_EDITORS,
  },
  types: {
    Enterprise: { public: true },
    // A supplier reads its own terms with each studio, never the studio's other suppliers'.
    SupplierRelationship: {
      entity: 'SupplierRelationship',
      ownership: { studio: 'studioId', supplier: (viewer) => ({ supplierId: viewer.org! }) },
      fields: { hub: true, supplier: true },
    },
    // A partner reads the stage codes each studio lets it take, never the studio's other partners'.
    PartnerRelationship: {
      entity: 'PartnerRelationship',
      ownership: { studio: 'studioId', partner: (viewer) => ({ partnerId: viewer.org! }) },
      fields: { hub: true, partner: true },
    },
  },
};

/** What the network answers differently per viewer: never kept by a gateway (see public-answers.ts). */
export const NETWORK_PRIVATE_FIELDS = [
  'Query.enterpriseApplications',
  'Query.myEnterpriseApplications',
  'Query.suspendedEnterprises',
  'Query.supplierRelationships',
  'Query.partnerRelationships',
  'Enterprise.statusReason',
  // Rows by viewer, reached only through the two private queries above (and mutations, never kept).
  'SupplierRelationship',
  'PartnerRelationship',
] as const;
