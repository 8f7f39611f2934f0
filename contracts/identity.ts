import type { VisibilityTier } from './tiers';
import { isVisibilityTier } from './tiers';

/**
 * Who may act in the hub. Staff roles belong to one enterprise (the token's `org`); a partner,
 * supplier or kitchen acts for its own enterprise; a customer follows named orders only.
 */
export const ROLES = ['HUB_ADMIN', 'STUDIO_ADMIN', 'SUPERVISOR', 'OPERATOR', 'PARTNER', 'SUPPLIER', 'KITCHEN', 'CUSTOMER'] as const;
export type Role = (typeof ROLES)[number];

/** The studio's own people: they see their studio's data in full. */
export const STUDIO_STAFF: readonly Role[] = ['STUDIO_ADMIN', 'SUPERVISOR', 'OPERATOR'];
/** Staff who may change plans: routes, cancellations, exception resolutions, customer links. */
export const STUDIO_LEADS: readonly Role[] = ['STUDIO_ADMIN', 'SUPERVISOR'];

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}

/** JWT claim names beyond the registered ones (`sub`, `exp`, `iat`, `iss`, `aud`, `jti`). */
export const CLAIMS = {
  org: 'org',
  roles: 'roles',
  /** Customer tokens: the order ids the customer may follow. */
  orders: 'orders',
  /** Customer tokens: the tier the customer chose. */
  tier: 'tier',
  /** Customer tokens minted from a customer link: the link, so revoking it ends access. */
  link: 'lnk',
  /**
   * Tokens the hub signs in exchange for an identity provider's (gateway/token-exchange.ts): the
   * provider's issuer, so the principal is issuer + subject, as memberships bind it.
   */
  identityProvider: 'idp',
} as const;

/** Issuer of the tokens the hub signs itself (embedded mode, customer links). */
export const HUB_ISSUER = 'weft-hub';
export const HUB_AUDIENCE = 'weft';
/** `typ` header of a customer link: a credential to exchange, never a bearer token. */
export const LINK_TOKEN_TYPE = 'weft-link+jwt';

/** A verified caller. Built from a token's claims; never from anything the client sends unsigned. */
export interface Principal {
  subject: string;
  /** The enterprise the caller acts for; null for customers and hub admins without one. */
  org: string | null;
  roles: readonly Role[];
  /** Customers only. */
  customer?: { orders: readonly string[]; tier: VisibilityTier; linkId?: string };
  /**
   * The identity provider that vouched for the subject, on tokens the hub signed in exchange for
   * the provider's. With no roles, the token is identity-only: a signed-in person with no
   * membership, who may only apply for an enterprise or accept an invitation (docs/access-control.md).
   */
  identityProvider?: string;
}

/** A signed-in person with no membership yet: no roles, no enterprise, only an identity. */
export const isNewcomer = (principal: Principal | null | undefined): boolean =>
  !!principal && principal.roles.length === 0 && !!principal.identityProvider;

export class ClaimsError extends Error {}

/** Checks a token's claims and turns them into a principal; throws ClaimsError on anything odd. */
export function principalFromClaims(claims: Record<string, unknown>): Principal {
  const subject = claims.sub;
  if (typeof subject !== 'string' || !subject) throw new ClaimsError('token has no subject');
  const roles = claims[CLAIMS.roles];
  const identityProvider = claims[CLAIMS.identityProvider];
  if (identityProvider !== undefined && (typeof identityProvider !== 'string' || !identityProvider))
    throw new ClaimsError('token idp is not a string');
  // No roles only for an identity-only token (an exchanged provider token with no membership yet).
  const identityOnly = !!identityProvider && Array.isArray(roles) && roles.length === 0;
  if (!Array.isArray(roles) || (roles.length === 0 && !identityOnly) || !roles.every(isRole))
    throw new ClaimsError('token roles are missing or unknown');
  const org = claims[CLAIMS.org] ?? null;
  if (org !== null && typeof org !== 'string') throw new ClaimsError('token org is not a string');
  const needsOrg = roles.some((role) => role !== 'HUB_ADMIN' && role !== 'CUSTOMER');
  if (needsOrg && !org) throw new ClaimsError(`roles ${roles.join(', ')} need an org claim`);
  if (identityOnly && org) throw new ClaimsError('an identity-only token names no org');
  const principal: Principal = { subject, org, roles: [...new Set(roles)] };
  if (identityProvider) principal.identityProvider = identityProvider;
  if (roles.includes('CUSTOMER')) {
    const orders = claims[CLAIMS.orders];
    const tier = claims[CLAIMS.tier];
    const link = claims[CLAIMS.link];
    if (!Array.isArray(orders) || !orders.every((id) => typeof id === 'string'))
      throw new ClaimsError('customer token needs an orders claim');
    if (!isVisibilityTier(tier)) throw new ClaimsError('customer token needs a tier claim');
    if (link !== undefined && typeof link !== 'string') throw new ClaimsError('token lnk is not a string');
    principal.customer = { orders, tier, ...(link ? { linkId: link } : {}) };
  }
  return principal;
}

/** The claims a principal is written as (the inverse of principalFromClaims). */
export function claimsOf(principal: Principal): Record<string, unknown> {
  return {
    sub: principal.subject,
    [CLAIMS.roles]: [...principal.roles],
    ...(principal.org ? { [CLAIMS.org]: principal.org } : {}),
    ...(principal.identityProvider ? { [CLAIMS.identityProvider]: principal.identityProvider } : {}),
    ...(principal.customer
      ? {
          [CLAIMS.orders]: [...principal.customer.orders],
          [CLAIMS.tier]: principal.customer.tier,
          ...(principal.customer.linkId ? { [CLAIMS.link]: principal.customer.linkId } : {}),
        }
      : {}),
  };
}
