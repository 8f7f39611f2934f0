/**
 * The stage-run state machine, declared as data. Services ask `canTransition` and never
 * compare statuses ad hoc.
 */
export const STAGE_STATUSES = ['PENDING', 'IN_PROGRESS', 'DONE', 'BLOCKED', 'CANCELLED'] as const;
export type StageStatus = (typeof STAGE_STATUSES)[number];

export const STAGE_TRANSITIONS: Readonly<Record<StageStatus, readonly StageStatus[]>> = Object.freeze({
  PENDING: ['IN_PROGRESS', 'CANCELLED'],
  IN_PROGRESS: ['DONE', 'BLOCKED', 'CANCELLED'],
  // A failed QC blocks the stage; a later passing result (after rework) resumes it.
  BLOCKED: ['IN_PROGRESS', 'CANCELLED'],
  DONE: [],
  CANCELLED: [],
});

export function canTransition(from: StageStatus, to: StageStatus): boolean {
  return STAGE_TRANSITIONS[from].includes(to);
}

/** Stages that no longer hold the route back: done, or skipped (cancelled). */
export function isSettled(status: StageStatus): boolean {
  return status === 'DONE' || status === 'CANCELLED';
}

export const QC_RESULTS = ['PASS', 'FAIL'] as const;
export type QcResult = (typeof QC_RESULTS)[number];

export interface RouteStageView {
  id: string;
  position: number;
  status: StageStatus;
  qcCheckpoint: boolean;
  qcResult?: QcResult | null;
}

/**
 * Why `target` may not start yet, or null when it may: every earlier stage must be settled,
 * and every earlier QC checkpoint that was done must have passed.
 */
export function startBlocker(route: readonly RouteStageView[], target: RouteStageView): { reason: string; stageId: string } | null {
  for (const earlier of route) {
    if (earlier.position >= target.position) continue;
    if (!isSettled(earlier.status)) return { reason: 'STAGE_OUT_OF_ORDER', stageId: earlier.id };
    if (earlier.status === 'DONE' && earlier.qcCheckpoint && earlier.qcResult !== 'PASS') return { reason: 'QC_NOT_PASSED', stageId: earlier.id };
  }
  return null;
}

/** Order lifecycle, also as data. */
export const ORDER_STATUSES = ['RECEIVED', 'IN_PRODUCTION', 'READY_TO_SHIP', 'SHIPPED', 'DELIVERED', 'CANCELLED'] as const;
export type OrderStatus = (typeof ORDER_STATUSES)[number];

export const ORDER_TRANSITIONS: Readonly<Record<OrderStatus, readonly OrderStatus[]>> = Object.freeze({
  RECEIVED: ['IN_PRODUCTION', 'READY_TO_SHIP', 'CANCELLED'],
  IN_PRODUCTION: ['READY_TO_SHIP', 'CANCELLED'],
  READY_TO_SHIP: ['IN_PRODUCTION', 'SHIPPED', 'CANCELLED'],
  SHIPPED: ['DELIVERED'],
  DELIVERED: [],
  CANCELLED: [],
});

export function canOrderTransition(from: OrderStatus, to: OrderStatus): boolean {
  return from === to || ORDER_TRANSITIONS[from].includes(to);
}

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

export const SHIPMENT_STATUSES = ['CREATED', 'IN_TRANSIT', 'OUT_FOR_DELIVERY', 'DELIVERED', 'EXCEPTION', 'RETURNED'] as const;
export type ShipmentStatus = (typeof SHIPMENT_STATUSES)[number];
