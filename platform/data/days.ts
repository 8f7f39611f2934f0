/**
 * Calendar days as the hub writes them: `yyyy-mm-dd` in UTC (offer windows, due dates,
 * bookings), and day arithmetic on instants. One place, so every subgraph counts days alike.
 */
export const DAY_MS = 86_400_000;

/** The UTC calendar day of an instant. */
export const dayOf = (at: Date): string => at.toISOString().slice(0, 10);

/** An instant `days` days later (earlier when negative). */
export const daysAfter = (at: Date | number, days: number): Date => new Date((typeof at === 'number' ? at : at.getTime()) + days * DAY_MS);

/** The calendar day `days` after `day`. */
export const addDays = (day: string, days: number): string => dayOf(daysAfter(Date.parse(`${day}T00:00:00Z`), days));

/** Days since 1970-01-01: for comparing and subtracting calendar days. */
export const dayNumber = (day: string): number => Math.round(Date.parse(`${day}T00:00:00Z`) / DAY_MS);

const CHINA_DAY = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', timeZone: 'Asia/Shanghai' });

const CHINA_DAY_ZH = new Intl.DateTimeFormat('zh-CN', { day: 'numeric', month: 'long', timeZone: 'Asia/Shanghai' });

/** A day as customers read it, "5 Dec" (or "12月5日" in Chinese), in China Standard Time (the studios' and customers' time). */
export const dayInChina = (at: Date, language: 'en' | 'zh' = 'en'): string => (language === 'zh' ? CHINA_DAY_ZH : CHINA_DAY).format(at);
