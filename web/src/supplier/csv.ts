/** One line of a stock CSV, as the hub's publishInventory takes it. */
export interface InventoryLine {
  sku: string;
  lotCode: string;
  onHand: number;
  unitCostCents?: number;
  receivedAt?: string;
}

export interface ParsedCsv {
  items: InventoryLine[];
  /** Lines that are not even well-formed (1-based line numbers of the text). */
  problems: { line: number; reason: string }[];
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
      result.problems.push({ line: row.line, reason: 'sku and lot are required' });
      continue;
    }
    if (value('onhand') === '' || !Number.isInteger(onHand)) {
      result.problems.push({ line: row.line, reason: `on hand "${value('onhand')}" is not a whole number` });
      continue;
    }
    if (cost !== '' && !Number.isInteger(Number(cost))) {
      result.problems.push({ line: row.line, reason: `unit cost "${cost}" is not a whole number of fen` });
      continue;
    }
    if (value('receivedat') && Number.isNaN(Date.parse(value('receivedat')))) {
      result.problems.push({
        line: row.line,
        reason: `received at "${value('receivedat')}" is not a date-time (e.g. 2026-12-01T08:00:00Z)`,
      });
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
