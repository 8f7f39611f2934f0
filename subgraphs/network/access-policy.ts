import type { AccessPolicy } from '../../platform/access/policy';

/**
 * The network directory is public: who is in it, what they do, where, in which alliances. An
 * enterprise changes its own entry (a studio's admin, a partner, supplier or kitchen for itself).
 */
export const networkAccess: AccessPolicy = {
  operations: {
    'Query.enterprise': 'PUBLIC',
    'Query.enterprises': 'PUBLIC',
    'Mutation.changeEnterprise': {
      roles: ['STUDIO_ADMIN', 'PARTNER', 'SUPPLIER', 'KITCHEN', 'HUB_ADMIN'],
      actsFor: (args) => args.id as string,
    },
  },
  types: { Enterprise: { public: true } },
};
