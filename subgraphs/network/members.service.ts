import { createHash } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/core';
import {
  HUB_ISSUER,
  MEMBER_ADMIN_ROLE,
  MEMBER_ROLES,
  NETWORK_EVENTS,
  type EnterpriseKind,
  type InvitationState,
  type Role,
} from '../../contracts';
import type { RequestContext } from '../../platform/access/context';
import { badInput, conflict, failedPrecondition, hubError, notFound } from '../../platform/base/errors';
import { recordAudit } from '../../platform/data/audit';
import { newId, requireEnterpriseId, requireId } from '../../platform/data/ids';
import { idempotent, inTransaction } from '../../platform/data/transactions';
import { recordEvent } from '../../platform/events/outbox';
import { Enterprise } from './enterprise';
import { Invitation } from './invitation';
import { mailInvitation } from './invitation-mail';
import { Membership } from './membership';
import type { InvitationInput } from './inputs';

const SOURCE = 'network';
/** The most members and invitations one answer lists, and the most invitations pending at once. */
export const MEMBERS_LISTED = 500;
export const INVITATIONS_LISTED = 200;
export const PENDING_INVITATIONS_MAX = 200;
const EMAIL = /^[^\s@]{1,64}@[^\s@.]+(?:\.[^\s@.]+)+$/;
const PHONE = /^\+?\d[\d -]{4,22}\d$/;

export const tokenHashOf = (token: string) => createHash('sha256').update(token).digest('hex');

/** What one enterprise's member holds: the exchange's answer (gateway/token-exchange.ts). */
export interface MemberAccessRow {
  enterpriseId: string;
  kind: EnterpriseKind;
  status: Enterprise['status'];
  roles: Role[];
}

/** An invitation just made, with its link (the token is shown, never stored). */
export interface InvitationLinkRow {
  invitation: Invitation;
  token: string;
  url: string;
}

/**
 * An enterprise's members and invitations. Its admin (the kind's admin role: a studio's
 * STUDIO_ADMIN; a partner's, supplier's or kitchen's single role) and hub admins manage them;
 * nobody else sees them. Every change is an event with its actor and an audit entry, in the
 * same transaction; contacts and display names stay out of both.
 */
export class MembersService {
  /** The enterprise, once the caller is known to manage its members (FORBIDDEN otherwise, before any input is read). */
  async managed(ctx: RequestContext<unknown>, em: EntityManager, enterpriseId: string): Promise<Enterprise> {
    requireEnterpriseId(enterpriseId, 'enterpriseId');
    const enterprise = await em.findOne(Enterprise, { id: enterpriseId });
    const viewer = ctx.viewer;
    const mayManage =
      viewer.system ||
      viewer.isHubAdmin ||
      (!!enterprise && viewer.org === enterpriseId && viewer.has([MEMBER_ADMIN_ROLE[enterprise.kind]]));
    if (!mayManage) throw hubError('FORBIDDEN', `Only ${enterpriseId}'s admins manage its members`);
    if (!enterprise) throw notFound('Enterprise', enterpriseId);
    return enterprise;
  }

  async members(ctx: RequestContext<unknown>, enterpriseId: string): Promise<Membership[]> {
    await this.managed(ctx, ctx.em, enterpriseId);
    return ctx.em.find(Membership, { enterpriseId }, { orderBy: { createdAt: 'asc', id: 'asc' }, limit: MEMBERS_LISTED });
  }

  async invitations(ctx: RequestContext<unknown>, enterpriseId: string, state: InvitationState | null): Promise<Invitation[]> {
    await this.managed(ctx, ctx.em, enterpriseId);
    const now = new Date();
    const where =
      state === 'PENDING'
        ? { acceptedAt: null, revokedAt: null, expiresAt: { $gt: now } }
        : state === 'EXPIRED'
          ? { acceptedAt: null, revokedAt: null, expiresAt: { $lte: now } }
          : state === 'ACCEPTED'
            ? { acceptedAt: { $ne: null } }
            : state === 'REVOKED'
              ? { revokedAt: { $ne: null } }
              : {};
    return ctx.em.find(Invitation, { enterpriseId, ...where }, { orderBy: { createdAt: 'desc', id: 'asc' }, limit: INVITATIONS_LISTED });
  }

  async invite(
    ctx: RequestContext<unknown>,
    enterpriseId: string,
    input: InvitationInput,
    idempotencyKey: string,
  ): Promise<InvitationLinkRow> {
    const enterprise = await this.managed(ctx, ctx.em, enterpriseId);
    const roles = rolesFor(enterprise.kind, input.roles, 'input.roles');
    const contact = input.contact.trim();
    if (!(input.channel === 'EMAIL' ? EMAIL : PHONE).test(contact))
      throw badInput(input.channel === 'EMAIL' ? 'contact must be an e-mail address' : 'contact must be a phone number', {
        field: 'input.contact',
      });
    const displayName = input.displayName?.trim() || null;
    let created = false;
    const id = await inTransaction(ctx, (em) =>
      idempotent(em, ctx.viewer, 'inviteMember', idempotencyKey, { enterpriseId, input }, async () => {
        created = true;
        const now = new Date();
        const pending = await em.count(Invitation, { enterpriseId, acceptedAt: null, revokedAt: null, expiresAt: { $gt: now } });
        if (pending >= PENDING_INVITATIONS_MAX)
          throw failedPrecondition('TOO_MANY_INVITATIONS', `${enterpriseId} has ${pending} pending invitations: revoke some first`, {
            field: 'enterpriseId',
          });
        const id = newId('inv');
        const expiresAt = new Date(now.getTime() + input.validHours * 3_600_000);
        em.persist(
          em.create(Invitation, {
            id,
            enterpriseId,
            channel: input.channel,
            contact,
            displayName,
            roles,
            tokenHash: tokenHashOf(ctx.auth.invitationToken(id)),
            expiresAt,
            invitedBy: ctx.actor.subject,
            createdAt: now,
          }),
        );
        recordEvent(em, SOURCE, {
          type: NETWORK_EVENTS.MEMBER_INVITED,
          subject: { type: 'Invitation', id },
          actor: ctx.actor,
          payload: { enterpriseId, invitationId: id, roles, channel: input.channel, expiresAt: expiresAt.toISOString() },
        });
        recordAudit(em, ctx, { operation: 'inviteMember', subject: { type: 'Invitation', id }, changed: ['roles', 'expiresAt'] });
        return id;
      }),
    );
    const invitation = await ctx.em.fork().findOneOrFail(Invitation, { id });
    const token = ctx.auth.invitationToken(id);
    const url = ctx.auth.publicUrl.invitation(token);
    // Once stored (and not again on a retry with the key), the link is e-mailed too when the hub sends mail:
    // in the background, so the admin has the link at once whatever the mail server does.
    const mail = ctx.settings.mail;
    if (created && mail && invitation.channel === 'EMAIL')
      void mailInvitation(mail, { invitationId: id, to: invitation.contact, enterprise, url, expiresAt: invitation.expiresAt });
    return { invitation, token, url };
  }

  async revoke(ctx: RequestContext<unknown>, enterpriseId: string, invitationId: string, idempotencyKey: string): Promise<Invitation> {
    await this.managed(ctx, ctx.em, enterpriseId);
    requireId('inv', invitationId, 'invitationId');
    await inTransaction(ctx, (em) =>
      idempotent(em, ctx.viewer, 'revokeInvitation', idempotencyKey, { enterpriseId, invitationId }, async () => {
        const invitation = await em.findOne(Invitation, { id: invitationId, enterpriseId });
        if (!invitation) throw notFound('Invitation', invitationId);
        refuseSpent(invitation, 'invitationId', ['PENDING', 'EXPIRED']);
        invitation.revokedAt = new Date();
        recordEvent(em, SOURCE, {
          type: NETWORK_EVENTS.MEMBER_INVITATION_REVOKED,
          subject: { type: 'Invitation', id: invitationId },
          actor: ctx.actor,
          payload: { enterpriseId, invitationId },
        });
        recordAudit(em, ctx, { operation: 'revokeInvitation', subject: { type: 'Invitation', id: invitationId }, changed: ['revokedAt'] });
        return invitationId;
      }),
    );
    return ctx.em.fork().findOneOrFail(Invitation, { id: invitationId });
  }

  /**
   * Binds the caller's identity (the provider's issuer, as the hub's exchanged token names it,
   * and subject) to the invitation's enterprise and roles. Single use: a second acceptance, by
   * anyone, is INVITATION_USED (a conditional update, so two at once cannot both win).
   */
  async accept(ctx: RequestContext<unknown>, token: string, idempotencyKey: string): Promise<Membership> {
    const principal = ctx.viewer.principal;
    if (!principal) throw hubError('UNAUTHENTICATED', 'Sign in to accept an invitation');
    if (token.length < 20 || token.length > 200 || !/^[\w-]+$/.test(token))
      throw badInput('token is not an invitation token', { field: 'token', reason: 'INVITATION_NOT_FOUND' });
    const issuer = principal.identityProvider ?? HUB_ISSUER;
    const subject = principal.subject;
    const id = await inTransaction(ctx, (em) =>
      idempotent(em, ctx.viewer, 'acceptInvitation', idempotencyKey, { token: tokenHashOf(token) }, async () => {
        const invitation = await em.findOne(Invitation, { tokenHash: tokenHashOf(token) });
        if (!invitation) throw hubError('NOT_FOUND', 'No invitation has this link', { field: 'token', reason: 'INVITATION_NOT_FOUND' });
        refuseSpent(invitation, 'token', ['PENDING']);
        const enterprise = await em.findOneOrFail(Enterprise, { id: invitation.enterpriseId });
        if (enterprise.status !== 'ACTIVE')
          throw failedPrecondition(
            'ENTERPRISE_NOT_ACTIVE',
            `${enterprise.id} is ${enterprise.status}: its invitations cannot be accepted now`,
            {
              field: 'token',
            },
          );
        if (await em.findOne(Membership, { enterpriseId: enterprise.id, issuer, subject }))
          throw conflict(`You are a member of ${enterprise.id} already`, { field: 'token', reason: 'ALREADY_A_MEMBER' });
        const membershipId = newId('mbr');
        const now = new Date();
        const claimed = await em.nativeUpdate(
          Invitation,
          { id: invitation.id, acceptedAt: null, revokedAt: null },
          { acceptedAt: now, membershipId },
        );
        if (claimed !== 1) throw failedPrecondition('INVITATION_USED', 'This invitation was used already', { field: 'token' });
        em.persist(
          em.create(Membership, {
            id: membershipId,
            enterpriseId: enterprise.id,
            issuer,
            subject,
            displayName: invitation.displayName,
            roles: [...invitation.roles],
            invitationId: invitation.id,
            createdAt: now,
          }),
        );
        recordEvent(em, SOURCE, {
          type: NETWORK_EVENTS.MEMBER_JOINED,
          subject: { type: 'Membership', id: membershipId },
          actor: ctx.actor,
          payload: { enterpriseId: enterprise.id, membershipId, invitationId: invitation.id, roles: [...invitation.roles] },
        });
        recordAudit(em, ctx, { operation: 'acceptInvitation', subject: { type: 'Membership', id: membershipId }, changed: ['roles'] });
        return membershipId;
      }),
    );
    return ctx.em.fork().findOneOrFail(Membership, { id });
  }

  async changeRoles(
    ctx: RequestContext<unknown>,
    enterpriseId: string,
    membershipId: string,
    roles: Role[],
    idempotencyKey: string,
  ): Promise<Membership> {
    const enterprise = await this.managed(ctx, ctx.em, enterpriseId);
    requireId('mbr', membershipId, 'membershipId');
    if (roles.length < 1 || roles.length > 8) throw badInput('roles must name 1 to 8 roles', { field: 'roles' });
    const wanted = rolesFor(enterprise.kind, roles, 'roles');
    await inTransaction(ctx, (em) =>
      idempotent(em, ctx.viewer, 'changeMemberRoles', idempotencyKey, { enterpriseId, membershipId, roles: wanted }, async () => {
        const membership = await em.findOne(Membership, { id: membershipId, enterpriseId });
        if (!membership) throw notFound('Membership', membershipId);
        const previousRoles = [...membership.roles];
        if (sameRoles(previousRoles, wanted)) return membershipId;
        await keepAnAdmin(em, enterprise, membership, wanted);
        membership.roles = wanted;
        membership.updatedAt = new Date();
        recordEvent(em, SOURCE, {
          type: NETWORK_EVENTS.MEMBER_ROLES_CHANGED,
          subject: { type: 'Membership', id: membershipId },
          actor: ctx.actor,
          payload: { enterpriseId, membershipId, roles: wanted, previousRoles },
        });
        recordAudit(em, ctx, { operation: 'changeMemberRoles', subject: { type: 'Membership', id: membershipId }, changed: ['roles'] });
        return membershipId;
      }),
    );
    return ctx.em.fork().findOneOrFail(Membership, { id: membershipId });
  }

  /** Removes a member: their next token exchange is refused (their current token lives out its few minutes). */
  async remove(ctx: RequestContext<unknown>, enterpriseId: string, membershipId: string, idempotencyKey: string): Promise<string> {
    const enterprise = await this.managed(ctx, ctx.em, enterpriseId);
    requireId('mbr', membershipId, 'membershipId');
    return inTransaction(ctx, (em) =>
      idempotent(em, ctx.viewer, 'removeMember', idempotencyKey, { enterpriseId, membershipId }, async () => {
        const membership = await em.findOne(Membership, { id: membershipId, enterpriseId });
        if (!membership) throw notFound('Membership', membershipId);
        await keepAnAdmin(em, enterprise, membership, []);
        em.remove(membership);
        recordEvent(em, SOURCE, {
          type: NETWORK_EVENTS.MEMBER_REMOVED,
          subject: { type: 'Membership', id: membershipId },
          actor: ctx.actor,
          payload: { enterpriseId, membershipId, roles: [...membership.roles] },
        });
        recordAudit(em, ctx, { operation: 'removeMember', subject: { type: 'Membership', id: membershipId }, changed: ['roles'] });
        return membershipId;
      }),
    );
  }

  /** The gateway's question at a token exchange: what this identity holds, in which enterprises. */
  async access(ctx: RequestContext<unknown>, issuer: string, subject: string): Promise<MemberAccessRow[]> {
    if (!issuer || issuer.length > 300) throw badInput('issuer must be 1 to 300 characters', { field: 'issuer' });
    if (!subject || subject.length > 255) throw badInput('subject must be 1 to 255 characters', { field: 'subject' });
    const memberships = await ctx.em.find(Membership, { issuer, subject }, { orderBy: { createdAt: 'asc', id: 'asc' }, limit: 50 });
    if (!memberships.length) return [];
    const enterprises = await ctx.em.find(Enterprise, { id: { $in: memberships.map((row) => row.enterpriseId) } });
    const byId = new Map(enterprises.map((enterprise) => [enterprise.id, enterprise]));
    return memberships.flatMap((membership) => {
      const enterprise = byId.get(membership.enterpriseId);
      return enterprise
        ? [{ enterpriseId: enterprise.id, kind: enterprise.kind, status: enterprise.status, roles: [...membership.roles] }]
        : [];
    });
  }
}

/** The roles asked for, each one the enterprise's kind has (BAD_USER_INPUT, reason UNKNOWN_ROLE, otherwise). */
function rolesFor(kind: EnterpriseKind, roles: readonly Role[], field: string): Role[] {
  const allowed = MEMBER_ROLES[kind];
  const unknown = roles.filter((role) => !allowed.includes(role));
  if (unknown.length)
    throw badInput(`${field}: ${unknown.join(', ')} is not a role of a ${kind} (it has ${allowed.join(', ')})`, {
      field,
      reason: 'UNKNOWN_ROLE',
    });
  return allowed.filter((role) => roles.includes(role));
}

const sameRoles = (a: readonly Role[], b: readonly Role[]) => a.length === b.length && a.every((role) => b.includes(role));

/** An enterprise keeps at least one admin: the last one cannot lose the role or leave (LAST_ADMIN). */
async function keepAnAdmin(em: EntityManager, enterprise: Enterprise, membership: Membership, rolesAfter: readonly Role[]): Promise<void> {
  const admin = MEMBER_ADMIN_ROLE[enterprise.kind];
  if (!membership.roles.includes(admin) || rolesAfter.includes(admin)) return;
  const members = await em.find(Membership, { enterpriseId: enterprise.id }, { fields: ['id', 'roles'] });
  if (!members.some((other) => other.id !== membership.id && other.roles.includes(admin)))
    throw failedPrecondition('LAST_ADMIN', `${enterprise.id} would have no ${admin} left: make someone else one first`, {
      field: 'membershipId',
    });
}

/** Refuses an invitation no longer in one of the states given: INVITATION_USED, INVITATION_REVOKED or INVITATION_EXPIRED. */
function refuseSpent(invitation: Invitation, field: string, allowed: readonly InvitationState[]): void {
  const state = invitation.state;
  if (allowed.includes(state)) return;
  const why = {
    ACCEPTED: ['INVITATION_USED', 'was used already'],
    REVOKED: ['INVITATION_REVOKED', 'was revoked'],
    EXPIRED: ['INVITATION_EXPIRED', 'has expired'],
  };
  const [reason, text] = why[state as keyof typeof why];
  throw failedPrecondition(reason, `This invitation ${text}`, { field, invitationId: invitation.id });
}
