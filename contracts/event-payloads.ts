import type { CAPACITY_EVENTS, CATALOGUE_EVENTS, NETWORK_EVENTS, ORDER_EVENTS, RESOURCE_EVENTS, SUPPLY_EVENTS } from './events';
import type { CalendarClosure, WorkingHours } from './working-time';
import { isEventType, type DelayChoice, type EventEnvelope, type EventType, type OrderEventType, type PromiseChangeCause } from './events';
import type { VisibilityTier } from './tiers';
import type { EnterpriseKind, EnterpriseStatus, InvitationChannel } from './enterprise';
import type { Role } from './identity';
import type { ImportEventPayload } from './master-data-import';
import type { SupplierTier } from './relationships';

/**
 * What each event type carries: the one map the writers (`recordEvent`, the orders progress
 * log), the consumers and the webhooks are checked against. Ids, codes, numbers and times only
 * (see `assertNoPersonalData`). States owned by one subgraph (a stage's status, a material's)
 * travel as their names; the vocabulary's codes as status and exception codes.
 */

/** Every order event starts with these; the orders progress log adds them to each. */
export type OrderEventBase = {
  orderId: string;
  studioId: string;
  /** The order's change number: its progress log's position, one up per event. */
  sequence: number;
};

/** A stage run as stage events describe it. */
export type StageFacts = { stageRunId: string; statusCode: string; position: number; status: string; assignedTo: string };
/** One step of an order's route. */
export type RouteStep = { stageRunId: string; statusCode: string; position: number };
type DelayFacts = {
  alertId: string;
  stageRunId: string;
  statusCode: string;
  threshold: number;
  overrunPercent: number;
  reasonCode: string | null;
  compensationOptions: string[];
};
type PurchaseOrderFacts = {
  purchaseOrderId: string;
  studioId: string;
  supplierId: string;
  status: string;
  expectedAt: string;
  lines: { sku: string; quantity: number }[];
};
type AllocationFacts = {
  allocationId: string;
  requestId: string;
  studioId: string;
  enterpriseId: string;
  orderId: string | null;
  stageRunId: string | null;
};

/** What an order event adds to its base, per type (what the orders subgraph hands its progress log). */
export type OrderEventDetails = {
  [ORDER_EVENTS.IMPORTED]: {
    channel: string;
    /** The studio's product family (a catalogue code); `productType` is the same code, kept for existing consumers. */
    productFamily: string;
    productType: string;
    /**
     * The catalogue product it came in as, with its names then (the studio's master data, shown
     * on share pages; no one's personal data). Absent on events from before the catalogue.
     */
    catalogueProductCode?: string;
    productNameZh?: string;
    productNameEn?: string;
    customerTierMax: VisibilityTier;
    statusCode: string;
    lines: { productCode: string; quantity: number }[];
    stages: RouteStep[];
    /**
     * The customer's WeChat openid from the shop, sealed for the notifications subgraph
     * (WECHAT_BINDING_PURPOSE): never readable on the bus, in its log or in a webhook. Null: none given.
     */
    wechatBinding?: string | null;
  };
  [ORDER_EVENTS.STAGE_STARTED]: StageFacts;
  [ORDER_EVENTS.STAGE_COMPLETED]: StageFacts;
  [ORDER_EVENTS.STAGE_BLOCKED]: StageFacts & { qcResult: string };
  [ORDER_EVENTS.QC_RECORDED]: StageFacts & { qcResult: string };
  [ORDER_EVENTS.STAGE_ASSIGNED]: StageFacts & { previouslyAssignedTo: string };
  [ORDER_EVENTS.STAGE_READY]: StageFacts;
  [ORDER_EVENTS.EXCEPTION_REPORTED]: { exceptionId: string; exceptionCode: string; stageRunId: string | null };
  [ORDER_EVENTS.EXCEPTION_RESOLVED]: { exceptionId: string; exceptionCode: string };
  [ORDER_EVENTS.ROUTE_CHANGED]: { skippedStageRunIds: string[]; route: RouteStep[] };
  [ORDER_EVENTS.CANCELLED]: { statusCode: string; cancelledStageRunIds: string[] };
  [ORDER_EVENTS.SHIPMENT_ADDED]: { shipmentId: string; carrier: string; statusCode: string };
  [ORDER_EVENTS.SHIPMENT_EVENT]: { shipmentId: string; shipmentStatus: string };
  [ORDER_EVENTS.DELIVERED]: { shipmentId: string; shipmentStatus: string; statusCode: string };
  [ORDER_EVENTS.CUSTOMER_TIER_CHANGED]: { tier: VisibilityTier; previousTier: VisibilityTier };
  [ORDER_EVENTS.MATERIAL_FLAGGED]: { sku: string; materialStatus: string };
  [ORDER_EVENTS.MATERIAL_CLEARED]: { sku: string; materialStatus: string };
  [ORDER_EVENTS.TRACE_CODES_ISSUED]: { codes: string[] };
  [ORDER_EVENTS.DELAY_ALERTED]: DelayFacts;
  [ORDER_EVENTS.DELAY_NOTICE]: DelayFacts;
  [ORDER_EVENTS.DELAY_RESPONDED]: { alertId: string; choice: DelayChoice };
  [ORDER_EVENTS.COMPLETED]: { statusCode: string };
  [ORDER_EVENTS.ETA_CHANGED]: {
    completionMedian: string;
    completionLikelyBefore: string;
    deliveryMedian: string;
    deliveryLikelyBefore: string;
    method: string;
  };
  [ORDER_EVENTS.PROMISE_CHANGED]: { promisedAt: string; previousPromisedAt: string | null; cause: PromiseChangeCause };
};

/** How a material changed: created, edited, its safety stock set from the suggestion, retired. */
export type MaterialChange = 'CREATED' | 'UPDATED' | 'SAFETY_STOCK_ACCEPTED' | 'RETIRED';

/** The payload of every event type the hub writes. */
export type EventPayloads = { [T in OrderEventType]: OrderEventBase & OrderEventDetails[T] } & {
  [SUPPLY_EVENTS.INVENTORY_PUBLISHED]: { supplierId: string; sequence: number; applied: number; stale: number; skus: string[] };
  [SUPPLY_EVENTS.MATERIAL_STATUS_CHANGED]: {
    orderId: string;
    studioId: string;
    sku: string;
    status: string;
    previousStatus: string | null;
    available: number;
    safetyStock: number;
  };
  [SUPPLY_EVENTS.PURCHASE_ORDER_PLACED]: PurchaseOrderFacts;
  [SUPPLY_EVENTS.PURCHASE_ORDER_CONFIRMED]: PurchaseOrderFacts;
  [SUPPLY_EVENTS.PURCHASE_ORDER_SHIPPED]: PurchaseOrderFacts;
  [SUPPLY_EVENTS.PURCHASE_ORDER_RECEIVED]: PurchaseOrderFacts;
  [SUPPLY_EVENTS.MATERIAL_CHANGED]: {
    studioId: string;
    sku: string;
    change: MaterialChange;
    revision: number;
    /** The fields whose value changed (all of them for a new material). */
    changed: string[];
    safetyStock: number;
    previousSafetyStock: number | null;
  };
  [SUPPLY_EVENTS.BOM_CHANGED]: { studioId: string; productCode: string; version: number; lines: number; skus: string[] };
  [SUPPLY_EVENTS.MATERIALS_IMPORTED]: ImportEventPayload;
  [CAPACITY_EVENTS.ALLOCATED]: AllocationFacts & { capability: string; day: string; units: number };
  [CAPACITY_EVENTS.RELEASED]: AllocationFacts & { reason: string };
  [NETWORK_EVENTS.ENTERPRISE_UPDATED]: { enterpriseId: string; changed: string[] };
  [NETWORK_EVENTS.ENTERPRISE_REGISTERED]: { enterpriseId: string; kind: EnterpriseKind };
  [NETWORK_EVENTS.ENTERPRISE_APPLIED]: { enterpriseId: string; kind: EnterpriseKind };
  [NETWORK_EVENTS.ENTERPRISE_STATUS_CHANGED]: {
    enterpriseId: string;
    status: EnterpriseStatus;
    previousStatus: EnterpriseStatus;
    /** The hub admin's reason (a rejection, a suspension); not personal data. */
    reason: string | null;
  };
  [NETWORK_EVENTS.MEMBER_INVITED]: {
    enterpriseId: string;
    invitationId: string;
    roles: Role[];
    channel: InvitationChannel;
    expiresAt: string;
  };
  [NETWORK_EVENTS.MEMBER_INVITATION_REVOKED]: { enterpriseId: string; invitationId: string };
  /** invitationId null: the applicant, made the enterprise's first admin when a hub admin approved it. */
  [NETWORK_EVENTS.MEMBER_JOINED]: { enterpriseId: string; membershipId: string; invitationId: string | null; roles: Role[] };
  [NETWORK_EVENTS.MEMBER_ROLES_CHANGED]: { enterpriseId: string; membershipId: string; roles: Role[]; previousRoles: Role[] };
  [NETWORK_EVENTS.MEMBER_REMOVED]: { enterpriseId: string; membershipId: string; roles: Role[] };
  [NETWORK_EVENTS.SUPPLIER_RELATIONSHIP_SET]: {
    studioId: string;
    supplierId: string;
    tier: SupplierTier;
    /** A primary's contract: its annual volume in yuan and its flexible band in percent either way (null otherwise). */
    annualVolumeYuan: number | null;
    flexibleBandPercent: number | null;
    changed: string[];
  };
  [NETWORK_EVENTS.SUPPLIER_RELATIONSHIP_ENDED]: { studioId: string; supplierId: string };
  [NETWORK_EVENTS.PARTNER_RELATIONSHIP_SET]: { studioId: string; partnerId: string; stageCodes: string[]; changed: string[] };
  [NETWORK_EVENTS.PARTNER_RELATIONSHIP_ENDED]: { studioId: string; partnerId: string };
  [RESOURCE_EVENTS.CALENDAR_CHANGED]: {
    studioId: string;
    /** The whole calendar as it now is. */
    calendar: { hours: WorkingHours[]; closures: CalendarClosure[]; makeUpWeekday: number };
  };
  [RESOURCE_EVENTS.WORK_CENTER_CHANGED]: {
    studioId: string;
    workCenterId: string;
    code: string;
    removed: boolean;
    kind: string;
    capacityPerBatch: number;
    batchMinutes: number;
    setupMinutes: number;
  };
  [RESOURCE_EVENTS.RESOURCES_IMPORTED]: ImportEventPayload;
  /** No names: the pen name and real name stay in the capacity subgraph. */
  [RESOURCE_EVENTS.OPERATOR_CHANGED]: {
    studioId: string;
    operatorId: string;
    code: string;
    removed: boolean;
    skills: string[];
    leave: { from: string; to: string }[];
  };
  [CATALOGUE_EVENTS.FAMILY_CHANGED]: { studioId: string; familyCode: string; change: CatalogueChange; changed: string[] };
  [CATALOGUE_EVENTS.PRODUCT_CHANGED]: {
    studioId: string;
    productCode: string;
    change: CatalogueChange;
    revision: number;
    /** The fields whose value changed (all of them for a new product). */
    changed: string[];
    familyCode: string;
    routeCode: string;
    shopSkus: string[];
  };
  [CATALOGUE_EVENTS.ROUTE_CHANGED]: {
    studioId: string;
    routeCode: string;
    /** The version orders imported from now on follow; earlier orders keep the stages they copied. */
    version: number;
    change: CatalogueChange;
    statusCodes: string[];
  };
  /** One spreadsheet import, summed up (the changed codes, at most MAX_IMPORT_PROBLEMS of each). */
  [CATALOGUE_EVENTS.IMPORTED]: {
    studioId: string;
    created: number;
    updated: number;
    unchanged: number;
    productCodes: string[];
    routeCodes: string[];
    familyCodes: string[];
  };
};

/** What a catalogue event did to its row: a new family, product or route, or a change (a route's new version). */
export type CatalogueChange = 'CREATED' | 'UPDATED';

// The map names every event type and nothing else: a new type without a payload does not compile.
type Exactly<A, B> = [A] extends [B] ? ([B] extends [A] ? true : never) : never;
const coversEveryType: Exactly<keyof EventPayloads, EventType> = true;
void coversEveryType;

/** An event of one type (or of each type of a union), its payload typed. */
export type EventOf<T extends EventType> = T extends EventType
  ? Omit<EventEnvelope, 'type' | 'payload'> & { type: T; payload: EventPayloads[T] }
  : never;
/** Any event the hub writes, narrowed by its `type`. */
export type HubEvent = EventOf<EventType>;

/**
 * An envelope read off the bus as the event its type names. The outbox wrote it from a checked
 * payload; null for a type this hub does not write (a newer peer's), which readers pass over.
 */
export function asHubEvent(envelope: EventEnvelope): HubEvent | null {
  return (isEventType(envelope.type) ? envelope : null) as HubEvent | null;
}

/** The order an event is about, when it is about one. */
export const orderIdOf = (event: HubEvent): string | null => ('orderId' in event.payload ? event.payload.orderId : null);
/** The studio an event happened in, when it names one. */
export const studioIdOf = (event: HubEvent): string | null => ('studioId' in event.payload ? event.payload.studioId : null);
