import { IMMEDIATE_CUSTOMER_EVENTS, ORDER_EVENTS, tierAllows, VOCABULARY, type HubEvent, type VisibilityTier } from '../../contracts';
import { dayInChina } from '../../platform/data/days';
import type { CustomerPreference } from './entities';

/**
 * What a customer is told of an event, at their tier — never more than the order page would show
 * them: stage completions only for the stages their tier shows (by the standard code, never a
 * studio's extension), forecasts from BASIC, and from MINIMAL only shipping, delivery, delays
 * and completion. Null: nothing to tell at this tier.
 */
export function customerText(event: HubEvent, tier: VisibilityTier, shareUrl: string | null): string | null {
  const statusCode = 'statusCode' in event.payload ? event.payload.statusCode : null;
  const stage = statusCode && VOCABULARY.findStatus(statusCode) ? VOCABULARY.standardStatusOf(statusCode) : null;
  const stageName = stage ? `${stage.labelZh} ${stage.labelEn}` : 'a stage';
  switch (event.type) {
    case ORDER_EVENTS.STAGE_COMPLETED:
      if (!stage || !VOCABULARY.statusCodesVisibleAt(tier).includes(stage.code)) return null;
      return `Your order: ${stageName} is done. 您的订单：${stage.labelZh}已完成。`;
    case ORDER_EVENTS.ETA_CHANGED: {
      if (!tierAllows(tier, 'BASIC')) return null;
      const bound = new Date(event.payload.deliveryLikelyBefore);
      return `Your order is now 90 % likely to be delivered before ${dayInChina(bound)}. 预计 90% 可能在 ${dayInChina(bound, 'zh')} 前送达。`;
    }
    case ORDER_EVENTS.SHIPMENT_ADDED:
      return `Your order has shipped${event.payload.carrier ? ` with ${event.payload.carrier}` : ''}. 您的订单已发货。`;
    case ORDER_EVENTS.DELIVERED:
      return 'Your order was delivered. Enjoy! 您的订单已送达。';
    case ORDER_EVENTS.DELAY_NOTICE: {
      const reason = event.payload.reasonCode ? VOCABULARY.findException(event.payload.reasonCode) : undefined;
      const offers = event.payload.compensationOptions;
      return [
        `Your order is running late at ${stageName}${reason ? ` (${reason.labelEn} ${reason.labelZh})` : ''}. 您的订单在「${stage?.labelZh ?? '当前工序'}」有所延误。`,
        offers.length > 0 ? `We offer: ${offers.join(' / ')}.` : null,
        'Reply on your order page: accept the delay, cancel the rush on this stage, or ask us to contact you. 请在订单页选择：接受延期、取消本工序加急，或联系我们。',
      ]
        .filter(Boolean)
        .join('\n');
    }
    case ORDER_EVENTS.COMPLETED:
      return `Your order is made! See and share its story: ${shareUrl ?? ''} 您的订单已完成制作，分享它的故事：${shareUrl ?? ''}`.trim();
    default:
      return null;
  }
}

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
