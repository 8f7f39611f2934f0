/**
 * The demo studios' catalogue as the TypeScript route templates had it when routes became
 * catalogue data (2026-12-07): the migration that made the tables turns them into rows, so
 * databases made before it keep importing the orders they did. Frozen here on purpose — later
 * edits go through the catalogue's mutations and make new route versions, never this file.
 */
type Step = [statusCode: string, standardMinutes: number, qcCheckpoint?: boolean];

interface StudioCatalogueV1 {
  studioId: string;
  family: { code: string; nameZh: string; nameEn: string };
  steps: Step[];
  products: { productCode: string; nameZh: string; nameEn: string; shopSkus: string[]; priceCents: number }[];
}

export const CATALOGUE_V1: readonly StudioCatalogueV1[] = [
  {
    studioId: 'moyun-studio',
    family: { code: 'CALLIGRAPHY_TEAWARE', nameZh: '书法茶器', nameEn: 'Calligraphy teaware' },
    steps: [
      ['A10', 1440],
      ['B10', 240],
      ['C10', 180],
      ['C20', 120, true],
      ['C30', 120],
      ['C40', 720, true],
      ['C50', 240],
      ['C60', 600],
      ['E10', 90, true],
    ],
    products: [
      { productCode: 'TEA-CUP-CALLIG', nameZh: '书法茶杯', nameEn: 'Calligraphy tea cup', shopSkus: ['TEA-*'], priceCents: 68800 },
    ],
  },
  {
    studioId: 'youcaifeng',
    family: { code: 'TAILORED_GARMENT', nameZh: '量身定制服装', nameEn: 'Made-to-measure garment' },
    steps: [
      ['A20', 60],
      ['A10', 720],
      ['B10', 240],
      ['C71', 180],
      ['C72', 120],
      ['C73', 1440, true],
      ['C74', 600],
      ['C75', 120],
      ['E10', 60, true],
    ],
    products: [
      { productCode: 'TLR-SUIT-WOOL', nameZh: '羊毛定制西装', nameEn: 'Tailored wool suit', shopSkus: ['TLR-*'], priceCents: 329900 },
    ],
  },
  {
    studioId: 'moyun-bakery',
    family: { code: 'PASTRY_BOX', nameZh: '糕点礼盒', nameEn: 'Pastry box' },
    steps: [
      ['A10', 60],
      ['B10', 60],
      ['C81', 45],
      ['C82', 60],
      ['C83', 60, true],
      ['C84', 240],
      ['E10', 30, true],
    ],
    products: [
      {
        productCode: 'PST-BOX-168',
        nameZh: '糕点礼盒（168 元）',
        nameEn: 'Pastry gift box (¥168)',
        shopSkus: ['PST-*'],
        priceCents: 16800,
      },
      { productCode: 'PST-BOX-88', nameZh: '糕点礼盒（88 元）', nameEn: 'Pastry gift box (¥88)', shopSkus: [], priceCents: 8800 },
    ],
  },
];

const quote = (value: string) => `'${value.replace(/'/g, "''")}'`;

/**
 * The insert statements for the catalogue above; `table` names a table as the dialect does,
 * `now` is the dialect's timestamp literal. The route of each studio is named by its family.
 */
export function catalogueV1Inserts(table: (name: string) => string, now: string): string[] {
  const statements: string[] = [];
  for (const studio of CATALOGUE_V1) {
    const { family } = studio;
    const steps = studio.steps.map(([statusCode, standardMinutes, qcCheckpoint = false]) => ({
      statusCode,
      standardMinutes,
      qcCheckpoint,
      workCenterCode: null,
      skill: null,
      partnerAllowed: true,
    }));
    statements.push(
      `insert into ${table('product_family')} (studio_id, code, name_zh, name_en, revision, updated_at) values (${quote(studio.studioId)}, ${quote(family.code)}, ${quote(family.nameZh)}, ${quote(family.nameEn)}, 1, ${now});`,
      `insert into ${table('catalogue_route')} (studio_id, code, name_zh, name_en, current_version, updated_at) values (${quote(studio.studioId)}, ${quote(family.code)}, ${quote(family.nameZh)}, ${quote(family.nameEn)}, 1, ${now});`,
      `insert into ${table('route_version')} (studio_id, route_code, version, steps, created_at, created_by) values (${quote(studio.studioId)}, ${quote(family.code)}, 1, ${quote(JSON.stringify(steps))}, ${now}, 'migration');`,
    );
    for (const product of studio.products) {
      statements.push(
        `insert into ${table('catalogue_product')} (studio_id, product_code, name_zh, name_en, family_code, route_code, shop_skus, price_cents, revision, updated_at) values (${quote(studio.studioId)}, ${quote(product.productCode)}, ${quote(product.nameZh)}, ${quote(product.nameEn)}, ${quote(family.code)}, ${quote(family.code)}, ${quote(JSON.stringify(product.shopSkus))}, ${product.priceCents}, 1, ${now});`,
      );
      for (const shopSku of product.shopSkus)
        statements.push(
          `insert into ${table('product_shop_sku')} (studio_id, shop_sku, product_code) values (${quote(studio.studioId)}, ${quote(shopSku)}, ${quote(product.productCode)});`,
        );
    }
  }
  return statements;
}
