import { CAPACITY_EVENTS, ORDER_EVENTS, payloadText, SUPPLY_EVENTS, type EventEnvelope, type EventType } from './events';

/**
 * Live updates: how the hub's events map onto what clients subscribe to. A subscription follows
 * one topic (an order, a studio, a SKU, an enterprise's allocations); an event belongs to every
 * topic its payload names. Pure data, shared by the gateway (which routes events) and the tests.
 */
export const LIVE_EVENT_KINDS = ['ORDER', 'STAGE', 'EXCEPTION', 'SHIPMENT', 'MATERIAL', 'INVENTORY', 'PURCHASE_ORDER', 'ALLOCATION', 'DELAY', 'ETA'] as const;
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
  [ORDER_EVENTS.MATERIAL_FLAGGED]: 'MATERIAL',
  [ORDER_EVENTS.MATERIAL_CLEARED]: 'MATERIAL',
  [SUPPLY_EVENTS.MATERIAL_STATUS_CHANGED]: 'MATERIAL',
  [SUPPLY_EVENTS.INVENTORY_PUBLISHED]: 'INVENTORY',
  [SUPPLY_EVENTS.PURCHASE_ORDER_PLACED]: 'PURCHASE_ORDER',
  [SUPPLY_EVENTS.PURCHASE_ORDER_CONFIRMED]: 'PURCHASE_ORDER',
  [SUPPLY_EVENTS.PURCHASE_ORDER_RECEIVED]: 'PURCHASE_ORDER',
  [CAPACITY_EVENTS.ALLOCATED]: 'ALLOCATION',
  [CAPACITY_EVENTS.RELEASED]: 'ALLOCATION',
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
    const skus = Array.isArray(payload.skus) ? payload.skus : Array.isArray(payload.lines) ? payload.lines.map((line) => (line && typeof line === 'object' && !Array.isArray(line) ? line.sku : null)) : [];
    for (const sku of skus) if (payloadText(sku)) topics.add(LIVE_TOPICS.sku(sku as string));
  }
  for (const id of allocationParties(event)) topics.add(LIVE_TOPICS.enterprise(id));
  return [...topics];
}

/** An allocation's two parties: the studio that asked and the enterprise that took the work. */
function allocationParties(event: EventEnvelope): string[] {
  if (liveKindOf(event.type) !== 'ALLOCATION') return [];
  return [payloadText(event.payload.studioId), payloadText(event.payload.enterpriseId)].filter((id): id is string => id !== null);
}

/** The enterprises an event concerns: the studio it happened in, an allocation's parties, a purchase order's supplier. */
export function enterprisesOf(event: EventEnvelope): string[] {
  return [...new Set([payloadText(event.payload.studioId), ...allocationParties(event), payloadText(event.payload.supplierId)].filter((id): id is string => id !== null))];
}

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
} as const;
