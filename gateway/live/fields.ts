import {
  CUSTOMER_TIMELINE_EVENTS,
  LIVE_SUBSCRIPTIONS,
  LIVE_TOPICS,
  liveKindOf,
  ORDER_EVENTS,
  payloadText,
  type EventEnvelope,
  type LiveDelivery,
  type LiveEventKind,
  type LiveFollowRule,
  type LiveLinkDeclaration,
  type LiveSubscriptionDeclaration,
  type LiveValue,
} from '../../contracts';
import type { Viewer } from '../../platform/access/viewer';
import { CAPACITY_PARTNERS } from '../../platform/access/viewer';
import { unauthenticated } from '../../platform/access/tokens';
import { hubError } from '../../platform/base/errors';

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

/** One subscription field as the gateway serves it, compiled from its declaration (contracts' LIVE_SUBSCRIPTIONS). */
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
  if (!viewer.authenticated)
    throw unauthenticated('Live updates need a token: send it in connection_init as { "authorization": "Bearer …" }');
}

const base = (event: EventEnvelope) => ({
  cursor: event.cursor,
  type: event.type,
  kind: liveKindOf(event.type),
  occurredAt: event.occurredAt,
});

/** Reads a declared value off an event (and the subscription's arguments). */
function valueOf(value: LiveValue, event: EventEnvelope, args: Record<string, any>): string | null {
  if ('payload' in value) return payloadText(event.payload[value.payload]);
  if ('argument' in value) return payloadText(args[value.argument]);
  return event.source === value.eventIdFrom ? event.id : null;
}

const linkOf = (declared: LiveLinkDeclaration): LiveLink => ({ ...declared, value: (event, args) => valueOf(declared.value, event, args) });

/** Events a customer follows at every tier (phase, shipments, delay notices and the promised date show from MINIMAL), entry or not. */
const CUSTOMER_PHASE_EVENTS: readonly string[] = [
  ORDER_EVENTS.COMPLETED,
  ORDER_EVENTS.CANCELLED,
  ORDER_EVENTS.SHIPMENT_ADDED,
  ORDER_EVENTS.SHIPMENT_EVENT,
  ORDER_EVENTS.DELIVERED,
  ORDER_EVENTS.DELAY_NOTICE,
  ORDER_EVENTS.PROMISE_CHANGED,
];
/**
 * What a capacity partner following an order it works on is told of: the order as a whole, and
 * the events of the stages it holds. A stage event goes out only when its progress entry answers
 * for the partner: the orders subgraph shows a partner only the entries of its own workshop, so
 * another stage's events (their type and time included) never reach it.
 */
const PARTNER_KINDS: readonly LiveEventKind[] = ['ORDER', 'STAGE'];

const seesEverything = (viewer: Viewer, studioId: unknown) =>
  viewer.isHubAdmin || (typeof studioId === 'string' && viewer.isStaffOf(studioId));

/**
 * Which order events reach a viewer outside the owning studio, and what must be asked first:
 * the order (still theirs to see) and, below the phase events, its progress entry (within their tier).
 */
function outsiderProbes(event: EventEnvelope, viewer: Viewer, links: Record<string, LiveLink>): LiveProbe[] | null {
  if (viewer.principal?.customer) {
    if (!CUSTOMER_TIMELINE_EVENTS.includes(event.type as never)) return null;
    return CUSTOMER_PHASE_EVENTS.includes(event.type) ? [links.order] : [links.order, links.entry];
  }
  if (viewer.has(CAPACITY_PARTNERS) && event.source === 'orders' && PARTNER_KINDS.includes(liveKindOf(event.type)))
    return liveKindOf(event.type) === 'STAGE' ? [links.order, links.entry] : [links.order];
  return null;
}

type Authorize = (viewer: Viewer, args: Record<string, any>, ask: Ask, argument: string) => Promise<void>;

/** At subscribe time: who may follow the topic named by the subscription's argument. */
function authorizer(rule: LiveFollowRule): Authorize {
  if ('answeredBy' in rule) {
    // The owning subgraph's row rules decide: `<root>(<arg>)`, given the argument, must answer for the subscriber.
    const { root, arg, argType } = rule.answeredBy;
    return async (viewer, args, ask, argument) => {
      requireAuthenticated(viewer);
      const data = await ask(`query WeftLiveFollow($value: ${argType}) { ${root}(${arg}: $value) { __typename } }`, {
        value: args[argument],
      });
      if (!data[root]) throw forbidden(`You may not follow ${rule.what} "${args[argument]}" (it does not exist or is not yours to see)`);
    };
  }
  if ('staffOf' in rule) {
    return async (viewer, args) => {
      requireAuthenticated(viewer);
      if (!seesEverything(viewer, args[rule.staffOf])) throw forbidden(`Only the staff of "${args[rule.staffOf]}" may follow its events`);
    };
  }
  return async (viewer, args) => {
    requireAuthenticated(viewer);
    if (!viewer.isHubAdmin && viewer.org !== args[rule.peopleOf])
      throw forbidden(`Only the people of "${args[rule.peopleOf]}" may follow its allocations`);
  };
}

/** Which events reach whom, and the probes each must pass first. */
function deliveryOf(
  delivery: LiveDelivery,
  links: Record<string, LiveLink>,
): { reaches(event: EventEnvelope, viewer: Viewer, args: Record<string, any>): boolean; probes: LiveField['probes'] } {
  switch (delivery) {
    case 'ORDER_AUDIENCE':
      return {
        reaches: (event, viewer) => seesEverything(viewer, event.payload.studioId) || outsiderProbes(event, viewer, links) !== null,
        probes: (event, viewer) => (seesEverything(viewer, event.payload.studioId) ? [] : (outsiderProbes(event, viewer, links) ?? [])),
      };
    case 'KINDS':
      return {
        reaches: (event, _viewer, args) => {
          const kinds = args.kinds as LiveEventKind[] | undefined | null;
          return !kinds?.length || kinds.includes(liveKindOf(event.type));
        },
        probes: () => [],
      };
    case 'ALL':
      return { reaches: () => true, probes: () => [] };
  }
}

/** Compiles one declaration into what the gateway runs. */
function liveFieldOf(declared: LiveSubscriptionDeclaration): LiveField {
  const links = Object.fromEntries(Object.entries(declared.links).map(([name, link]) => [name, linkOf(link)]));
  const delivery = deliveryOf(declared.delivery, links);
  const authorize = authorizer(declared.follow);
  const fields = Object.entries(declared.fields);
  return {
    topic: (args) => LIVE_TOPICS[declared.topic.of](String(args[declared.topic.argument])),
    authorize: (viewer, args, ask) => authorize(viewer, args, ask, declared.topic.argument),
    payload: (event, viewer, args) =>
      delivery.reaches(event, viewer, args)
        ? { ...base(event), ...Object.fromEntries(fields.map(([name, value]) => [name, valueOf(value, event, args)])) }
        : null,
    links,
    probes: delivery.probes,
  };
}

/** The subscription fields the gateway serves, by name. */
export const LIVE_FIELDS: Readonly<Record<string, LiveField>> = Object.fromEntries(
  Object.entries(LIVE_SUBSCRIPTIONS).map(([name, declared]) => [name, liveFieldOf(declared)]),
);
