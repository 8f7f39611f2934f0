import { VOCABULARY } from '../../contracts';

/**
 * The routes the three demo studios started with, when routes were this TypeScript constant
 * shared by every studio. Routes are each studio's catalogue data now (catalogue.service.ts,
 * versioned): the demo seed saves these through it (demo-catalogue.ts), and the demo's
 * synthetic history is drawn along them. Nothing imports an order by them any more.
 */
export const PRODUCT_TYPES = ['CALLIGRAPHY_TEAWARE', 'TAILORED_GARMENT', 'PASTRY_BOX'] as const;
export type ProductType = (typeof PRODUCT_TYPES)[number];

export interface RouteStep {
  statusCode: string;
  /** Standard duration in minutes: the basis for due dates and delay alerts. */
  standardMinutes: number;
  /** A QC checkpoint: the stage cannot complete without a passing QC result. */
  qcCheckpoint: boolean;
}

export interface RouteTemplate {
  productType: ProductType;
  /** Shop product codes starting with this prefix follow this route. */
  productCodePrefix: string;
  steps: readonly RouteStep[];
}

const step = (statusCode: string, standardMinutes: number, qcCheckpoint = false): RouteStep => ({
  statusCode,
  standardMinutes,
  qcCheckpoint,
});

/**
 * The demo's routes per product family. Calligraphy teaware has the three QC checkpoints of the
 * studio's process: before transfer (end of digitising), after first firing, and before final
 * packing.
 */
export const ROUTE_TEMPLATES: readonly RouteTemplate[] = Object.freeze([
  {
    productType: 'CALLIGRAPHY_TEAWARE',
    productCodePrefix: 'TEA-',
    steps: [
      step('A10', 1440),
      step('B10', 240),
      step('C10', 180),
      step('C20', 120, true),
      step('C30', 120),
      step('C40', 720, true),
      step('C50', 240),
      step('C60', 600),
      step('E10', 90, true),
    ],
  },
  {
    productType: 'TAILORED_GARMENT',
    productCodePrefix: 'TLR-',
    steps: [
      step('A20', 60),
      step('A10', 720),
      step('B10', 240),
      step('C71', 180),
      step('C72', 120),
      step('C73', 1440, true),
      step('C74', 600),
      step('C75', 120),
      step('E10', 60, true),
    ],
  },
  {
    productType: 'PASTRY_BOX',
    productCodePrefix: 'PST-',
    steps: [
      step('A10', 60),
      step('B10', 60),
      step('C81', 45),
      step('C82', 60),
      step('C83', 60, true),
      step('C84', 240),
      step('E10', 30, true),
    ],
  },
]);

// A template naming a code the vocabulary does not know is a programming error: fail at load.
for (const template of ROUTE_TEMPLATES) for (const routeStep of template.steps) VOCABULARY.requireStatus(routeStep.statusCode);

export function templateForProductType(productType: ProductType): RouteTemplate {
  const template = ROUTE_TEMPLATES.find((candidate) => candidate.productType === productType);
  if (!template) throw new Error(`No route template for ${productType}`);
  return template;
}
