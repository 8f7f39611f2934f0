import type { RequestContext } from '../../platform/access/context';
import { daysAfter } from '../../platform/data/days';
import { STATUS } from '../../contracts';
import { BillOfMaterialsService } from './bill-of-materials.service';
import { Material } from './entities/material';
import type { MaterialInput } from './inputs';
import { MaterialCatalogueService } from './material-catalogue.service';
import { Supplier, type SupplierTier } from './entities/supplier';
import { InventoryService } from './inventory.service';

/** The demo catalogue: clay and glaze for teaware, gold leaf for gilding, flour and cream for pastry, cloth for suits. Each studio whose bill names one catalogues it. */
export const DEMO_MATERIALS: Omit<MaterialInput, 'substitutes' | 'stockingPolicy'>[] = [
  {
    sku: 'CLAY-KAOLIN',
    nameEn: 'Kaolin porcelain clay',
    nameZh: '高岭瓷泥',
    unit: 'g',
    abcClass: 'B',
    unitCostCents: 2,
    safetyStock: 20_000,
  },
  { sku: 'GLAZE-CELADON', nameEn: 'Celadon glaze', nameZh: '青瓷釉', unit: 'ml', abcClass: 'B', unitCostCents: 5, safetyStock: 3_000 },
  {
    sku: 'GOLD-LEAF-24K',
    nameEn: '24k gold leaf',
    nameZh: '24K 金箔',
    unit: 'sheet',
    abcClass: 'A',
    unitCostCents: 1_200,
    safetyStock: 60,
  },
  { sku: 'GIFT-BOX', nameEn: 'Gift box', nameZh: '礼盒', unit: 'piece', abcClass: 'C', unitCostCents: 800, safetyStock: 40 },
  { sku: 'FLOUR-CAKE', nameEn: 'Cake flour', nameZh: '低筋面粉', unit: 'g', abcClass: 'C', unitCostCents: 1, safetyStock: 20_000 },
  { sku: 'CREAM-ANIMAL', nameEn: 'Dairy cream', nameZh: '动物奶油', unit: 'ml', abcClass: 'B', unitCostCents: 4, safetyStock: 5_000 },
  {
    sku: 'WOOL-SUITING',
    nameEn: 'Wool suiting',
    nameZh: '羊毛西装面料',
    unit: 'cm',
    abcClass: 'A',
    unitCostCents: 150,
    safetyStock: 1_500,
  },
  { sku: 'SILK-LINING', nameEn: 'Silk lining', nameZh: '真丝里布', unit: 'cm', abcClass: 'B', unitCostCents: 60, safetyStock: 800 },
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

/**
 * Seeds each studio's materials and bills of materials through the calls a studio makes
 * (upsertMaterial, setBillOfMaterials), then the suppliers and their first publication (sequence 1).
 */
export async function seedDemoSuppliers(ctx: RequestContext<unknown>): Promise<void> {
  const em = ctx.em.fork();
  if ((await em.count(Material, {})) > 0) return;
  const catalogue = new MaterialCatalogueService();
  const bills = new BillOfMaterialsService();
  for (const studioId of [...new Set(DEMO_BOMS.map((bom) => bom.studioId))]) {
    const skus = new Set(DEMO_BOMS.filter((bom) => bom.studioId === studioId).flatMap((bom) => bom.lines.map(([sku]) => sku)));
    for (const material of DEMO_MATERIALS.filter((candidate) => skus.has(candidate.sku)))
      await catalogue.upsert(ctx, studioId, material, `demo-material-${studioId}-${material.sku}`);
  }
  for (const bom of DEMO_BOMS) {
    const lines = bom.lines.map(([sku, quantityPerUnit]) => ({ sku, quantityPerUnit, stageCode: STATUS.MATERIAL_PREPARATION }));
    await bills.set(ctx, bom.studioId, bom.productCode, lines, `demo-bom-${bom.studioId}-${bom.productCode}`);
  }
  await em.transactional(async (tx) => {
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
