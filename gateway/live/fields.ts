import { CUSTOMER_TIMELINE_EVENTS, LIVE_TOPICS, liveKindOf, ORDER_EVENTS, payloadText, type EventEnvelope, type LiveEventKind } from '../../contracts';
import { CAPACITY_PARTNERS, Viewer } from '../../platform/access/viewer';
import { unauthenticated } from '../../platform/access/tokens';
import { hubError } from '../../platform/graphql/errors';

/**
 * A field of another type on a live event (`OrderProgressEvent.order` …): the gateway resolves
 * the subscriber's selection of it with a query through its own planner, `<root>(<arg>: value)`,
 * under the subscriber's token, so every subgraph's row and field rules (and tiers) apply.
 */
export interface LiveLink {
  root: string;
  arg: string;
  argType: string;
  value(event: EventEnvelope, args: Record<string, any>): string | null;
}

/**
 * A question asked through the planner before an event is delivered: the event goes out only
 * when `<root>(<arg>: value)` answers non-null for the subscriber (the order is still theirs to
 * see, the progress entry is within their tier).
 */
export type LiveProbe = LiveLink;

/** One subscription field the gateway serves, declared as data. */
export interface LiveField {
  topic(args: Record<string, any>): string;
  /** At subscribe time: who may follow this topic. `ask` runs a query with the subscriber's token. */
  authorize(viewer: Viewer, args: Record<string, any>, ask: Ask): Promise<void>;
  /** The scalar fields of the event type, from the envelope; null: this subscriber never gets it. */
  payload(event: EventEnvelope, viewer: Viewer, args: Record<string, any>): Record<string, unknown> | null;
  links: Record<string, LiveLink>;
  /** Probes an event must pass for this viewer (none for the owning studio's staff and hub admins). */
  probes(event: EventEnvelope, viewer: Viewer): LiveProbe[];
}

/** Runs a query through the gateway as the subscriber: the data, or the first error thrown. */
export type Ask = (query: string, variables: Record<string, unknown>) => Promise<Record<string, any>>;

const forbidden = (message: string) => hubError('FORBIDDEN', message);

function requireAuthenticated(viewer: Viewer): void {
  if (!viewer.authenticated) throw unauthenticated('Live updates need a token: send it in connection_init as { "authorization": "Bearer …" }');
}

const base = (event: EventEnvelope) => ({ cursor: event.cursor, type: event.type, kind: liveKindOf(event.type), occurredAt: event.occurredAt });

const ORDER: LiveLink = { root: 'order', arg: 'id', argType: 'ID!', value: (event) => payloadText(event.payload.orderId) };
const ENTRY: LiveLink = { root: 'progressEvent', arg: 'eventId', argType: 'ID!', value: (event) => (event.source === 'orders' ? event.id : null) };

/** Events a customer follows at every tier (phase, shipments and delay notices show from MINIMAL), entry or not. */
const CUSTOMER_PHASE_EVENTS: readonly string[] = [ORDER_EVENTS.COMPLETED, ORDER_EVENTS.CANCELLED, ORDER_EVENTS.SHIPMENT_ADDED, ORDER_EVENTS.SHIPMENT_EVENT, ORDER_EVENTS.DELIVERED, ORDER_EVENTS.DELAY_NOTICE];
/** What a capacity partner following an order it works on is told of. */
const PARTNER_KINDS: readonly LiveEventKind[] = ['ORDER', 'STAGE'];

const seesEverything = (viewer: Viewer, studioId: unknown) => viewer.isHubAdmin || (typeof studioId === 'string' && viewer.isStaffOf(studioId));

/** Which order events reach a viewer outside the owning studio, and what must be asked first. */
function outsiderProbes(event: EventEnvelope, viewer: Viewer): LiveProbe[] | null {
  if (viewer.principal?.customer) {
    if (!CUSTOMER_TIMELINE_EVENTS.includes(event.type as never)) return null;
    return CUSTOMER_PHASE_EVENTS.includes(event.type) ? [ORDER] : [ORDER, ENTRY];
  }
  if (viewer.has(CAPACITY_PARTNERS) && event.source === 'orders' && PARTNER_KINDS.includes(liveKindOf(event.type))) return [ORDER];
  return null;
}

/**
 * Who may follow a topic, asked through the planner: `<root>(<argument>)`, given the
 * subscription's own argument, must answer for the subscriber (the owning subgraph's row rules
 * decide).
 */
function answeredFor(root: string, argument: string, type: string, from: string, what: string): LiveField['authorize'] {
  return async (viewer, args, ask) => {
    requireAuthenticated(viewer);
    const data = await ask(`query WeftLiveFollow($value: ${type}) { ${root}(${argument}) { __typename } }`, { value: args[from] });
    if (!data[root]) throw forbidden(`You may not follow ${what} "${args[from]}" (it does not exist or is not yours to see)`);
  };
}

export const LIVE_FIELDS: Record<string, LiveField> = {
  orderProgress: {
    topic: (args) => LIVE_TOPICS.order(args.orderId),
    authorize: answeredFor('order', 'id: $value', 'ID!', 'orderId', 'order'),
    payload: (event, viewer) => (seesEverything(viewer, event.payload.studioId) || outsiderProbes(event, viewer) ? { ...base(event), orderId: event.payload.orderId } : null),
    links: { order: ORDER, entry: ENTRY },
    probes: (event, viewer) => (seesEverything(viewer, event.payload.studioId) ? [] : (outsiderProbes(event, viewer) ?? [])),
  },
  studioEvents: {
    topic: (args) => LIVE_TOPICS.studio(args.studioId),
    authorize: async (viewer, args) => {
      requireAuthenticated(viewer);
      if (!seesEverything(viewer, args.studioId)) throw forbidden(`Only the staff of "${args.studioId}" may follow its events`);
    },
    payload: (event, _viewer, args) => {
      const kinds = args.kinds as LiveEventKind[] | undefined | null;
      if (kinds?.length && !kinds.includes(liveKindOf(event.type))) return null;
      return { ...base(event), studioId: event.payload.studioId, orderId: payloadText(event.payload.orderId) };
    },
    links: { order: ORDER, entry: ENTRY },
    probes: () => [],
  },
  inventoryChanges: {
    topic: (args) => LIVE_TOPICS.sku(args.sku),
    authorize: answeredFor('materialStock', 'sku: $value', 'String!', 'sku', 'material'),
    payload: (event, _viewer, args) => ({ ...base(event), sku: args.sku }),
    links: { stock: { root: 'materialStock', arg: 'sku', argType: 'String!', value: (_event, args) => args.sku } },
    probes: () => [],
  },
  allocationEvents: {
    topic: (args) => LIVE_TOPICS.enterprise(args.enterpriseId),
    authorize: async (viewer, args) => {
      requireAuthenticated(viewer);
      if (!viewer.isHubAdmin && viewer.org !== args.enterpriseId) throw forbidden(`Only the people of "${args.enterpriseId}" may follow its allocations`);
    },
    payload: (event) => ({ ...base(event), allocationId: event.payload.allocationId }),
    links: { allocation: { root: 'allocation', arg: 'id', argType: 'ID!', value: (event) => payloadText(event.payload.allocationId) } },
    probes: () => [],
  },
};
