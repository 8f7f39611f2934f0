import type { Role } from './identity';

export const ENTERPRISE_KINDS = ['STUDIO', 'PARTNER_STUDIO', 'SUPPLIER', 'KITCHEN'] as const;
export type EnterpriseKind = (typeof ENTERPRISE_KINDS)[number];

/**
 * The roles a member of each kind of enterprise may hold, and the one that manages its members:
 * a studio has admins, supervisors and operators; a partner workshop, supplier or kitchen acts as
 * one (its people hold its single role, and each of them may manage the others, as each may
 * change its directory entry).
 */
export const MEMBER_ROLES: Readonly<Record<EnterpriseKind, readonly Role[]>> = {
  STUDIO: ['STUDIO_ADMIN', 'SUPERVISOR', 'OPERATOR'],
  PARTNER_STUDIO: ['PARTNER'],
  SUPPLIER: ['SUPPLIER'],
  KITCHEN: ['KITCHEN'],
};
export const MEMBER_ADMIN_ROLE: Readonly<Record<EnterpriseKind, Role>> = {
  STUDIO: 'STUDIO_ADMIN',
  PARTNER_STUDIO: 'PARTNER',
  SUPPLIER: 'SUPPLIER',
  KITCHEN: 'KITCHEN',
};

/** How an invitation reaches the person: the console shows its link to send by e-mail or phone. */
export const INVITATION_CHANNELS = ['EMAIL', 'PHONE'] as const;
export type InvitationChannel = (typeof INVITATION_CHANNELS)[number];

/** Where an invitation stands (EXPIRED is derived from its expiry, never stored). */
export const INVITATION_STATES = ['PENDING', 'ACCEPTED', 'REVOKED', 'EXPIRED'] as const;
export type InvitationState = (typeof INVITATION_STATES)[number];

/** Why an exchange of an identity provider's token is refused (gateway/token-exchange.ts, docs/access-control.md). */
export const NOT_A_MEMBER = 'NOT_A_MEMBER';

/** Enterprise ids are stable slugs: lower-case words joined by hyphens. */
export const ENTERPRISE_ID_PATTERN = /^[a-z][a-z0-9]*(-[a-z0-9]+)*$/;

/**
 * Where an enterprise stands in the network: APPLIED (waiting for a hub admin), ACTIVE,
 * REJECTED (final), SUSPENDED (its members lose access until reinstated). The moves between
 * them are a table in the network subgraph (subgraphs/network/enterprise-status.ts).
 */
export const ENTERPRISE_STATUSES = ['APPLIED', 'ACTIVE', 'REJECTED', 'SUSPENDED'] as const;
export type EnterpriseStatus = (typeof ENTERPRISE_STATUSES)[number];

/** Why a request is refused when the caller's enterprise is suspended (FORBIDDEN's `reason`). */
export const ENTERPRISE_SUSPENDED = 'ENTERPRISE_SUSPENDED';
