import { KITCHEN_CAPABILITIES } from './capabilities';
import type { EnterpriseKind } from './enterprise';
import { VOCABULARY } from './vocabulary';

/**
 * A studio's relationships with the enterprises that work for it (issue 33, item 1): the network
 * subgraph owns them; other subgraphs learn them from its events. A supplier is asked in tier
 * order: the primary's annual flexible contract first (volume ± a band, ±30 % in the source),
 * then the secondary, then the emergency pool.
 */
export const SUPPLIER_TIERS = ['PRIMARY', 'SECONDARY', 'EMERGENCY'] as const;
export type SupplierTier = (typeof SUPPLIER_TIERS)[number];

export const RELATIONSHIP_LIMITS = {
  /** The widest flexible band a primary contract may have, in percent either way (the source's ±30 %). */
  maxFlexibleBandPercent: 30,
  /** A contract's annual volume, in yuan: up to ¥1 billion. */
  maxAnnualVolumeYuan: 1_000_000_000,
  /** Stage codes one partner relationship may name. */
  maxStageCodes: 40,
} as const;

/** Who may be named in each relationship. */
export const SUPPLIER_KINDS: readonly EnterpriseKind[] = ['SUPPLIER'];
export const PARTNER_KINDS: readonly EnterpriseKind[] = ['PARTNER_STUDIO', 'KITCHEN'];

/**
 * What a partner may take for a studio: a stage code of the vocabulary (a standard one, or this
 * studio's own extension) or, for a kitchen, a kitchen capability.
 */
export function isPartnerStageCode(studioId: string, code: string): boolean {
  if ((KITCHEN_CAPABILITIES as readonly string[]).includes(code)) return true;
  const entry = VOCABULARY.findStatus(code);
  return entry !== undefined && (entry.enterpriseId === undefined || entry.enterpriseId === studioId);
}
