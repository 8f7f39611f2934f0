import type { EntityManager } from '@mikro-orm/core';
import { ENTERPRISE_STATUSES, NETWORK_EVENTS, type EnterpriseStatus } from '../../contracts';
import type { RequestContext } from '../../platform/access/context';
import { failedPrecondition } from '../../platform/base/errors';
import { recordAudit } from '../../platform/data/audit';
import { recordEvent } from '../../platform/events/outbox';
import type { Enterprise } from './enterprise';

/**
 * An enterprise's status as data (as the orders lifecycle declares its machines): an applicant
 * is approved or rejected once; an active enterprise may be suspended and reinstated any number
 * of times. REJECTED is final (a new application is a new enterprise id).
 */
export const ENTERPRISE_MOVES: Readonly<Record<EnterpriseStatus, readonly EnterpriseStatus[]>> = {
  APPLIED: ['ACTIVE', 'REJECTED'],
  ACTIVE: ['SUSPENDED'],
  SUSPENDED: ['ACTIVE'],
  REJECTED: [],
};

/** The statuses of enterprises in the public directory: applications stay out of it. */
export const LISTED_STATUSES: readonly EnterpriseStatus[] = ['ACTIVE', 'SUSPENDED'];

// Checked when the subgraph loads: a table naming a status the contracts do not know never serves.
for (const [from, targets] of Object.entries(ENTERPRISE_MOVES))
  for (const to of [from, ...targets])
    if (!(ENTERPRISE_STATUSES as readonly string[]).includes(to)) throw new Error(`Enterprise moves name an unknown status ${to}`);

export const allowsEnterpriseMove = (from: EnterpriseStatus, to: EnterpriseStatus): boolean => ENTERPRISE_MOVES[from].includes(to);

/**
 * The one function that changes an enterprise's status: checks the move against the table
 * (FAILED_PRECONDITION, `INVALID_ENTERPRISE_TRANSITION`), sets it with its reason, and records
 * `enterprise.status-changed` with its actor and the audit entry, in the caller's transaction.
 */
export function transitionEnterprise(
  em: EntityManager,
  ctx: RequestContext<unknown>,
  enterprise: Enterprise,
  to: EnterpriseStatus,
  operation: string,
  reason: string | null,
): void {
  const from = enterprise.status;
  if (!allowsEnterpriseMove(from, to))
    throw failedPrecondition('INVALID_ENTERPRISE_TRANSITION', `Enterprise "${enterprise.id}" is ${from} and cannot become ${to}`, {
      enterpriseId: enterprise.id,
      status: from,
    });
  enterprise.status = to;
  enterprise.statusReason = reason;
  enterprise.updatedAt = new Date();
  recordEvent(em, 'network', {
    type: NETWORK_EVENTS.ENTERPRISE_STATUS_CHANGED,
    subject: { type: 'Enterprise', id: enterprise.id },
    actor: ctx.actor,
    payload: { enterpriseId: enterprise.id, status: to, previousStatus: from, reason },
  });
  recordAudit(em, ctx, { operation, subject: { type: 'Enterprise', id: enterprise.id }, changed: ['status'] });
}
