import { type Cell, row, errorCode, WHO } from '../matrix';

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
];
