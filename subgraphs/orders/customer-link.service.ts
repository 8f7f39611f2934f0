import { lowerTier, type VisibilityTier } from '../../contracts';
import { unauthenticated } from '../../platform/access/tokens';
import type { RequestContext } from '../../platform/access/context';
import { daysAfter } from '../../platform/data/days';
import { badInput, notFound } from '../../platform/base/errors';
import { newId, requireId } from '../../platform/data/ids';
import { idempotent, inTransaction } from '../../platform/data/transactions';
import { CustomerLink } from './entities/customer-link';
import { ID_PREFIX, loadOrder } from './order-loaders';
import { type Clock, systemClock } from './clock';

export interface MintedLink {
  link: CustomerLink;
  /** The link credential: what the customer's page exchanges for session tokens. */
  token: string;
  url: string;
}

export interface CustomerSession {
  token: string;
  expiresAt: Date;
  orderId: string;
  tier: VisibilityTier;
}

/**
 * Customer links: a studio mints one per order; the customer exchanges it for a short-lived
 * token for that order only, again whenever the token runs out, until the link expires or the
 * studio revokes it.
 */
export class CustomerLinkService {
  constructor(private readonly clock: Clock = systemClock) {}

  async mintLink(
    ctx: RequestContext<unknown>,
    orderId: string,
    options: { tier?: VisibilityTier; validDays: number },
    idempotencyKey: string,
  ): Promise<MintedLink> {
    requireId(ID_PREFIX.order, orderId, 'order');
    if (!Number.isInteger(options.validDays) || options.validDays < 1 || options.validDays > 366) {
      throw badInput('validDays must be a whole number of days from 1 to 366', { field: 'validDays' });
    }
    const id = await inTransaction(ctx, (em) =>
      idempotent(em, ctx.viewer, 'mintCustomerLink', idempotencyKey, { orderId, ...options }, async () => {
        const order = await loadOrder(em, orderId);
        const now = this.clock();
        const link = em.create(CustomerLink, {
          id: newId(ID_PREFIX.customerLink, now.getTime()),
          orderId: order.id,
          studioId: order.studioId,
          tier: options.tier ?? order.customerTierMax,
          expiresAt: daysAfter(now, options.validDays),
          revokedAt: null,
          createdAt: now,
          createdBy: ctx.actor.subject,
        });
        em.persist(link);
        return link.id;
      }),
    );
    const link = await ctx.em.fork().findOneOrFail(CustomerLink, { id });
    // A replayed mint signs the same link again: either token opens the same, revocable link.
    const token = await ctx.auth.signLink({ linkId: link.id, orderId: link.orderId, tier: link.tier, expiresAt: link.expiresAt });
    return { link, token, url: ctx.auth.publicUrl.customerLink(token) };
  }

  /** Revoking is final and repeatable: the first revocation time stands. */
  async revokeLink(ctx: RequestContext<unknown>, linkId: string): Promise<CustomerLink> {
    requireId(ID_PREFIX.customerLink, linkId, 'customer link');
    return inTransaction(ctx, async (em) => {
      const link = await em.findOne(CustomerLink, { id: linkId });
      if (!link) throw notFound('Customer link', linkId);
      link.revokedAt ??= this.clock();
      return link;
    });
  }

  /** Anyone holding a valid link may exchange it: the link is the credential. */
  async exchange(ctx: RequestContext<unknown>, linkToken: string, tier?: VisibilityTier): Promise<CustomerSession> {
    const claims = await ctx.auth.verifyLink(linkToken);
    const link = await ctx.em.fork().findOne(CustomerLink, { id: claims.linkId }, { filters: false });
    const now = this.clock();
    if (!link || link.orderId !== claims.orderId || link.revokedAt || link.expiresAt <= now) {
      throw unauthenticated('This customer link is no longer valid');
    }
    const chosen = tier ? lowerTier(tier, link.tier) : link.tier;
    const ttl = Math.min(ctx.auth.customerTokenTtlSeconds, Math.floor((link.expiresAt.getTime() - now.getTime()) / 1000));
    const token = await ctx.auth.sign(
      {
        subject: `customer:${link.id}`,
        org: null,
        roles: ['CUSTOMER'],
        customer: { orders: [link.orderId], tier: chosen, linkId: link.id },
      },
      ttl,
    );
    return { token, expiresAt: new Date(now.getTime() + ttl * 1000), orderId: link.orderId, tier: chosen };
  }
}
