/**
 * The words people read for the hub's catalogue codes — product types and product codes,
 * materials and their units, kitchen capabilities, environment readings — in both languages,
 * from this one table. Stage and exception codes have theirs in the vocabulary (labelZh/labelEn
 * of status-codes.ts and exception-codes.ts). Until the master data makes products and
 * materials catalogue data, the gateway (share previews), the subgraphs and the web app all
 * read these. Pure data.
 */
export interface CatalogueLabel {
  labelZh: string;
  labelEn: string;
}

/** Product types (an order's `productType`); `phraseEn` is the English label inside a sentence ("made by …"). */
export const PRODUCT_TYPE_LABELS: Readonly<Record<string, CatalogueLabel & { phraseEn: string }>> = Object.freeze({
  CALLIGRAPHY_TEAWARE: { labelZh: '书法茶器', labelEn: 'Calligraphy teaware', phraseEn: 'calligraphy teaware' },
  TAILORED_GARMENT: { labelZh: '量身定制服装', labelEn: 'Made-to-measure garment', phraseEn: 'a made-to-measure garment' },
  PASTRY_BOX: { labelZh: '糕点礼盒', labelEn: 'Pastry box', phraseEn: 'a pastry box' },
});
/** What a product type unknown to this table is called. */
export const UNKNOWN_PRODUCT_TYPE: CatalogueLabel & { phraseEn: string } = Object.freeze({
  labelZh: '定制作品',
  labelEn: 'Custom piece',
  phraseEn: 'a custom piece',
});

/** The shop's product codes (an order line's `productCode`). */
export const PRODUCT_CODE_LABELS: Readonly<Record<string, CatalogueLabel>> = Object.freeze({
  'TEA-CUP-CALLIG': { labelZh: '书法茶杯', labelEn: 'Calligraphy tea cup' },
  'TLR-SUIT-WOOL': { labelZh: '羊毛定制西装', labelEn: 'Tailored wool suit' },
  'PST-BOX-168': { labelZh: '糕点礼盒（168 元）', labelEn: 'Pastry gift box (¥168)' },
  'PST-BOX-88': { labelZh: '糕点礼盒（88 元）', labelEn: 'Pastry gift box (¥88)' },
});
/** A product code not in the table is read by its family (its prefix), as its route is chosen. */
export const PRODUCT_FAMILY_OF_PREFIX: Readonly<Record<string, string>> = Object.freeze({
  'TEA-': 'CALLIGRAPHY_TEAWARE',
  'TLR-': 'TAILORED_GARMENT',
  'PST-': 'PASTRY_BOX',
});

/** Materials by SKU. */
export const MATERIAL_LABELS: Readonly<Record<string, CatalogueLabel>> = Object.freeze({
  'CLAY-KAOLIN': { labelZh: '高岭瓷泥', labelEn: 'Kaolin porcelain clay' },
  'GLAZE-CELADON': { labelZh: '青瓷釉', labelEn: 'Celadon glaze' },
  'GOLD-LEAF-24K': { labelZh: '24K 金箔', labelEn: '24k gold leaf' },
  'GIFT-BOX': { labelZh: '礼盒', labelEn: 'Gift box' },
  'FLOUR-CAKE': { labelZh: '低筋面粉', labelEn: 'Cake flour' },
  'CREAM-ANIMAL': { labelZh: '动物奶油', labelEn: 'Dairy cream' },
  'WOOL-SUITING': { labelZh: '羊毛西装面料', labelEn: 'Wool suiting' },
  'SILK-LINING': { labelZh: '真丝里布', labelEn: 'Silk lining' },
});

/** Units of material quantities and readings. */
export const UNIT_LABELS: Readonly<Record<string, CatalogueLabel>> = Object.freeze({
  g: { labelZh: '克', labelEn: 'g' },
  ml: { labelZh: '毫升', labelEn: 'ml' },
  cm: { labelZh: '厘米', labelEn: 'cm' },
  sheet: { labelZh: '张', labelEn: 'sheets' },
  piece: { labelZh: '个', labelEn: 'pieces' },
  '°C': { labelZh: '°C', labelEn: '°C' },
  '%': { labelZh: '%', labelEn: '%' },
});

/** Kitchen capabilities (production capabilities are stage codes: their labels are the vocabulary's). */
export const KITCHEN_CAPABILITY_LABELS: Readonly<Record<string, CatalogueLabel>> = Object.freeze({
  KITCHEN_COLD_CHAIN_PASTRY: { labelZh: '冷链糕点', labelEn: 'Cold-chain pastry' },
  KITCHEN_BAKING: { labelZh: '烘焙', labelEn: 'Baking' },
  KITCHEN_PACKING: { labelZh: '包装', labelEn: 'Packing' },
});

/** Environment readings taken while a stage ran, by the name operators record them under. */
export const ENVIRONMENT_READING_LABELS: Readonly<Record<string, CatalogueLabel>> = Object.freeze({
  'kiln temperature': { labelZh: '窑温', labelEn: 'Kiln temperature' },
  'oven temperature': { labelZh: '炉温', labelEn: 'Oven temperature' },
  'workshop temperature': { labelZh: '工坊温度', labelEn: 'Workshop temperature' },
  temperature: { labelZh: '温度', labelEn: 'Temperature' },
  humidity: { labelZh: '湿度', labelEn: 'Humidity' },
  dpi: { labelZh: '分辨率', labelEn: 'Resolution (dpi)' },
  glaze: { labelZh: '釉料', labelEn: 'Glaze' },
});

/** The label of a product code: its own, else its family's, else a custom piece's. */
export function productCodeLabel(code: string): CatalogueLabel {
  const own = PRODUCT_CODE_LABELS[code];
  if (own) return own;
  const prefix = Object.keys(PRODUCT_FAMILY_OF_PREFIX).find((candidate) => code.startsWith(candidate));
  return (prefix && PRODUCT_TYPE_LABELS[PRODUCT_FAMILY_OF_PREFIX[prefix]]) || UNKNOWN_PRODUCT_TYPE;
}

export const productTypeLabel = (productType: string) => PRODUCT_TYPE_LABELS[productType] ?? UNKNOWN_PRODUCT_TYPE;
