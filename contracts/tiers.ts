/**
 * Customer visibility tiers, least detailed first. A customer sees a datum only when the
 * tier they chose (capped by what the studio allows for the order) is at least the datum's tier.
 */
export const VISIBILITY_TIERS = ['MINIMAL', 'BASIC', 'DETAILED'] as const;
export type VisibilityTier = (typeof VISIBILITY_TIERS)[number];

export function isVisibilityTier(value: unknown): value is VisibilityTier {
  return typeof value === 'string' && (VISIBILITY_TIERS as readonly string[]).includes(value);
}

/** True when `granted` is at least as detailed as `required`. */
export function tierAllows(granted: VisibilityTier, required: VisibilityTier): boolean {
  return VISIBILITY_TIERS.indexOf(granted) >= VISIBILITY_TIERS.indexOf(required);
}

/** The less detailed of two tiers: a customer's choice never exceeds the studio's cap. */
export function lowerTier(a: VisibilityTier, b: VisibilityTier): VisibilityTier {
  return VISIBILITY_TIERS.indexOf(a) <= VISIBILITY_TIERS.indexOf(b) ? a : b;
}
