import { errorCode, mutationOutcome, row, type Cell } from '../matrix';

/**
 * A studio's materials and bills of materials (the suppliers subgraph's master data): its staff
 * read them, its admin and supervisors change them, a supplier lists only what it supplies, and
 * no other enterprise reads or changes them. The writes run after every read, in this order.
 */
const STUDIO_READS = (seen: string) =>
  row(
    'UNAUTHENTICATED',
    seen,
    seen,
    seen,
    seen,
    'FORBIDDEN',
    'FORBIDDEN',
    'FORBIDDEN',
    'FORBIDDEN',
    'FORBIDDEN',
    'FORBIDDEN',
    'FORBIDDEN',
    'FORBIDDEN',
    'FORBIDDEN',
  );
const LEADS_WRITE = row(
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'ALLOWED',
  'ALLOWED',
  'FORBIDDEN',
  'FORBIDDEN',
  'FORBIDDEN',
  'FORBIDDEN',
  'FORBIDDEN',
  'FORBIDDEN',
  'FORBIDDEN',
  'FORBIDDEN',
  'FORBIDDEN',
  'FORBIDDEN',
);

export const materialsCells: Cell[] = [
  {
    name: "moyun-studio's materials (a supplier: those it supplies)",
    subgraph: 'suppliers',
    query: `{ studioMaterials(studioId: "moyun-studio") { totalCount nodes { sku } } }`,
    variables: () => ({}),
    observe: (result) =>
      errorCode(result) ?? `materials:${result.data.studioMaterials.nodes.map((node: { sku: string }) => node.sku).join(',')}`,
    expected: row(
      'UNAUTHENTICATED',
      'materials:CLAY-KAOLIN,GIFT-BOX,GLAZE-CELADON,GOLD-LEAF-24K',
      'materials:CLAY-KAOLIN,GIFT-BOX,GLAZE-CELADON,GOLD-LEAF-24K',
      'materials:CLAY-KAOLIN,GIFT-BOX,GLAZE-CELADON,GOLD-LEAF-24K',
      'materials:CLAY-KAOLIN,GIFT-BOX,GLAZE-CELADON,GOLD-LEAF-24K',
      'FORBIDDEN',
      'FORBIDDEN',
      'FORBIDDEN',
      'FORBIDDEN',
      'materials:CLAY-KAOLIN,GLAZE-CELADON',
      'FORBIDDEN',
      'FORBIDDEN',
      'FORBIDDEN',
      'FORBIDDEN',
    ),
  },
  {
    // The material is anyone's to name, the studio's terms for it are not (issue 33: Material was public whole).
    name: "moyun-studio's terms for a material, asked through its stock (its staff and hub admins only)",
    subgraph: 'suppliers',
    query: `{ materialStock(sku: "CLAY-KAOLIN") { belowSafetyStock material { sku unitCostCents safetyStock abcClass stockingPolicy } } }`,
    variables: () => ({}),
    observe: (result) =>
      errorCode(result) ?? `terms:${result.data.materialStock.material.abcClass}:${typeof result.data.materialStock.belowSafetyStock}`,
    expected: row(
      'UNAUTHENTICATED',
      'terms:B:boolean',
      'terms:B:boolean',
      'terms:B:boolean',
      'terms:B:boolean',
      'FORBIDDEN',
      'FORBIDDEN',
      'FORBIDDEN',
      'FORBIDDEN',
      'FORBIDDEN',
      'FORBIDDEN',
      'FORBIDDEN',
      'FORBIDDEN',
      'FORBIDDEN',
    ),
  },
  {
    name: "a product's versioned bill of materials in moyun-studio",
    subgraph: 'suppliers',
    query: `{ productBillOfMaterials(studioId: "moyun-studio", productCode: "TEA-CUP-CALLIG") { version lines { sku stageCode } } }`,
    variables: () => ({}),
    observe: (result) =>
      errorCode(result) ?? `v${result.data.productBillOfMaterials.version}:${result.data.productBillOfMaterials.lines.length}`,
    expected: STUDIO_READS('v1:4'),
  },
  {
    name: 'the suggested safety stock of a moyun-studio material',
    subgraph: 'suppliers',
    query: `{ safetyStockSuggestion(studioId: "moyun-studio", sku: "CLAY-KAOLIN") { leadTimeDays z } }`,
    variables: () => ({}),
    observe: (result) =>
      errorCode(result) ?? `lead:${result.data.safetyStockSuggestion.leadTimeDays}:z:${result.data.safetyStockSuggestion.z}`,
    expected: STUDIO_READS('lead:3:z:1.28'),
  },
  {
    name: "moyun-studio's bills of materials, paged (what an export writes)",
    subgraph: 'suppliers',
    query: `{ studioBillsOfMaterials(studioId: "moyun-studio", first: 10) { totalCount nodes { productCode } } }`,
    variables: () => ({}),
    observe: (result) => errorCode(result) ?? `bills:${result.data.studioBillsOfMaterials.totalCount}`,
    expected: STUDIO_READS('bills:1'),
  },
  {
    name: 'add a material to moyun-studio',
    subgraph: 'suppliers',
    mutation: true,
    query: `mutation { upsertMaterial(studioId: "moyun-studio", input: { sku: "CELL-RIBBON", nameZh: "丝带", nameEn: "Ribbon", unit: "m", abcClass: C, unitCostCents: 30, safetyStock: 0, stockingPolicy: MADE_TO_ORDER }, idempotencyKey: "cell-material") { sku } }`,
    variables: () => ({}),
    observe: mutationOutcome,
    expected: LEADS_WRITE,
  },
  {
    name: "set a product's bill of materials in moyun-studio",
    subgraph: 'suppliers',
    mutation: true,
    query: `mutation { setBillOfMaterials(studioId: "moyun-studio", productCode: "CELL-TEA-TRAY", lines: [{ sku: "CLAY-KAOLIN", quantityPerUnit: 900, stageCode: "B10" }], idempotencyKey: "cell-bom") { version } }`,
    variables: () => ({}),
    observe: mutationOutcome,
    expected: LEADS_WRITE,
  },
  {
    name: 'accept the suggested safety stock of a moyun-studio material',
    subgraph: 'suppliers',
    mutation: true,
    query: `mutation { acceptSafetyStockSuggestion(studioId: "moyun-studio", sku: "GLAZE-CELADON", idempotencyKey: "cell-safety") { safetyStock } }`,
    variables: () => ({}),
    observe: mutationOutcome,
    expected: LEADS_WRITE,
  },
  {
    name: 'import materials and a bill into moyun-studio from a spreadsheet',
    subgraph: 'suppliers',
    mutation: true,
    query: `mutation { importMaterials(studioId: "moyun-studio", input: { dryRun: false, materials: [{ row: 2, sku: "CELL-CORD", nameZh: "棉绳", nameEn: "Cord", unit: "m", abcClass: "C", unitCostCents: "5" }], boms: [{ row: 2, productCode: "CELL-TEA-TRAY", sku: "CELL-CORD", quantityPerUnit: "1", stageCode: "B10" }] }, idempotencyKey: "cell-import") { applied problems { row } } }`,
    variables: () => ({}),
    // Applied, not merely answered: an import with refused rows answers without an error.
    observe: (result) => {
      const outcome = mutationOutcome(result);
      return outcome === 'ALLOWED' && !result.data?.importMaterials?.applied ? 'NOT_APPLIED' : outcome;
    },
    expected: LEADS_WRITE,
  },
  {
    name: 'retire a moyun-studio material',
    subgraph: 'suppliers',
    mutation: true,
    query: `mutation { retireMaterial(studioId: "moyun-studio", sku: "CELL-RIBBON", idempotencyKey: "cell-retire") { retiredAt } }`,
    variables: () => ({}),
    observe: mutationOutcome,
    expected: LEADS_WRITE,
  },
];
