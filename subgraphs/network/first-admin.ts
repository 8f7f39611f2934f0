import type { EntityManager } from '@mikro-orm/core';
import { MEMBER_ADMIN_ROLE, NETWORK_EVENTS } from '../../contracts';
import type { RequestContext } from '../../platform/access/context';
import { recordAudit } from '../../platform/data/audit';
import { newId } from '../../platform/data/ids';
import { recordEvent } from '../../platform/events/outbox';
import type { Enterprise } from './enterprise';
import { Membership } from './membership';

/**
 * On approval, whoever applied becomes the enterprise's first admin (the kind's admin role): their
 * next token exchange gives them access, with no invitation to send to themselves. Only an
 * application that names its applicant's issuer (made since issuer + subject were kept) is
 * admitted; an older one is left to an invitation, as before. In the approval's transaction, as
 * `member.joined` (no invitation) with the approving hub admin as actor, and an audit entry.
 */
export async function admitApplicant(em: EntityManager, ctx: RequestContext<unknown>, enterprise: Enterprise): Promise<void> {
  const { appliedBy: subject, appliedByIssuer: issuer } = enterprise;
  if (!subject || !issuer) return;
  if (await em.findOne(Membership, { enterpriseId: enterprise.id, issuer, subject })) return;
  const membershipId = newId('mbr');
  const roles = [MEMBER_ADMIN_ROLE[enterprise.kind]];
  em.persist(em.create(Membership, { id: membershipId, enterpriseId: enterprise.id, issuer, subject, roles, invitationId: null }));
  recordEvent(em, 'network', {
    type: NETWORK_EVENTS.MEMBER_JOINED,
    subject: { type: 'Membership', id: membershipId },
    actor: ctx.actor,
    payload: { enterpriseId: enterprise.id, membershipId, invitationId: null, roles },
  });
  recordAudit(em, ctx, { operation: 'approveEnterprise', subject: { type: 'Membership', id: membershipId }, changed: ['roles'] });
}
