/**
 * Working time: a studio's calendar and the arithmetic on it, pure (no clock, no I/O), so the
 * capacity subgraph (which owns calendars) and the orders subgraph (which plans due dates from
 * its copy of them) compute the same answer. Everything is China time, UTC+8 all year (China
 * keeps no daylight saving): a fixed offset, never the machine's zone.
 */

/** China Standard Time, UTC+8 all year. */
const OFFSET_MS = 8 * 3_600_000;
const DAY_MS = 86_400_000;
const MINUTE_MS = 60_000;
/** Past this many days in a row without a working minute the calendar has none to give. */
const MAX_IDLE_DAYS = 400;
/** The furthest any answer reaches: 40 years of days, so every loop is bounded. */
const MAX_SPAN_DAYS = 40 * 366;

/** A working period of one weekday, China time: start inclusive, end exclusive ('24:00' is midnight). */
export type WorkingHours = {
  /** ISO weekday: 1 Monday … 7 Sunday. */
  weekday: number;
  /** HH:MM */
  start: string;
  /** HH:MM, after start; '24:00' ends at midnight. */
  end: string;
};

/** Days closed (a holiday), and the normally closed days worked instead (调休). */
export type CalendarClosure = {
  /** First closed day, yyyy-mm-dd (China date). */
  from: string;
  /** Last closed day, inclusive. */
  to: string;
  nameZh?: string;
  nameEn?: string;
  /** Make-up working days: worked with the hours of the calendar's `makeUpWeekday`. */
  makeUpDays: string[];
};

/** Days a resource (an operator) does not work, inclusive. */
export type LeaveDays = {
  from: string;
  to: string;
};

export interface WorkingCalendar {
  /** The periods of each weekday; a weekday with none is closed. */
  hours: WorkingHours[];
  closures: CalendarClosure[];
  /** Whose hours a make-up day works: an ISO weekday, Monday when absent. */
  makeUpWeekday?: number;
}

/** Why working time could not be computed; `code` is stable. */
export class WorkingTimeError extends Error {
  constructor(
    readonly code: 'NO_WORKING_TIME' | 'OUT_OF_RANGE',
    message: string,
  ) {
    super(message);
    this.name = 'WorkingTimeError';
  }
}

const TIME = /^(?:([01]\d|2[0-3]):([0-5]\d)|24:00)$/;
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Minutes after midnight of 'HH:MM' (24:00 is 1440); NaN when it is not one. */
export function minuteOfDay(time: string): number {
  const match = TIME.exec(time);
  if (!match) return Number.NaN;
  return match[1] === undefined ? 1440 : Number(match[1]) * 60 + Number(match[2]);
}

/** Days since 1970-01-01 of a yyyy-mm-dd date; NaN when it is not a real date. */
export function dayNumber(date: string): number {
  const match = DATE.exec(date);
  if (!match) return Number.NaN;
  const ms = Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]));
  return new Date(ms).toISOString().slice(0, 10) === date ? ms / DAY_MS : Number.NaN;
}

/** The China date (yyyy-mm-dd) of an instant. */
export function chinaDate(t: Date | number): string {
  return new Date(Math.floor((+t + OFFSET_MS) / DAY_MS) * DAY_MS).toISOString().slice(0, 10);
}

/** The calendar with its days looked up once: periods per weekday in ms, closed and make-up days as day numbers. */
interface Compiled {
  week: [number, number][][];
  closed: Set<number>;
  makeUp: Set<number>;
  leave: [number, number][];
}

/** Compiled per call, not cached: a calendar is small, and a cache keyed on the object would miss edits made in place. */
function compile(calendar: WorkingCalendar, leave: readonly LeaveDays[]): Compiled {
  {
    const week: [number, number][][] = Array.from({ length: 8 }, () => []);
    for (const h of calendar.hours) week[h.weekday]?.push([minuteOfDay(h.start) * MINUTE_MS, minuteOfDay(h.end) * MINUTE_MS]);
    for (const periods of week) periods.sort((a, b) => a[0] - b[0]);
    const closed = new Set<number>();
    const makeUp = new Set<number>();
    for (const closure of calendar.closures) {
      const to = dayNumber(closure.to);
      // Bounded by validation (a closure spans at most a year); the cap keeps a bad row from costing more.
      for (let day = dayNumber(closure.from), n = 0; day <= to && n < 366; day++, n++) closed.add(day);
      for (const date of closure.makeUpDays) makeUp.add(dayNumber(date));
    }
    return { week, closed, makeUp, leave: leave.map((range) => [dayNumber(range.from), dayNumber(range.to)]) };
  }
}

/** The working periods of one China day, as absolute [start, end) instants in ms. */
function periodsOn(c: Compiled, day: number, makeUpWeekday: number): [number, number][] {
  if (c.leave.some(([from, to]) => day >= from && day <= to)) return [];
  const weekday = ((((day + 3) % 7) + 7) % 7) + 1; // 1970-01-01 was a Thursday (4)
  let periods: [number, number][];
  if (c.makeUp.has(day)) periods = c.week[makeUpWeekday];
  else if (c.closed.has(day)) return [];
  else periods = c.week[weekday];
  const midnight = day * DAY_MS - OFFSET_MS;
  return periods.map(([start, end]) => [midnight + start, midnight + end]);
}

const dayOf = (ms: number) => Math.floor((ms + OFFSET_MS) / DAY_MS);

function checkInstant(t: Date | number, name: string): number {
  const ms = +t;
  if (!Number.isFinite(ms)) throw new WorkingTimeError('OUT_OF_RANGE', `${name} is not a time`);
  return ms;
}

/** Whether `t` falls in working time (a period's start is working, its end is not). */
export function isWorking(calendar: WorkingCalendar, t: Date | number, leave: readonly LeaveDays[] = []): boolean {
  const ms = checkInstant(t, 't');
  const c = compile(calendar, leave);
  return periodsOn(c, dayOf(ms), calendar.makeUpWeekday ?? 1).some(([start, end]) => ms >= start && ms < end);
}

/**
 * The instant the next `minutes` working minutes from `t` are used up. Zero minutes is `t`
 * itself; otherwise the answer lies in working time or at the end of a working period.
 */
export function addWorkingMinutes(calendar: WorkingCalendar, t: Date | number, minutes: number, leave: readonly LeaveDays[] = []): Date {
  const from = checkInstant(t, 't');
  if (!Number.isFinite(minutes) || minutes < 0) throw new WorkingTimeError('OUT_OF_RANGE', 'minutes must be a number, zero or more');
  let remaining = Math.round(minutes * MINUTE_MS);
  if (remaining === 0) return new Date(from);
  const c = compile(calendar, leave);
  const makeUpWeekday = calendar.makeUpWeekday ?? 1;
  let idle = 0;
  for (let day = dayOf(from), n = 0; n < MAX_SPAN_DAYS; day++, n++) {
    let worked = false;
    for (const [start, end] of periodsOn(c, day, makeUpWeekday)) {
      if (end <= from) continue;
      const begin = Math.max(start, from);
      worked = true;
      if (remaining <= end - begin) return new Date(begin + remaining);
      remaining -= end - begin;
    }
    idle = worked ? 0 : idle + 1;
    if (idle > MAX_IDLE_DAYS) throw new WorkingTimeError('NO_WORKING_TIME', `the calendar has no working time in ${MAX_IDLE_DAYS} days`);
  }
  throw new WorkingTimeError('OUT_OF_RANGE', `the minutes reach past ${MAX_SPAN_DAYS} days`);
}

/** Working minutes from `a` to `b` (negative when `b` is before `a`). */
export function workingMinutesBetween(
  calendar: WorkingCalendar,
  a: Date | number,
  b: Date | number,
  leave: readonly LeaveDays[] = [],
): number {
  const from = checkInstant(a, 'a');
  const to = checkInstant(b, 'b');
  // 0 − x, not −x: an empty backward span is 0, never −0.
  if (to < from) return 0 - workingMinutesBetween(calendar, to, from, leave);
  const last = dayOf(to);
  if (last - dayOf(from) > MAX_SPAN_DAYS) throw new WorkingTimeError('OUT_OF_RANGE', `the span is longer than ${MAX_SPAN_DAYS} days`);
  const c = compile(calendar, leave);
  let ms = 0;
  for (let day = dayOf(from); day <= last; day++)
    for (const [start, end] of periodsOn(c, day, calendar.makeUpWeekday ?? 1)) ms += Math.max(0, Math.min(end, to) - Math.max(start, from));
  return ms / MINUTE_MS;
}

/** A field of a calendar that is wrong, and how. */
export interface CalendarProblem {
  field: string;
  message: string;
}

/** Limits on a calendar's rows, so one studio's calendar stays small (it travels whole in events). */
export const CALENDAR_LIMITS = { hours: 70, closures: 200, makeUpDaysPerClosure: 10, closureDays: 366, nameLength: 60 } as const;

/** What is wrong with a calendar, field by field; empty when it is sound. */
export function calendarProblems(calendar: WorkingCalendar): CalendarProblem[] {
  const problems: CalendarProblem[] = [];
  if (calendar.hours.length > CALENDAR_LIMITS.hours) problems.push({ field: 'hours', message: `at most ${CALENDAR_LIMITS.hours} periods` });
  if (calendar.closures.length > CALENDAR_LIMITS.closures)
    problems.push({ field: 'closures', message: `at most ${CALENDAR_LIMITS.closures} closures` });
  if (
    calendar.makeUpWeekday !== undefined &&
    !(Number.isInteger(calendar.makeUpWeekday) && calendar.makeUpWeekday >= 1 && calendar.makeUpWeekday <= 7)
  )
    problems.push({ field: 'makeUpWeekday', message: 'makeUpWeekday must be 1 (Monday) to 7 (Sunday)' });
  calendar.hours.forEach((h, i) => {
    const field = `hours[${i}]`;
    if (!(Number.isInteger(h.weekday) && h.weekday >= 1 && h.weekday <= 7))
      problems.push({ field: `${field}.weekday`, message: 'weekday must be 1 (Monday) to 7 (Sunday)' });
    const start = minuteOfDay(h.start);
    const end = minuteOfDay(h.end);
    if (Number.isNaN(start) || start === 1440) problems.push({ field: `${field}.start`, message: 'start must be a time, HH:MM' });
    else if (Number.isNaN(end)) problems.push({ field: `${field}.end`, message: 'end must be a time, HH:MM (24:00 for midnight)' });
    else if (end <= start) problems.push({ field: `${field}.end`, message: 'end must be after start' });
  });
  if (problems.length === 0) {
    const byDay = new Map<number, { i: number; start: number; end: number }[]>();
    calendar.hours.forEach((h, i) =>
      byDay.set(h.weekday, [...(byDay.get(h.weekday) ?? []), { i, start: minuteOfDay(h.start), end: minuteOfDay(h.end) }]),
    );
    for (const periods of byDay.values()) {
      periods.sort((a, b) => a.start - b.start);
      for (let k = 1; k < periods.length; k++)
        if (periods[k].start < periods[k - 1].end)
          problems.push({ field: `hours[${periods[k].i}]`, message: `overlaps hours[${periods[k - 1].i}] on the same weekday` });
    }
    if (calendar.hours.length === 0) problems.push({ field: 'hours', message: 'a calendar needs working hours on at least one weekday' });
  }
  calendar.closures.forEach((closure, i) => {
    const field = `closures[${i}]`;
    const from = dayNumber(closure.from);
    const to = dayNumber(closure.to);
    if (Number.isNaN(from)) problems.push({ field: `${field}.from`, message: 'from must be a date, yyyy-mm-dd' });
    else if (Number.isNaN(to)) problems.push({ field: `${field}.to`, message: 'to must be a date, yyyy-mm-dd' });
    else if (to < from) problems.push({ field: `${field}.to`, message: 'to must not be before from' });
    else if (to - from + 1 > CALENDAR_LIMITS.closureDays)
      problems.push({ field: `${field}.to`, message: `a closure spans at most ${CALENDAR_LIMITS.closureDays} days` });
    for (const name of ['nameZh', 'nameEn'] as const)
      if ((closure[name]?.length ?? 0) > CALENDAR_LIMITS.nameLength)
        problems.push({ field: `${field}.${name}`, message: `${name} is at most ${CALENDAR_LIMITS.nameLength} characters` });
    if (closure.makeUpDays.length > CALENDAR_LIMITS.makeUpDaysPerClosure)
      problems.push({ field: `${field}.makeUpDays`, message: `at most ${CALENDAR_LIMITS.makeUpDaysPerClosure} make-up days` });
    closure.makeUpDays.forEach((date, k) => {
      const day = dayNumber(date);
      if (Number.isNaN(day)) problems.push({ field: `${field}.makeUpDays[${k}]`, message: 'a make-up day must be a date, yyyy-mm-dd' });
      else if (day >= from && day <= to)
        problems.push({ field: `${field}.makeUpDays[${k}]`, message: 'a make-up day cannot fall in its own closure' });
    });
  });
  return problems;
}

/** Problems of leave rows (an operator's), by field. */
export function leaveProblems(leave: readonly LeaveDays[], field = 'leave'): CalendarProblem[] {
  const problems: CalendarProblem[] = [];
  leave.forEach((range, i) => {
    const from = dayNumber(range.from);
    const to = dayNumber(range.to);
    if (Number.isNaN(from)) problems.push({ field: `${field}[${i}].from`, message: 'from must be a date, yyyy-mm-dd' });
    else if (Number.isNaN(to)) problems.push({ field: `${field}[${i}].to`, message: 'to must be a date, yyyy-mm-dd' });
    else if (to < from) problems.push({ field: `${field}[${i}].to`, message: 'to must not be before from' });
    else if (to - from + 1 > CALENDAR_LIMITS.closureDays)
      problems.push({ field: `${field}[${i}].to`, message: `leave spans at most ${CALENDAR_LIMITS.closureDays} days` });
  });
  return problems;
}

/** The calendar of a studio that has not set one: every minute works (how due dates were planned before calendars). */
export const ALWAYS_WORKING: WorkingCalendar = Object.freeze({
  hours: Object.freeze([1, 2, 3, 4, 5, 6, 7].map((weekday) => Object.freeze({ weekday, start: '00:00', end: '24:00' }))) as WorkingHours[],
  closures: [],
  makeUpWeekday: 1,
});
