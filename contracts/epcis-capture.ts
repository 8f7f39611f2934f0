import { cbvTermOf } from './cbv';
import { epcisIdentifiers, readingsOfSensorElements, type Reading } from './epcis';
import { ORDER_EVENTS } from './events';
import { STUDIO_STAFF, type Role } from './identity';

/**
 * Who may send EPCIS events: the network's enterprises, never customers. The traceability
 * subgraph's rules hold it; the gateway asks it of a token before it reads what the token sent.
 */
export const EPCIS_SENDERS: readonly Role[] = [...STUDIO_STAFF, 'PARTNER', 'KITCHEN', 'SUPPLIER'];

/**
 * The bounds of one capture document (docs/epcis.md, "Limits"). The gateway checks them for the
 * whole document before GS1's schema, the event hash or any event runs, so what a document costs
 * is bounded by its size, and a document past one changes nothing.
 */
export const CAPTURE_LIMITS = {
  /** Events per capture (the binding's GS1-EPCIS-Capture-Limit). */
  events: 500,
  /** Characters of any one string of the document: a value or a member's name. */
  stringChars: 8_192,
  /** Items of any one array: an epcList, a quantityList, the @context … (GS1's schema compares some pairwise). */
  arrayItems: 10_000,
  /** Nesting of objects and arrays, the document itself the first level (GS1's examples reach 12). */
  depth: 32,
  /** The document's @context as JSON text: kept once per capture job, and served with each of its events. */
  contextChars: 8_192,
  /** One event as the hub keeps it (JSON text, with its eventID). */
  eventChars: 200_000,
  /** An eventID, given or the hash ID the hub gives it. */
  eventIdChars: 200,
  /** An event's type (GS1's five, or an extension's URI). */
  eventTypeChars: 40,
} as const;

/** What a capture job says of one event it refused or applied, at most (a subgraph's refusal may quote what was sent). */
export const RECEIPT_DETAIL_CHARS = 500;

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
 * - an event naming one of the hub's orders (a `prodorder` bizTransaction or an epcList entry,
 *   `<PUBLIC_URL>/id/order/<id>`) with the business step of a stage the sender holds: that stage
 *   has started (`disposition: in_progress`) or is done (`weft:hubEventType:
 *   order.stage.completed`, as the hub's own export writes it), its sensorElementList the
 *   stage's environment readings.
 * - anything else: kept and queryable, changing nothing.
 */
export type CaptureIntent =
  | { kind: 'SHIP_PURCHASE_ORDER'; purchaseOrderId: string; shippedAt: string; lots: { sku: string; lotCode: string; quantity: number }[] }
  | { kind: 'RECEIVE_PURCHASE_ORDER'; purchaseOrderId: string }
  /** The sender's stage of that order at that business step (the gateway finds it among the stages the sender may see). */
  | { kind: 'STAGE_PROGRESS'; orderId: string; bizStep: string; step: 'STARTED' | 'COMPLETED'; readings: Reading[] }
  /** It names the hub's purchase order but not as the mapping needs: refused, with why. */
  | { kind: 'MALFORMED'; reason: string }
  /** Nothing in the hub is its subject. */
  | { kind: 'NONE'; reason: string };

const idAfter = (uri: string, prefix: string): string | null => {
  if (!uri.startsWith(prefix)) return null;
  try {
    return decodeURIComponent(uri.slice(prefix.length));
  } catch {
    return null;
  }
};

/** The business transactions of one type (`po`, `prodorder` …) an event names. */
function transactionsOf(event: Record<string, unknown>, type: string): string[] {
  const entries = Array.isArray(event.bizTransactionList) ? (event.bizTransactionList as Record<string, unknown>[]) : [];
  return entries
    .filter((entry) => cbvTermOf('btt', entry?.type) === type && typeof entry.bizTransaction === 'string')
    .map((entry) => String(entry.bizTransaction));
}

/** The hub's ids among URIs under one of its identifier prefixes (orders, purchase orders). */
const idsUnder = (uris: readonly string[], prefix: string): string[] => [
  ...new Set(uris.map((uri) => idAfter(uri, prefix)).filter((id): id is string => !!id)),
];

export function captureIntentOf(event: Record<string, unknown>, publicBase: string): CaptureIntent {
  const ids = epcisIdentifiers(publicBase);
  const lotForm = `${ids.material('')}<sku>/lot/<lot>`;
  const orders = idsUnder(transactionsOf(event, 'po'), ids.purchaseOrder(''));
  if (!orders.length) return stageIntentOf(event, publicBase);
  if (orders.length > 1)
    return { kind: 'MALFORMED', reason: 'It names more than one of the hub’s purchase orders: send one event per purchase order' };
  const [purchaseOrderId] = orders;
  const step = cbvTermOf('bizStep', event.bizStep);
  if (step === 'receiving') return { kind: 'RECEIVE_PURCHASE_ORDER', purchaseOrderId };
  if (step !== 'shipping')
    return {
      kind: 'NONE',
      reason: `A ${step ?? 'step-less'} event of purchase order ${purchaseOrderId} changes nothing in the hub (shipping and receiving do): kept`,
    };
  const lots: { sku: string; lotCode: string; quantity: number }[] = [];
  for (const element of Array.isArray(event.quantityList) ? (event.quantityList as Record<string, unknown>[]) : []) {
    const match = typeof element?.epcClass === 'string' ? materialLotOf(element.epcClass, publicBase) : null;
    if (!match)
      return {
        kind: 'MALFORMED',
        reason: `quantityList names "${String(element?.epcClass)}": a shipping event counts the hub's material lots, ${lotForm}`,
      };
    const quantity = Number(element.quantity);
    if (!Number.isInteger(quantity) || quantity < 1)
      return {
        kind: 'MALFORMED',
        reason: `The quantity of ${String(element.epcClass)} must be a whole number of at least 1, in the material's unit`,
      };
    lots.push({ ...match, quantity });
  }
  if (!lots.length)
    return {
      kind: 'MALFORMED',
      reason: `A shipping event of purchase order ${purchaseOrderId} lists the lots it shipped in its quantityList (${lotForm})`,
    };
  return { kind: 'SHIP_PURCHASE_ORDER', purchaseOrderId, shippedAt: String(event.eventTime), lots };
}

/** An event about one of the hub's orders: the progress of the sender's stage at its business step. */
function stageIntentOf(event: Record<string, unknown>, publicBase: string): CaptureIntent {
  const epcs = Array.isArray(event.epcList) ? (event.epcList as unknown[]).filter((epc): epc is string => typeof epc === 'string') : [];
  const orderIds = idsUnder([...transactionsOf(event, 'prodorder'), ...epcs], epcisIdentifiers(publicBase).order(''));
  if (!orderIds.length) return { kind: 'NONE', reason: 'It names none of the hub’s purchase orders or orders: kept, changing nothing' };
  if (orderIds.length > 1) return { kind: 'MALFORMED', reason: 'It names more than one of the hub’s orders: send one event per order' };
  const bizStep = cbvTermOf('bizStep', event.bizStep);
  if (!bizStep)
    return { kind: 'MALFORMED', reason: `An event of order ${orderIds[0]} names the business step of the stage it is about (bizStep)` };
  const said = event['weft:hubEventType'];
  const step =
    said === ORDER_EVENTS.STAGE_COMPLETED
      ? 'COMPLETED'
      : said === ORDER_EVENTS.STAGE_STARTED || cbvTermOf('disposition', event.disposition) === 'in_progress'
        ? 'STARTED'
        : null;
  if (!step)
    return {
      kind: 'NONE',
      reason: `An event of order ${orderIds[0]} that neither starts (disposition in_progress) nor completes (weft:hubEventType ${ORDER_EVENTS.STAGE_COMPLETED}) a stage: kept, changing nothing`,
    };
  return {
    kind: 'STAGE_PROGRESS',
    orderId: orderIds[0],
    bizStep,
    step,
    readings: step === 'COMPLETED' ? readingsOfSensorElements(event.sensorElementList) : [],
  };
}

/** `<PUBLIC_URL>/id/material/<sku>/lot/<lot>` as its SKU and lot code. */
function materialLotOf(uri: string, publicBase: string): { sku: string; lotCode: string } | null {
  const prefix = epcisIdentifiers(publicBase).material('');
  const match = uri.startsWith(prefix) ? /^([^/]+)\/lot\/([^/]+)$/.exec(uri.slice(prefix.length)) : null;
  const sku = match && idAfter(match[1], '');
  const lotCode = match && idAfter(match[2], '');
  return sku && lotCode ? { sku, lotCode } : null;
}
