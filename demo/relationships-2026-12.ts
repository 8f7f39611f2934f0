/**
 * The demo studios' relationships as they stood when relationships became rows (the network's
 * Migration20261207220741, and the suppliers subgraph's projection of them): frozen here, so the
 * migrations write the same rows whatever demo/relationships.ts becomes.
 */
export const SUPPLIERS_2026_12: [
  studioId: string,
  supplierId: string,
  tier: string,
  volumeYuan: number | null,
  bandPercent: number | null,
][] = [
  ['moyun-studio', 'jingdezhen-clay', 'PRIMARY', 360_000, 30],
  ['moyun-studio', 'nanjing-gold-leaf', 'PRIMARY', 180_000, 30],
  ['moyun-studio', 'yixing-clay', 'SECONDARY', null, null],
  ['moyun-studio', 'jiangnan-flour', 'SECONDARY', null, null],
  ['moyun-studio', 'east-china-emergency-pool', 'EMERGENCY', null, null],
  ['moyun-bakery', 'jiangnan-flour', 'PRIMARY', 480_000, 30],
  ['moyun-bakery', 'east-china-emergency-pool', 'EMERGENCY', null, null],
  ['youcaifeng', 'suzhou-silk', 'PRIMARY', 600_000, 30],
  ['youcaifeng', 'east-china-emergency-pool', 'EMERGENCY', null, null],
];

export const PARTNERS_2026_12: [studioId: string, partnerId: string, stageCodes: string[]][] = [
  ['moyun-studio', 'gilding-atelier', ['C50']],
  ['moyun-studio', 'jingde-kiln-works', ['C40', 'C60']],
  ['moyun-bakery', 'pudong-cloud-kitchen', ['KITCHEN_COLD_CHAIN_PASTRY']],
  ['moyun-bakery', 'xuhui-cloud-kitchen', ['KITCHEN_COLD_CHAIN_PASTRY']],
  ['youcaifeng', 'hangzhou-stitch-lab', ['C74']],
];
