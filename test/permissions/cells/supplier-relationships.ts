import { type Cell, row, errorCode } from '../matrix';

/**
 * What a supplier sees of a studio follows the studio's relationships (issue 33, item 1): the
 * matrix's supplier, jingdezhen-clay, is moyun-studio's primary and no supplier of youcaifeng's.
 */
//                 anon               hub          mAdmin       mSup         mOp          yAdmin       gild         kiln         kitchen      supp         cMin         cBasic       cDet         cOther
export const supplierRelationshipsCells: Cell[] = [
  {
    name: "youcaifeng's materials (a supplier it does not name: none)",
    subgraph: 'suppliers',
    query: `{ studioMaterials(studioId: "youcaifeng") { nodes { sku } } }`,
    variables: () => ({}),
    observe: (result) =>
      errorCode(result) ?? `materials:${result.data.studioMaterials.nodes.map((node: { sku: string }) => node.sku).join(',')}`,
    expected: row(
      'UNAUTHENTICATED',
      'materials:SILK-LINING,WOOL-SUITING',
      'FORBIDDEN',
      'FORBIDDEN',
      'FORBIDDEN',
      'materials:SILK-LINING,WOOL-SUITING',
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
    name: "stock of a material only youcaifeng catalogues (a supplier it does not name: none; studios plan with the network's stock)",
    subgraph: 'suppliers',
    query: `{ materialStock(sku: "WOOL-SUITING") { material { studioId } lots { supplierId } } }`,
    variables: () => ({}),
    observe: (result) => {
      const stock = result.data?.materialStock;
      return errorCode(result) ?? (stock ? `${stock.material.studioId}:lots:${stock.lots.length}` : 'null');
    },
    expected: row(
      'UNAUTHENTICATED',
      'youcaifeng:lots:1',
      'youcaifeng:lots:1',
      'youcaifeng:lots:1',
      'youcaifeng:lots:1',
      'youcaifeng:lots:1',
      'FORBIDDEN',
      'FORBIDDEN',
      'FORBIDDEN',
      'null',
      'FORBIDDEN',
      'FORBIDDEN',
      'FORBIDDEN',
      'FORBIDDEN',
    ),
  },
];
