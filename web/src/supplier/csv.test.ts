import { describe, expect, it } from 'vitest';
import { parseInventoryCsv } from './csv';

describe('parseInventoryCsv', () => {
  it('reads lines with or without a header, columns in any order, keeping each item’s line number', () => {
    const parsed = parseInventoryCsv('lot,sku,onHand,unitCostCents\n\nJDZ-1,CLAY-KAOLIN,500,2\r\nJDZ-2,GLAZE-CELADON,40,\n');
    expect(parsed.problems).toEqual([]);
    expect(parsed.items).toEqual([
      { sku: 'CLAY-KAOLIN', lotCode: 'JDZ-1', onHand: 500, unitCostCents: 2, receivedAt: undefined },
      { sku: 'GLAZE-CELADON', lotCode: 'JDZ-2', onHand: 40, unitCostCents: undefined, receivedAt: undefined },
    ]);
    expect(parsed.lineOfItem).toEqual([3, 4]);
    expect(parseInventoryCsv('CLAY-KAOLIN,JDZ-1,7').items).toEqual([
      { sku: 'CLAY-KAOLIN', lotCode: 'JDZ-1', onHand: 7, unitCostCents: undefined, receivedAt: undefined },
    ]);
  });

  it('names the lines that are not well-formed, so nothing is sent for them', () => {
    const parsed = parseInventoryCsv(
      'sku,lot,onHand,unitCostCents,receivedAt\nCLAY-KAOLIN,,5\nCLAY-KAOLIN,L1,five\nCLAY-KAOLIN,L2,5,1.5\nCLAY-KAOLIN,L3,5,,yesterday\nCLAY-KAOLIN,L4,5,,2026-12-01T08:00:00+08:00',
    );
    expect(parsed.problems).toEqual([
      { line: 2, problem: 'SKU_AND_LOT_REQUIRED', value: '' },
      { line: 3, problem: 'ON_HAND_NOT_WHOLE', value: 'five' },
      { line: 4, problem: 'COST_NOT_WHOLE', value: '1.5' },
      { line: 5, problem: 'RECEIVED_AT_NOT_DATE', value: 'yesterday' },
    ]);
    expect(parsed.items).toEqual([
      { sku: 'CLAY-KAOLIN', lotCode: 'L4', onHand: 5, unitCostCents: undefined, receivedAt: '2026-12-01T00:00:00.000Z' },
    ]);
  });

  it('reads quoted fields as a spreadsheet writes them (commas and line breaks inside), still counting lines as written', () => {
    const parsed = parseInventoryCsv(
      'sku,lot,onHand\r\n"CLAY-KAOLIN","JDZ, 1",5\r\n\r\n"GLAZE-CELADON","two\nlines",7\r\nCLAY-KAOLIN,"say ""hi""",oops\r\nCLAY-KAOLIN,L9,3',
    );
    expect(parsed.items.map((item) => item.lotCode)).toEqual(['JDZ, 1', 'two\nlines', 'L9']);
    expect(parsed.lineOfItem).toEqual([2, 4, 7]);
    expect(parsed.problems).toEqual([{ line: 6, problem: 'ON_HAND_NOT_WHOLE', value: 'oops' }]);
  });
});
