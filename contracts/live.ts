import {
  CAPACITY_EVENTS,
  CATALOGUE_EVENTS,
  NETWORK_EVENTS,
  ORDER_EVENTS,
  payloadText,
  RESOURCE_EVENTS,
  SUPPLY_EVENTS,
  type EventEnvelope,
  type EventType,
} from './events';

/**
 * Live updates: how the hub's events map onto what clients subscribe to. A subscription follows
 * one topic (an order, a studio, a SKU, an enterprise's allocations); an event belongs to every
 * topic its payload names. Pure data, shared by the gateway (which routes events) and the tests.
 */
export const LIVE_EVENT_KINDS = [
  'ORDER',
  'STAGE',
  'EXCEPTION',
  'SHIPMENT',
  'MATERIAL',
  'INVENTORY',
  'PURCHASE_ORDER',
  'ALLOCATION',
  'DELAY',
  'ETA',
  'DIRECTORY',
  'MASTER_DATA',
] as const;
export type LiveEventKind = (typeof LIVE_EVENT_KINDS)[number];

/** What each event type is about: keyed by the EventType union, so a new type without a kind does not compile. */
const KIND_OF: Readonly<Record<EventType, LiveEventKind>> = {
  [ORDER_EVENTS.IMPORTED]: 'ORDER',
  [ORDER_EVENTS.CANCELLED]: 'ORDER',
  [ORDER_EVENTS.COMPLETED]: 'ORDER',
  [ORDER_EVENTS.ROUTE_CHANGED]: 'ORDER',
  [ORDER_EVENTS.CUSTOMER_TIER_CHANGED]: 'ORDER',
  [ORDER_EVENTS.TRACE_CODES_ISSUED]: 'ORDER',
  [ORDER_EVENTS.STAGE_STARTED]: 'STAGE',
  [ORDER_EVENTS.STAGE_COMPLETED]: 'STAGE',
  [ORDER_EVENTS.STAGE_BLOCKED]: 'STAGE',
  [ORDER_EVENTS.STAGE_ASSIGNED]: 'STAGE',
  [ORDER_EVENTS.STAGE_READY]: 'STAGE',
  [ORDER_EVENTS.QC_RECORDED]: 'STAGE',
  [ORDER_EVENTS.EXCEPTION_REPORTED]: 'EXCEPTION',
  [ORDER_EVENTS.EXCEPTION_RESOLVED]: 'EXCEPTION',
  [ORDER_EVENTS.SHIPMENT_ADDED]: 'SHIPMENT',
  [ORDER_EVENTS.SHIPMENT_EVENT]: 'SHIPMENT',
  [ORDER_EVENTS.DELIVERED]: 'SHIPMENT',
  [ORDER_EVENTS.DELAY_ALERTED]: 'DELAY',
  [ORDER_EVENTS.DELAY_NOTICE]: 'DELAY',
  [ORDER_EVENTS.DELAY_RESPONDED]: 'DELAY',
  [ORDER_EVENTS.ETA_CHANGED]: 'ETA',
  [ORDER_EVENTS.PROMISE_CHANGED]: 'ETA',
  [ORDER_EVENTS.MATERIAL_FLAGGED]: 'MATERIAL',
  [ORDER_EVENTS.MATERIAL_CLEARED]: 'MATERIAL',
  [SUPPLY_EVENTS.MATERIAL_STATUS_CHANGED]: 'MATERIAL',
  [SUPPLY_EVENTS.INVENTORY_PUBLISHED]: 'INVENTORY',
  [SUPPLY_EVENTS.PURCHASE_ORDER_PLACED]: 'PURCHASE_ORDER',
  [SUPPLY_EVENTS.PURCHASE_ORDER_CONFIRMED]: 'PURCHASE_ORDER',
  [SUPPLY_EVENTS.PURCHASE_ORDER_SHIPPED]: 'PURCHASE_ORDER',
  [SUPPLY_EVENTS.PURCHASE_ORDER_RECEIVED]: 'PURCHASE_ORDER',
  [SUPPLY_EVENTS.MATERIAL_CHANGED]: 'MASTER_DATA',
  [SUPPLY_EVENTS.BOM_CHANGED]: 'MASTER_DATA',
  [SUPPLY_EVENTS.MATERIALS_IMPORTED]: 'MASTER_DATA',
  [CAPACITY_EVENTS.ALLOCATED]: 'ALLOCATION',
  [CAPACITY_EVENTS.RELEASED]: 'ALLOCATION',
  [NETWORK_EVENTS.ENTERPRISE_UPDATED]: 'DIRECTORY',
  [NETWORK_EVENTS.ENTERPRISE_REGISTERED]: 'DIRECTORY',
  [NETWORK_EVENTS.ENTERPRISE_APPLIED]: 'DIRECTORY',
  [NETWORK_EVENTS.ENTERPRISE_STATUS_CHANGED]: 'DIRECTORY',
  [NETWORK_EVENTS.MEMBER_INVITED]: 'MASTER_DATA',
  [NETWORK_EVENTS.MEMBER_INVITATION_REVOKED]: 'MASTER_DATA',
  [NETWORK_EVENTS.MEMBER_JOINED]: 'MASTER_DATA',
  [NETWORK_EVENTS.MEMBER_ROLES_CHANGED]: 'MASTER_DATA',
  [NETWORK_EVENTS.MEMBER_REMOVED]: 'MASTER_DATA',
  [NETWORK_EVENTS.SUPPLIER_RELATIONSHIP_SET]: 'MASTER_DATA',
  [NETWORK_EVENTS.SUPPLIER_RELATIONSHIP_ENDED]: 'MASTER_DATA',
  [NETWORK_EVENTS.PARTNER_RELATIONSHIP_SET]: 'MASTER_DATA',
  [NETWORK_EVENTS.PARTNER_RELATIONSHIP_ENDED]: 'MASTER_DATA',
  [RESOURCE_EVENTS.CALENDAR_CHANGED]: 'MASTER_DATA',
  [RESOURCE_EVENTS.WORK_CENTER_CHANGED]: 'MASTER_DATA',
  [RESOURCE_EVENTS.OPERATOR_CHANGED]: 'MASTER_DATA',
  [CATALOGUE_EVENTS.FAMILY_CHANGED]: 'MASTER_DATA',
  [CATALOGUE_EVENTS.PRODUCT_CHANGED]: 'MASTER_DATA',
  [CATALOGUE_EVENTS.ROUTE_CHANGED]: 'MASTER_DATA',
  [CATALOGUE_EVENTS.IMPORTED]: 'MASTER_DATA',
  [RESOURCE_EVENTS.RESOURCES_IMPORTED]: 'MASTER_DATA',
};

/** The kind of an event type (ORDER for a type this hub does not write, from a newer peer). */
export function liveKindOf(type: string): LiveEventKind {
  return KIND_OF[type as EventType] ?? 'ORDER';
}

/** Topic names: one per thing a client can follow. */
export const LIVE_TOPICS = {
  order: (orderId: string) => `order:${orderId}`,
  studio: (studioId: string) => `studio:${studioId}`,
  sku: (sku: string) => `sku:${sku}`,
  enterprise: (enterpriseId: string) => `enterprise:${enterpriseId}`,
  /** The stages a workshop holds for studios (a partner, a kitchen): told to its people. */
  workshop: (enterpriseId: string) => `workshop:${enterpriseId}`,
} as const;

/** Events that change a SKU's stock as every follower of the SKU may see it. */
const SKU_EVENTS: readonly string[] = [SUPPLY_EVENTS.INVENTORY_PUBLISHED, SUPPLY_EVENTS.PURCHASE_ORDER_RECEIVED];

/** Every topic an event belongs to, read from its payload's ids. */
export function topicsOf(event: EventEnvelope): string[] {
  const payload = event.payload;
  const topics = new Set<string>();
  const orderId = payloadText(payload.orderId);
  const studioId = payloadText(payload.studioId);
  if (orderId) topics.add(LIVE_TOPICS.order(orderId));
  if (studioId) topics.add(LIVE_TOPICS.studio(studioId));
  if (SKU_EVENTS.includes(event.type)) {
    const skus = Array.isArray(payload.skus)
      ? payload.skus
      : Array.isArray(payload.lines)
        ? payload.lines.map((line) => (line && typeof line === 'object' && !Array.isArray(line) ? line.sku : null))
        : [];
    for (const sku of skus) if (payloadText(sku)) topics.add(LIVE_TOPICS.sku(sku as string));
  }
  for (const id of allocationParties(event)) topics.add(LIVE_TOPICS.enterprise(id));
  for (const id of workshopsHolding(event)) topics.add(LIVE_TOPICS.workshop(id));
  return [...topics];
}

/** The workshops outside the studio a stage event concerns: the one holding the stage, and the one it was taken from. */
function workshopsHolding(event: EventEnvelope): string[] {
  if (event.source !== 'orders' || liveKindOf(event.type) !== 'STAGE') return [];
  const studioId = payloadText(event.payload.studioId);
  return [payloadText(event.payload.assignedTo), payloadText(event.payload.previouslyAssignedTo)].filter(
    (id): id is string => id !== null && id !== studioId,
  );
}

/** An allocation's two parties: the studio that asked and the enterprise that took the work. */
function allocationParties(event: EventEnvelope): string[] {
  if (liveKindOf(event.type) !== 'ALLOCATION') return [];
  return [payloadText(event.payload.studioId), payloadText(event.payload.enterpriseId)].filter((id): id is string => id !== null);
}

/** The enterprises an event concerns: the studio it happened in, an allocation's parties, a purchase order's supplier. */
export function enterprisesOf(event: EventEnvelope): string[] {
  return [
    ...new Set(
      [payloadText(event.payload.studioId), ...allocationParties(event), payloadText(event.payload.supplierId)].filter(
        (id): id is string => id !== null,
      ),
    ),
  ];
}

/**
 * Where a value on a live event comes from: an id in the event's payload, the subscription's
 * own argument, or the event's id when the named subgraph wrote it (its progress entry's key).
 */
export type LiveValue = { readonly payload: string } | { readonly argument: string } | { readonly eventIdFrom: string };

/** A query root field the gateway asks through its planner, as the subscriber: `<root>(<arg>: <argType>)`. */
export interface LiveRoot {
  readonly root: string;
  readonly arg: string;
  readonly argType: string;
}

/** A field of another type on a live event (`OrderProgressEvent.order` …), resolved as its root asked with a value. */
export interface LiveLinkDeclaration extends LiveRoot {
  readonly value: LiveValue;
}

/** Who may follow a topic: whoever the owning subgraph answers a root for, or the staff or people of the enterprise named. */
export type LiveFollowRule =
  { readonly answeredBy: LiveRoot; readonly what: string } | { readonly staffOf: string } | { readonly peopleOf: string };

/**
 * Which of a topic's events reach a subscriber: every one (`ALL`); those of the kinds asked for
 * (`KINDS`, the `kinds` argument); or, for an order's followers outside its studio, only what
 * their role sees of it, each event asked about first (`ORDER_AUDIENCE`: customers at their
 * tier, partners the stages they work).
 */
export type LiveDelivery = 'ALL' | 'KINDS' | 'ORDER_AUDIENCE';

/**
 * One subscription field, declared once: the subgraph declares it in its schema from this
 * (name, description), the gateway serves it from this (topic, who may follow, the event type's
 * own fields, its links and which events reach whom), and the gateway checks at start that the
 * supergraph's subscription fields and these declarations agree.
 */
export interface LiveSubscriptionDeclaration {
  /** The subgraph whose schema declares the field (and whose access policy gates it). */
  readonly subgraph: string;
  readonly description: string;
  /** The topic followed and the argument naming it. */
  readonly topic: { readonly of: keyof typeof LIVE_TOPICS; readonly argument: string };
  readonly follow: LiveFollowRule;
  /** The event type's own fields beyond every live event's (cursor, type, kind, occurredAt). */
  readonly fields: Readonly<Record<string, LiveValue>>;
  readonly links: Readonly<Record<string, LiveLinkDeclaration>>;
  readonly delivery: LiveDelivery;
}

const ORDER_LINK = { root: 'order', arg: 'id', argType: 'ID!', value: { payload: 'orderId' } } as const;
const ENTRY_LINK = { root: 'progressEvent', arg: 'eventId', argType: 'ID!', value: { eventIdFrom: 'orders' } } as const;

/** Every subscription field of the graph. */
export const LIVE_SUBSCRIPTIONS = {
  orderProgress: {
    subgraph: 'orders',
    description: 'Every change of one order you may follow, in order, resumable with `after`',
    topic: { of: 'order', argument: 'orderId' },
    follow: { answeredBy: { root: 'order', arg: 'id', argType: 'ID!' }, what: 'order' },
    fields: { orderId: { payload: 'orderId' } },
    links: { order: ORDER_LINK, entry: ENTRY_LINK },
    delivery: 'ORDER_AUDIENCE',
  },
  studioEvents: {
    subgraph: 'orders',
    description: "Everything that happens in a studio's work (its staff only), optionally of some kinds",
    topic: { of: 'studio', argument: 'studioId' },
    follow: { staffOf: 'studioId' },
    fields: { studioId: { payload: 'studioId' }, orderId: { payload: 'orderId' } },
    links: { order: ORDER_LINK, entry: ENTRY_LINK },
    delivery: 'KINDS',
  },
  heldStageEvents: {
    subgraph: 'orders',
    description: 'The stages an enterprise holds for studios (its own people): handed to it or taken back, ready to start, started, done',
    topic: { of: 'workshop', argument: 'enterpriseId' },
    follow: { peopleOf: 'enterpriseId' },
    fields: { orderId: { payload: 'orderId' }, stageRunId: { payload: 'stageRunId' } },
    links: { entry: ENTRY_LINK },
    delivery: 'ALL',
  },
  inventoryChanges: {
    subgraph: 'suppliers',
    description: "Every publication or receipt that changes a material's stock",
    topic: { of: 'sku', argument: 'sku' },
    follow: { answeredBy: { root: 'materialStock', arg: 'sku', argType: 'String!' }, what: 'material' },
    fields: { sku: { argument: 'sku' } },
    links: { stock: { root: 'materialStock', arg: 'sku', argType: 'String!', value: { argument: 'sku' } } },
    delivery: 'ALL',
  },
  allocationEvents: {
    subgraph: 'capacity',
    description: "Allocations made to or by an enterprise, and their releases (the enterprise's own people)",
    topic: { of: 'enterprise', argument: 'enterpriseId' },
    follow: { peopleOf: 'enterpriseId' },
    fields: { allocationId: { payload: 'allocationId' } },
    links: { allocation: { root: 'allocation', arg: 'id', argType: 'ID!', value: { payload: 'allocationId' } } },
    delivery: 'ALL',
  },
} as const satisfies Record<string, LiveSubscriptionDeclaration>;
export type LiveSubscriptionName = keyof typeof LIVE_SUBSCRIPTIONS;

/**
 * Why the gateway closes a live connection (WebSocket close codes; graphql-ws keeps 4400–4499
 * for its own). A client that sees one reconnects and resubscribes with `after` set to the
 * cursor of the last event it received: nothing is lost.
 */
export const LIVE_CLOSE_CODES = {
  /** The client read too slowly and its buffer of undelivered events passed the bound. */
  SLOW_CONSUMER: 4080,
  /** The token given in connection_init expired: reconnect with a fresh one. */
  TOKEN_EXPIRED: 4081,
  /** The gateway is shutting down. */
  GOING_AWAY: 1001,
  /** The caller's enterprise is suspended: do not reconnect until it is reinstated (FORBIDDEN, ENTERPRISE_SUSPENDED). */
  FORBIDDEN: 4403,
} as const;
