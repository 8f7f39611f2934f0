import { type Cell, row, errorCode, mutationOutcome, WHO } from '../matrix';

/** The network subgraph's cells, reads before writes: the runner keeps this order. */
//                 anon               hub          mAdmin       mSup         mOp          yAdmin       gild         kiln         kitchen      supp         cMin         cBasic       cDet         cOther
export const networkCells: Cell[] = [
  {
    name: 'the network directory (public)',
    subgraph: 'network',
    query: `{ enterprise(id: "moyun-studio") { nameEn } }`,
    variables: () => ({}),
    observe: (result) => errorCode(result) ?? result.data.enterprise.nameEn,
    expected: row(...WHO.map(() => 'Moyun Creative Studio')),
  },
  {
    name: "change moyun-studio's directory entry (its admins)",
    subgraph: 'network',
    mutation: true,
    query: `mutation { changeEnterprise(id: "moyun-studio", input: { nameZh: "墨韵创意工作室" }, idempotencyKey: "matrix-directory-studio") { id } }`,
    variables: () => ({}),
    observe: mutationOutcome,
    expected: row('UNAUTHENTICATED', 'ALLOWED', 'ALLOWED', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN'),
  },
  {
    name: "change gilding-atelier's directory entry (the partner itself)",
    subgraph: 'network',
    mutation: true,
    query: `mutation { changeEnterprise(id: "gilding-atelier", input: { nameEn: "Gilding Atelier of Jingdezhen" }, idempotencyKey: "matrix-directory-partner") { id } }`,
    variables: () => ({}),
    observe: mutationOutcome,
    expected: row('UNAUTHENTICATED', 'ALLOWED', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'ALLOWED', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN'),
  },
];
