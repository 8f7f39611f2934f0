import type http from 'node:http';
import {
  cbvTermOf,
  COMMISSIONING,
  EPCIS_EVENT_TYPES,
  EPCIS_OBJECT_EVENT_TYPES,
  EPCIS_TRANSFORMATION_EVENT_TYPES,
  epcisQueryDocument,
  objectEventOf,
  ORDER_EVENTS,
  SUPPLY_EVENT_STEPS,
  supplyEventOf,
  transformationEventOf,
  VOCABULARY,
  WEFT_EPCIS_NAMESPACE,
  type ProgressFact,
  type SupplyFact,
  type TransformationFact,
} from '../contracts';
import type { PublicUrl } from '../platform/base/public-url';
import { sendJson, type GraphQLEndpoint, type RouteHandler } from '../platform/runtime/http-server';
import type { GatewayContext } from './context';

/**
 * GS1 EPCIS 2.0's query interface over its REST binding: `GET /epcis/events` (an
 * EPCISQueryDocument of the events the caller may see, filtered by the standard query
 * parameters, paged by `perPage` / `nextPageToken` with a `Link: rel="next"`) and
 * `GET /epcis/events/{eventID}`. It holds no rule of its own: every answer is a GraphQL query of
 * the orders subgraph's `visibilityEvents` (and, for the products' TransformationEvents, the
 * suppliers subgraph's lots behind their public stories) through this gateway's planner, under
 * the caller's token, so the subgraphs' row and field rules decide what appears; this module
 * only maps the answer to EPCIS (contracts/epcis.ts) and the parameters to the query's filter.
 */

const SUPPORTED = new Set([
  'eventType',
  'GE_eventTime',
  'LT_eventTime',
  'GE_recordTime',
  'EQ_bizStep',
  'EQ_disposition',
  'MATCH_epc',
  'MATCH_anyEPC',
  'MATCH_inputEPC',
  'MATCH_outputEPC',
  'EQ_bizLocation',
  'EQ_readPoint',
  'perPage',
  'nextPageToken',
]);
const EVENT_TYPES = ['ObjectEvent', 'AggregationEvent', 'TransactionEvent', 'TransformationEvent', 'AssociationEvent'];
/** The event types the hub emits, each with the progress entries that become it. */
const HUB_EVENT_TYPES: Record<string, readonly string[]> = {
  ObjectEvent: EPCIS_OBJECT_EVENT_TYPES,
  TransformationEvent: EPCIS_TRANSFORMATION_EVENT_TYPES,
};
/** Which EPC lists each MATCH_ parameter looks in (EPCIS 2.0, 8.2.7.1): epcList is an ObjectEvent's, the input and output lists a TransformationEvent's. */
const EPC_LISTS: Record<string, readonly ('epcList' | 'inputEPCList' | 'outputEPCList')[]> = {
  MATCH_epc: ['epcList'],
  MATCH_anyEPC: ['epcList', 'inputEPCList', 'outputEPCList'],
  MATCH_inputEPC: ['inputEPCList'],
  MATCH_outputEPC: ['outputEPCList'],
};
const DEFAULT_PER_PAGE = 30;
/** The subgraph's page limit; a larger perPage is served as this many (the binding lets a server return fewer). */
const MAX_PER_PAGE = 100;

/** The binding's headers on every answer of the EPCIS interface. */
export const EPCIS_HEADERS = {
  'GS1-EPCIS-Version': '2.0.0',
  'GS1-CBV-Version': '2.0.0',
  'GS1-Extensions': `weft=${WEFT_EPCIS_NAMESPACE.weft}`,
};

const ENTRY = `
  fragment EpcisEntry on ProgressEvent {
    eventId type occurredAt recordedAt orderId
    statusCode { code }
    studio { id gln }
    workshop @include(if: $withWorkshop) { id gln }
    stage { environment { name value unit recordedAt } }
    products { code gtin }
  }`;
/** The lots behind products' codes, one aliased story per code (the suppliers subgraph answers them in one fetch). */
const lotsQuery = (count: number) =>
  `query EpcisLots(${Array.from({ length: count }, (_, index) => `$c${index}: String!`).join(', ')}) {${Array.from({ length: count }, (_, index) => ` s${index}: productStory(code: $c${index}) { materialOrigins { sku lotCode supplier { id } } }`).join('')} }`;
const EVENTS_QUERY = `query EpcisEvents($filter: VisibilityEventFilter, $first: Int, $after: String, $withWorkshop: Boolean!) {
  visibilityEvents(filter: $filter, first: $first, after: $after) { nodes { ...EpcisEntry } pageInfo { hasNextPage endCursor } }
}${ENTRY}`;
const EVENT_QUERY = `query EpcisEvent($eventId: ID!, $withWorkshop: Boolean!) { progressEvent(eventId: $eventId) { ...EpcisEntry } }${ENTRY}`;
const DIRECTORY_QUERY = `query EpcisPlaces { enterprises { id gln } }`;
const SUPPLY_QUERY = `query EpcisSupply($first: Int, $after: String, $from: DateTimeISO, $before: DateTimeISO) {
  supplyVisibilityEvents(first: $first, after: $after, occurredFrom: $from, occurredBefore: $before) {
    nodes { eventId kind occurredAt purchaseOrderId supplier { id gln } studio { id gln } lots { sku lotCode quantity } lines { sku quantity } }
    pageInfo { hasNextPage endCursor }
  }
}`;
const CAPTURED_QUERY = `query EpcisCaptured($first: Int, $after: String, $from: DateTimeISO, $before: DateTimeISO, $recorded: DateTimeISO, $eventId: String) {
  capturedEvents(first: $first, after: $after, occurredFrom: $from, occurredBefore: $before, recordedFrom: $recorded, eventId: $eventId) { nodes { document } pageInfo { hasNextPage endCursor } }
}`;

interface Place {
  id: string;
  gln?: string | null;
}
interface Entry {
  eventId: string;
  type: string;
  occurredAt: string;
  recordedAt: string;
  orderId: string;
  statusCode: { code: string } | null;
  studio: Place;
  workshop?: Place | null;
  stage: { environment: { name: string; value: number; unit: string; recordedAt: string }[] | null } | null;
  products: { code: string; gtin?: string | null }[] | null;
}

type Lot = TransformationFact['lots'][number];

/** A refusal of the EPCIS interface, answered as the binding's problem document. */
export class EpcisProblem extends Error {
  constructor(
    readonly status: number,
    readonly type: string,
    message: string,
    readonly headers: Record<string, string> = {},
    /** Members the problem document adds (RFC 7807 extensions), e.g. a capture's schema problems. */
    readonly extensions: Record<string, unknown> = {},
  ) {
    super(message);
  }
}
const queryParameterProblem = (detail: string) => new EpcisProblem(400, 'epcisException:QueryParameterException', detail);

function sendProblem(response: http.ServerResponse, problem: EpcisProblem, instance: string): void {
  sendJson(
    response,
    problem.status,
    { type: problem.type, title: problem.message, status: problem.status, instance, ...problem.extensions },
    { ...EPCIS_HEADERS, ...problem.headers, 'content-type': 'application/problem+json' },
  );
}

/** A GraphQL refusal as the binding's problem: who may not ask, what was malformed, or that the hub cannot answer now. */
export function problemOf(error: { message: string; extensions?: Record<string, unknown> }): EpcisProblem {
  switch (error.extensions?.code) {
    case 'UNAUTHENTICATED':
      return new EpcisProblem(401, 'epcisException:SecurityException', error.message);
    case 'FORBIDDEN':
      return new EpcisProblem(403, 'epcisException:SecurityException', error.message);
    case 'BAD_USER_INPUT':
      return queryParameterProblem(error.message);
    case 'RATE_LIMITED': {
      const wait = Number(error.extensions?.retryAfterSeconds ?? 1);
      return new EpcisProblem(429, 'epcisException:QueryTooComplexException', error.message, {
        'retry-after': String(Math.max(1, Math.ceil(wait))),
      });
    }
    default:
      return new EpcisProblem(503, 'epcisException:ImplementationException', `The hub could not answer now: ${error.message}`, {
        'retry-after': '1',
      });
  }
}

/** Percent-decoding that never throws: a malformed escape is kept as it is (and matches nothing). */
export function decoded(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

const values = (raw: string) =>
  raw
    .split('|')
    .map((value) => value.trim())
    .filter(Boolean);

function timeOf(name: string, raw: string): string {
  const time = new Date(raw);
  if (!/^\d{4}-\d{2}-\d{2}T/.test(raw) || Number.isNaN(time.getTime()))
    throw queryParameterProblem(`${name} must be an ISO 8601 date-time with its offset, not "${raw}"`);
  return time.toISOString();
}

interface ParsedQuery {
  filter: Record<string, unknown>;
  /** Exact matches applied to the mapped events (a page may then hold fewer than perPage): every parameter given must hold. */
  epcs: { lists: readonly string[]; values: Set<string> }[];
  terms?: { bizStep?: Set<string>; disposition?: Set<string> };
  places?: { bizLocation?: Set<string>; readPoint?: Set<string> };
  perPage: number;
  after?: string;
  /** No progress entry can match (e.g. only event types the orders do not emit were asked for). */
  nothing: boolean;
  /** A supply event (an ObjectEvent counted by class, at a supplier or studio) may match. */
  supply: boolean;
  /** The supply events' window (their record time is their event time). */
  supplyWindow: { occurredFrom?: string; occurredBefore?: string };
  /** The event types asked for (absent: any), which captured events are matched against. */
  eventTypes?: Set<string>;
}

/** A place's id as an EPCIS event names it (`bizLocation`, `readPoint`: `{ "id": … }`). */
const placeIdOf = (place: unknown): string | undefined =>
  place !== null && typeof place === 'object' && 'id' in place && typeof place.id === 'string' ? place.id : undefined;

export interface EpcisOptions {
  endpoint: GraphQLEndpoint<GatewayContext>;
  publicUrl: PublicUrl;
}

/**
 * A GraphQL operation through this gateway's planner under the caller's context, its answer as data
 * and errors. `Data` is the shape the query selects: GraphQL answers exactly that selection, checked
 * against the schema, so the caller names it rather than reading `any`.
 */
export async function executeGraphQL<Data = Record<string, unknown>>(
  endpoint: GraphQLEndpoint<GatewayContext>,
  context: GatewayContext,
  query: string,
  variables: Record<string, unknown>,
): Promise<{ data: Data; errors: readonly { message: string; extensions?: Record<string, unknown> }[] }> {
  const result = await endpoint.apollo.executeOperation({ query, variables }, { contextValue: context });
  if (result.body.kind !== 'single') throw new EpcisProblem(503, 'epcisException:ImplementationException', 'Unexpected incremental answer');
  const { data, errors } = result.body.singleResult;
  return { data: (data ?? {}) as Data, errors: errors ?? [] };
}

/** One page of a connection, as the hub's queries select it. */
interface Connection<Node> {
  nodes: Node[];
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
}

/**
 * One route of the EPCIS interface: the methods it serves, JSON only, the caller's context from
 * their token; any EpcisProblem thrown on the way is answered as the binding's problem document.
 */
export function epcisRoute(
  endpoint: GraphQLEndpoint<GatewayContext>,
  methods: readonly string[],
  serve: (request: http.IncomingMessage, response: http.ServerResponse, context: GatewayContext, url: URL) => Promise<void>,
): RouteHandler {
  return async (request, response) => {
    const url = new URL(request.url ?? '/', 'http://localhost');
    try {
      if (!methods.includes(request.method ?? 'GET'))
        throw new EpcisProblem(
          405,
          'epcisException:ValidationException',
          `${request.method} is not served at ${url.pathname} (${methods.join(', ')} are)`,
          { allow: methods.join(', ') },
        );
      const accept = request.headers.accept;
      if (accept && !/application\/(?:ld\+)?json|application\/\*|\*\/\*/.test(accept))
        throw new EpcisProblem(
          406,
          'epcisException:NotAcceptableException',
          'This hub answers EPCIS in JSON (application/json or application/ld+json) only',
        );
      let context: GatewayContext;
      try {
        context = await endpoint.context(request);
      } catch (error) {
        throw problemOf(error as { message: string; extensions?: Record<string, unknown> });
      }
      await serve(request, response, context, url);
    } catch (error) {
      if (!(error instanceof EpcisProblem)) throw error;
      sendProblem(response, error, url.pathname);
    }
  };
}

export function epcisRoutes(options: EpcisOptions): Record<string, RouteHandler> {
  /** The operation's data; its first error refuses the request. */
  const execute = async <Data>(context: GatewayContext, query: string, variables: Record<string, unknown>): Promise<Data> => {
    const { data, errors } = await executeGraphQL<Data>(options.endpoint, context, query, variables);
    if (errors.length) throw problemOf(errors[0]);
    return data;
  };

  /** Place URIs (Digital Link locations by GLN, or the hub's enterprise URIs) to enterprise ids. */
  const enterprisesAt = async (context: GatewayContext, uris: string[], base: string): Promise<string[]> => {
    const ids = uris
      .filter((uri) => uri.startsWith(`${base}/id/enterprise/`))
      .map((uri) => decoded(uri.slice(`${base}/id/enterprise/`.length)));
    const glns = uris.filter((uri) => uri.startsWith(`${base}/414/`)).map((uri) => uri.slice(`${base}/414/`.length));
    if (glns.length) {
      const { enterprises } = await execute<{ enterprises: Place[] }>(context, DIRECTORY_QUERY, {});
      for (const enterprise of enterprises) if (enterprise.gln && glns.includes(enterprise.gln)) ids.push(enterprise.id);
    }
    return ids;
  };

  const parse = async (search: URLSearchParams, context: GatewayContext, base: string): Promise<ParsedQuery> => {
    for (const name of search.keys()) {
      if (!SUPPORTED.has(name))
        throw queryParameterProblem(`The query parameter "${name}" is not one this hub supports (${[...SUPPORTED].join(', ')})`);
    }
    for (const name of SUPPORTED)
      if (search.getAll(name).length > 1)
        throw queryParameterProblem(`The query parameter "${name}" is given more than once (separate values by "|")`);
    const get = (name: string) => search.get(name) ?? undefined;
    const filter: Record<string, unknown> = {};
    // The EPCIS event types still possible, narrowed by every parameter that speaks of them.
    const kinds = new Set(Object.keys(HUB_EVENT_TYPES));
    const eventType = get('eventType');
    if (eventType !== undefined) {
      const asked = values(eventType);
      const unknown = asked.filter((type) => !EVENT_TYPES.includes(type));
      if (unknown.length || !asked.length)
        throw queryParameterProblem(`eventType must be one or more of ${EVENT_TYPES.join(', ')}, not "${eventType}"`);
      for (const kind of kinds) if (!asked.includes(kind)) kinds.delete(kind);
    }
    const from = get('GE_eventTime');
    const before = get('LT_eventTime');
    const recorded = get('GE_recordTime');
    if (from !== undefined) filter.occurredFrom = timeOf('GE_eventTime', from);
    if (before !== undefined) filter.occurredBefore = timeOf('LT_eventTime', before);
    if (recorded !== undefined) filter.recordedFrom = timeOf('GE_recordTime', recorded);
    const terms: NonNullable<ParsedQuery['terms']> = {};
    for (const [name, kind] of [
      ['EQ_bizStep', 'bizStep'],
      ['EQ_disposition', 'disposition'],
    ] as const) {
      const raw = get(name);
      if (raw !== undefined) terms[kind] = new Set(values(raw).map((value) => cbvTermOf(kind, value)!));
    }
    // An ObjectEvent's step and disposition are its status code's; a TransformationEvent is always commissioning.
    const statusCodes = VOCABULARY.statusCodes
      .filter(
        (status) =>
          (!terms.bizStep || terms.bizStep.has(status.bizStep)) && (!terms.disposition || terms.disposition.has(status.disposition)),
      )
      .map((status) => status.code);
    if (!statusCodes.length) kinds.delete('ObjectEvent');
    if (
      (terms.bizStep && !terms.bizStep.has(COMMISSIONING.bizStep)) ||
      (terms.disposition && !terms.disposition.has(COMMISSIONING.disposition))
    )
      kinds.delete('TransformationEvent');
    const epcs: ParsedQuery['epcs'] = [];
    for (const name of Object.keys(EPC_LISTS)) {
      const raw = get(name);
      if (raw === undefined) continue;
      const lists = EPC_LISTS[name];
      if (!lists.includes('epcList')) kinds.delete('ObjectEvent');
      if (!lists.some((list) => list !== 'epcList')) kinds.delete('TransformationEvent');
      const asked = values(raw);
      epcs.push({ lists, values: new Set(asked) });
      if (filter.orderIds || filter.productCodes) continue;
      // The first parameter naming only orders, or only products, narrows the query; the rest (lots, others' URIs) are matched on the mapped events alone.
      const orderIds = asked
        .filter((epc) => epc.startsWith(`${base}/id/order/`))
        .map((epc) => decoded(epc.slice(`${base}/id/order/`.length)));
      const productCodes = asked
        .map((epc) => /\/(?:01\/\d{14}\/21|id\/product)\/([^/]+)$/.exec(epc.startsWith(base) ? epc.slice(base.length) : '')?.[1])
        .filter((code): code is string => !!code);
      if (orderIds.length === asked.length) filter.orderIds = orderIds;
      else if (productCodes.length === asked.length) filter.productCodes = productCodes.map(decoded);
    }
    filter.types = [...kinds].flatMap((kind) => HUB_EVENT_TYPES[kind]);
    // The subgraph narrows by status code only where every event asked for carries one.
    if ((terms.bizStep || terms.disposition) && !kinds.has('TransformationEvent')) filter.statusCodes = statusCodes;
    const places: ParsedQuery['places'] = {};
    for (const [name, key] of [
      ['EQ_bizLocation', 'bizLocation'],
      ['EQ_readPoint', 'readPoint'],
    ] as const) {
      const raw = get(name);
      if (raw === undefined) continue;
      places[key] = new Set(values(raw));
    }
    const placeUris = [...(places.bizLocation ?? []), ...(places.readPoint ?? [])];
    // A customer's events are placed at the studio (who did the work is not theirs to know), so their places are matched on the mapped events alone.
    if (placeUris.length && !context.principal?.customer) filter.workshopIds = await enterprisesAt(context, placeUris, base);
    const perPageRaw = get('perPage');
    const perPage = perPageRaw === undefined ? DEFAULT_PER_PAGE : Number(perPageRaw);
    if (!Number.isInteger(perPage) || perPage < 1)
      throw queryParameterProblem(`perPage must be a positive whole number, not "${perPageRaw}"`);
    // Supply events are ObjectEvents with no EPC list (they count lots by class), at one of the supply steps.
    const supply =
      (eventType === undefined || values(eventType).includes('ObjectEvent')) &&
      !epcs.length &&
      !context.principal?.customer &&
      SUPPLY_EVENT_STEPS.some(
        (step) => (!terms.bizStep || terms.bizStep.has(step.bizStep)) && (!terms.disposition || terms.disposition.has(step.disposition)),
      );
    const laterOf = (a?: unknown, b?: unknown) =>
      [a, b]
        .filter((time): time is string => typeof time === 'string')
        .sort()
        .at(-1);
    return {
      filter,
      epcs,
      terms: terms.bizStep || terms.disposition ? terms : undefined,
      places: placeUris.length ? places : undefined,
      perPage: Math.min(perPage, MAX_PER_PAGE),
      after: get('nextPageToken'),
      nothing: kinds.size === 0,
      supply,
      supplyWindow: {
        occurredFrom: laterOf(filter.occurredFrom, filter.recordedFrom),
        occurredBefore: filter.occurredBefore as string | undefined,
      },
      eventTypes: eventType === undefined ? undefined : new Set(values(eventType)),
    };
  };

  /** The lots each transformation entry's products were made from, asked of the suppliers subgraph by the entry's first product code (an order's products share its lots). */
  const lotsOf = async (context: GatewayContext, entries: readonly Entry[]): Promise<Map<string, Lot[]>> => {
    const asking = entries.filter((entry) => EPCIS_TRANSFORMATION_EVENT_TYPES.includes(entry.type) && entry.products?.length);
    const lots = new Map<string, Lot[]>();
    if (!asking.length) return lots;
    const variables = Object.fromEntries(asking.map((entry, index) => [`c${index}`, entry.products![0].code]));
    type Origins = { materialOrigins: { sku: string; lotCode: string; supplier: { id: string } }[] } | null;
    const data = await execute<Record<string, Origins | undefined>>(context, lotsQuery(asking.length), variables);
    asking.forEach((entry, index) => {
      const origins = data[`s${index}`]?.materialOrigins ?? [];
      lots.set(
        entry.eventId,
        origins.map((origin) => ({ supplierId: origin.supplier.id, lotCode: origin.lotCode, sku: origin.sku })),
      );
    });
    return lots;
  };

  const toEvent = (entry: Entry, base: string, lots: Map<string, Lot[]>): Record<string, unknown> => {
    const studio = { enterpriseId: entry.studio.id, gln: entry.studio.gln };
    const workshop = entry.workshop ? { enterpriseId: entry.workshop.id, gln: entry.workshop.gln } : studio;
    const products = (entry.products ?? []).map((product) => ({ gtin: product.gtin, serial: product.code }));
    const common = {
      eventId: entry.eventId,
      occurredAt: entry.occurredAt,
      recordedAt: entry.recordedAt,
      orderId: entry.orderId,
      statusCode: entry.statusCode?.code ?? '',
      at: workshop,
    };
    if (EPCIS_TRANSFORMATION_EVENT_TYPES.includes(entry.type))
      return transformationEventOf({ ...common, products, lots: lots.get(entry.eventId) ?? [] }, base);
    const fact: ProgressFact = {
      ...common,
      type: entry.type,
      products,
      readings: entry.type === ORDER_EVENTS.STAGE_COMPLETED ? (entry.stage?.environment ?? []) : undefined,
      // A stage handed to a partner: from the studio to the partner's workshop.
      handover:
        entry.type === ORDER_EVENTS.STAGE_ASSIGNED && workshop.enterpriseId !== studio.enterpriseId
          ? { from: studio, to: workshop }
          : undefined,
    };
    return objectEventOf(fact, base);
  };

  const matches = (event: Record<string, unknown>, parsed: ParsedQuery): boolean => {
    if (parsed.eventTypes && !parsed.eventTypes.has(String(event.type))) return false;
    for (const { lists, values: asked } of parsed.epcs) {
      if (!lists.some((list) => (event[list] as string[] | undefined)?.some((epc) => asked.has(epc)))) return false;
    }
    // Captured events may name CBV terms as URIs or URNs: compared in their bare form.
    if (parsed.terms?.bizStep && !parsed.terms.bizStep.has(cbvTermOf('bizStep', event.bizStep) ?? '')) return false;
    if (parsed.terms?.disposition && !parsed.terms.disposition.has(cbvTermOf('disposition', event.disposition) ?? '')) return false;
    if (parsed.places?.bizLocation && !parsed.places.bizLocation.has(placeIdOf(event.bizLocation) ?? '')) return false;
    if (parsed.places?.readPoint && !parsed.places.readPoint.has(placeIdOf(event.readPoint) ?? '')) return false;
    return true;
  };

  const handle = (serve: (response: http.ServerResponse, context: GatewayContext, url: URL) => Promise<void>): RouteHandler =>
    epcisRoute(options.endpoint, ['GET', 'HEAD'], (_request, response, context, url) => serve(response, context, url));

  const send = (response: http.ServerResponse, body: unknown, headers: Record<string, string> = {}) =>
    sendJson(response, 200, body, { ...EPCIS_HEADERS, ...headers, 'content-type': 'application/json' });

  /**
   * Where events come from, in the order pages give them: the orders' progress entries, the
   * suppliers' supply events, then the events the caller's enterprise captured. A page holds one
   * source's events; its token names the source by a prefix (the orders' cursors have none).
   */
  type Page = { events: Record<string, unknown>[]; cursor: string | null };
  const SOURCES: {
    prefix: string;
    applies(parsed: ParsedQuery, context: GatewayContext): boolean;
    page(context: GatewayContext, parsed: ParsedQuery, base: string, after: string | undefined): Promise<Page>;
  }[] = [
    {
      prefix: '',
      applies: (parsed) => !parsed.nothing,
      page: async (context, parsed, base, after) => {
        const { visibilityEvents } = await execute<{ visibilityEvents: Connection<Entry> }>(context, EVENTS_QUERY, {
          filter: parsed.filter,
          first: parsed.perPage,
          after,
          withWorkshop: !context.principal?.customer,
        });
        const entries = visibilityEvents.nodes;
        const lots = await lotsOf(context, entries);
        return {
          events: entries.map((entry) => toEvent(entry, base, lots)),
          cursor: visibilityEvents.pageInfo.hasNextPage ? visibilityEvents.pageInfo.endCursor : null,
        };
      },
    },
    {
      prefix: 'supply:',
      applies: (parsed) => parsed.supply,
      page: async (context, parsed, base, after) => {
        type SupplyNode = Omit<SupplyFact, 'supplier' | 'studio'> & { supplier: Place; studio: Place | null };
        const { supplyVisibilityEvents } = await execute<{ supplyVisibilityEvents: Connection<SupplyNode> }>(context, SUPPLY_QUERY, {
          first: parsed.perPage,
          after,
          from: parsed.supplyWindow.occurredFrom,
          before: parsed.supplyWindow.occurredBefore,
        });
        const place = (enterprise: Place | null) => (enterprise ? { enterpriseId: enterprise.id, gln: enterprise.gln } : null);
        const events = supplyVisibilityEvents.nodes.map((node) =>
          supplyEventOf({ ...node, supplier: place(node.supplier)!, studio: place(node.studio) }, base),
        );
        return { events, cursor: supplyVisibilityEvents.pageInfo.hasNextPage ? supplyVisibilityEvents.pageInfo.endCursor : null };
      },
    },
    {
      prefix: 'captured:',
      // Customers capture nothing; every other role may have sent events.
      applies: (_parsed, context) => !!context.principal && !context.principal.customer,
      page: async (context, parsed, _base, after) => {
        const { capturedEvents } = await execute<{ capturedEvents: Connection<{ document: string }> }>(context, CAPTURED_QUERY, {
          first: parsed.perPage,
          after,
          from: parsed.filter.occurredFrom,
          before: parsed.filter.occurredBefore,
          recorded: parsed.filter.recordedFrom,
        });
        const events = capturedEvents.nodes.map((node) => JSON.parse(node.document) as Record<string, unknown>);
        return { events, cursor: capturedEvents.pageInfo.hasNextPage ? capturedEvents.pageInfo.endCursor : null };
      },
    },
  ];

  const events = handle(async (response, context, url) => {
    const base = options.publicUrl.base;
    const parsed = await parse(url.searchParams, context, base);
    const creationDate = new Date().toISOString();
    const token = parsed.after;
    // The source a token names (the longest prefix it starts with), or the first that applies.
    const named =
      token === undefined
        ? -1
        : SOURCES.map((source, index) => [source, index] as const)
            .filter(([source]) => token.startsWith(source.prefix))
            .sort(([a], [b]) => b.prefix.length - a.prefix.length)[0][1];
    const index = named >= 0 ? named : SOURCES.findIndex((source) => source.applies(parsed, context));
    if (index < 0 || !SOURCES[index].applies(parsed, context)) return send(response, epcisQueryDocument([], { creationDate }));
    const source = SOURCES[index];
    const answer = await source.page(context, parsed, base, named >= 0 ? token!.slice(source.prefix.length) || undefined : undefined);
    const page = answer.events.filter((event) => matches(event, parsed));
    const following = SOURCES.findIndex((candidate, at) => at > index && candidate.applies(parsed, context));
    const nextToken = answer.cursor !== null ? `${source.prefix}${answer.cursor}` : following >= 0 ? SOURCES[following].prefix : null;
    const headers: Record<string, string> = {};
    if (nextToken !== null) {
      const next = new URL(`${base}/epcis/events`);
      for (const [name, value] of url.searchParams) if (name !== 'nextPageToken') next.searchParams.set(name, value);
      next.searchParams.set('nextPageToken', nextToken);
      headers.link = `<${next.toString()}>; rel="next"`;
    }
    send(response, epcisQueryDocument(page, { creationDate }), headers);
  });

  const event = handle(async (response, context, url) => {
    const base = options.publicUrl.base;
    const raw = decoded(url.pathname.slice('/epcis/events/'.length));
    const eventId = raw.replace(/^urn:uuid:/i, '');
    const missing = new EpcisProblem(404, 'epcisException:NoSuchResourceException', `No event "${raw}" that you may see`);
    const creationDate = new Date().toISOString();
    if (/^[0-9a-f-]{36}$/i.test(eventId)) {
      const { progressEvent } = await execute<{ progressEvent: Entry | null }>(context, EVENT_QUERY, {
        eventId,
        withWorkshop: !context.principal?.customer,
      });
      if (progressEvent && EPCIS_EVENT_TYPES.includes(progressEvent.type)) {
        const lots = await lotsOf(context, [progressEvent]);
        return send(response, epcisQueryDocument([toEvent(progressEvent, base, lots)], { creationDate }));
      }
    }
    // Else one the caller's enterprise captured, by the eventID it is known by (customers capture nothing).
    if (!context.principal || context.principal.customer || raw.length > 200) throw missing;
    const { capturedEvents } = await execute<{ capturedEvents: Connection<{ document: string }> }>(context, CAPTURED_QUERY, {
      first: 1,
      eventId: raw,
    });
    const [captured] = capturedEvents.nodes;
    if (!captured) throw missing;
    send(response, epcisQueryDocument([JSON.parse(captured.document) as Record<string, unknown>], { creationDate }));
  });

  return { '/epcis/events': events, '/epcis/events/*': event };
}
