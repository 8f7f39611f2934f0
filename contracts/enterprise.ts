export const ENTERPRISE_KINDS = ['STUDIO', 'PARTNER_STUDIO', 'SUPPLIER', 'KITCHEN'] as const;
export type EnterpriseKind = (typeof ENTERPRISE_KINDS)[number];

/** Enterprise ids are stable slugs: lower-case words joined by hyphens. */
export const ENTERPRISE_ID_PATTERN = /^[a-z][a-z0-9]*(-[a-z0-9]+)*$/;
