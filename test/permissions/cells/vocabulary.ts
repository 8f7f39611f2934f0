import { type Cell, row, errorCode, WHO } from '../matrix';

/** The vocabulary subgraph's cells, reads before writes: the runner keeps this order. */
//                 anon               hub          mAdmin       mSup         mOp          yAdmin       gild         kiln         kitchen      supp         cMin         cBasic       cDet         cOther
export const vocabularyCells: Cell[] = [
  {
    name: 'the vocabulary (public)',
    subgraph: 'vocabulary',
    query: `{ statusCode(code: "C50") { labelEn } }`,
    variables: () => ({}),
    observe: (result) => errorCode(result) ?? result.data.statusCode.labelEn,
    expected: row(...WHO.map(() => 'Hand gilding')),
  },
];
