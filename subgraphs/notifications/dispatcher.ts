import { randomBytes } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/core';
import {
  ALL_EVENT_TYPES,
  CUSTOMER_MESSAGE_EVENTS,
  enterprisesOf,
  isVisibilityTier,
  lowerTier,
  ORDER_EVENTS,
  orderIdOf,
  payloadText,
  studioIdOf,
  WECHAT_BINDING_PURPOSE,
  type HubEvent,
} from '../../contracts';
import type { TokenService } from '../../platform/access/tokens';
import type { RequestContext } from '../../platform/access/context';
import { eventConsumer } from '../../platform/events/consumer';
import { newId } from '../../platform/data/ids';
import { inTransaction } from '../../platform/data/transactions';
import { logger } from '../../platform/base/logger';
import type { SubgraphSettings } from '../../platform/base/settings';
import { customerText, digestText, isImmediate, localTime, place, quietUntil } from './customer-messages';
import { CustomerPreference, NotificationMessage, OrderFacts, Webhook, WechatBinding } from './entities';
import { deliverWebhook } from './webhook-delivery';
import { WechatClient, type SendOutcome, type WechatConfig } from './wechat';

const log = logger.child({ component: 'notifications' });

/** Retries never wait longer than this, however many attempts. */
const RETRY_CAP_MS = 6 * 3_600_000;

const LEASE_MS = 60_000;
/** Routine news older than this is not sent (after an outage, say): the order page has it. Delays and completion always go. */
const STALE_ROUTINE_MS = 24 * 3_600_000;
const BATCH = 20;
const DIGEST_LINES = 10;

/** The delay before attempt `attempts + 1`: exponential, capped, with ±10 % jitter so retries spread. */
function backoffMs(attempts: number, retryBaseMs: number): number {
  const delay = Math.min(RETRY_CAP_MS, retryBaseMs * 2 ** Math.max(0, attempts - 1));
  return Math.round(delay * (0.9 + Math.random() * 0.2));
}

const customerRecipient = (orderId: string) => `wechat:${orderId}`;

/**
 * The customer's WeChat account, when the shop gave it with the order: sealed on the event for
 * this subgraph alone, and for this order alone. One that does not open is dropped, unread.
 */
async function bindWechat(em: EntityManager, facts: OrderFacts, sealed: string, auth: TokenService): Promise<void> {
  const opened = await auth.sealer.open(WECHAT_BINDING_PURPOSE, sealed);
  const binding = opened ? (JSON.parse(opened) as { orderId?: unknown; openId?: unknown }) : null;
  if (!binding || binding.orderId !== facts.orderId || typeof binding.openId !== 'string') {
    log.warn({ orderId: facts.orderId }, 'a WeChat binding that does not open with this hub’s secret was dropped');
    return;
  }
  if (await em.findOne(WechatBinding, { orderId: facts.orderId })) return;
  em.persist(em.create(WechatBinding, { orderId: facts.orderId, studioId: facts.studioId, openId: binding.openId, boundAt: new Date() }));
}

/** What the dispatcher learns of an order from its events: whose it is, its tier cap, its progress. */
async function learn(em: EntityManager, event: HubEvent, auth: TokenService): Promise<OrderFacts | null> {
  const orderId = orderIdOf(event);
  const studioId = studioIdOf(event);
  if (!orderId || !studioId || event.source !== 'orders') return null;
  let facts = await em.findOne(OrderFacts, { orderId });
  if (!facts) {
    facts = em.create(OrderFacts, { orderId, studioId, productType: 'UNKNOWN', tierMax: 'DETAILED', lines: [], stagesDone: [] });
    em.persist(facts);
  }
  if (event.type === ORDER_EVENTS.IMPORTED) {
    facts.productType = payloadText(event.payload.productFamily) ?? payloadText(event.payload.productType) ?? facts.productType;
    facts.productNameZh = payloadText(event.payload.productNameZh) ?? facts.productNameZh ?? null;
    facts.productNameEn = payloadText(event.payload.productNameEn) ?? facts.productNameEn ?? null;
    if (isVisibilityTier(event.payload.customerTierMax)) facts.tierMax = event.payload.customerTierMax;
    facts.lines = event.payload.lines.map((line) => ({ productCode: line.productCode, quantity: line.quantity }));
    if (event.payload.wechatBinding) await bindWechat(em, facts, event.payload.wechatBinding, auth);
  }
  if (event.type === ORDER_EVENTS.CUSTOMER_TIER_CHANGED && isVisibilityTier(event.payload.tier)) facts.tierMax = event.payload.tier;
  if (event.type === ORDER_EVENTS.STAGE_COMPLETED && !facts.stagesDone.includes(event.payload.statusCode)) {
    const code = event.payload.statusCode;
    facts.stagesDone = [...facts.stagesDone, code];
    // When each stage finished: the share page tells the order's story with dates.
    facts.stageFinishedAt = { ...(facts.stageFinishedAt ?? {}), [code]: event.occurredAt };
  }
  if (event.type === ORDER_EVENTS.COMPLETED && !facts.shareId) {
    facts.completedAt = new Date(event.occurredAt);
    facts.shareId = randomBytes(16).toString('base64url');
  }
  return facts;
}

async function routineToday(em: EntityManager, preference: CustomerPreference, now: Date): Promise<number> {
  const since = new Date(now.getTime() - localTime(now, preference.timeZone).minutes * 60_000);
  return em.count(NotificationMessage, {
    recipient: customerRecipient(preference.orderId),
    kind: 'ROUTINE',
    status: { $in: ['PENDING', 'SENT'] },
    createdAt: { $gte: since },
  });
}

/**
 * The text of the last forecast this order's customer was told (sent, due or held), if any: a
 * forecast that moved within the same day reads the same, and is not told twice.
 */
async function lastForecastText(em: EntityManager, orderId: string): Promise<string | null> {
  const [last] = await em.find(
    NotificationMessage,
    {
      recipient: customerRecipient(orderId),
      eventType: ORDER_EVENTS.ETA_CHANGED,
      status: { $in: ['PENDING', 'SENT', 'HELD', 'DIGESTED'] },
    },
    { orderBy: { createdAt: 'desc' }, limit: 1 },
  );
  return last?.text ?? null;
}

/**
 * The dispatcher's consumer: every event becomes one recorded message per webhook that wants it,
 * and, for the events customers are told of, one message to the order's customer on their
 * channel at their tier, placed by their quiet hours, digest and cap. Recorded in the
 * consumer's transaction: once the event is acknowledged, its messages exist.
 */
export const dispatchConsumer = eventConsumer({
  name: 'notifications.dispatch',
  // Every event type there is: webhooks may ask for any of them.
  types: ALL_EVENT_TYPES,
  async handle(em, event, ctx) {
    const now = new Date();
    const facts = await learn(em, event, ctx.auth);
    const owners = enterprisesOf(event);
    if (owners.length > 0) {
      for (const webhook of await em.find(Webhook, { enterpriseId: { $in: owners }, active: true })) {
        if (webhook.eventTypes.length > 0 && !webhook.eventTypes.includes(event.type)) continue;
        em.persist(
          em.create(NotificationMessage, {
            id: newId('msg'),
            kind: 'WEBHOOK',
            recipient: webhook.id,
            enterpriseId: webhook.enterpriseId,
            webhookId: webhook.id,
            orderId: orderIdOf(event),
            eventId: event.id,
            eventType: event.type,
            body: event,
            nextAttemptAt: now,
            createdAt: now,
          }),
        );
      }
    }
    if (!facts || !(CUSTOMER_MESSAGE_EVENTS as readonly string[]).includes(event.type)) return;
    if (!isImmediate(event.type) && now.getTime() - new Date(event.occurredAt).getTime() > STALE_ROUTINE_MS) return;
    const preference = await em.findOne(CustomerPreference, { orderId: facts.orderId });
    if (!preference || preference.channel !== 'WECHAT') return;
    const binding = await em.findOne(WechatBinding, { orderId: facts.orderId });
    if (!binding) return;
    const shareUrl = facts.shareId ? ctx.auth.publicUrl.share(facts.shareId) : null;
    const message = customerText(event, lowerTier(preference.tier, facts.tierMax), shareUrl, preference.language);
    if (!message) return;
    if (event.type === ORDER_EVENTS.ETA_CHANGED && (await lastForecastText(em, facts.orderId)) === message) return;
    const placement = place(preference, event.type, await routineToday(em, preference, now), now);
    em.persist(
      em.create(NotificationMessage, {
        id: newId('msg'),
        kind: isImmediate(event.type) ? 'IMMEDIATE' : 'ROUTINE',
        recipient: customerRecipient(facts.orderId),
        enterpriseId: facts.studioId,
        orderId: facts.orderId,
        eventId: event.id,
        eventType: event.type,
        body: { text: message, openId: binding.openId },
        status: placement.status,
        nextAttemptAt: placement.status === 'PENDING' ? placement.at : null,
        createdAt: now,
      }),
    );
  },
});

/**
 * Sends what is due, in every instance: each message is leased with a conditional update before
 * it is sent (so two instances never both take it), and its outcome recorded. A message whose
 * sender died mid-send is taken again when the lease runs out: at least once.
 */
export class Dispatcher {
  private wechat: { key: string; client: WechatClient } | null = null;

  /** One client per account (its token cache and refresh state live with it). */
  private wechatClient(config: WechatConfig | null): WechatClient | null {
    if (!config) return null;
    const key = `${config.baseUrl}|${config.appId}`;
    if (this.wechat?.key !== key) this.wechat = { key, client: new WechatClient(config) };
    return this.wechat.client;
  }

  async deliverDue(ctx: RequestContext<unknown>): Promise<number> {
    const em = ctx.em.fork();
    const now = new Date();
    const due = await em.find(
      NotificationMessage,
      { status: 'PENDING', nextAttemptAt: { $lte: now }, $or: [{ leasedUntil: null }, { leasedUntil: { $lt: now } }] },
      { orderBy: { nextAttemptAt: 'asc' }, limit: BATCH },
    );
    // The batch's webhooks, read once.
    const webhookIds = [...new Set(due.map((message) => message.webhookId).filter((id): id is string => Boolean(id)))];
    const webhooks = new Map(
      webhookIds.length ? (await em.find(Webhook, { id: { $in: webhookIds } })).map((webhook) => [webhook.id, webhook]) : [],
    );
    let sent = 0;
    await Promise.all(
      due.map(async (candidate) => {
        const claimed = await em.nativeUpdate(
          NotificationMessage,
          { id: candidate.id, status: 'PENDING', $or: [{ leasedUntil: null }, { leasedUntil: { $lt: now } }] },
          { leasedUntil: new Date(now.getTime() + LEASE_MS) },
        );
        if (claimed !== 1) return;
        const outcome = await this.send(ctx.em.fork(), candidate, webhooks, ctx.settings);
        const attempts = candidate.attempts + 1;
        const dead = outcome.status === 'RETRY' && attempts >= ctx.settings.notify.maxAttempts;
        await ctx.em.fork().nativeUpdate(
          NotificationMessage,
          { id: candidate.id },
          outcome.status === 'SENT'
            ? { status: 'SENT', attempts, sentAt: new Date(), nextAttemptAt: null, leasedUntil: null, lastError: null }
            : outcome.status === 'UNDELIVERABLE' || dead
              ? {
                  status: dead ? 'DEAD' : 'UNDELIVERABLE',
                  attempts,
                  nextAttemptAt: null,
                  leasedUntil: null,
                  lastError: outcome.error.slice(0, 1000),
                }
              : {
                  attempts,
                  nextAttemptAt: new Date(Date.now() + backoffMs(attempts, ctx.settings.notify.retryBaseMs)),
                  leasedUntil: null,
                  lastError: outcome.error.slice(0, 1000),
                },
        );
        if (outcome.status === 'SENT') sent += 1;
        else
          log.warn(
            { messageId: candidate.id, recipient: candidate.recipient, attempts, outcome },
            dead ? 'message dead-lettered' : 'message not delivered',
          );
      }),
    );
    return sent;
  }

  private async send(
    em: EntityManager,
    message: NotificationMessage,
    webhooks: Map<string, Webhook>,
    settings: SubgraphSettings,
  ): Promise<SendOutcome> {
    if (message.kind === 'WEBHOOK') {
      const webhook = webhooks.get(message.webhookId!);
      if (!webhook || !webhook.active) return { status: 'UNDELIVERABLE', error: 'The webhook was removed' };
      return deliverWebhook(webhook, message, settings.webhooks);
    }
    const client = this.wechatClient(settings.wechat);
    if (!client) return { status: 'RETRY', error: 'WeChat is not configured (WECHAT_APP_ID, WECHAT_APP_SECRET)' };
    try {
      if (!('openId' in message.body)) return { status: 'UNDELIVERABLE', error: 'A customer message without a recipient' };
      return await client.sendText(em, message.body.openId, message.body.text);
    } catch (error) {
      return { status: 'RETRY', error: (error as Error).message };
    }
  }

  /**
   * Once a day, at each customer's digest hour (local), the routine messages held for them go out
   * as one (after their quiet hours). The digest's id is keyed by order and day, so instances
   * racing make one.
   */
  async sendDigests(ctx: RequestContext<unknown>): Promise<number> {
    const em = ctx.em.fork();
    const now = new Date();
    const held = await em.find(NotificationMessage, { status: 'HELD' }, { fields: ['orderId'], limit: 5000 });
    const orderIds = [...new Set(held.map((message) => message.orderId!))];
    if (orderIds.length === 0) return 0;
    const digestDue = (preference: CustomerPreference) => {
      const local = localTime(now, preference.timeZone);
      return local.minutes >= preference.digestHour * 60 && preference.lastDigestDay !== local.day;
    };
    // A transaction only for the customers whose digest hour has come and who had none today.
    const due = (await em.find(CustomerPreference, { orderId: { $in: orderIds } })).filter(digestDue);
    let made = 0;
    for (const { orderId } of due) {
      // Instances racing collide on the digest's key; the retry finds today's digest made.
      const created = await inTransaction(ctx, async (tx) => {
        const preference = await tx.findOne(CustomerPreference, { orderId });
        if (!preference || !digestDue(preference)) return false;
        const local = localTime(now, preference.timeZone);
        const messages = await tx.find(NotificationMessage, { orderId, status: 'HELD' }, { orderBy: { createdAt: 'asc' } });
        const binding = await tx.findOne(WechatBinding, { orderId });
        if (messages.length === 0 || !binding) return false;
        const lines = messages.slice(-DIGEST_LINES).map((message) => `• ${message.text ?? ''}`);
        if (messages.length > DIGEST_LINES) lines.unshift(digestText.earlier(preference.language, messages.length - DIGEST_LINES));
        const digest = tx.create(NotificationMessage, {
          id: newId('msg'),
          kind: 'DIGEST',
          recipient: customerRecipient(orderId),
          enterpriseId: messages[0].enterpriseId,
          orderId,
          eventId: `digest:${orderId}:${local.day}`,
          eventType: 'notification.digest',
          body: { text: [digestText.heading(preference.language), ...lines].join('\n'), openId: binding.openId },
          nextAttemptAt: quietUntil(preference, now) ?? now,
          createdAt: now,
        });
        tx.persist(digest);
        for (const message of messages) Object.assign(message, { status: 'DIGESTED', digestId: digest.id });
        preference.lastDigestDay = local.day;
        return true;
      });
      if (created) made += 1;
    }
    return made;
  }
}

export const dispatcher = new Dispatcher();
