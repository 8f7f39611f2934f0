import type { EntityManager } from '@mikro-orm/core';
import { failedPrecondition } from '../../../platform/base/errors';
import type { Order } from '../entities/order';
import { appendProgress, type ProgressEntry } from '../progress-log';
import { allows, type StateMachine } from './machines';

export interface StatusChange {
  /** The order's status code after the change (its milestone follows: see progress-log.ts). */
  statusCode?: string;
  /** The progress entry the change writes (its outbox event with it), built once the status is set. */
  progress?: () => ProgressEntry;
}

/**
 * The one function that changes a status — of an order, one of its stage runs, or one of its
 * shipments. It checks the move against the machine's table (FAILED_PRECONDITION,
 * `INVALID_<SUBJECT>_TRANSITION`, otherwise), sets the status and the order's status code, and
 * appends the progress entry with its event, all in the caller's transaction.
 */
export function transition<S extends string>(
  em: EntityManager,
  machine: StateMachine<S>,
  subject: { id: string; status: S },
  to: S,
  order: Order,
  change: StatusChange = {},
): void {
  requireMove(machine, subject, to);
  subject.status = to;
  if (change.statusCode) order.statusCodeValue = change.statusCode;
  if (change.progress) appendProgress(em, order, change.progress());
}

/** The table's check alone, for a caller that must refuse a move before it weighs anything else. */
export function requireMove<S extends string>(machine: StateMachine<S>, subject: { id: string; status: S }, to: S): void {
  if (!allows(machine, subject.status, to)) {
    throw failedPrecondition(
      `INVALID_${machine.subject.toUpperCase()}_TRANSITION`,
      `${machine.noun} "${subject.id}" is ${subject.status} and cannot become ${to}`,
      {
        [machine.idField]: subject.id,
        status: subject.status,
      },
    );
  }
}
