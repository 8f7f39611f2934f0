import { randomBytes } from 'node:crypto';
import type { Principal, Role, VisibilityTier } from '../../contracts';
import { TokenService } from '../../platform/access/tokens';

/** A token service with a fresh random key, as each test hub gets. */
export function testTokens(): TokenService {
  return new TokenService({ hubSecret: randomBytes(32).toString('base64url') });
}

export const staff = (org: string, role: Role = 'STUDIO_ADMIN'): Principal => ({
  subject: `${role.toLowerCase()}@${org}`,
  org,
  roles: [role],
});
export const partner = (org: string, role: Role = 'PARTNER'): Principal => ({
  subject: `${role.toLowerCase()}@${org}`,
  org,
  roles: [role],
});
export const hubAdmin = (): Principal => ({ subject: 'admin@weft', org: null, roles: ['HUB_ADMIN'] });
export const customer = (orders: string[], tier: VisibilityTier): Principal => ({
  subject: `customer:${orders.join(',')}`,
  org: null,
  roles: ['CUSTOMER'],
  customer: { orders, tier },
});
