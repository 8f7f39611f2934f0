import { IsOptional, Matches, Max, MaxLength, Min, ValidateNested } from 'class-validator';
import type { EntityManager } from '@mikro-orm/core';
import { Arg, Ctx, Field, FieldResolver, ID, InputType, Int, Mutation, ObjectType, Query, Resolver, Root } from 'type-graphql';
import {
  ALL_EVENT_TYPES,
  type CustomerChannel,
  type MessageLanguage,
  DEFAULT_NOTIFICATION_PREFERENCES,
  isEventType,
  type MessageStatus,
  VOCABULARY,
} from '../../contracts';
import type { GraphQLContext } from '../../platform/access/context';
import { badInput, failedPrecondition, hubError, notFound } from '../../platform/base/errors';
import { newId, requireEnterpriseId, requireId } from '../../platform/data/ids';
import { idempotent, inTransaction } from '../../platform/data/transactions';
import {
  CustomerChannelEnum,
  CustomerPreference,
  MessageLanguageEnum,
  MessageStatusEnum,
  NotificationMessage,
  OrderFacts,
  Webhook,
  WechatBinding,
} from './entities';
import { EnterpriseReference, StatusCodeReference } from './references';
import { checkDestination, DestinationRefused, type DestinationPolicy } from './destinations';
import { newWebhookSecret } from './signature';

type Context = GraphQLContext;

const HHMM = /^([01]\d|2[0-3]):[0-5]\d$/;
const MAX_WEBHOOKS = 20;
/** How long registration waits for the URL's host to resolve. */
const RESOLVE_TIMEOUT_MS = 5_000;

@InputType()
class QuietHoursInput {
  @Field({ description: 'HH:MM, local' }) @Matches(HHMM, { message: 'quietHours.start must be HH:MM (00:00–23:59)' }) start!: string;
  @Field({ description: 'HH:MM, local; before start: the quiet hours span midnight' })
  @Matches(HHMM, { message: 'quietHours.end must be HH:MM (00:00–23:59)' })
  end!: string;
}

@InputType({ description: 'How the customer wants to be told; fields left out keep their value (or the default)' })
class NotificationPreferencesInput {
  @Field(() => CustomerChannelEnum, {
    description: 'WECHAT only where the order came with the customer’s WeChat account (notificationBinding.wechatBound)',
  })
  channel!: CustomerChannel;
  @Field(() => MessageLanguageEnum, { nullable: true, description: 'The language of their messages (left out: as before, at first ZH)' })
  @IsOptional()
  language?: MessageLanguage;
  @Field(() => QuietHoursInput, { nullable: true }) @IsOptional() @ValidateNested() quietHours?: QuietHoursInput;
  @Field({ nullable: true, description: 'true: no quiet hours any more' }) @IsOptional() clearQuietHours?: boolean;
  @Field({ nullable: true, description: 'IANA time zone, e.g. Asia/Shanghai' }) @IsOptional() @MaxLength(64) timeZone?: string;
  @Field({ nullable: true }) @IsOptional() dailyDigest?: boolean;
  @Field(() => Int, { nullable: true }) @IsOptional() @Min(0) @Max(23) digestHour?: number;
  @Field(() => Int, { nullable: true, description: 'Routine messages a day at most (0–50)' })
  @IsOptional()
  @Min(0)
  @Max(50)
  dailyCap?: number;
}

@ObjectType({ description: 'A new webhook and the secret that signs its requests (keep it; a retry with the same key shows it again)' })
class WebhookRegistration {
  @Field(() => Webhook) webhook!: Webhook;
  @Field() secret!: string;
}

@ObjectType({
  description: "Whom the hub can message for an order's customer: whether a WeChat account came with the order (never which)",
})
class NotificationBinding {
  @Field(() => ID) orderId!: string;
  studioId!: string;
  @Field({ description: 'The shop gave the customer’s WeChat openid with the order: WECHAT messages can reach them' })
  wechatBound!: boolean;
  @Field(() => String, {
    nullable: true,
    description: 'The share page of the finished order (made once the order is completed); null before',
  })
  shareUrl!: string | null;
}

@ObjectType()
class SharedOrderLine {
  @Field() productCode!: string;
  @Field(() => Int) quantity!: number;
}

@ObjectType({ description: 'A stage a shared order went through: its standard code and when it finished' })
class SharedStage {
  @Field(() => StatusCodeReference) statusCode!: StatusCodeReference;
  @Field(() => Date, { nullable: true, description: 'When the stage finished (null for orders finished before dates were kept)' })
  finishedAt!: Date | null;
}

@ObjectType({
  description: 'What a customer may share of a finished order: what was made, by which studio, through which stages. Nothing personal.',
})
class SharedOrder {
  @Field(() => EnterpriseReference) studio!: EnterpriseReference;
  @Field({ description: "The product family: a code of the studio's catalogue" }) productFamily!: string;
  @Field({ deprecationReason: 'Use productFamily (and productNameZh / productNameEn to name it)' }) productType!: string;
  @Field(() => String, { nullable: true, description: "The product's Chinese name as the studio's catalogue gave it when it was ordered" })
  productNameZh!: string | null;
  @Field(() => String, { nullable: true, description: "The product's English name as the studio's catalogue gave it when it was ordered" })
  productNameEn!: string | null;
  @Field(() => [SharedOrderLine]) lines!: SharedOrderLine[];
  @Field(() => [StatusCodeReference], { description: 'The stages it went through (standard codes)' }) stages!: StatusCodeReference[];
  @Field(() => [SharedStage], { description: 'The same stages, in order, with when each finished' }) timeline!: SharedStage[];
  @Field() completedAt!: Date;
  @Field({ description: "An image for the share page and link previews (the product type's illustration on this hub)" }) imageUrl!: string;
}

function requireTimeZone(timeZone: string): string {
  try {
    new Intl.DateTimeFormat('en', { timeZone });
    return timeZone;
  } catch {
    throw badInput(`"${timeZone}" is not an IANA time zone`, { field: 'timeZone' });
  }
}

function requireWebhookUrl(url: string): string {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw badInput(`"${url}" is not a URL`, { field: 'url' });
  }
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:')
    throw badInput(`A webhook URL must be http(s), not ${parsed.protocol}`, { field: 'url' });
  if (parsed.username || parsed.password)
    throw badInput('A webhook URL must not carry credentials; requests are signed instead', { field: 'url' });
  if (url.length > 2000) throw badInput('A webhook URL is at most 2000 characters', { field: 'url' });
  return parsed.toString();
}

/** Refuses a URL whose host does not resolve, or not to public addresses alone (unless WEBHOOK_ALLOW_PRIVATE); each send checks again. */
async function requirePublicDestination(url: string, policy: DestinationPolicy): Promise<void> {
  try {
    await checkDestination(new URL(url), policy, AbortSignal.timeout(RESOLVE_TIMEOUT_MS));
  } catch (error) {
    if (!(error instanceof DestinationRefused)) throw error;
    throw badInput(
      error.reason === 'NOT_PUBLIC'
        ? 'A webhook must reach a public address: this hub sends none to loopback, private, link-local or other special-purpose addresses'
        : `The webhook URL's host "${new URL(url).hostname}" does not resolve`,
      { field: 'url', reason: error.reason },
    );
  }
}

/** Asked once the caller's right to the order is settled (the binding's rows are the studio's alone). */
async function isWechatBound(em: EntityManager, orderId: string): Promise<boolean> {
  return (await em.fork().count(WechatBinding, { orderId }, { filters: false })) > 0;
}

@Resolver(() => CustomerPreference)
export class CustomerPreferenceResolver {
  @FieldResolver(() => Boolean, { description: 'A WeChat account came with the order (see notificationBinding)' })
  wechatBound(@Root() preference: CustomerPreference, @Ctx() { ctx }: Context): Promise<boolean> {
    return isWechatBound(ctx.em, preference.orderId);
  }
}

@Resolver()
export class NotificationsResolver {
  @Mutation(() => WebhookRegistration, {
    description:
      "Registers an endpoint for the enterprise's events (all, or the types named); requests are signed with the secret returned",
  })
  async registerWebhook(
    @Arg('enterpriseId', () => ID) enterpriseId: string,
    @Arg('url') url: string,
    @Arg('eventTypes', () => [String], { defaultValue: [] }) eventTypes: string[],
    @Arg('idempotencyKey') idempotencyKey: string,
    @Ctx() { ctx }: Context,
  ): Promise<WebhookRegistration> {
    requireEnterpriseId(enterpriseId, 'enterpriseId');
    const target = requireWebhookUrl(url);
    const unknown = eventTypes.filter((type) => !isEventType(type));
    if (unknown.length > 0) throw badInput(`Unknown event types: ${unknown.join(', ')}`, { field: 'eventTypes', known: ALL_EVENT_TYPES });
    await requirePublicDestination(target, ctx.settings.webhooks);
    const id = await inTransaction(ctx, (em) =>
      idempotent(em, ctx.viewer, 'registerWebhook', idempotencyKey, { enterpriseId, url: target, eventTypes }, async () => {
        if ((await em.count(Webhook, { enterpriseId, active: true })) >= MAX_WEBHOOKS)
          throw failedPrecondition('TOO_MANY_WEBHOOKS', `At most ${MAX_WEBHOOKS} webhooks per enterprise`);
        const webhook = em.create(Webhook, {
          id: newId('whk'),
          enterpriseId,
          url: target,
          secret: newWebhookSecret(),
          eventTypes: [...new Set(eventTypes)],
          createdAt: new Date(),
        });
        em.persist(webhook);
        return webhook.id;
      }),
    );
    const webhook = await ctx.em.fork().findOneOrFail(Webhook, { id });
    return { webhook, secret: webhook.secret };
  }

  @Mutation(() => Webhook, { description: 'Stops sending to a webhook (its messages not yet sent become UNDELIVERABLE); safe to repeat' })
  async removeWebhook(@Arg('webhookId', () => ID) webhookId: string, @Ctx() { ctx }: Context): Promise<Webhook> {
    requireId('whk', webhookId, 'webhook');
    if (!(await ctx.em.fork().findOne(Webhook, { id: webhookId }))) throw notFound('Webhook', webhookId);
    await inTransaction(ctx, async (em) => em.nativeUpdate(Webhook, { id: webhookId }, { active: false }));
    return ctx.em.fork().findOneOrFail(Webhook, { id: webhookId });
  }

  @Query(() => [Webhook], { description: "An enterprise's webhooks" })
  webhooks(@Arg('enterpriseId', () => ID) enterpriseId: string, @Ctx() { ctx }: Context): Promise<Webhook[]> {
    requireEnterpriseId(enterpriseId, 'enterpriseId');
    return ctx.em.find(Webhook, { enterpriseId }, { orderBy: { createdAt: 'asc' } });
  }

  @Query(() => [NotificationMessage], { description: "A webhook's messages, newest first; status DEAD is its dead-letter list" })
  async webhookMessages(
    @Arg('webhookId', () => ID) webhookId: string,
    @Ctx() { ctx }: Context,
    @Arg('status', () => MessageStatusEnum, { nullable: true }) status?: MessageStatus,
  ): Promise<NotificationMessage[]> {
    requireId('whk', webhookId, 'webhook');
    if (!(await ctx.em.findOne(Webhook, { id: webhookId }))) throw notFound('Webhook', webhookId);
    return ctx.em.find(
      NotificationMessage,
      { webhookId, ...(status ? { status } : {}) },
      { orderBy: [{ createdAt: 'desc' }, { id: 'desc' }], limit: 500 },
    );
  }

  @Mutation(() => [NotificationMessage], {
    description: "Sends a webhook's dead-lettered messages again (all, or those named), from a fresh count of attempts",
  })
  async replayWebhookMessages(
    @Arg('webhookId', () => ID) webhookId: string,
    @Arg('idempotencyKey') idempotencyKey: string,
    @Ctx() { ctx }: Context,
    @Arg('messageIds', () => [ID], { nullable: true }) messageIds?: string[],
  ): Promise<NotificationMessage[]> {
    requireId('whk', webhookId, 'webhook');
    for (const id of messageIds ?? []) requireId('msg', id, 'message');
    // The row rule decides whose webhook this is (asked before the transaction, as in respondToDelay).
    if (!(await ctx.em.fork().findOne(Webhook, { id: webhookId }))) throw notFound('Webhook', webhookId);
    const replayed = await inTransaction(ctx, (em) =>
      idempotent(em, ctx.viewer, 'replayWebhookMessages', idempotencyKey, { webhookId, messageIds: messageIds ?? null }, async () => {
        const dead = await em.find(
          NotificationMessage,
          { webhookId, status: 'DEAD', ...(messageIds ? { id: { $in: messageIds } } : {}) },
          { filters: false },
        );
        if (messageIds && dead.length !== messageIds.length) {
          throw badInput('Only dead-lettered messages of this webhook can be replayed', {
            field: 'messageIds',
            notDead: messageIds.filter((id) => !dead.some((message) => message.id === id)),
          });
        }
        const now = new Date();
        for (const message of dead) Object.assign(message, { status: 'PENDING', attempts: 0, nextAttemptAt: now, leasedUntil: null });
        return dead.map((message) => message.id).join(',');
      }),
    );
    const ids = replayed ? replayed.split(',') : [];
    return ids.length
      ? ctx.em.fork().find(NotificationMessage, { id: { $in: ids } }, { filters: false, orderBy: { createdAt: 'asc' } })
      : [];
  }

  @Mutation(() => CustomerPreference, {
    description:
      'The customer says how to be told of their order: channel, quiet hours, daily digest and cap. Setting the same again changes nothing (it replaces the whole preference).',
  })
  async setNotificationPreferences(
    @Arg('orderId', () => ID) orderId: string,
    @Arg('input', () => NotificationPreferencesInput) input: NotificationPreferencesInput,
    @Ctx() { ctx }: Context,
  ): Promise<CustomerPreference> {
    const customer = ctx.viewer.principal?.customer;
    if (!customer) throw hubError('FORBIDDEN', 'Only the customer of an order sets how they are told of it');
    if (!customer.orders.includes(orderId)) throw notFound('Order', orderId);
    if (input.quietHours && input.quietHours.start === input.quietHours.end)
      throw badInput('Quiet hours must not start and end at the same time', { field: 'quietHours' });
    if (input.quietHours && input.clearQuietHours)
      throw badInput('Give quietHours or clearQuietHours, not both', { field: 'clearQuietHours' });
    if (input.timeZone) requireTimeZone(input.timeZone);
    const facts = await ctx.em.fork().findOne(OrderFacts, { orderId });
    if (!facts) throw notFound('Order', orderId);
    if (input.channel === 'WECHAT' && !(await isWechatBound(ctx.em, orderId)))
      throw failedPrecondition(
        'WECHAT_NOT_BOUND',
        'No WeChat account came with this order, so WeChat messages cannot reach its customer; choose NONE (the studio can re-import the order with the openid)',
        { field: 'channel' },
      );
    // Whose order it is was settled above, from the token (the row rule would read on a second connection inside the transaction).
    return inTransaction(ctx, async (em) => {
      const existing = await em.findOne(CustomerPreference, { orderId }, { filters: false });
      const preference =
        existing ??
        em.create(CustomerPreference, {
          orderId,
          studioId: facts.studioId,
          channel: input.channel,
          tier: customer.tier,
          language: DEFAULT_NOTIFICATION_PREFERENCES.language,
          timeZone: DEFAULT_NOTIFICATION_PREFERENCES.timeZone,
          dailyDigest: false,
          digestHour: DEFAULT_NOTIFICATION_PREFERENCES.digestHour,
          dailyCap: DEFAULT_NOTIFICATION_PREFERENCES.dailyCap,
          updatedAt: new Date(),
        });
      Object.assign(preference, {
        channel: input.channel,
        tier: customer.tier,
        ...(input.language ? { language: input.language } : {}),
        ...(input.quietHours ? { quietHours: { start: input.quietHours.start, end: input.quietHours.end } } : {}),
        ...(input.clearQuietHours ? { quietHours: null } : {}),
        ...(input.timeZone ? { timeZone: input.timeZone } : {}),
        ...(input.dailyDigest !== undefined && input.dailyDigest !== null ? { dailyDigest: input.dailyDigest } : {}),
        ...(input.digestHour !== undefined && input.digestHour !== null ? { digestHour: input.digestHour } : {}),
        ...(input.dailyCap !== undefined && input.dailyCap !== null ? { dailyCap: input.dailyCap } : {}),
        updatedAt: new Date(),
      });
      em.persist(preference);
      return preference;
    });
  }

  @Query(() => CustomerPreference, { nullable: true, description: "How the order's customer is told (null: not at all yet)" })
  notificationPreferences(@Arg('orderId', () => ID) orderId: string, @Ctx() { ctx }: Context): Promise<CustomerPreference | null> {
    return ctx.em.findOne(CustomerPreference, { orderId });
  }

  @Query(() => NotificationBinding, {
    nullable: true,
    description: "Whether the order's customer can be messaged on WeChat (null: no such order of yours)",
  })
  async notificationBinding(@Arg('orderId', () => ID) orderId: string, @Ctx() { ctx }: Context): Promise<NotificationBinding | null> {
    const facts = await ctx.em.findOne(OrderFacts, { orderId });
    if (!facts) return null;
    return {
      orderId,
      studioId: facts.studioId,
      wechatBound: await isWechatBound(ctx.em, orderId),
      shareUrl: facts.shareId ? ctx.auth.publicUrl.share(facts.shareId) : null,
    };
  }

  @Query(() => [NotificationMessage], { description: "The messages sent (or waiting) to an order's customer, newest first" })
  customerMessages(@Arg('orderId', () => ID) orderId: string, @Ctx() { ctx }: Context): Promise<NotificationMessage[]> {
    return ctx.em.find(
      NotificationMessage,
      { orderId, kind: { $ne: 'WEBHOOK' } },
      { orderBy: [{ createdAt: 'desc' }, { id: 'desc' }], limit: 500 },
    );
  }

  @Query(() => SharedOrder, {
    nullable: true,
    description: 'The share-ready summary of a finished order, by the id in its share link (public)',
  })
  async sharedOrder(@Arg('shareId', () => ID) shareId: string, @Ctx() { ctx }: Context): Promise<SharedOrder | null> {
    const facts = await ctx.em.findOne(OrderFacts, { shareId }, { filters: false });
    if (!facts?.completedAt) return null;
    const done = facts.stagesDone.filter((code) => VOCABULARY.findStatus(code));
    // Outside the studio, extension codes read as their standard parent.
    const standard = (code: string) => ({ code: VOCABULARY.standardStatusOf(code).code });
    const finishedAt = (code: string) => (facts.stageFinishedAt?.[code] ? new Date(facts.stageFinishedAt[code]) : null);
    return {
      studio: { id: facts.studioId },
      productFamily: facts.productType,
      productType: facts.productType,
      productNameZh: facts.productNameZh ?? null,
      productNameEn: facts.productNameEn ?? null,
      lines: facts.lines,
      stages: done.map(standard),
      timeline: done.map((code) => ({ statusCode: standard(code), finishedAt: finishedAt(code) })),
      completedAt: facts.completedAt,
      imageUrl: ctx.auth.publicUrl.shareImage(facts.productType),
    };
  }
}
