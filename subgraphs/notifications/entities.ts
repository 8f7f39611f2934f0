import { Entity, Enum, Index, OptionalProps, PrimaryKey, Property, Unique } from '@mikro-orm/core';
import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import {
  CUSTOMER_CHANNELS,
  MESSAGE_KINDS,
  MESSAGE_LANGUAGES,
  MESSAGE_STATUSES,
  VISIBILITY_TIERS,
  type CustomerChannel,
  type EventEnvelope,
  type MessageKind,
  type MessageLanguage,
  type MessageStatus,
  type VisibilityTier,
} from '../../contracts';
import { enumOf, VisibilityTierEnum } from '../../platform/graphql/enums';

/** A customer message (ROUTINE, IMMEDIATE or DIGEST): its text and the WeChat account it goes to. */
export type CustomerMessageBody = { text: string; openId: string };

export const CustomerChannelEnum = enumOf(CUSTOMER_CHANNELS);
export const MessageStatusEnum = enumOf(MESSAGE_STATUSES);
export const MessageLanguageEnum = enumOf(MESSAGE_LANGUAGES);
registerEnumType(MessageLanguageEnum, {
  name: 'MessageLanguage',
  description: "The language of a customer's messages: ZH (Chinese) or EN (English), one language a message",
});
const MessageKindEnum = enumOf(MESSAGE_KINDS);
registerEnumType(CustomerChannelEnum, {
  name: 'CustomerChannel',
  description: 'How a customer is reached: WECHAT (official-account customer-service messages) or NONE',
});
registerEnumType(MessageStatusEnum, {
  name: 'MessageStatus',
  description:
    'PENDING (due at nextAttemptAt), HELD (for the next digest), SENT, DIGESTED (sent inside a digest), DEAD (retries exhausted; replayable), UNDELIVERABLE (refused for good)',
});
registerEnumType(MessageKindEnum, {
  name: 'MessageKind',
  description: 'IMMEDIATE (delays, completion), ROUTINE (progress), DIGEST, WEBHOOK',
});

/** An endpoint an enterprise registered: the hub POSTs its events there, signed. */
@ObjectType({ description: "An enterprise's webhook: its events are POSTed there, signed with HMAC-SHA256" })
@Entity({ tableName: 'webhook' })
@Index({ properties: ['enterpriseId'] })
export class Webhook {
  [OptionalProps]?: 'active';

  @Field(() => ID)
  @PrimaryKey({ type: 'string', length: 40 })
  id!: string;

  @Field(() => ID)
  @Property({ type: 'string', length: 80 })
  enterpriseId!: string;

  @Field()
  @Property({ type: 'string', length: 2000 })
  url!: string;

  /** Shown once, at registration; signs every request. */
  @Property({ type: 'string', length: 100 })
  secret!: string;

  @Field(() => [String], { description: 'Event types sent; empty: all of the enterprise’s' })
  @Property({ type: 'json' })
  eventTypes!: string[];

  @Field()
  @Property({ type: 'boolean' })
  active: boolean = true;

  @Field()
  @Property({ type: 'datetime' })
  createdAt!: Date;
}

/**
 * One message to one recipient (a webhook, or a customer on WeChat), recorded before it is sent
 * and updated with every attempt: at least once, and the record says what happened. One per
 * recipient and event, however often the event is delivered to the dispatcher.
 */
@ObjectType('NotificationMessage', { description: 'One message to one recipient (a webhook, or a customer), with every attempt recorded' })
@Entity({ tableName: 'notification_message' })
@Unique({ properties: ['recipient', 'eventId'] })
@Index({ properties: ['status', 'nextAttemptAt'] })
@Index({ properties: ['orderId', 'createdAt'] })
export class NotificationMessage {
  [OptionalProps]?: 'attempts' | 'status' | 'text';

  @Field(() => ID)
  @PrimaryKey({ type: 'string', length: 40 })
  id!: string;

  @Field(() => MessageKindEnum)
  @Enum({ items: () => MESSAGE_KINDS, type: 'string' })
  kind!: MessageKind;

  /** The webhook's id, or `wechat:<order id>`. */
  @Property({ type: 'string', length: 100 })
  recipient!: string;

  /** The enterprise that owns the message: the webhook's, or the order's studio. */
  @Property({ type: 'string', length: 80 })
  enterpriseId!: string;

  @Field(() => ID, { nullable: true })
  @Property({ type: 'string', length: 40, nullable: true })
  webhookId?: string | null;

  @Field(() => ID, { nullable: true })
  @Property({ type: 'string', length: 40, nullable: true })
  orderId?: string | null;

  /** The event it tells of (a digest: `digest:<order>:<day>`). */
  @Field(() => ID)
  @Property({ type: 'string', length: 80 })
  eventId!: string;

  @Field()
  @Property({ type: 'string', length: 80 })
  eventType!: string;

  /** Webhooks: the event envelope. Customers: the text and whom it goes to. */
  @Property({ type: 'json' })
  body!: EventEnvelope | CustomerMessageBody;

  @Field(() => String, { nullable: true, description: 'Customer messages: the text sent' })
  get text(): string | null {
    return 'text' in this.body ? this.body.text : null;
  }

  @Field(() => MessageStatusEnum)
  @Enum({ items: () => MESSAGE_STATUSES, type: 'string' })
  status: MessageStatus = 'PENDING';

  @Field(() => Int)
  @Property({ type: 'integer' })
  attempts: number = 0;

  @Field(() => Date, { nullable: true, description: 'When it is due (next); null once settled' })
  @Property({ type: 'datetime', nullable: true })
  nextAttemptAt?: Date | null;

  /** A dispatcher instance holds it until then while sending. */
  @Property({ type: 'datetime', nullable: true })
  leasedUntil?: Date | null;

  @Field(() => String, { nullable: true })
  @Property({ type: 'string', length: 1000, nullable: true })
  lastError?: string | null;

  @Field()
  @Property({ type: 'datetime' })
  createdAt!: Date;

  @Field(() => Date, { nullable: true })
  @Property({ type: 'datetime', nullable: true })
  sentAt?: Date | null;

  /** HELD routine messages folded into a digest: its id. */
  @Property({ type: 'string', length: 40, nullable: true })
  digestId?: string | null;
}

@ObjectType({ description: 'Hours a customer is not to be disturbed by routine messages (local time, HH:MM; may span midnight)' })
export class QuietHours {
  @Field()
  start!: string;

  @Field()
  end!: string;
}

/**
 * How one customer of one order wants to hear from the hub. Where to reach them is not theirs to
 * say: a WeChat openid comes with the order from the shop (WechatBinding).
 */
@ObjectType({ description: 'How the customer of an order wants to be told: channel, language, quiet hours, daily digest, daily cap' })
@Entity({ tableName: 'customer_preference' })
export class CustomerPreference {
  [OptionalProps]?: 'language';

  @Field(() => ID)
  @PrimaryKey({ type: 'string', length: 40 })
  orderId!: string;

  @Property({ type: 'string', length: 80 })
  studioId!: string;

  @Field(() => CustomerChannelEnum)
  @Enum({ items: () => CUSTOMER_CHANNELS, type: 'string' })
  channel!: CustomerChannel;

  @Field(() => MessageLanguageEnum, { description: 'The language their messages are written in' })
  @Enum({ items: () => MESSAGE_LANGUAGES, type: 'string' })
  language: MessageLanguage = 'ZH';

  /** The tier the customer follows at (their token's); messages never say more. */
  @Field(() => VisibilityTierEnum)
  @Enum({ items: () => VISIBILITY_TIERS, type: 'string' })
  tier!: VisibilityTier;

  @Field(() => QuietHours, { nullable: true })
  @Property({ type: 'json', nullable: true })
  quietHours?: QuietHours | null;

  @Field({ description: 'IANA time zone of the quiet hours and the digest' })
  @Property({ type: 'string', length: 64 })
  timeZone!: string;

  @Field({ description: 'Routine messages wait for one digest a day' })
  @Property({ type: 'boolean' })
  dailyDigest!: boolean;

  @Field(() => Int, { description: 'Local hour the digest goes out (0–23)' })
  @Property({ type: 'integer' })
  digestHour!: number;

  @Field(() => Int, { description: 'Routine messages a day at most; the rest wait for the digest' })
  @Property({ type: 'integer' })
  dailyCap!: number;

  /** The local day the last digest went out (YYYY-MM-DD). */
  @Property({ type: 'string', length: 10, nullable: true })
  lastDigestDay?: string | null;

  @Field()
  @Property({ type: 'datetime' })
  updatedAt!: Date;
}

/**
 * The customer's WeChat account for one order: their openid under the studio's official account,
 * as the shop gave it when the order was imported (sealed on the event). Personal: never in a
 * log, never in a GraphQL answer — only whether there is one.
 */
@Entity({ tableName: 'wechat_binding' })
export class WechatBinding {
  @PrimaryKey({ type: 'string', length: 40 })
  orderId!: string;

  @Property({ type: 'string', length: 80 })
  studioId!: string;

  @Property({ type: 'string', length: 64 })
  openId!: string;

  @Property({ type: 'datetime' })
  boundAt!: Date;
}

/** What the dispatcher knows of an order from its events: whose it is and what it is (no personal data). */
@Entity({ tableName: 'order_facts' })
export class OrderFacts {
  @PrimaryKey({ type: 'string', length: 40 })
  orderId!: string;

  @Property({ type: 'string', length: 80 })
  studioId!: string;

  /** The order's product family (a catalogue code; the column kept its old name). */
  @Property({ type: 'string', length: 40 })
  productType!: string;

  /** The catalogue product's names when the order came in (the studio's master data, shown on the share page); null before them. */
  @Property({ type: 'string', length: 200, nullable: true })
  productNameZh?: string | null;

  @Property({ type: 'string', length: 200, nullable: true })
  productNameEn?: string | null;

  /** The most the studio lets this order's customer see. */
  @Enum({ items: () => VISIBILITY_TIERS, type: 'string' })
  tierMax!: VisibilityTier;

  @Property({ type: 'json' })
  lines!: { productCode: string; quantity: number }[];

  /** Status codes of the stages done, in order. */
  @Property({ type: 'json' })
  stagesDone!: string[];

  /** When each of those stages finished (status code → ISO time); absent for orders learnt before it was kept. */
  @Property({ type: 'json', nullable: true })
  stageFinishedAt?: Record<string, string> | null;

  @Property({ type: 'datetime', nullable: true })
  completedAt?: Date | null;

  /** The share link's id, made at completion (unguessable). */
  @Property({ type: 'string', length: 40, nullable: true })
  @Index()
  shareId?: string | null;
}

/** WeChat's access token, shared by every dispatcher instance until it expires. */
@Entity({ tableName: 'wechat_token' })
export class WechatToken {
  @PrimaryKey({ type: 'string', length: 64 })
  appId!: string;

  @Property({ type: 'string', length: 600 })
  token!: string;

  @Property({ type: 'datetime' })
  expiresAt!: Date;
}
