/**
 * The states of an order, its stage runs and its shipments (typed unions), and what a MINIMAL
 * customer reads of an order's state. The transitions between them are in machines.ts.
 */
export const ORDER_STATUSES = ['RECEIVED', 'IN_PRODUCTION', 'READY_TO_SHIP', 'SHIPPED', 'DELIVERED', 'CANCELLED'] as const;
export type OrderStatus = (typeof ORDER_STATUSES)[number];

export const STAGE_STATUSES = ['PENDING', 'IN_PROGRESS', 'DONE', 'BLOCKED', 'CANCELLED'] as const;
export type StageStatus = (typeof STAGE_STATUSES)[number];

export const SHIPMENT_STATUSES = ['CREATED', 'IN_TRANSIT', 'OUT_FOR_DELIVERY', 'DELIVERED', 'EXCEPTION', 'RETURNED'] as const;
export type ShipmentStatus = (typeof SHIPMENT_STATUSES)[number];

export const QC_RESULTS = ['PASS', 'FAIL'] as const;
export type QcResult = (typeof QC_RESULTS)[number];

/** What a customer at tier MINIMAL sees: is the work in progress, done (made), or cancelled. */
export const ORDER_PHASES = ['IN_PROGRESS', 'DONE', 'CANCELLED'] as const;
export type OrderPhase = (typeof ORDER_PHASES)[number];

export const ORDER_PHASE: Readonly<Record<OrderStatus, OrderPhase>> = Object.freeze({
  RECEIVED: 'IN_PROGRESS',
  IN_PRODUCTION: 'IN_PROGRESS',
  READY_TO_SHIP: 'DONE',
  SHIPPED: 'DONE',
  DELIVERED: 'DONE',
  CANCELLED: 'CANCELLED',
});
