import { WEFT_VOCAB_URI } from './cbv';
import { ORDER_EVENTS, SUPPLY_EVENTS } from './events';
import { VOCABULARY } from './vocabulary';

/**
 * The hub's facts in GS1 EPCIS 2.0's JSON form (validated against GS1's schema in
 * ./standards): which event type each fact is, the identifiers of products, orders, lots and
 * places, and the documents that carry them. Pure: the data comes from the subgraphs, already
 * filtered for the viewer; the base of every identifier is the hub's public URL (configuration).
 */

/** GS1's JSON-LD context (referenced, never fetched) and Weft's extension namespace for its own terms. */
export const EPCIS_CONTEXT_URL = 'https://ref.gs1.org/standards/epcis/2.0.0/epcis-context.jsonld';
export const WEFT_EPCIS_NAMESPACE = { weft: `${WEFT_VOCAB_URI}/` } as const;
export const EPCIS_CONTEXT = [EPCIS_CONTEXT_URL, WEFT_EPCIS_NAMESPACE] as const;

/** GS1's mod-10 check digit of a key's digits (a GTIN, GLN or SSCC without its last digit). */
export function gs1CheckDigit(body: string): string {
  const sum = [...body].reverse().reduce((total, digit, index) => total + Number(digit) * (index % 2 === 0 ? 3 : 1), 0);
  return String((10 - (sum % 10)) % 10);
}
/** GS1's mod-10 check digit holds (the last digit of a GTIN, GLN or SSCC). */
const checkDigitHolds = (digits: string): boolean => gs1CheckDigit(digits.slice(0, -1)) === digits.at(-1);

/** A GTIN-8, -12, -13 or -14 with a valid check digit. */
export const isGtin = (value: string): boolean => /^(?:\d{8}|\d{12,14})$/.test(value) && checkDigitHolds(value);
/** Any GTIN as the 14 digits Digital Link URIs carry. */
export const gtin14 = (gtin: string): string => gtin.padStart(14, '0');
/** A GLN: 13 digits with a valid check digit. */
export const isGln = (value: string): boolean => /^\d{13}$/.test(value) && checkDigitHolds(value);

/** A finished product: with a GTIN its EPC is a GS1 Digital Link URI, without one a Weft URI (never called Digital Link). */
export interface ProductRef {
  gtin?: string | null;
  serial: string;
}
/** A place: an enterprise's GLN (as a Digital Link location, AI 414) where it has one, else a Weft URI. */
export interface LocationRef {
  enterpriseId: string;
  gln?: string | null;
}

export function epcisIdentifiers(publicBase: string) {
  let end = publicBase.length;
  while (end > 0 && publicBase[end - 1] === '/') end -= 1;
  const base = publicBase.slice(0, end);
  return {
    product: (product: ProductRef) =>
      product.gtin
        ? `${base}/01/${product.gtin}/21/${encodeURIComponent(product.serial)}`
        : `${base}/id/product/${encodeURIComponent(product.serial)}`,
    /** The order: the object being made before its products have codes, and the studio's production order (bizTransaction). */
    order: (orderId: string) => `${base}/id/order/${encodeURIComponent(orderId)}`,
    lot: (supplierId: string, lotCode: string) => `${base}/id/lot/${encodeURIComponent(supplierId)}/${encodeURIComponent(lotCode)}`,
    /** A material of the catalogue as a class (what a purchase order's lines count). */
    material: (sku: string) => `${base}/id/material/${encodeURIComponent(sku)}`,
    /** A lot of a material as a class (like an LGTIN): what a supplier's shipping event counts in its quantityList. */
    materialLot: (sku: string, lotCode: string) => `${base}/id/material/${encodeURIComponent(sku)}/lot/${encodeURIComponent(lotCode)}`,
    /** A studio's purchase order to a supplier (a bizTransaction of type po). */
    purchaseOrder: (purchaseOrderId: string) => `${base}/id/purchase-order/${encodeURIComponent(purchaseOrderId)}`,
    location: (location: LocationRef) =>
      location.gln ? `${base}/414/${location.gln}` : `${base}/id/enterprise/${encodeURIComponent(location.enterpriseId)}`,
  };
}

/** A reading taken while a stage ran, as the order subgraph keeps it. */
export interface Reading {
  name: string;
  value: number;
  unit: string;
  recordedAt?: string;
}

/** What an event of an order says, whatever its kind. */
interface OrderEventFact {
  /** The hub event's id (a UUID): the EPCIS event's id is urn:uuid:<it>. */
  eventId: string;
  occurredAt: string;
  recordedAt: string;
  orderId: string;
  statusCode: string;
  /** Where it happened: the workshop holding the stage (the studio itself, or a partner). */
  at: LocationRef;
}

/** One progress entry of an order, as the viewer may see it. */
export interface ProgressFact extends OrderEventFact {
  type: string;
  /** The products' codes, once issued (QC & packing); before that the order stands for them. */
  products: readonly ProductRef[];
  readings?: readonly Reading[];
  /** A stage handed over to a partner: from the studio to the partner. */
  handover?: { from: LocationRef; to: LocationRef };
}

/** The CBV measurement types and UN/CEFACT units the hub's readings map to (others keep Weft's URIs). */
const MEASUREMENTS: Record<string, string> = { temperature: 'Temperature', humidity: 'RelativeHumidity' };
const UNITS: Record<string, string> = { '°C': 'CEL', '%': 'P1', g: 'GRM', kg: 'KGM', ml: 'MLT', l: 'LTR' };

function sensorElementsOf(readings: readonly Reading[] | undefined): object[] | undefined {
  if (!readings?.length) return undefined;
  return [
    {
      sensorReport: readings.map((reading) => {
        const kind = Object.keys(MEASUREMENTS).find((word) => reading.name.toLowerCase().includes(word));
        return {
          type: kind ? MEASUREMENTS[kind] : `${WEFT_VOCAB_URI}/measurement/${encodeURIComponent(reading.name.replace(/\s+/g, '_'))}`,
          value: reading.value,
          ...(UNITS[reading.unit] ? { uom: UNITS[reading.unit] } : { stringValue: reading.unit }),
          ...(reading.recordedAt ? { time: reading.recordedAt } : {}),
        };
      }),
    },
  ];
}

/** Percent-decoding that never throws: a malformed escape in what a sender wrote is kept as written. */
function decodedOrAsIs(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/** Readings from a captured event's sensorElementList, as the hub keeps a stage's environment (the inverse of the export's mapping). */
export function readingsOfSensorElements(elements: unknown): Reading[] {
  const reports = (Array.isArray(elements) ? (elements as unknown[]) : []).flatMap((element): unknown[] =>
    element !== null && typeof element === 'object' && 'sensorReport' in element && Array.isArray(element.sensorReport)
      ? (element.sensorReport as unknown[])
      : [],
  );
  const measurementOf = (type: string) => {
    const known = Object.entries(MEASUREMENTS).find(
      ([, term]) => type === term || type.endsWith(`/${term}`) || type.endsWith(`-${term}`) || type.endsWith(`:${term}`),
    );
    if (known) return known[0];
    const weft = `${WEFT_VOCAB_URI}/measurement/`;
    return (type.startsWith(weft) ? decodedOrAsIs(type.slice(weft.length)).replace(/_/g, ' ') : type).slice(0, 60);
  };
  return reports
    .filter(
      (report): report is Record<string, unknown> =>
        report !== null &&
        typeof report === 'object' &&
        typeof (report as Record<string, unknown>).value === 'number' &&
        typeof (report as Record<string, unknown>).type === 'string',
    )
    .map((report: Record<string, unknown>) => ({
      name: measurementOf(String(report.type)),
      value: Number(report.value),
      unit: (
        Object.entries(UNITS).find(([, code]) => code === report.uom)?.[0] ??
        (typeof report.uom === 'string' ? report.uom : typeof report.stringValue === 'string' ? report.stringValue : 'C62')
      ).slice(0, 20),
      ...(typeof report.time === 'string' ? { recordedAt: report.time } : {}),
    }));
}

/** The hub's progress entries that become ObjectEvents observing the order's objects. */
export const EPCIS_OBJECT_EVENT_TYPES: readonly string[] = [
  ORDER_EVENTS.IMPORTED,
  ORDER_EVENTS.STAGE_STARTED,
  ORDER_EVENTS.STAGE_COMPLETED,
  ORDER_EVENTS.STAGE_BLOCKED,
  ORDER_EVENTS.STAGE_ASSIGNED,
  ORDER_EVENTS.QC_RECORDED,
  ORDER_EVENTS.EXCEPTION_REPORTED,
  ORDER_EVENTS.EXCEPTION_RESOLVED,
  ORDER_EVENTS.CANCELLED,
  ORDER_EVENTS.SHIPMENT_ADDED,
  ORDER_EVENTS.SHIPMENT_EVENT,
  ORDER_EVENTS.DELIVERED,
  ORDER_EVENTS.COMPLETED,
];

/** Objects given their identity for the first time (the products' serials, a lot into stock): CBV commissioning. */
export const COMMISSIONING = { bizStep: 'commissioning', disposition: 'active' } as const;

/** Where materials became products: issuing the products' codes, with the lots the order consumed. */
export const EPCIS_TRANSFORMATION_EVENT_TYPES: readonly string[] = [ORDER_EVENTS.TRACE_CODES_ISSUED];

/** Every progress entry the EPCIS interface serves, of either kind. */
export const EPCIS_EVENT_TYPES: readonly string[] = [...EPCIS_OBJECT_EVENT_TYPES, ...EPCIS_TRANSFORMATION_EVENT_TYPES];

/** What every event of an order carries: its id and times, step and disposition (from the vocabulary), where, and the order as its transaction. */
function orderEventCommon(type: string, fact: OrderEventFact, ids: ReturnType<typeof epcisIdentifiers>): Record<string, unknown> {
  const status = VOCABULARY.findStatus(fact.statusCode);
  return {
    type,
    eventID: `urn:uuid:${fact.eventId}`,
    eventTime: fact.occurredAt,
    recordTime: fact.recordedAt,
    eventTimeZoneOffset: '+00:00',
    ...(status ? { bizStep: status.bizStep, disposition: status.disposition } : {}),
    readPoint: { id: ids.location(fact.at) },
    bizTransactionList: [{ type: 'prodorder', bizTransaction: ids.order(fact.orderId) }],
  };
}

/** An EPCIS 2.0 ObjectEvent for one progress entry. */
export function objectEventOf(fact: ProgressFact, publicBase: string): Record<string, unknown> {
  const ids = epcisIdentifiers(publicBase);
  const sensors = sensorElementsOf(fact.readings);
  return {
    ...orderEventCommon('ObjectEvent', fact, ids),
    epcList: fact.products.length ? fact.products.map(ids.product) : [ids.order(fact.orderId)],
    // The order's first entry brings its objects into being; the rest observe them.
    action: fact.type === ORDER_EVENTS.IMPORTED ? 'ADD' : 'OBSERVE',
    bizLocation: { id: ids.location(fact.at) },
    ...(fact.handover
      ? {
          sourceList: [{ type: 'possessing_party', source: ids.location(fact.handover.from) }],
          destinationList: [{ type: 'possessing_party', destination: ids.location(fact.handover.to) }],
        }
      : {}),
    ...(sensors ? { sensorElementList: sensors } : {}),
    'weft:hubEventType': fact.type,
    'weft:statusCode': fact.statusCode,
  };
}

/** Where materials became products: the lots consumed as inputs, the products' codes as outputs. */
export interface TransformationFact extends OrderEventFact {
  lots: readonly { supplierId: string; lotCode: string; sku: string }[];
  products: readonly ProductRef[];
}

export function transformationEventOf(fact: TransformationFact, publicBase: string): Record<string, unknown> {
  const ids = epcisIdentifiers(publicBase);
  return {
    // The products' serials are given here for the first time (the entry has no status code of its own).
    ...COMMISSIONING,
    ...orderEventCommon('TransformationEvent', fact, ids),
    // GS1's schema wants no empty list: lots the hub does not know are left out, and products whose codes the viewer may not see stand as their order.
    ...(fact.lots.length ? { inputEPCList: fact.lots.map((lot) => ids.lot(lot.supplierId, lot.lotCode)) } : {}),
    outputEPCList: fact.products.length ? fact.products.map(ids.product) : [ids.order(fact.orderId)],
    transformationID: `${ids.order(fact.orderId)}/transformation`,
    bizLocation: { id: ids.location(fact.at) },
    // The lots' own data (ILMD): what each input was.
    ...(fact.lots.length
      ? { ilmd: { 'weft:materialLots': fact.lots.map((lot) => ({ sku: lot.sku, lotCode: lot.lotCode, supplierId: lot.supplierId })) } }
      : {}),
    'weft:hubEventType': ORDER_EVENTS.TRACE_CODES_ISSUED,
  };
}

/** What happened physically in supply: a lot came into a supplier's stock, a purchase order left, it arrived. */
export const SUPPLY_EVENT_KINDS = ['LOT_COMMISSIONED', 'PURCHASE_ORDER_SHIPPED', 'PURCHASE_ORDER_RECEIVED'] as const;
export type SupplyEventKind = (typeof SUPPLY_EVENT_KINDS)[number];

/** A supply event, as the suppliers subgraph serves it. */
export interface SupplyFact {
  eventId: string;
  kind: SupplyEventKind;
  occurredAt: string;
  purchaseOrderId?: string | null;
  supplier: LocationRef;
  studio?: LocationRef | null;
  lots: readonly { sku: string; lotCode: string; quantity?: number | null }[];
  lines: readonly { sku: string; quantity: number }[];
}

/** What each supply event is in the CBV, and the hub's own name for it. */
const SUPPLY_STEPS: Readonly<
  Record<SupplyEventKind, { bizStep: string; disposition: string; action: 'ADD' | 'OBSERVE'; hubEventType: string }>
> = {
  LOT_COMMISSIONED: { ...COMMISSIONING, action: 'ADD', hubEventType: SUPPLY_EVENTS.INVENTORY_PUBLISHED },
  PURCHASE_ORDER_SHIPPED: {
    bizStep: 'shipping',
    disposition: 'in_transit',
    action: 'OBSERVE',
    hubEventType: SUPPLY_EVENTS.PURCHASE_ORDER_SHIPPED,
  },
  PURCHASE_ORDER_RECEIVED: {
    bizStep: 'receiving',
    disposition: 'in_progress',
    action: 'OBSERVE',
    hubEventType: SUPPLY_EVENTS.PURCHASE_ORDER_RECEIVED,
  },
};

/** The business steps supply events take (what an EQ_bizStep may find among them). */
export const SUPPLY_EVENT_STEPS: readonly { bizStep: string; disposition: string }[] = Object.values(SUPPLY_STEPS);

/**
 * An EPCIS 2.0 ObjectEvent for a supply event, counted by class (lots as
 * `/id/material/<sku>/lot/<lot>`, a purchase order's lines as `/id/material/<sku>`): the lot at
 * its supplier, or the purchase order (its bizTransaction) leaving the supplier for the studio
 * and arriving there — the mapping a supplier's own shipping event uses at /epcis/capture.
 */
export function supplyEventOf(fact: SupplyFact, publicBase: string): Record<string, unknown> {
  const ids = epcisIdentifiers(publicBase);
  const step = SUPPLY_STEPS[fact.kind];
  const at = fact.kind === 'PURCHASE_ORDER_RECEIVED' && fact.studio ? fact.studio : fact.supplier;
  const counted = fact.lots.length
    ? fact.lots.map((lot) => ({ epcClass: ids.materialLot(lot.sku, lot.lotCode), ...(lot.quantity ? { quantity: lot.quantity } : {}) }))
    : fact.lines.map((line) => ({ epcClass: ids.material(line.sku), quantity: line.quantity }));
  return {
    type: 'ObjectEvent',
    eventID: `urn:uuid:${fact.eventId}`,
    eventTime: fact.occurredAt,
    recordTime: fact.occurredAt,
    eventTimeZoneOffset: '+00:00',
    quantityList: counted,
    action: step.action,
    bizStep: step.bizStep,
    disposition: step.disposition,
    readPoint: { id: ids.location(at) },
    bizLocation: { id: ids.location(at) },
    ...(fact.purchaseOrderId ? { bizTransactionList: [{ type: 'po', bizTransaction: ids.purchaseOrder(fact.purchaseOrderId) }] } : {}),
    ...(fact.kind === 'PURCHASE_ORDER_SHIPPED' && fact.studio
      ? {
          sourceList: [{ type: 'owning_party', source: ids.location(fact.supplier) }],
          destinationList: [{ type: 'owning_party', destination: ids.location(fact.studio) }],
        }
      : {}),
    'weft:hubEventType': step.hubEventType,
  };
}

/** The answer of the EPCIS query interface: an EPCISQueryDocument around one page of events. */
export function epcisQueryDocument(
  events: readonly Record<string, unknown>[],
  options: { creationDate: string; queryName?: string },
): Record<string, unknown> {
  return {
    '@context': EPCIS_CONTEXT,
    type: 'EPCISQueryDocument',
    schemaVersion: '2.0',
    creationDate: options.creationDate,
    epcisBody: { queryResults: { queryName: options.queryName ?? 'SimpleEventQuery', resultsBody: { eventList: events } } },
  };
}
