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
const byEnterpriseId = (args: Record<string, unknown>) => args.enterpriseId as string;
/**
 * Members are managed by the enterprise's own admin role (by kind: a studio's STUDIO_ADMIN, a
 * partner's, supplier's or kitchen's single role; members.service.ts checks which) and by hub
 * admins. A membership is the network's record of who belongs where: a directory write.
 */
const MEMBER_MANAGERS = ['STUDIO_ADMIN', 'PARTNER', 'SUPPLIER', 'KITCHEN', 'HUB_ADMIN'] as const;
const managesMembers: RolesActingFor = { roles: MEMBER_MANAGERS, actsFor: byEnterpriseId, directory: true };
/** Anyone signed in with an enterprise role, and newcomers (an identity with no membership yet). */
const MEMBER_ROLES_OR_NEWCOMERS = {
  roles: ['STUDIO_ADMIN', 'SUPERVISOR', 'OPERATOR', 'PARTNER', 'SUPPLIER', 'KITCHEN'],
  newcomers: true,
} as const;
const byInputId = (args: Record<string, unknown>) => (args.input as { id?: string } | undefined)?.id ?? '';

/**
 * The network directory is public: who is in it, what they do, where, in which alliances. An
 * enterprise changes its own entry (a studio's admin, a partner, supplier or kitchen for itself);
 * a hub admin may change any entry, and registers, approves, rejects, suspends and reinstates
 * enterprises — the directory is the only thing hub admins write, and each change is in the
 * audit trail. Applications (APPLIED, REJECTED) stay out of the directory: hub admins and the
 * applicant see them. Applying and accepting an invitation take a newcomer too: someone signed
 * in through the identity provider with no membership yet (an identity-only token, see
 * docs/access-control.md). Members and invitations are seen only by the enterprise's admins
 * and hub admins; the gateway asks `memberAccess` as a hub-admin service principal.
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
    'Mutation.applyForEnterprise': MEMBER_ROLES_OR_NEWCOMERS,
    'Mutation.approveEnterprise': hubAdminFor(byId),
    'Mutation.rejectEnterprise': hubAdminFor(byId),
    'Mutation.suspendEnterprise': hubAdminFor(byId),
    'Mutation.reinstateEnterprise': hubAdminFor(byId),
    'Query.enterpriseMembers': { roles: MEMBER_MANAGERS, actsFor: byEnterpriseId },
    'Query.memberInvitations': { roles: MEMBER_MANAGERS, actsFor: byEnterpriseId },
    'Query.memberAccess': ['HUB_ADMIN'],
    'Mutation.inviteMember': managesMembers,
    'Mutation.revokeInvitation': managesMembers,
    'Mutation.changeMemberRoles': managesMembers,
    'Mutation.removeMember': managesMembers,
    'Mutation.acceptInvitation': MEMBER_ROLES_OR_NEWCOMERS,
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
  'Query.enterpriseMembers',
  'Query.memberInvitations',
  'Query.memberAccess',
  'Query.supplierRelationships',
  'Query.partnerRelationships',
  'Enterprise.statusReason',
  // Rows by viewer, reached only through the two private queries above (and mutations, never kept).
  'SupplierRelationship',
  'PartnerRelationship',
] as const;
