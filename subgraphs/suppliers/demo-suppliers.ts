import type { RequestContext } from '../../platform/access/context';
import { daysAfter } from '../../platform/data/days';
import { BomLine, Material } from './entities/material';
import { Supplier, type SupplierTier } from './entities/supplier';
import { InventoryService } from './inventory.service';

/** The demo catalogue: clay and glaze for teaware, gold leaf for gilding, flour and cream for pastry, cloth for suits. */
export const DEMO_MATERIALS: Omit<Material, never>[] = [
  { sku: 'CLAY-KAOLIN', name: 'Kaolin porcelain clay 高岭瓷泥', unit: 'g', abcClass: 'B', unitCostCents: 2, safetyStock: 20_000 },
  { sku: 'GLAZE-CELADON', name: 'Celadon glaze 青瓷釉', unit: 'ml', abcClass: 'B', unitCostCents: 5, safetyStock: 3_000 },
  { sku: 'GOLD-LEAF-24K', name: '24k gold leaf 24K 金箔', unit: 'sheet', abcClass: 'A', unitCostCents: 1_200, safetyStock: 60 },
  { sku: 'GIFT-BOX', name: 'Gift box 礼盒', unit: 'piece', abcClass: 'C', unitCostCents: 800, safetyStock: 40 },
  { sku: 'FLOUR-CAKE', name: 'Cake flour 低筋面粉', unit: 'g', abcClass: 'C', unitCostCents: 1, safetyStock: 20_000 },
  { sku: 'CREAM-ANIMAL', name: 'Dairy cream 动物奶油', unit: 'ml', abcClass: 'B', unitCostCents: 4, safetyStock: 5_000 },
  { sku: 'WOOL-SUITING', name: 'Wool suiting 羊毛西装面料', unit: 'cm', abcClass: 'A', unitCostCents: 150, safetyStock: 1_500 },
  { sku: 'SILK-LINING', name: 'Silk lining 真丝里布', unit: 'cm', abcClass: 'B', unitCostCents: 60, safetyStock: 800 },
];

/** Bills of materials of the demo studios' products (per unit). */
export const DEMO_BOMS: { studioId: string; productCode: string; lines: [string, number][] }[] = [
  {
    studioId: 'moyun-studio',
    productCode: 'TEA-CUP-CALLIG',
    lines: [
      ['CLAY-KAOLIN', 400],
      ['GLAZE-CELADON', 50],
      ['GOLD-LEAF-24K', 2],
      ['GIFT-BOX', 1],
    ],
  },
  {
    studioId: 'moyun-bakery',
    productCode: 'PST-BOX-168',
    lines: [
      ['FLOUR-CAKE', 600],
      ['CREAM-ANIMAL', 250],
      ['GIFT-BOX', 1],
    ],
  },
  {
    studioId: 'moyun-bakery',
    productCode: 'PST-BOX-88',
    lines: [
      ['FLOUR-CAKE', 300],
      ['CREAM-ANIMAL', 120],
    ],
  },
  {
    studioId: 'youcaifeng',
    productCode: 'TLR-SUIT-WOOL',
    lines: [
      ['WOOL-SUITING', 350],
      ['SILK-LINING', 150],
    ],
  },
];

const SUPPLIERS: {
  id: string;
  tier: SupplierTier;
  categories: string[];
  leadTimeDays: number;
  lots: [string, string, number, number][];
  alsoSupplies?: string[];
}[] = [
  // [sku, lot code, on hand, days since it came in]
  {
    id: 'jingdezhen-clay',
    tier: 'PRIMARY',
    categories: ['clay', 'glaze'],
    leadTimeDays: 3,
    lots: [
      ['CLAY-KAOLIN', 'JDZ-K-2611A', 30_000, 20],
      ['CLAY-KAOLIN', 'JDZ-K-2611B', 40_000, 6],
      ['GLAZE-CELADON', 'JDZ-G-2611', 12_000, 10],
    ],
  },
  { id: 'yixing-clay', tier: 'SECONDARY', categories: ['clay'], leadTimeDays: 5, lots: [['CLAY-KAOLIN', 'YX-K-2610', 8_000, 30]] },
  {
    id: 'nanjing-gold-leaf',
    tier: 'PRIMARY',
    categories: ['gold-leaf'],
    leadTimeDays: 4,
    lots: [['GOLD-LEAF-24K', 'NJ-GL-2611', 220, 12]],
  },
  {
    id: 'jiangnan-flour',
    tier: 'PRIMARY',
    categories: ['flour', 'dairy', 'packaging'],
    leadTimeDays: 1,
    lots: [
      ['FLOUR-CAKE', 'JN-F-2611', 60_000, 4],
      ['CREAM-ANIMAL', 'JN-C-2611', 20_000, 2],
      ['GIFT-BOX', 'JN-B-2611', 300, 15],
    ],
  },
  {
    id: 'suzhou-silk',
    tier: 'PRIMARY',
    categories: ['wool', 'silk'],
    leadTimeDays: 7,
    lots: [
      ['WOOL-SUITING', 'SZ-W-2610', 9_000, 25],
      ['SILK-LINING', 'SZ-S-2610', 5_000, 25],
    ],
  },
  {
    id: 'east-china-emergency-pool',
    tier: 'EMERGENCY',
    categories: ['clay', 'gold-leaf', 'flour', 'packaging'],
    leadTimeDays: 1,
    lots: [['GOLD-LEAF-24K', 'EC-GL-2611', 40, 3]],
    alsoSupplies: ['CLAY-KAOLIN', 'FLOUR-CAKE', 'GIFT-BOX'],
  },
];

/** Seeds the catalogue, bills of materials, suppliers and their first publication (sequence 1). */
export async function seedDemoSuppliers(ctx: RequestContext<unknown>): Promise<void> {
  const em = ctx.em.fork();
  if ((await em.count(Material, {})) > 0) return;
  await em.transactional(async (tx) => {
    for (const material of DEMO_MATERIALS) tx.persist(tx.create(Material, material));
    for (const bom of DEMO_BOMS)
      for (const [sku, quantityPerUnit] of bom.lines)
        tx.persist(tx.create(BomLine, { studioId: bom.studioId, productCode: bom.productCode, sku, quantityPerUnit }));
    for (const supplier of SUPPLIERS) {
      tx.persist(
        tx.create(Supplier, {
          id: supplier.id,
          tier: supplier.tier,
          categories: supplier.categories,
          skus: [...new Set([...supplier.lots.map(([sku]) => sku), ...(supplier.alsoSupplies ?? [])])],
          leadTimeDays: supplier.leadTimeDays,
          lastSequence: 0,
        }),
      );
    }
  });
  const inventory = new InventoryService();
  const now = Date.now();
  for (const supplier of SUPPLIERS) {
    const items = supplier.lots.map(([sku, lotCode, onHand, daysAgo]) => ({ sku, lotCode, onHand, receivedAt: daysAfter(now, -daysAgo) }));
    await inventory.publishInventory(ctx, supplier.id, 1, items);
  }
}
