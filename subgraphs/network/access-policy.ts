import type { AccessPolicy } from '../../platform/access/policy';

/** The network directory is public: who is in it, what they do, where, in which alliances. */
export const networkAccess: AccessPolicy = {
  operations: { 'Query.enterprise': 'PUBLIC', 'Query.enterprises': 'PUBLIC' },
  types: { Enterprise: { public: true } },
};
