/**
 * The event envelope every subgraph writes to its outbox and the bus carries. Payloads carry
 * ids, codes, numbers and times — never a customer's personal data (name, contact, address):
 * a consumer that needs those asks the owning subgraph, under that subgraph's permission rules.
 */
export const EVENT_ENVELOPE_VERSION = 1;

export interface EventActor {
  /** The authenticated subject (user id, service name, or "system"). */
  subject: string;
  /** The enterprise the subject acted for, when any. */
  enterprise: string | null;
}

export interface EventSubject {
  type: string;
  id: string;
}

export interface EventEnvelope<TPayload extends EventPayload = EventPayload> {
  id: string;
  type: string;
  version: typeof EVENT_ENVELOPE_VERSION;
  /** The subgraph that wrote the event. */
  source: string;
  subject: EventSubject;
  actor: EventActor;
  occurredAt: string;
  /**
   * Hub-wide position of the event in the bus's log, assigned when the bus accepts it; opaque
   * to consumers, who hand it back to resume after it.
   */
  cursor?: string;
  payload: TPayload;
}

export type EventPayloadValue = string | number | boolean | null | EventPayloadValue[] | { [key: string]: EventPayloadValue };
export type EventPayload = { [key: string]: EventPayloadValue };

/** A payload value read as text: a non-empty string, or null for anything else (ids, codes). */
export const payloadText = (value: unknown): string | null => (typeof value === 'string' && value !== '' ? value : null);

/** Order event types, written by the orders subgraph. */
export const ORDER_EVENTS = {
  IMPORTED: 'order.imported',
  STAGE_STARTED: 'order.stage.started',
  STAGE_COMPLETED: 'order.stage.completed',
  STAGE_BLOCKED: 'order.stage.blocked',
  QC_RECORDED: 'order.qc.recorded',
  EXCEPTION_REPORTED: 'order.exception.reported',
  EXCEPTION_RESOLVED: 'order.exception.resolved',
  ROUTE_CHANGED: 'order.route.changed',
  CANCELLED: 'order.cancelled',
  SHIPMENT_ADDED: 'order.shipment.added',
  SHIPMENT_EVENT: 'order.shipment.event',
  DELIVERED: 'order.delivered',
  STAGE_ASSIGNED: 'order.stage.assigned',
  /** A stage another workshop holds may start now (the work before it is done): that workshop is told. */
  STAGE_READY: 'order.stage.ready',
  CUSTOMER_TIER_CHANGED: 'order.customer-tier.changed',
  /** The suppliers subgraph flagged a material of the order (low or short): "material procurement". */
  MATERIAL_FLAGGED: 'order.material.flagged',
  MATERIAL_CLEARED: 'order.material.cleared',
  /** Finishing QC & packing issued the products' traceability codes. */
  TRACE_CODES_ISSUED: 'order.trace-codes.issued',
  /** A running stage passed 30 % over its standard duration: the studio's supervisors are alerted. */
  DELAY_ALERTED: 'order.delay.alerted',
  /** A running stage passed 50 % over: the customer gets a delay notice with compensation options. */
  DELAY_NOTICE: 'order.delay.notice',
  /** The customer answered a delay notice. */
  DELAY_RESPONDED: 'order.delay.responded',
  /** The order's route is done (made, ready to ship): the customer gets a share-ready summary link. */
  COMPLETED: 'order.completed',
  /** The order's completion or delivery forecast moved enough to tell the customer (from tier BASIC). */
  ETA_CHANGED: 'order.eta.changed',
  /** The studio changed the date it promised the customer, with the cause: the only way `promisedAt` moves. */
  PROMISE_CHANGED: 'order.promise.changed',
} as const;
export type OrderEventType = (typeof ORDER_EVENTS)[keyof typeof ORDER_EVENTS];

/**
 * What a customer's timeline shows (at their tier, by each event's status code). Internal
 * events — QC results, assignments to partners, route and tier changes — stay in the studio.
 */
export const CUSTOMER_TIMELINE_EVENTS: readonly OrderEventType[] = Object.freeze([
  ORDER_EVENTS.IMPORTED,
  ORDER_EVENTS.STAGE_STARTED,
  ORDER_EVENTS.STAGE_COMPLETED,
  ORDER_EVENTS.MATERIAL_FLAGGED,
  ORDER_EVENTS.DELAY_NOTICE,
  ORDER_EVENTS.ETA_CHANGED,
  ORDER_EVENTS.PROMISE_CHANGED,
  ORDER_EVENTS.COMPLETED,
  ORDER_EVENTS.CANCELLED,
  ORDER_EVENTS.SHIPMENT_ADDED,
  ORDER_EVENTS.SHIPMENT_EVENT,
  ORDER_EVENTS.DELIVERED,
]);

/**
 * Delay alerts: how far over its standard duration a running stage is when the studio's
 * supervisors are alerted (30 %) and when the customer gets a notice (50 %).
 */
export const DELAY_THRESHOLDS = { SUPERVISORS: 30, CUSTOMER: 50 } as const;
/** What a customer may answer to a delay notice. */
export const DELAY_CHOICES = ['ACCEPT_DELAY', 'CANCEL_RUSH', 'CONTACT_ME'] as const;
export type DelayChoice = (typeof DELAY_CHOICES)[number];
/** Why a studio changed the date it promised a customer (recorded with the change). */
export const PROMISE_CHANGE_CAUSES = [
  'CUSTOMER_REQUEST',
  'STUDIO_CAPACITY',
  'MATERIAL_DELAY',
  'PARTNER_DELAY',
  'QUALITY_REWORK',
  'OTHER',
] as const;
export type PromiseChangeCause = (typeof PROMISE_CHANGE_CAUSES)[number];

/** Event types written by the suppliers subgraph. */
export const SUPPLY_EVENTS = {
  INVENTORY_PUBLISHED: 'inventory.published',
  /** One order's material changed status (AVAILABLE, ON_ORDER, LOW, SHORT). */
  MATERIAL_STATUS_CHANGED: 'material.status.changed',
  PURCHASE_ORDER_PLACED: 'purchase-order.placed',
  PURCHASE_ORDER_CONFIRMED: 'purchase-order.confirmed',
  /** The supplier shipped it (its lots and quantities), e.g. by an EPCIS shipping event. */
  PURCHASE_ORDER_SHIPPED: 'purchase-order.shipped',
  PURCHASE_ORDER_RECEIVED: 'purchase-order.received',
  /** A studio created, changed or retired one of its materials (safety stock included): master data, with its actor. */
  MATERIAL_CHANGED: 'materials.material.changed',
  /** A studio set a product's bill of materials whole: a new version, used by orders imported from now on. */
  BOM_CHANGED: 'materials.bom.changed',
  /** A studio imported materials and bills of materials from a spreadsheet: one event, a summary per sheet. */
  MATERIALS_IMPORTED: 'materials.imported',
} as const;

/** Event types written by the capacity subgraph. */
export const CAPACITY_EVENTS = {
  /** An order stage (or boxes) went to a partner's offer. */
  ALLOCATED: 'capacity.allocated',
  /** The partner declined, or the order was cancelled: the capacity is free again. */
  RELEASED: 'capacity.released',
} as const;

/** A studio's resources changed (the capacity subgraph owns them): master data, each with its actor. */
export const RESOURCE_EVENTS = {
  /** The studio's working calendar, whole (it is small): the orders subgraph plans due dates on its copy. */
  CALENDAR_CHANGED: 'resources.calendar.changed',
  WORK_CENTER_CHANGED: 'resources.work-center.changed',
  OPERATOR_CHANGED: 'resources.operator.changed',
  /** A studio imported operators and work centers from a spreadsheet: one event, a summary per sheet. */
  RESOURCES_IMPORTED: 'resources.imported',
} as const;

/**
 * A studio's catalogue changed (the orders subgraph owns it): master data, each with its actor.
 * An import is one `catalogue.imported` event with a summary, not one event per row.
 */
export const CATALOGUE_EVENTS = {
  FAMILY_CHANGED: 'catalogue.family.changed',
  PRODUCT_CHANGED: 'catalogue.product.changed',
  /** A route was created or got a new version (used by orders imported from then on). */
  ROUTE_CHANGED: 'catalogue.route.changed',
  IMPORTED: 'catalogue.imported',
} as const;

/** Event types written by the network subgraph (its directory). */
export const NETWORK_EVENTS = {
  /** An enterprise's directory entry changed (names, region): gateways forget the directory answers they kept. */
  ENTERPRISE_UPDATED: 'enterprise.updated',
  /** A hub admin entered an enterprise in the directory directly (ACTIVE at once). */
  ENTERPRISE_REGISTERED: 'enterprise.registered',
  /** Someone applied for an enterprise to join; only hub admins and the applicant see it until approved. */
  ENTERPRISE_APPLIED: 'enterprise.applied',
  /** An enterprise's status moved (approved, rejected, suspended, reinstated): gateways refuse or admit its members. */
  ENTERPRISE_STATUS_CHANGED: 'enterprise.status-changed',
  /** An enterprise's admin (or a hub admin) invited someone, with roles; the contact stays out of the event. */
  MEMBER_INVITED: 'member.invited',
  /** A pending invitation was revoked: its link no longer works. */
  MEMBER_INVITATION_REVOKED: 'member.invitation-revoked',
  /** An invitation was accepted: an identity (issuer + subject) became a member with the invitation's roles. */
  MEMBER_JOINED: 'member.joined',
  /** A member's roles changed: the next token exchange carries them (within the token lifetime). */
  MEMBER_ROLES_CHANGED: 'member.roles-changed',
  /** A member was removed: the next token exchange is refused (within the token lifetime). */
  MEMBER_REMOVED: 'member.removed',
  /** A studio named a supplier (or changed its tier or contract terms). */
  SUPPLIER_RELATIONSHIP_SET: 'relationship.supplier-set',
  /** A studio ended its relationship with a supplier. */
  SUPPLIER_RELATIONSHIP_ENDED: 'relationship.supplier-ended',
  /** A studio named a partner workshop or kitchen (or changed the stage codes it may take). */
  PARTNER_RELATIONSHIP_SET: 'relationship.partner-set',
  /** A studio ended its relationship with a partner: it is offered none of the studio's work from then on. */
  PARTNER_RELATIONSHIP_ENDED: 'relationship.partner-ended',
} as const;

export type SupplyEventType = (typeof SUPPLY_EVENTS)[keyof typeof SUPPLY_EVENTS];
export type CapacityEventType = (typeof CAPACITY_EVENTS)[keyof typeof CAPACITY_EVENTS];
export type NetworkEventType = (typeof NETWORK_EVENTS)[keyof typeof NETWORK_EVENTS];
export type ResourceEventType = (typeof RESOURCE_EVENTS)[keyof typeof RESOURCE_EVENTS];
export type CatalogueEventType = (typeof CATALOGUE_EVENTS)[keyof typeof CATALOGUE_EVENTS];
/** Every event type the hub writes, as a type: tables keyed by it must name each one. */
export type EventType = OrderEventType | SupplyEventType | CapacityEventType | NetworkEventType | ResourceEventType | CatalogueEventType;

/** Every event type the hub writes (what a webhook may ask for). */
export const ALL_EVENT_TYPES: readonly EventType[] = Object.freeze([
  ...Object.values(ORDER_EVENTS),
  ...Object.values(SUPPLY_EVENTS),
  ...Object.values(CAPACITY_EVENTS),
  ...Object.values(NETWORK_EVENTS),
  ...Object.values(RESOURCE_EVENTS),
  ...Object.values(CATALOGUE_EVENTS),
]);

/**
 * Events that change what a subgraph answers the same for everyone (its public answers, which
 * gateways keep): on one, a gateway forgets what it kept of that subgraph (gateway/subgraph-fetcher.ts).
 */
export const PUBLIC_DATA_CHANGES: Readonly<Partial<Record<EventType, string>>> = {
  [NETWORK_EVENTS.ENTERPRISE_UPDATED]: 'network',
  [NETWORK_EVENTS.ENTERPRISE_REGISTERED]: 'network',
  [NETWORK_EVENTS.ENTERPRISE_STATUS_CHANGED]: 'network',
};

export const isEventType = (value: string): value is EventType => (ALL_EVENT_TYPES as readonly string[]).includes(value);

/** Keys that would carry personal data; a payload holding one is refused before it is written. */
const PERSONAL_KEYS = /^(?:customer(?:name|contact|address)?|name|contact|phone|email|address|operatorname|realname|(?:wechat)?openid)$/i;

export function assertNoPersonalData(payload: EventPayload, path = 'payload'): void {
  for (const [key, value] of Object.entries(payload)) {
    if (PERSONAL_KEYS.test(key)) {
      throw new Error(`Event ${path}.${key} would carry personal data; payloads carry ids and codes only`);
    }
    if (value && typeof value === 'object' && !Array.isArray(value)) assertNoPersonalData(value, `${path}.${key}`);
    if (Array.isArray(value)) {
      value.forEach((item, index) => {
        if (item && typeof item === 'object' && !Array.isArray(item)) assertNoPersonalData(item, `${path}.${key}[${index}]`);
      });
    }
  }
}
