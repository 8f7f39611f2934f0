import {
  ENVIRONMENT_READING_LABELS,
  KITCHEN_CAPABILITY_LABELS,
  MATERIAL_LABELS,
  productCodeLabel,
  productTypeLabel,
  UNIT_LABELS,
  type CatalogueLabel,
} from '../../../contracts/catalogue';
import { findStatusCode } from '../../../contracts/status-codes';
import type { Language } from './i18n';

/**
 * Labels of the hub's catalogue codes in the reader's language, from the one table in
 * contracts/catalogue.ts (stage and exception codes come with their labels from the hub's
 * vocabulary: `labelOf`). Where the table has no entry the page shows what the hub gave.
 */
const pick = (label: CatalogueLabel, language: Language) => (language === 'zh' ? label.labelZh : label.labelEn);

export const productTypeName = (productType: string, language: Language) => pick(productTypeLabel(productType), language);
export const productCodeName = (productCode: string, language: Language) => pick(productCodeLabel(productCode), language);

/** An order (or its stage, story or share) as the hub names its product. */
export interface NamedProduct {
  productNameZh?: string | null;
  productNameEn?: string | null;
  productFamily?: string | null;
}

/**
 * What a product is called: the name the studio's catalogue gave it (kept on the order from its
 * import), else its family's label from the table (orders from before products had names).
 */
export function productName(product: NamedProduct, language: Language): string {
  const own = language === 'zh' ? product.productNameZh : product.productNameEn;
  return own || productTypeName(product.productFamily ?? '', language);
}

/** An order line or a product code of a named product: the product's name, else what the table calls the code. */
export const productLineName = (productCode: string, product: NamedProduct, language: Language) =>
  (language === 'zh' ? product.productNameZh : product.productNameEn) || productCodeName(productCode, language);

/** A material by its SKU; one the table does not know by the name its catalogue gives, else the SKU. */
export function materialName(sku: string, language: Language, catalogueName?: string | null): string {
  const label = MATERIAL_LABELS[sku];
  return label ? pick(label, language) : (catalogueName ?? sku);
}

export const unitName = (unit: string, language: Language) => (UNIT_LABELS[unit] ? pick(UNIT_LABELS[unit], language) : unit);

/** "400 克" / "400 g" */
export const quantityWithUnit = (quantity: number, unit: string, language: Language) =>
  `${new Intl.NumberFormat(language === 'zh' ? 'zh-CN' : 'en-GB').format(quantity)} ${unitName(unit, language)}`;

export function readingName(name: string, language: Language): string {
  const label = ENVIRONMENT_READING_LABELS[name.trim().toLowerCase()];
  return label ? pick(label, language) : name;
}

/** A kitchen capability; production capabilities are stage codes, labelled by the vocabulary (`stageCapabilityName`). */
export const kitchenCapabilityName = (capability: string, language: Language) =>
  KITCHEN_CAPABILITY_LABELS[capability] ? pick(KITCHEN_CAPABILITY_LABELS[capability], language) : null;

/**
 * What a partner may take or offers: a kitchen capability or a stage code of the standard
 * vocabulary, by its label; a code neither knows (a studio's own extension) as the hub gave it.
 */
export function stageCapabilityName(capability: string, language: Language): string {
  const stage = findStatusCode(capability);
  return kitchenCapabilityName(capability, language) ?? (stage ? pick(stage, language) : capability);
}
