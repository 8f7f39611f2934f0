import { errorCode, mutationOutcome, row, type Cell } from '../matrix';

/**
 * A studio's suppliers and partners (the network subgraph's relationships, issue 33 item 1): a
 * studio's staff read their own, a supplier only its own terms (nothing of the studio's other
 * suppliers), a partner only its own stage codes; the studio's admin and hub admins change them.
 * The relationship types are not entities (no `_entities` lookup reaches them).
 */
type Supplied = { supplierId: string; tier: string; annualVolumeYuan: number | null; flexibleBandPercent: number | null };
const terms = (rows: Supplied[]) =>
  rows
    .map((r) => `${r.supplierId}:${r.tier}${r.annualVolumeYuan === null ? '' : `:${r.annualVolumeYuan}±${r.flexibleBandPercent}`}`)
    .join(',');
const MOYUN_SUPPLIERS =
  'east-china-emergency-pool:EMERGENCY,jiangnan-flour:SECONDARY,jingdezhen-clay:PRIMARY:360000±30,nanjing-gold-leaf:PRIMARY:180000±30,yixing-clay:SECONDARY';

/** Anonymous callers sign in; the studio's admin and hub admins write; nobody else. */
const ADMIN_AND_HUB = (own: 'mAdmin' | 'yAdmin') =>
  row(
    'UNAUTHENTICATED',
    'ALLOWED',
    own === 'mAdmin' ? 'ALLOWED' : 'FORBIDDEN',
    'FORBIDDEN',
    'FORBIDDEN',
    own === 'yAdmin' ? 'ALLOWED' : 'FORBIDDEN',
    'FORBIDDEN',
    'FORBIDDEN',
    'FORBIDDEN',
    'FORBIDDEN',
    'FORBIDDEN',
    'FORBIDDEN',
    'FORBIDDEN',
    'FORBIDDEN',
  );

//                 anon               hub          mAdmin       mSup         mOp          yAdmin       gild         kiln         kitchen      supp         cMin         cBasic       cDet         cOther
export const relationshipsCells: Cell[] = [
  {
    name: "moyun-studio's suppliers and their terms (a supplier: its own only)",
    subgraph: 'network',
    query: `{ supplierRelationships(studioId: "moyun-studio") { supplierId tier annualVolumeYuan flexibleBandPercent } }`,
    variables: () => ({}),
    observe: (result) => errorCode(result) ?? `suppliers:${terms(result.data.supplierRelationships)}`,
    expected: row(
      'UNAUTHENTICATED',
      `suppliers:${MOYUN_SUPPLIERS}`,
      `suppliers:${MOYUN_SUPPLIERS}`,
      `suppliers:${MOYUN_SUPPLIERS}`,
      `suppliers:${MOYUN_SUPPLIERS}`,
      'suppliers:',
      'FORBIDDEN',
      'FORBIDDEN',
      'FORBIDDEN',
      'suppliers:jingdezhen-clay:PRIMARY:360000±30',
      'FORBIDDEN',
      'FORBIDDEN',
      'FORBIDDEN',
      'FORBIDDEN',
    ),
  },
  {
    name: 'every supplier relationship you may see, by studio',
    subgraph: 'network',
    query: `{ supplierRelationships { studioId supplierId } }`,
    variables: () => ({}),
    observe: (result) =>
      errorCode(result) ??
      `rows:${result.data.supplierRelationships.length}:${[...new Set(result.data.supplierRelationships.map((r: { studioId: string }) => r.studioId))].join(',')}`,
    expected: row(
      'UNAUTHENTICATED',
      'rows:9:moyun-bakery,moyun-studio,youcaifeng',
      'rows:5:moyun-studio',
      'rows:5:moyun-studio',
      'rows:5:moyun-studio',
      'rows:2:youcaifeng',
      'FORBIDDEN',
      'FORBIDDEN',
      'FORBIDDEN',
      'rows:1:moyun-studio',
      'FORBIDDEN',
      'FORBIDDEN',
      'FORBIDDEN',
      'FORBIDDEN',
    ),
  },
  {
    name: 'every partner relationship you may see, with its stage codes (a partner: its own only)',
    subgraph: 'network',
    query: `{ partnerRelationships { studioId partnerId stageCodes } }`,
    variables: () => ({}),
    observe: (result) =>
      errorCode(result) ??
      `partners:${result.data.partnerRelationships
        .map((r: { studioId: string; partnerId: string; stageCodes: string[] }) => `${r.studioId}>${r.partnerId}:${r.stageCodes.join('+')}`)
        .join(',')}`,
    expected: row(
      'UNAUTHENTICATED',
      'partners:moyun-bakery>pudong-cloud-kitchen:KITCHEN_COLD_CHAIN_PASTRY,moyun-bakery>xuhui-cloud-kitchen:KITCHEN_COLD_CHAIN_PASTRY,moyun-studio>gilding-atelier:C50,moyun-studio>jingde-kiln-works:C40+C60,youcaifeng>hangzhou-stitch-lab:C74',
      'partners:moyun-studio>gilding-atelier:C50,moyun-studio>jingde-kiln-works:C40+C60',
      'partners:moyun-studio>gilding-atelier:C50,moyun-studio>jingde-kiln-works:C40+C60',
      'partners:moyun-studio>gilding-atelier:C50,moyun-studio>jingde-kiln-works:C40+C60',
      'partners:youcaifeng>hangzhou-stitch-lab:C74',
      'partners:moyun-studio>gilding-atelier:C50',
      'partners:moyun-studio>jingde-kiln-works:C40+C60',
      'partners:moyun-bakery>xuhui-cloud-kitchen:KITCHEN_COLD_CHAIN_PASTRY',
      'FORBIDDEN',
      'FORBIDDEN',
      'FORBIDDEN',
      'FORBIDDEN',
      'FORBIDDEN',
    ),
  },
  {
    name: "a studio's partners asked by another studio (none of its rows)",
    subgraph: 'network',
    query: `{ partnerRelationships(studioId: "youcaifeng") { partnerId } }`,
    variables: () => ({}),
    observe: (result) => errorCode(result) ?? `rows:${result.data.partnerRelationships.length}`,
    expected: row(
      'UNAUTHENTICATED',
      'rows:1',
      'rows:0',
      'rows:0',
      'rows:0',
      'rows:1',
      'rows:0',
      'rows:0',
      'rows:0',
      'FORBIDDEN',
      'FORBIDDEN',
      'FORBIDDEN',
      'FORBIDDEN',
      'FORBIDDEN',
    ),
  },
  {
    name: "set one of moyun-studio's suppliers (its admin, hub admins)",
    subgraph: 'network',
    mutation: true,
    query: `mutation { setSupplierRelationship(studioId: "moyun-studio", input: { supplierId: "yixing-clay", tier: SECONDARY }, idempotencyKey: "cell-set-supplier") { tier } }`,
    variables: () => ({}),
    observe: mutationOutcome,
    expected: ADMIN_AND_HUB('mAdmin'),
  },
  {
    name: "set one of moyun-studio's partners (its admin, hub admins)",
    subgraph: 'network',
    mutation: true,
    query: `mutation { setPartnerRelationship(studioId: "moyun-studio", input: { partnerId: "gilding-atelier", stageCodes: ["C50"] }, idempotencyKey: "cell-set-partner") { stageCodes } }`,
    variables: () => ({}),
    observe: mutationOutcome,
    expected: ADMIN_AND_HUB('mAdmin'),
  },
  {
    name: "set one of youcaifeng's partners (its admin, hub admins; not moyun-studio's)",
    subgraph: 'network',
    mutation: true,
    query: `mutation { setPartnerRelationship(studioId: "youcaifeng", input: { partnerId: "hangzhou-stitch-lab", stageCodes: ["C74"] }, idempotencyKey: "cell-set-partner-y") { stageCodes } }`,
    variables: () => ({}),
    observe: mutationOutcome,
    expected: ADMIN_AND_HUB('yAdmin'),
  },
  {
    name: "end one of moyun-studio's suppliers (its admin, hub admins)",
    subgraph: 'network',
    mutation: true,
    query: `mutation { endSupplierRelationship(studioId: "moyun-studio", supplierId: "yixing-clay", idempotencyKey: "cell-end-supplier") { endedAt } }`,
    variables: () => ({}),
    observe: mutationOutcome,
    expected: ADMIN_AND_HUB('mAdmin'),
  },
  {
    name: "end one of moyun-studio's partners (its admin, hub admins)",
    subgraph: 'network',
    mutation: true,
    query: `mutation { endPartnerRelationship(studioId: "moyun-studio", partnerId: "jingde-kiln-works", idempotencyKey: "cell-end-partner") { endedAt } }`,
    variables: () => ({}),
    observe: mutationOutcome,
    expected: ADMIN_AND_HUB('mAdmin'),
  },
];
