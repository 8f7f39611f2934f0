import type { EntityManager } from '@mikro-orm/core';
import { addWorkingMinutes, STATUS, WorkingTimeError, type WorkingCalendar } from '../../../contracts';
import { failedPrecondition } from '../../../platform/base/errors';
import type { Order } from '../entities/order';
import type { StageRun } from '../entities/stage-run';
import type { ProgressEntry } from '../progress-log';
import { allows, ORDER_MACHINE } from './machines';
import type { OrderStatus, QcResult, StageStatus } from './states';
import { transition } from './transition';

/** Stages that no longer hold the route back: done, or skipped (cancelled). */
export function isSettled(status: StageStatus): boolean {
  return status === 'DONE' || status === 'CANCELLED';
}

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
    if (earlier.status === 'DONE' && earlier.qcCheckpoint && earlier.qcResult !== 'PASS')
      return { reason: 'QC_NOT_PASSED', stageId: earlier.id };
  }
  return null;
}

/** Orders that can no longer change: shipped (only its tracking moves), delivered or cancelled. */
const CLOSED: readonly OrderStatus[] = ['CANCELLED', 'DELIVERED', 'SHIPPED'];

export const isClosed = (order: Order): boolean => CLOSED.includes(order.status);

export function requireOpen(order: Order): void {
  if (isClosed(order)) {
    throw failedPrecondition('ORDER_CLOSED', `Order "${order.id}" is ${order.status.toLowerCase()} and can no longer change`, {
      status: order.status,
    });
  }
}

/**
 * Moves the order with its route: ready to ship once every stage is settled (status code: the
 * last stage done), back in production when a route change adds work to a ready order. `made`
 * is the entry that being made writes, when the caller tells the customer (completing a stage).
 * True when the order became ready to ship.
 */
export function followRoute(em: EntityManager, order: Order, route: StageRun[], made?: () => ProgressEntry): boolean {
  const settled = route.every((stage) => isSettled(stage.status));
  if (!settled && order.status === 'READY_TO_SHIP') transition(em, ORDER_MACHINE, order, 'IN_PRODUCTION', order);
  if (settled && order.status !== 'READY_TO_SHIP' && allows(ORDER_MACHINE, order.status, 'READY_TO_SHIP')) {
    const statusCode = route.filter((stage) => stage.status === 'DONE').at(-1)?.code ?? STATUS.ORDER_RECEIVED;
    transition(em, ORDER_MACHINE, order, 'READY_TO_SHIP', order, { statusCode, progress: made });
    return true;
  }
  return false;
}

const MINUTE = 60_000;

/**
 * Plans due dates along the route: a done stage anchors the plan at its finish, a running stage
 * is due its standard time after it started, and each pending stage follows the one before.
 * Standard minutes are working minutes of the studio's calendar (contracts/working-time.ts); a
 * studio without one works around the clock.
 */
export function planDueDates(order: Order, route: StageRun[], now: Date, calendar?: WorkingCalendar): void {
  const after = (from: number, minutes: number) => {
    if (calendar)
      try {
        return addWorkingMinutes(calendar, from, minutes).getTime();
      } catch (error) {
        // A calendar closed for over a year plans no date at all: plan in wall-clock time rather than refuse the stage.
        if (!(error instanceof WorkingTimeError)) throw error;
      }
    return from + minutes * MINUTE;
  };
  let cursor = order.createdAt.getTime();
  for (const stage of route) {
    if (stage.status === 'CANCELLED') continue;
    if (stage.status === 'DONE') {
      cursor = (stage.finishedAt ?? stage.dueAt ?? now).getTime();
      continue;
    }
    if (stage.status === 'IN_PROGRESS' || stage.status === 'BLOCKED') {
      stage.dueAt = new Date(after((stage.startedAt ?? now).getTime(), stage.standardMinutes));
    } else {
      stage.dueAt = new Date(after(cursor, stage.standardMinutes));
    }
    cursor = stage.dueAt.getTime();
  }
  order.dueAt = new Date(cursor);
}
