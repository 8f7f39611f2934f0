import { PRODUCT_CODE_LABELS, PRODUCT_TYPE_LABELS } from '../../contracts';
import type { RequestContext } from '../../platform/access/context';
import { catalogueService } from './catalogue.service';
import { StudioWorkCenter } from './entities/studio-resources';
import { ROUTE_TEMPLATES } from './route-templates';

/** The demo studios' products: code, family, price and the shop SKU prefix their shops use. */
const DEMO_PRODUCTS = [
  { studioId: 'moyun-studio', productCode: 'TEA-CUP-CALLIG', family: 'CALLIGRAPHY_TEAWARE', priceCents: 68800, shopSkus: ['TEA-*'] },
  { studioId: 'youcaifeng', productCode: 'TLR-SUIT-WOOL', family: 'TAILORED_GARMENT', priceCents: 329900, shopSkus: ['TLR-*'] },
  { studioId: 'moyun-bakery', productCode: 'PST-BOX-168', family: 'PASTRY_BOX', priceCents: 16800, shopSkus: ['PST-*'] },
  { studioId: 'moyun-bakery', productCode: 'PST-BOX-88', family: 'PASTRY_BOX', priceCents: 8800, shopSkus: [] },
] as const;

/** The work centers the demo's resources have (capacity's demo-resources.ts), by the stage that needs them. */
const DEMO_WORK_CENTERS: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  'moyun-studio': { C40: 'kiln-1', C50: 'desk-1', C60: 'kiln-1' },
  youcaifeng: { C72: 'table-1' },
  'moyun-bakery': { C82: 'oven-1' },
};

/**
 * The demo's work centers in the orders subgraph's copy, before its routes name them: the demo
 * seeds with the consumers held, so capacity's events about them arrive only after. Dated at the
 * epoch, so those events (and any later change) overwrite these rows.
 */
async function seedDemoWorkCenters(ctx: RequestContext<unknown>): Promise<void> {
  await ctx.em.fork().transactional(async (em) => {
    for (const [studioId, centers] of Object.entries(DEMO_WORK_CENTERS))
      for (const code of new Set(Object.values(centers)))
        if (!(await em.findOne(StudioWorkCenter, { studioId, code }, { filters: false })))
          em.persist(em.create(StudioWorkCenter, { studioId, code, removed: false, changedAt: new Date(0) }));
  });
}

/**
 * The demo studios' catalogue, through the calls a studio's admin makes (saveRoute,
 * upsertProductFamily, upsertProduct): families and products as the shops know them, and each
 * route with the work centers its stages need (a second version of the route the migration made
 * from the old constants, so the demo shows a route's history). Repeating it changes nothing.
 */
export async function seedDemoCatalogue(ctx: RequestContext<unknown>): Promise<void> {
  await seedDemoWorkCenters(ctx);
  for (const template of ROUTE_TEMPLATES) {
    const studioId = DEMO_PRODUCTS.find((product) => product.family === template.productType)!.studioId;
    const label = PRODUCT_TYPE_LABELS[template.productType];
    const centers = DEMO_WORK_CENTERS[studioId] ?? {};
    const key = `demo-catalogue-${studioId}-${template.productType}`;
    await catalogueService.saveRoute(
      ctx,
      studioId,
      {
        code: template.productType,
        nameZh: label.labelZh,
        nameEn: label.labelEn,
        steps: template.steps.map((step) => ({
          ...step,
          workCenterCode: centers[step.statusCode] ?? null,
          // Whoever works a stage at a work center must know it (operators' skills are stage codes).
          skill: centers[step.statusCode] ? step.statusCode : null,
          partnerAllowed: true,
        })),
      },
      `${key}-route`,
    );
    await catalogueService.upsertFamily(
      ctx,
      studioId,
      { code: template.productType, nameZh: label.labelZh, nameEn: label.labelEn },
      `${key}-family`,
    );
  }
  for (const product of DEMO_PRODUCTS) {
    const label = PRODUCT_CODE_LABELS[product.productCode];
    await catalogueService.upsertProduct(
      ctx,
      product.studioId,
      {
        productCode: product.productCode,
        nameZh: label.labelZh,
        nameEn: label.labelEn,
        family: product.family,
        routeCode: product.family,
        shopSkus: [...product.shopSkus],
        priceCents: product.priceCents,
      },
      `demo-catalogue-${product.studioId}-${product.productCode}`,
    );
  }
}
