import { HUB_ISSUER, NETWORK_EVENTS } from '../../contracts';
import type { RequestContext } from '../../platform/access/context';
import { badInput, conflict, notFound } from '../../platform/base/errors';
import { recordAudit } from '../../platform/data/audit';
import { recordEvent } from '../../platform/events/outbox';
import { requireEnterpriseId } from '../../platform/data/ids';
import { idempotent, inTransaction } from '../../platform/data/transactions';
import { Enterprise } from './enterprise';
import type { EnterpriseChangeInput, EnterpriseRegistrationInput } from './inputs';
import { transitionEnterprise } from './enterprise-status';
import { admitApplicant } from './first-admin';
import type { EnterpriseStatus } from '../../contracts';

export const SOURCE = 'network';
/** How long a gateway without the bus (so without the change events) may keep a directory answer. */
export const NETWORK_ANSWERS_MAX_AGE_SECONDS = 60;
const CHANGEABLE = ['nameZh', 'nameEn', 'region', 'gln'] as const;

/**
 * The network directory. Its entries are public and gateways keep the answers, so every change
 * records `enterprise.updated` in the same transaction: gateways on the bus forget what they
 * kept of the directory when it arrives (the rest wait out the answers' max-age). Every change
 * is also in the audit trail (platform/data/audit.ts), in the same transaction.
 */
export class DirectoryService {
  async changeEnterprise(
    ctx: RequestContext<unknown>,
    id: string,
    input: EnterpriseChangeInput,
    idempotencyKey: string,
  ): Promise<Enterprise> {
    requireEnterpriseId(id, 'id');
    const given = CHANGEABLE.filter((field) => input[field] !== undefined && input[field] !== null);
    if (!given.length) throw badInput('Name at least one of nameZh, nameEn, region, gln to change', { field: 'input' });
    await inTransaction(ctx, (em) =>
      idempotent(em, ctx.viewer, 'changeEnterprise', idempotencyKey, { id, input }, async () => {
        const enterprise = await em.findOne(Enterprise, { id });
        if (!enterprise) throw notFound('Enterprise', id);
        const changed = given.filter((field) => enterprise[field] !== input[field]);
        if (!changed.length) return enterprise.id;
        for (const field of changed) enterprise[field] = input[field]!;
        enterprise.updatedAt = new Date();
        recordEvent(em, SOURCE, {
          type: NETWORK_EVENTS.ENTERPRISE_UPDATED,
          subject: { type: 'Enterprise', id },
          actor: ctx.actor,
          payload: { enterpriseId: id, changed: [...changed] },
        });
        // Directory writes are the hub admin's only writes: each is in the audit trail, whoever made it.
        recordAudit(em, ctx, { operation: 'changeEnterprise', subject: { type: 'Enterprise', id }, changed });
        return enterprise.id;
      }),
    );
    return ctx.em.fork().findOneOrFail(Enterprise, { id });
  }

  /**
   * A new entry: ACTIVE at once when a hub admin registers it, APPLIED (out of the public
   * directory, seen by hub admins and the applicant) when someone applies. An id already taken
   * is a CONFLICT naming the field.
   */
  async enter(
    ctx: RequestContext<unknown>,
    input: EnterpriseRegistrationInput,
    idempotencyKey: string,
    how: 'registerEnterprise' | 'applyForEnterprise',
  ): Promise<Enterprise> {
    const applying = how === 'applyForEnterprise';
    await inTransaction(ctx, (em) =>
      idempotent(em, ctx.viewer, how, idempotencyKey, { input }, async () => {
        if (await em.findOne(Enterprise, { id: input.id }))
          throw conflict(`Enterprise id "${input.id}" is taken: choose another`, { field: 'input.id' });
        const { id, kind, nameZh, nameEn, region } = input;
        em.persist(
          em.create(Enterprise, {
            id,
            kind,
            nameZh,
            nameEn,
            region,
            gln: input.gln ?? null,
            alliances: [...new Set(input.alliances)],
            status: applying ? 'APPLIED' : 'ACTIVE',
            appliedBy: applying ? ctx.actor.subject : null,
            // The identity as a membership binds it (as accepting an invitation does): approval makes it the first admin.
            appliedByIssuer: applying ? (ctx.viewer.principal?.identityProvider ?? HUB_ISSUER) : null,
          }),
        );
        recordEvent(em, SOURCE, {
          type: applying ? NETWORK_EVENTS.ENTERPRISE_APPLIED : NETWORK_EVENTS.ENTERPRISE_REGISTERED,
          subject: { type: 'Enterprise', id },
          actor: ctx.actor,
          payload: { enterpriseId: id, kind },
        });
        recordAudit(em, ctx, { operation: how, subject: { type: 'Enterprise', id }, changed: ['status'] });
        return id;
      }),
    );
    return ctx.em.fork().findOneOrFail(Enterprise, { id: input.id });
  }

  /** Approves, rejects, suspends or reinstates: one move of the status table (enterprise-status.ts). */
  async changeStatus(
    ctx: RequestContext<unknown>,
    id: string,
    to: EnterpriseStatus,
    operation: string,
    reason: string | null,
    idempotencyKey: string,
  ): Promise<Enterprise> {
    requireEnterpriseId(id, 'id');
    if (reason !== null) {
      reason = reason.trim();
      if (reason.length < 1 || reason.length > 500) throw badInput('reason must be 1 to 500 characters', { field: 'reason' });
    }
    await inTransaction(ctx, (em) =>
      idempotent(em, ctx.viewer, operation, idempotencyKey, { id, reason }, async () => {
        const enterprise = await em.findOne(Enterprise, { id });
        if (!enterprise) throw notFound('Enterprise', id);
        const applied = enterprise.status === 'APPLIED';
        transitionEnterprise(em, ctx, enterprise, to, operation, reason);
        if (applied && to === 'ACTIVE') await admitApplicant(em, ctx, enterprise);
        return enterprise.id;
      }),
    );
    return ctx.em.fork().findOneOrFail(Enterprise, { id });
  }
}
