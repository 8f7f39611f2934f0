import type { SupplierTier } from '../contracts';

/**
 * The demo studios' suppliers and partners, as the studios name them (issue 33, item 1): what the
 * demo seed sets through the network subgraph's RelationshipService, and what the migration that
 * added relationships wrote for databases that already held the demo network. A studio's
 * suppliers are those of its bills' materials (and the emergency pool of its alliance); its
 * partners the workshops and kitchens whose offers it drew on, with the stages they offer.
 */
export const DEMO_SUPPLIER_RELATIONSHIPS: ReadonlyArray<{
  studioId: string;
  supplierId: string;
  tier: SupplierTier;
  annualVolumeYuan?: number;
  flexibleBandPercent?: number;
}> = [
  { studioId: 'moyun-studio', supplierId: 'jingdezhen-clay', tier: 'PRIMARY', annualVolumeYuan: 360_000, flexibleBandPercent: 30 },
  { studioId: 'moyun-studio', supplierId: 'nanjing-gold-leaf', tier: 'PRIMARY', annualVolumeYuan: 180_000, flexibleBandPercent: 30 },
  { studioId: 'moyun-studio', supplierId: 'yixing-clay', tier: 'SECONDARY' },
  { studioId: 'moyun-studio', supplierId: 'jiangnan-flour', tier: 'SECONDARY' },
  { studioId: 'moyun-studio', supplierId: 'east-china-emergency-pool', tier: 'EMERGENCY' },
  { studioId: 'moyun-bakery', supplierId: 'jiangnan-flour', tier: 'PRIMARY', annualVolumeYuan: 480_000, flexibleBandPercent: 30 },
  { studioId: 'moyun-bakery', supplierId: 'east-china-emergency-pool', tier: 'EMERGENCY' },
  { studioId: 'youcaifeng', supplierId: 'suzhou-silk', tier: 'PRIMARY', annualVolumeYuan: 600_000, flexibleBandPercent: 30 },
  { studioId: 'youcaifeng', supplierId: 'east-china-emergency-pool', tier: 'EMERGENCY' },
];

export const DEMO_PARTNER_RELATIONSHIPS: ReadonlyArray<{ studioId: string; partnerId: string; stageCodes: string[] }> = [
  { studioId: 'moyun-studio', partnerId: 'gilding-atelier', stageCodes: ['C50'] },
  { studioId: 'moyun-studio', partnerId: 'jingde-kiln-works', stageCodes: ['C40', 'C60'] },
  { studioId: 'moyun-bakery', partnerId: 'pudong-cloud-kitchen', stageCodes: ['KITCHEN_COLD_CHAIN_PASTRY'] },
  { studioId: 'moyun-bakery', partnerId: 'xuhui-cloud-kitchen', stageCodes: ['KITCHEN_COLD_CHAIN_PASTRY'] },
  { studioId: 'youcaifeng', partnerId: 'hangzhou-stitch-lab', stageCodes: ['C74'] },
];
