import { errorCode, ofOrder, row, WHO, type Cell } from '../matrix';

/**
 * The product names an order keeps from its studio's catalogue (orders subgraph) and the share
 * page's (notifications): they go wherever the order's product family goes — the studio, hub
 * admins, the workshop holding one of its stages, the order's own customer at any tier, and the
 * public story and share page — and nowhere else.
 */
const NAMES = '书法茶杯/Calligraphy tea cup';
const names = (product: { productNameZh: string | null; productNameEn: string | null }) =>
  `${product.productNameZh ?? '-'}/${product.productNameEn ?? '-'}`;
//                 anon               hub          mAdmin       mSup         mOp          yAdmin       gild         kiln         kitchen      supp         cMin         cBasic       cDet         cOther
export const productNameCells: Cell[] = [
  {
    name: "order A's product names",
    subgraph: 'orders',
    query: `query($a: ID!) { order(id: $a) { id productFamily productNameZh productNameEn } }`,
    variables: (f) => ({ a: f.a }),
    observe: ofOrder((order) => `${order.productFamily}:${names(order)}`),
    expected: row(
      'UNAUTHENTICATED',
      `CALLIGRAPHY_TEAWARE:${NAMES}`,
      `CALLIGRAPHY_TEAWARE:${NAMES}`,
      `CALLIGRAPHY_TEAWARE:${NAMES}`,
      `CALLIGRAPHY_TEAWARE:${NAMES}`,
      'null',
      `CALLIGRAPHY_TEAWARE:${NAMES}`,
      'null',
      'null',
      'null',
      `CALLIGRAPHY_TEAWARE:${NAMES}`,
      `CALLIGRAPHY_TEAWARE:${NAMES}`,
      `CALLIGRAPHY_TEAWARE:${NAMES}`,
      'null',
    ),
  },
  {
    name: "the product names on order A's stages",
    subgraph: 'orders',
    query: `query($a: ID!) { order(id: $a) { stages { productNameZh productNameEn } } }`,
    variables: (f) => ({ a: f.a }),
    observe: ofOrder((order) => {
      const stages = order.stages as { productNameZh: string | null; productNameEn: string | null }[];
      return `stages:${stages.length}/${[...new Set(stages.map(names))].join(',') || '-'}`;
    }),
    expected: row(
      'UNAUTHENTICATED',
      `stages:9/${NAMES}`,
      `stages:9/${NAMES}`,
      `stages:9/${NAMES}`,
      `stages:9/${NAMES}`,
      'null',
      `stages:1/${NAMES}`, // the C50 it holds
      'null',
      'null',
      'null',
      'stages:0/-', // no stages below BASIC
      `stages:5/${NAMES}`,
      `stages:9/${NAMES}`,
      'null',
    ),
  },
  {
    name: "_entities lookup of order A's product names",
    subgraph: 'orders',
    directOnly: true,
    query: `query($r: [_Any!]!) { _entities(representations: $r) { ... on Order { productNameZh productNameEn } } }`,
    variables: (f) => ({ r: [{ __typename: 'Order', id: f.a }] }),
    observe: ofOrder(names),
    expected: row('null', NAMES, NAMES, NAMES, NAMES, 'null', NAMES, 'null', 'null', 'null', NAMES, NAMES, NAMES, 'null'),
  },
  {
    name: "a finished product's public story names its product",
    subgraph: 'orders',
    query: `query($code: String!) { productStory(code: $code) { productFamily productNameZh productNameEn } }`,
    variables: (f) => ({ code: f.traceCode }),
    observe: (result) =>
      errorCode(result) ??
      (result.data.productStory ? `${result.data.productStory.productFamily}:${names(result.data.productStory)}` : 'null'),
    expected: row(...WHO.map(() => `CALLIGRAPHY_TEAWARE:${NAMES}`)),
  },
  {
    name: 'the share page of a share no order has, with its product names',
    subgraph: 'notifications',
    query: `{ sharedOrder(shareId: "no-such-share") { productFamily productNameZh productNameEn } }`,
    variables: () => ({}),
    observe: (result) => errorCode(result) ?? String(result.data.sharedOrder),
    expected: row(...WHO.map(() => 'null')),
  },
];
