import { errorCode, mutationOutcome, ofOrder, row, type Cell } from '../matrix';

/**
 * A studio's catalogue (the orders subgraph's master data): its staff and hub admins read it,
 * its admin and supervisors change it (an operator cannot), and no other enterprise or customer
 * reads or changes it. The stage needs an order copies from its route (work center, skill,
 * partner allowed) stay in the studio, but a partner holding a stage learns whether partners may.
 */
const READS = (seen: string) =>
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
/** Order A's fields kept in the studio: other studios, workshops not holding its stages, and other customers see no order A at all. */
const STUDIO_FIELDS = (seen: string) =>
  row(
    'UNAUTHENTICATED',
    seen,
    seen,
    seen,
    seen,
    'null',
    'FORBIDDEN',
    'null',
    'null',
    'null',
    'FORBIDDEN',
    'FORBIDDEN',
    'FORBIDDEN',
    'null',
  );
/** Order A's route as the fixture imported it (version 1, from the migration): every stage a partner may take. */
const ALL_STAGES = ['A10', 'B10', 'C10', 'C20', 'C30', 'C40', 'C50', 'C60', 'E10'].map((code) => `${code}:true`).join(',');
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
const FOREIGN_WRITE = row(
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'FORBIDDEN',
  'FORBIDDEN',
  'FORBIDDEN',
  'ALLOWED',
  'FORBIDDEN',
  'FORBIDDEN',
  'FORBIDDEN',
  'FORBIDDEN',
  'FORBIDDEN',
  'FORBIDDEN',
  'FORBIDDEN',
  'FORBIDDEN',
);
const CATALOGUE = (studioId: string) =>
  `{ catalogue(studioId: "${studioId}") { families { code } products { productCode shopSkus } routes { code currentVersion versions { version } steps { statusCode { code } } } } }`;
const observeCatalogue = (result: { data?: any; errors?: any }) =>
  errorCode(result) ??
  `${result.data.catalogue.families.map((f: { code: string }) => f.code).join(',')}/${result.data.catalogue.products.length}/${result.data.catalogue.routes
    .map((r: { code: string; steps: unknown[] }) => `${r.code}:${r.steps.length}`)
    .join(',')}`;
const ROUTE_STEPS = `[{ statusCode: "A10", standardMinutes: 30 }, { statusCode: "C40", standardMinutes: 600, workCenterCode: "kiln-1", skill: "C40", partnerAllowed: false }, { statusCode: "E10", standardMinutes: 30, qcCheckpoint: true }]`;

export const catalogueCells: Cell[] = [
  {
    name: "moyun-studio's catalogue",
    subgraph: 'orders',
    query: CATALOGUE('moyun-studio'),
    variables: () => ({}),
    observe: observeCatalogue,
    expected: READS('CALLIGRAPHY_TEAWARE/1/CALLIGRAPHY_TEAWARE:9'),
  },
  {
    name: "youcaifeng's catalogue (another studio's)",
    subgraph: 'orders',
    query: CATALOGUE('youcaifeng'),
    variables: () => ({}),
    observe: observeCatalogue,
    expected: row(
      'UNAUTHENTICATED',
      'TAILORED_GARMENT/1/TAILORED_GARMENT:9',
      'FORBIDDEN',
      'FORBIDDEN',
      'FORBIDDEN',
      'TAILORED_GARMENT/1/TAILORED_GARMENT:9',
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
    name: "order A's route and its stages' work centers and skills",
    subgraph: 'orders',
    query: `query($a: ID!) { order(id: $a) { id productFamily routeCode routeVersion stages { workCenterCode skill } } }`,
    variables: (f) => ({ a: f.a }),
    observe: ofOrder((order) => `${order.productFamily}:${order.routeCode}@${order.routeVersion}:${order.stages.length}`),
    expected: STUDIO_FIELDS('CALLIGRAPHY_TEAWARE:CALLIGRAPHY_TEAWARE@1:9'),
  },
  {
    // The partner holding C50 learns it may; a customer never learns of partners (below BASIC: no stages).
    name: "whether partners may take order A's stages",
    subgraph: 'orders',
    query: `query($a: ID!) { order(id: $a) { id stages { code partnerAllowed } } }`,
    variables: (f) => ({ a: f.a }),
    observe: ofOrder((order) =>
      order.stages.map((s: { code: string; partnerAllowed: boolean | null }) => `${s.code}:${s.partnerAllowed}`).join(','),
    ),
    expected: row(
      'UNAUTHENTICATED',
      ALL_STAGES,
      ALL_STAGES,
      ALL_STAGES,
      ALL_STAGES,
      'null',
      'C50:true',
      'null',
      'null',
      'null',
      '',
      'FORBIDDEN',
      'FORBIDDEN',
      'null',
    ),
  },
  {
    name: "_entities lookup of order A's route and stage needs",
    subgraph: 'orders',
    directOnly: true,
    query: `query($r: [_Any!]!) { _entities(representations: $r) { ... on Order { productFamily routeCode stages { workCenterCode skill partnerAllowed } } } }`,
    variables: (f) => ({ r: [{ __typename: 'Order', id: f.a }] }),
    observe: ofOrder((order) => `${order.productFamily}:${order.routeCode}:${order.stages.length}`),
    expected: row(
      'null',
      'CALLIGRAPHY_TEAWARE:CALLIGRAPHY_TEAWARE:9',
      'CALLIGRAPHY_TEAWARE:CALLIGRAPHY_TEAWARE:9',
      'CALLIGRAPHY_TEAWARE:CALLIGRAPHY_TEAWARE:9',
      'CALLIGRAPHY_TEAWARE:CALLIGRAPHY_TEAWARE:9',
      'null',
      'FORBIDDEN',
      'null',
      'null',
      'null',
      'FORBIDDEN',
      'FORBIDDEN',
      'FORBIDDEN',
      'null',
    ),
  },
  {
    name: 'add a product family to moyun-studio',
    subgraph: 'orders',
    mutation: true,
    query: `mutation { upsertProductFamily(studioId: "moyun-studio", input: { code: "CELL_FAMILY", nameZh: "茶盘", nameEn: "Tea trays" }, idempotencyKey: "cell-family") { code } }`,
    variables: () => ({}),
    observe: mutationOutcome,
    expected: LEADS_WRITE,
  },
  {
    name: 'save a route of moyun-studio',
    subgraph: 'orders',
    mutation: true,
    query: `mutation { saveRoute(studioId: "moyun-studio", input: { code: "CELL-ROUTE", steps: ${ROUTE_STEPS} }, idempotencyKey: "cell-route") { currentVersion } }`,
    variables: () => ({}),
    observe: mutationOutcome,
    expected: LEADS_WRITE,
  },
  {
    name: 'add a product to moyun-studio',
    subgraph: 'orders',
    mutation: true,
    query: `mutation { upsertProduct(studioId: "moyun-studio", input: { productCode: "TEA-TRAY-CELL", nameZh: "茶盘", nameEn: "Tea tray", family: "CALLIGRAPHY_TEAWARE", routeCode: "CALLIGRAPHY_TEAWARE", shopSkus: ["TB-TRAY-1"] }, idempotencyKey: "cell-product") { revision } }`,
    variables: () => ({}),
    observe: mutationOutcome,
    expected: LEADS_WRITE,
  },
  {
    name: "import moyun-studio's catalogue sheets",
    subgraph: 'orders',
    mutation: true,
    query: `mutation { importCatalogue(studioId: "moyun-studio", input: { dryRun: false, routes: [{ routeCode: "CELL-IMPORT", position: "1", statusCode: "A10", standardMinutes: "30" }], products: [{ productCode: "TEA-BOWL-CELL", nameZh: "茶碗", nameEn: "Tea bowl", family: "CALLIGRAPHY_TEAWARE", routeCode: "CELL-IMPORT" }] }, idempotencyKey: "cell-import") { applied problems { row } } }`,
    variables: () => ({}),
    observe: mutationOutcome,
    expected: LEADS_WRITE,
  },
  {
    name: "save a route of youcaifeng (another studio's)",
    subgraph: 'orders',
    mutation: true,
    query: `mutation { saveRoute(studioId: "youcaifeng", input: { code: "CELL-ROUTE", steps: ${ROUTE_STEPS} }, idempotencyKey: "cell-route-y") { currentVersion } }`,
    variables: () => ({}),
    observe: mutationOutcome,
    expected: FOREIGN_WRITE,
  },
];
