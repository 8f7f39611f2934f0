import { type Cell, row, mutationOutcome, errorCode, WHO } from '../matrix';

/** The kitchens subgraph's cells, reads before writes: the runner keeps this order. */
//                 anon               hub          mAdmin       mSup         mOp          yAdmin       gild         kiln         kitchen      supp         cMin         cBasic       cDet         cOther
export const kitchensCells: Cell[] = [
  {
    name: 'cloud kitchens (directory)',
    subgraph: 'kitchens',
    query: `{ cloudKitchens { id coldChain } }`,
    variables: () => ({}),
    observe: (result) => errorCode(result) ?? `kitchens:${result.data.cloudKitchens.length}`,
    expected: row('UNAUTHENTICATED', ...WHO.slice(1).map(() => 'kitchens:2')),
  },
  {
    name: "moyun-bakery's fulfilment cycles",
    subgraph: 'kitchens',
    query: `{ fulfillmentCycles(studioId: "moyun-bakery") { period fulfilmentRate } }`,
    variables: () => ({}),
    observe: (result) => errorCode(result) ?? `cycles:${result.data.fulfillmentCycles.length}`,
    expected: row(
      'UNAUTHENTICATED',
      'cycles:6',
      'cycles:0',
      'cycles:0',
      'cycles:0',
      'cycles:0',
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
    name: "record moyun-bakery's fulfilment cycle",
    subgraph: 'kitchens',
    mutation: true,
    query: `mutation { recordFulfillmentCycle(studioId: "moyun-bakery", period: "2030-W01", planned: 10, produced: 10, delivered: 9, wasted: 1) { id } }`,
    variables: () => ({}),
    observe: mutationOutcome,
    expected: row('UNAUTHENTICATED', ...WHO.slice(1).map(() => 'FORBIDDEN')),
  },
];
