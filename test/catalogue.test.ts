import fs from 'node:fs';
import path from 'node:path';
import {
  ENVIRONMENT_READING_LABELS,
  KITCHEN_CAPABILITIES,
  KITCHEN_CAPABILITY_LABELS,
  MATERIAL_LABELS,
  PRODUCT_CODE_LABELS,
  PRODUCT_TYPE_LABELS,
  UNIT_LABELS,
  productCodeLabel,
} from '../contracts';
import { DEMO_STUDIO_PRODUCTS } from '../demo/orders';
import { PRODUCT_TYPES, ROUTE_TEMPLATES } from '../subgraphs/orders/route-templates';
import { DEMO_BOMS, DEMO_MATERIALS } from '../subgraphs/suppliers/demo-suppliers';

/**
 * One table of words for the catalogue's codes (contracts/catalogue.ts): every code the hub and
 * its demo give out has a label in both languages there, and nobody keeps a second table.
 */
describe('the catalogue labels', () => {
  const labelled = (table: Readonly<Record<string, { labelZh: string; labelEn: string }>>, code: string) =>
    Boolean(table[code]?.labelZh.trim() && table[code]?.labelEn.trim());

  it('label every product type, product code, material, unit, kitchen capability and demo reading in both languages', () => {
    expect(PRODUCT_TYPES.filter((type) => !labelled(PRODUCT_TYPE_LABELS, type))).toEqual([]);
    const productCodes = [...DEMO_STUDIO_PRODUCTS.map((product) => product.productCode), ...DEMO_BOMS.map((bom) => bom.productCode)];
    expect(productCodes.filter((code) => !labelled(PRODUCT_CODE_LABELS, code))).toEqual([]);
    expect(DEMO_MATERIALS.filter((material) => !labelled(MATERIAL_LABELS, material.sku)).map((m) => m.sku)).toEqual([]);
    expect(DEMO_MATERIALS.filter((material) => !labelled(UNIT_LABELS, material.unit)).map((m) => m.unit)).toEqual([]);
    expect(KITCHEN_CAPABILITIES.filter((capability) => !labelled(KITCHEN_CAPABILITY_LABELS, capability))).toEqual([]);
    const demoOrders = fs.readFileSync(path.join(__dirname, '../../subgraphs/orders/demo-orders.ts'), 'utf8');
    const readings = [...demoOrders.matchAll(/\{ name: '([^']+)', value: [^}]*unit: /g)].map((match) => match[1]);
    expect(readings.length).toBeGreaterThan(0);
    expect(readings.filter((name) => !labelled(ENVIRONMENT_READING_LABELS, name))).toEqual([]);
  });

  it('read a product code the table does not know by its family, as its route is chosen', () => {
    for (const template of ROUTE_TEMPLATES)
      expect(productCodeLabel(`${template.productCodePrefix}NEW-1`)).toBe(PRODUCT_TYPE_LABELS[template.productType]);
    expect(productCodeLabel('ZZZ-1').labelZh).toBe('定制作品');
  });

  it('are the only product names the gateway and the web app keep', () => {
    const sources = ['gateway/gateway.ts', 'web/src/locales/en/vocabulary.ts', 'web/src/locales/zh/vocabulary.ts'].map((file) =>
      fs.readFileSync(path.join(__dirname, '../..', file), 'utf8'),
    );
    for (const source of sources) for (const label of Object.values(PRODUCT_TYPE_LABELS)) expect(source).not.toContain(label.labelZh);
  });
});
