export const ENTERPRISE_KINDS = ['STUDIO', 'PARTNER_STUDIO', 'SUPPLIER', 'KITCHEN'] as const;
export type EnterpriseKind = (typeof ENTERPRISE_KINDS)[number];

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
