/** One line of a stock CSV, as the hub's publishInventory takes it. */
export interface InventoryLine {
  sku: string;
  lotCode: string;
  onHand: number;
  unitCostCents?: number;
  receivedAt?: string;
}

/** A line's rule, worded by the page in its language (`supplier.csvProblem.<problem>`). */
export type CsvProblemCode = 'SKU_AND_LOT_REQUIRED' | 'ON_HAND_NOT_WHOLE' | 'COST_NOT_WHOLE' | 'RECEIVED_AT_NOT_DATE';
export interface CsvProblem {
  line: number;
  problem: CsvProblemCode;
  value: string;
}

export interface ParsedCsv {
  items: InventoryLine[];
  /** Lines that are not even well-formed (1-based line numbers of the text), each with its rule and the value at fault, for the page to word. */
  problems: CsvProblem[];
  /** The text line of each item, to show the hub's per-item errors where the person wrote them. */
  lineOfItem: number[];
}

const COLUMNS = ['sku', 'lot', 'onhand', 'unitcostcents', 'receivedat'];
const aliases: Record<string, string> = { lotcode: 'lot', on_hand: 'onhand', unit_cost_cents: 'unitcostcents', received_at: 'receivedat' };

/**
 * Reads `sku,lot,onHand[,unitCostCents][,receivedAt]` lines, a header line optional (column
 * names in any order). Quoted fields are not needed for this data and not supported.
 */
export function parseInventoryCsv(text: string): ParsedCsv {
  const rows = text
    .split(/\r?\n/)
    .map((line, index) => ({ line: index + 1, cells: line.split(',').map((cell) => cell.trim()) }))
    .filter((row) => row.cells.some(Boolean));
  let order = ['sku', 'lot', 'onhand', 'unitcostcents', 'receivedat'];
  if (rows[0] && rows[0].cells.some((cell) => COLUMNS.includes(aliases[cell.toLowerCase()] ?? cell.toLowerCase()))) {
    order = rows.shift()!.cells.map((cell) => aliases[cell.toLowerCase()] ?? cell.toLowerCase());
  }
  const result: ParsedCsv = { items: [], problems: [], lineOfItem: [] };
  for (const row of rows) {
    const value = (name: string) => row.cells[order.indexOf(name)] ?? '';
    const onHand = Number(value('onhand'));
    const cost = value('unitcostcents');
    if (!value('sku') || !value('lot')) {
      result.problems.push({ line: row.line, problem: 'SKU_AND_LOT_REQUIRED', value: '' });
      continue;
    }
    if (value('onhand') === '' || !Number.isInteger(onHand)) {
      result.problems.push({ line: row.line, problem: 'ON_HAND_NOT_WHOLE', value: value('onhand') });
      continue;
    }
    if (cost !== '' && !Number.isInteger(Number(cost))) {
      result.problems.push({ line: row.line, problem: 'COST_NOT_WHOLE', value: cost });
      continue;
    }
    if (value('receivedat') && Number.isNaN(Date.parse(value('receivedat')))) {
      result.problems.push({ line: row.line, problem: 'RECEIVED_AT_NOT_DATE', value: value('receivedat') });
      continue;
    }
    result.items.push({
      sku: value('sku'),
      lotCode: value('lot'),
      onHand,
      unitCostCents: cost === '' ? undefined : Number(cost),
      receivedAt: value('receivedat') ? new Date(value('receivedat')).toISOString() : undefined,
    });
    result.lineOfItem.push(row.line);
  }
  return result;
}
