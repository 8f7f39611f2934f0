import Papa from 'papaparse';

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

/** A row of cells and the text line it starts on (1-based), as people count lines in what they pasted. */
interface CsvRow {
  line: number;
  cells: string[];
}

/** The CSV's rows by papaparse (quotes, commas and line breaks inside quoted fields as RFC 4180 has them), blank lines left out. */
function rowsOf(text: string): CsvRow[] {
  const rows: CsvRow[] = [];
  let start = 0;
  let line = 1;
  Papa.parse<string[]>(text, {
    step: (result) => {
      const cells = result.data.map((cell) => cell.trim());
      if (cells.some(Boolean)) rows.push({ line, cells });
      // The next row starts where this one's text ended: count the line breaks it spanned.
      const end = result.meta.cursor;
      for (let index = start; index < end; index += 1) if (text[index] === '\n') line += 1;
      start = end;
      while (start < text.length && (text[start] === '\n' || text[start] === '\r')) {
        if (text[start] === '\n') line += 1;
        start += 1;
      }
    },
  });
  return rows;
}

/**
 * Reads `sku,lot,onHand[,unitCostCents][,receivedAt]` rows, a header row optional (column
 * names in any order); quoted fields as any spreadsheet writes them.
 */
export function parseInventoryCsv(text: string): ParsedCsv {
  const rows = rowsOf(text);
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
