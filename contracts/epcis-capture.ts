import { epcisIdentifiers } from './epcis';

/**
 * What an EPCIS event captured from a supplier's or partner's system means to the hub: the one
 * documented mapping of business step to state (docs/epcis.md, "Capture"). Pure: the gateway
 * carries each intent out as a GraphQL mutation under the sender's token, so the subgraphs
 * decide whether the sender may (another enterprise's purchase order answers as a missing one).
 *
 * - `shipping` naming one of the hub's purchase orders (a `po` bizTransaction,
 *   `<PUBLIC_URL>/id/purchase-order/<id>`) with the lots in its quantityList
 *   (`<PUBLIC_URL>/id/material/<sku>/lot/<lot>`, whole quantities): the purchase order is SHIPPED.
 * - `receiving` naming one: it is RECEIVED.
 * - anything else: kept and queryable, changing nothing.
 */
export type CaptureIntent =
  | { kind: 'SHIP_PURCHASE_ORDER'; purchaseOrderId: string; shippedAt: string; lots: { sku: string; lotCode: string; quantity: number }[] }
  | { kind: 'RECEIVE_PURCHASE_ORDER'; purchaseOrderId: string }
  /** It names the hub's purchase order but not as the mapping needs: refused, with why. */
  | { kind: 'MALFORMED'; reason: string }
  /** Nothing in the hub is its subject. */
  | { kind: 'NONE'; reason: string };

/** A CBV term in its bare form, from a bare word, a GS1 Web URI or an old URN. */
export function cbvTermOf(kind: 'bizStep' | 'disposition' | 'btt', raw: unknown): string | null {
  if (typeof raw !== 'string') return null;
  const prefixes = {
    bizStep: ['https://ref.gs1.org/cbv/BizStep-', 'urn:epcglobal:cbv:bizstep:'],
    disposition: ['https://ref.gs1.org/cbv/Disp-', 'urn:epcglobal:cbv:disp:'],
    btt: ['https://ref.gs1.org/cbv/BTT-', 'urn:epcglobal:cbv:btt:'],
  }[kind];
  const prefix = prefixes.find((candidate) => raw.startsWith(candidate));
  return prefix ? raw.slice(prefix.length) : raw;
}

const idAfter = (uri: string, prefix: string): string | null => {
  if (!uri.startsWith(prefix)) return null;
  try {
    return decodeURIComponent(uri.slice(prefix.length));
  } catch {
    return null;
  }
};

export function captureIntentOf(event: Record<string, unknown>, publicBase: string): CaptureIntent {
  const ids = epcisIdentifiers(publicBase);
  const poPrefix = ids.purchaseOrder('');
  const transactions = Array.isArray(event.bizTransactionList) ? (event.bizTransactionList as Record<string, unknown>[]) : [];
  const orders = transactions
    .filter((entry) => cbvTermOf('btt', entry?.type) === 'po' && typeof entry.bizTransaction === 'string')
    .map((entry) => idAfter(String(entry.bizTransaction), poPrefix))
    .filter((id): id is string => !!id);
  if (!orders.length) return { kind: 'NONE', reason: 'It names none of the hub’s purchase orders or stages: kept, changing nothing' };
  if (orders.length > 1) return { kind: 'MALFORMED', reason: 'It names more than one of the hub’s purchase orders: send one event per purchase order' };
  const [purchaseOrderId] = orders;
  const step = cbvTermOf('bizStep', event.bizStep);
  if (step === 'receiving') return { kind: 'RECEIVE_PURCHASE_ORDER', purchaseOrderId };
  if (step !== 'shipping') return { kind: 'NONE', reason: `A ${step ?? 'step-less'} event of purchase order ${purchaseOrderId} changes nothing in the hub (shipping and receiving do): kept` };
  const lots: { sku: string; lotCode: string; quantity: number }[] = [];
  for (const element of Array.isArray(event.quantityList) ? (event.quantityList as Record<string, unknown>[]) : []) {
    const match = typeof element?.epcClass === 'string' ? materialLotOf(element.epcClass, publicBase) : null;
    if (!match) return { kind: 'MALFORMED', reason: `quantityList names "${String(element?.epcClass)}": a shipping event counts the hub's material lots, ${ids.materialLot('<sku>', '<lot>')}` };
    const quantity = Number(element.quantity);
    if (!Number.isInteger(quantity) || quantity < 1) return { kind: 'MALFORMED', reason: `The quantity of ${String(element.epcClass)} must be a whole number of at least 1, in the material's unit` };
    lots.push({ ...match, quantity });
  }
  if (!lots.length) return { kind: 'MALFORMED', reason: `A shipping event of purchase order ${purchaseOrderId} lists the lots it shipped in its quantityList (${ids.materialLot('<sku>', '<lot>')})` };
  return { kind: 'SHIP_PURCHASE_ORDER', purchaseOrderId, shippedAt: String(event.eventTime), lots };
}

/** `<PUBLIC_URL>/id/material/<sku>/lot/<lot>` as its SKU and lot code. */
export function materialLotOf(uri: string, publicBase: string): { sku: string; lotCode: string } | null {
  const match = /^([^/]+)\/lot\/([^/]+)$/.exec(uri.startsWith(`${publicBase.replace(/\/+$/, '')}/id/material/`) ? uri.slice(`${publicBase.replace(/\/+$/, '')}/id/material/`.length) : '');
  if (!match) return null;
  const sku = idAfter(match[1], '');
  const lotCode = idAfter(match[2], '');
  return sku && lotCode ? { sku, lotCode } : null;
}
