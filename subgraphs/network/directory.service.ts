import { NETWORK_EVENTS } from '../../contracts';
import type { RequestContext } from '../../platform/access/context';
import { badInput, notFound } from '../../platform/base/errors';
import { recordAudit } from '../../platform/data/audit';
import { recordEvent } from '../../platform/events/outbox';
import { requireEnterpriseId } from '../../platform/data/ids';
import { idempotent, inTransaction } from '../../platform/data/transactions';
import { Enterprise } from './enterprise';
import type { EnterpriseChangeInput } from './inputs';

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
}
