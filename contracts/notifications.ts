import { ORDER_EVENTS } from './events';

/**
 * Notifications: what the hub tells customers and enterprises' systems, and how. Pure data,
 * shared by the notifications subgraph, the tools that receive its messages, and the tests.
 */

/** How a customer is reached; NONE: not at all (they still follow the order themselves). */
export const CUSTOMER_CHANNELS = ['WECHAT', 'NONE'] as const;
export type CustomerChannel = (typeof CUSTOMER_CHANNELS)[number];

/** The language a customer's messages are written in: the one their order page was in when they saved their preferences. */
export const MESSAGE_LANGUAGES = ['ZH', 'EN'] as const;
export type MessageLanguage = (typeof MESSAGE_LANGUAGES)[number];

/**
 * A WeChat openid (the customer under one official account): 28 characters in practice;
 * letters, digits, - and _. The shop that imports the order knows it; the customer never types it.
 */
export const WECHAT_OPEN_ID_PATTERN = /^[\w-]{6,64}$/;

/** What the sealed WeChat binding on an imported order's event is sealed for (only the notifications subgraph opens it). */
export const WECHAT_BINDING_PURPOSE = 'wechat-binding';

/** Order events that become customer messages. */
export const CUSTOMER_MESSAGE_EVENTS = [
  ORDER_EVENTS.STAGE_COMPLETED,
  ORDER_EVENTS.ETA_CHANGED,
  ORDER_EVENTS.SHIPMENT_ADDED,
  ORDER_EVENTS.DELIVERED,
  ORDER_EVENTS.DELAY_NOTICE,
  ORDER_EVENTS.COMPLETED,
] as const;

/** Sent at once whatever the customer's quiet hours, digest or daily cap: delays and completion. */
export const IMMEDIATE_CUSTOMER_EVENTS: readonly string[] = [ORDER_EVENTS.DELAY_NOTICE, ORDER_EVENTS.COMPLETED];

/** Customer messages: IMMEDIATE (delays, completion), ROUTINE (progress), DIGEST (routine ones folded into one). */
export const MESSAGE_KINDS = ['IMMEDIATE', 'ROUTINE', 'DIGEST', 'WEBHOOK'] as const;
export type MessageKind = (typeof MESSAGE_KINDS)[number];

/**
 * A message's life: PENDING (due at nextAttemptAt), HELD (for the next digest), SENT,
 * DIGESTED (went out inside a digest), DEAD (webhook: retries exhausted, replayable),
 * UNDELIVERABLE (the channel refused it for good, e.g. outside WeChat's 48-hour window).
 */
export const MESSAGE_STATUSES = ['PENDING', 'HELD', 'SENT', 'DIGESTED', 'DEAD', 'UNDELIVERABLE'] as const;
export type MessageStatus = (typeof MESSAGE_STATUSES)[number];

/** Default preferences of a customer who opted in without saying more. */
export const DEFAULT_NOTIFICATION_PREFERENCES = { timeZone: 'Asia/Shanghai', digestHour: 20, dailyCap: 5, language: 'ZH' } as const;

/**
 * Webhook requests carry these headers. The signature is HMAC-SHA256, keyed with the webhook's
 * secret, over `<timestamp>.<body>`, hex-encoded, as `v1=<hex>`; receivers reject a timestamp
 * more than WEBHOOK_TOLERANCE_SECONDS from their clock (replays).
 */
export const WEBHOOK_HEADERS = {
  SIGNATURE: 'weft-signature',
  TIMESTAMP: 'weft-timestamp',
  EVENT_ID: 'weft-event-id',
  EVENT_TYPE: 'weft-event-type',
  DELIVERY_ID: 'weft-delivery-id',
} as const;
export const WEBHOOK_TOLERANCE_SECONDS = 300;
