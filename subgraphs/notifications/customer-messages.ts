import {
  IMMEDIATE_CUSTOMER_EVENTS,
  ORDER_EVENTS,
  tierAllows,
  VOCABULARY,
  type HubEvent,
  type MessageLanguage,
  type VisibilityTier,
} from '../../contracts';
import { dayInChina } from '../../platform/data/days';
import type { CustomerPreference } from './entities';

/** The words of customer messages, in each language a customer may choose: one language a message. */
const TEXTS = {
  ZH: {
    stageDone: (stage: string) => `您的订单：${stage}已完成。`,
    forecast: (day: Date) => `您的订单预计有 90% 的把握在 ${dayInChina(day, 'zh')} 前送达。`,
    shipped: (carrier: string | null) => `您的订单已发货${carrier ? `（${carrier}）` : ''}。`,
    delivered: '您的订单已送达，请查收。',
    late: (stage: string | null, reason: string | null) => `您的订单在「${stage ?? '当前工序'}」有所延误${reason ? `（${reason}）` : ''}。`,
    offers: (offers: string[]) => `我们可以为您提供：${offers.join('／')}。`,
    reply: '请在订单页选择：接受延期，或请我们联系您。',
    made: (url: string | null) => `您的订单已完成制作，来看看并分享它的故事：${url ?? ''}`,
    digest: '今日订单动态：',
    earlier: (count: number) => `（另有 ${count} 条较早的动态，请在订单页查看）`,
  },
  EN: {
    stageDone: (stage: string) => `Your order: ${stage} is done.`,
    forecast: (day: Date) => `Your order is now 90 % likely to be delivered before ${dayInChina(day)}.`,
    shipped: (carrier: string | null) => `Your order has shipped${carrier ? ` with ${carrier}` : ''}.`,
    delivered: 'Your order was delivered. Enjoy!',
    late: (stage: string | null, reason: string | null) =>
      `Your order is running late at ${stage ?? 'a stage'}${reason ? ` (${reason})` : ''}.`,
    offers: (offers: string[]) => `We offer: ${offers.join(' / ')}.`,
    reply: 'Reply on your order page: accept the delay, or ask us to contact you.',
    made: (url: string | null) => `Your order is made! See and share its story: ${url ?? ''}`,
    digest: 'Today on your order:',
    earlier: (count: number) => `(${count} earlier updates on your order page)`,
  },
} satisfies Record<MessageLanguage, unknown>;

const labelIn = (entry: { labelZh: string; labelEn: string }, language: MessageLanguage) =>
  language === 'ZH' ? entry.labelZh : entry.labelEn;

/**
 * What a customer is told of an event, at their tier and in their language — never more than
 * the order page would show them: stage completions only for the stages their tier shows (by the
 * standard code, never a studio's extension), forecasts from BASIC, and from MINIMAL only
 * shipping, delivery, delays and completion. Null: nothing to tell at this tier.
 */
export function customerText(event: HubEvent, tier: VisibilityTier, shareUrl: string | null, language: MessageLanguage): string | null {
  const words = TEXTS[language];
  const statusCode = 'statusCode' in event.payload ? event.payload.statusCode : null;
  const stage = statusCode && VOCABULARY.findStatus(statusCode) ? VOCABULARY.standardStatusOf(statusCode) : null;
  switch (event.type) {
    case ORDER_EVENTS.STAGE_COMPLETED:
      if (!stage || !VOCABULARY.statusCodesVisibleAt(tier).includes(stage.code)) return null;
      return words.stageDone(labelIn(stage, language));
    case ORDER_EVENTS.ETA_CHANGED:
      if (!tierAllows(tier, 'BASIC')) return null;
      return words.forecast(new Date(event.payload.deliveryLikelyBefore));
    case ORDER_EVENTS.SHIPMENT_ADDED:
      return words.shipped(event.payload.carrier || null);
    case ORDER_EVENTS.DELIVERED:
      return words.delivered;
    case ORDER_EVENTS.DELAY_NOTICE: {
      const reason = event.payload.reasonCode ? VOCABULARY.findException(event.payload.reasonCode) : undefined;
      const offers = event.payload.compensationOptions;
      // A stage the customer's tier does not show is not named.
      const shown = stage && VOCABULARY.statusCodesVisibleAt(tier).includes(stage.code) ? stage : null;
      return [
        words.late(shown ? labelIn(shown, language) : null, reason ? labelIn(reason, language) : null),
        offers.length > 0 ? words.offers(offers) : null,
        words.reply,
      ]
        .filter(Boolean)
        .join('\n');
    }
    case ORDER_EVENTS.COMPLETED:
      return words.made(shareUrl).trim();
    default:
      return null;
  }
}

/** The digest's heading and its note of updates left out, in the customer's language. */
export const digestText = {
  heading: (language: MessageLanguage) => TEXTS[language].digest,
  earlier: (language: MessageLanguage, count: number) => TEXTS[language].earlier(count),
};

export const isImmediate = (eventType: string) => IMMEDIATE_CUSTOMER_EVENTS.includes(eventType);

const MINUTES_PER_DAY = 24 * 60;

/** Minutes since local midnight, and the local day, in a time zone. */
export function localTime(at: Date, timeZone: string): { minutes: number; day: string } {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-CA', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    })
      .formatToParts(at)
      .map((part) => [part.type, part.value]),
  );
  return { minutes: Number(parts.hour) * 60 + Number(parts.minute), day: `${parts.year}-${parts.month}-${parts.day}` };
}

const minutesOf = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));

/** When the customer's quiet hours end, if `at` falls in them (they may span midnight); else null. */
export function quietUntil(preference: Pick<CustomerPreference, 'quietHours' | 'timeZone'>, at: Date): Date | null {
  if (!preference.quietHours) return null;
  const start = minutesOf(preference.quietHours.start);
  const end = minutesOf(preference.quietHours.end);
  const { minutes } = localTime(at, preference.timeZone);
  const inside = start <= end ? minutes >= start && minutes < end : minutes >= start || minutes < end;
  if (!inside) return null;
  const wait = (end - minutes + MINUTES_PER_DAY) % MINUTES_PER_DAY;
  return new Date(at.getTime() + wait * 60_000 - (at.getTime() % 60_000));
}

export type Placement = { status: 'PENDING'; at: Date } | { status: 'HELD' };

/**
 * Where a new customer message goes: delays and completion at once; routine ones wait for the
 * digest when the customer chose one or today's cap is reached, and for the end of quiet hours.
 */
export function place(
  preference: Pick<CustomerPreference, 'quietHours' | 'timeZone' | 'dailyDigest' | 'dailyCap'>,
  eventType: string,
  routineToday: number,
  now: Date,
): Placement {
  if (isImmediate(eventType)) return { status: 'PENDING', at: now };
  if (preference.dailyDigest || routineToday >= preference.dailyCap) return { status: 'HELD' };
  return { status: 'PENDING', at: quietUntil(preference, now) ?? now };
}
