import type { AccessPolicy } from '../../platform/access/policy';

/**
 * The network directory is public: who is in it, what they do, where, in which alliances. An
 * enterprise changes its own entry (a studio's admin, a partner, supplier or kitchen for itself);
 * a hub admin may change any entry — the directory is the only thing hub admins write, and each
 * change is in the audit trail.
 */
export const networkAccess: AccessPolicy = {
  operations: {
    'Query.enterprise': 'PUBLIC',
    'Query.enterprises': 'PUBLIC',
    'Mutation.changeEnterprise': {
      roles: ['STUDIO_ADMIN', 'PARTNER', 'SUPPLIER', 'KITCHEN', 'HUB_ADMIN'],
      actsFor: (args) => args.id as string,
      directory: true,
    },
  },
  types: { Enterprise: { public: true } },
};
