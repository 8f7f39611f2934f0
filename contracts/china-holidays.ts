import type { CalendarClosure } from './working-time';

/**
 * China's public holidays as the State Council published them (国务院办公厅, 4 Nov 2025, for
 * 2026): the closed days and the make-up working days (调休) of each. A studio's calendar starts
 * with these and the studio adjusts them; later years are entered by the studio (or shipped here
 * once published).
 */
export const CHINA_HOLIDAYS: Readonly<Record<number, readonly CalendarClosure[]>> = {
  2026: [
    { from: '2026-01-01', to: '2026-01-03', nameZh: '元旦', nameEn: "New Year's Day", makeUpDays: ['2026-01-04'] },
    { from: '2026-02-15', to: '2026-02-23', nameZh: '春节', nameEn: 'Spring Festival', makeUpDays: ['2026-02-14', '2026-02-28'] },
    { from: '2026-04-04', to: '2026-04-06', nameZh: '清明节', nameEn: 'Qingming Festival', makeUpDays: [] },
    { from: '2026-05-01', to: '2026-05-05', nameZh: '劳动节', nameEn: 'Labour Day', makeUpDays: ['2026-05-09'] },
    { from: '2026-06-19', to: '2026-06-21', nameZh: '端午节', nameEn: 'Dragon Boat Festival', makeUpDays: [] },
    { from: '2026-09-25', to: '2026-09-27', nameZh: '中秋节', nameEn: 'Mid-Autumn Festival', makeUpDays: [] },
    { from: '2026-10-01', to: '2026-10-07', nameZh: '国庆节', nameEn: 'National Day', makeUpDays: ['2026-09-20', '2026-10-10'] },
  ],
};

/** The shipped closures of a year (copies, for a studio to keep and adjust); none for a year not shipped. */
export function chinaHolidays(year: number): CalendarClosure[] {
  return (CHINA_HOLIDAYS[year] ?? []).map((closure) => ({ ...closure, makeUpDays: [...closure.makeUpDays] }));
}
