import fc from 'fast-check';
import { chinaHolidays } from './china-holidays';
import {
  addWorkingMinutes,
  calendarProblems,
  chinaDate,
  isWorking,
  workingMinutesBetween,
  WorkingTimeError,
  type WorkingCalendar,
  type WorkingHours,
} from './working-time';

/** Mon–Sat 09:00–18:00 with lunch 12:00–13:00 (8 hours), Sunday closed, the 2026 holidays. */
const WORKSHOP: WorkingCalendar = {
  hours: [1, 2, 3, 4, 5, 6].flatMap((weekday) => [
    { weekday, start: '09:00', end: '12:00' },
    { weekday, start: '13:00', end: '18:00' },
  ]),
  closures: chinaHolidays(2026),
};
/** Mon–Fri 09:00–17:00, the 2026 holidays: the make-up Saturdays are its only Saturdays. */
const OFFICE: WorkingCalendar = {
  hours: [1, 2, 3, 4, 5].map((weekday) => ({ weekday, start: '09:00', end: '17:00' })),
  closures: chinaHolidays(2026),
};

/** An instant given in China time. */
const cst = (local: string) => new Date(`${local}+08:00`);

describe('working time in China time', () => {
  it('carries the rest of a day over the night into the next morning', () => {
    // Tuesday 17:00 + 2 h: one hour today, one tomorrow from 09:00.
    expect(addWorkingMinutes(WORKSHOP, cst('2026-03-10T17:00'), 120)).toEqual(cst('2026-03-11T10:00'));
    // Over lunch too: 11:30 + 60 min → 13:30.
    expect(addWorkingMinutes(WORKSHOP, cst('2026-03-10T11:30'), 60)).toEqual(cst('2026-03-10T13:30'));
    // From the middle of the night: starts at 09:00.
    expect(addWorkingMinutes(WORKSHOP, cst('2026-03-11T03:00'), 30)).toEqual(cst('2026-03-11T09:30'));
    expect(workingMinutesBetween(WORKSHOP, cst('2026-03-10T17:00'), cst('2026-03-11T10:00'))).toBe(120);
    expect(isWorking(WORKSHOP, cst('2026-03-10T12:30'))).toBe(false);
    expect(isWorking(WORKSHOP, cst('2026-03-10T13:00'))).toBe(true);
    expect(isWorking(WORKSHOP, cst('2026-03-10T18:00'))).toBe(false);
  });

  it('skips the closed Sunday', () => {
    // Saturday 14 March 17:30 + 1 h: half an hour on Saturday, the rest on Monday.
    expect(addWorkingMinutes(WORKSHOP, cst('2026-03-14T17:30'), 60)).toEqual(cst('2026-03-16T09:30'));
    expect(isWorking(WORKSHOP, cst('2026-03-15T10:00'))).toBe(false);
    expect(workingMinutesBetween(WORKSHOP, cst('2026-03-14T00:00'), cst('2026-03-16T00:00'))).toBe(480);
  });

  it('closes for the Spring Festival and works its make-up Saturdays', () => {
    // Friday 13 Feb 16:00 + 2 h: an hour on Friday, then Saturday 14 Feb is worked (调休) with Monday's hours.
    expect(addWorkingMinutes(OFFICE, cst('2026-02-13T16:00'), 120)).toEqual(cst('2026-02-14T10:00'));
    expect(isWorking(OFFICE, cst('2026-02-14T10:00'))).toBe(true);
    // 15–23 Feb closed: from Saturday's end the next minute is Tuesday 24 Feb 09:00.
    expect(addWorkingMinutes(OFFICE, cst('2026-02-14T16:30'), 60)).toEqual(cst('2026-02-24T09:30'));
    for (const day of ['2026-02-16', '2026-02-20', '2026-02-23']) expect(isWorking(OFFICE, cst(`${day}T10:00`))).toBe(false);
    // Fri 13, Sat 14, Tue 24 – Fri 27, Sat 28: seven days of eight hours.
    expect(workingMinutesBetween(OFFICE, cst('2026-02-13T00:00'), cst('2026-03-02T00:00'))).toBe(7 * 480);
    // An ordinary Saturday stays closed.
    expect(isWorking(OFFICE, cst('2026-03-07T10:00'))).toBe(false);
  });

  it('turns the China day at 16:00 UTC, whatever the machine’s zone', () => {
    const night: WorkingCalendar = {
      hours: [
        { weekday: 2, start: '20:00', end: '24:00' },
        { weekday: 3, start: '00:00', end: '06:00' },
      ],
      closures: [],
    };
    expect(chinaDate(new Date('2026-03-10T15:59:59Z'))).toBe('2026-03-10');
    expect(chinaDate(new Date('2026-03-10T16:00:00Z'))).toBe('2026-03-11');
    expect(isWorking(night, new Date('2026-03-10T15:59:59Z'))).toBe(true); // Tuesday 23:59:59
    expect(isWorking(night, new Date('2026-03-10T16:00:00Z'))).toBe(true); // Wednesday 00:00
    expect(isWorking(night, new Date('2026-03-10T11:59:59Z'))).toBe(false); // Tuesday 19:59:59
    // Tuesday 23:00 + 2 h runs over midnight into Wednesday 01:00 China time, 17:00 UTC.
    expect(addWorkingMinutes(night, new Date('2026-03-10T15:00:00Z'), 120)).toEqual(new Date('2026-03-10T17:00:00Z'));
    // Saturday 16:00 UTC is Sunday in China: closed in the workshop, though Saturday is worked.
    expect(isWorking(WORKSHOP, new Date('2026-03-14T15:59:00Z'))).toBe(false); // Saturday 23:59, after hours
    expect(isWorking(WORKSHOP, new Date('2026-03-14T09:00:00Z'))).toBe(true); // Saturday 17:00
    const zone = process.env.TZ;
    try {
      process.env.TZ = 'America/New_York'; // a zone with daylight saving, changing on 8 March 2026
      expect(addWorkingMinutes(WORKSHOP, cst('2026-03-07T17:30'), 60)).toEqual(cst('2026-03-09T09:30'));
      expect(chinaDate(new Date('2026-03-10T16:00:00Z'))).toBe('2026-03-11');
    } finally {
      if (zone === undefined) delete process.env.TZ;
      else process.env.TZ = zone;
    }
  });

  it('takes an operator’s leave days out of the calendar', () => {
    const leave = [{ from: '2026-03-11', to: '2026-03-12' }];
    expect(isWorking(WORKSHOP, cst('2026-03-11T10:00'), leave)).toBe(false);
    expect(addWorkingMinutes(WORKSHOP, cst('2026-03-10T17:00'), 120, leave)).toEqual(cst('2026-03-13T10:00'));
    expect(workingMinutesBetween(WORKSHOP, cst('2026-03-10T00:00'), cst('2026-03-14T00:00'), leave)).toBe(2 * 480);
  });

  it('says so, rather than looping, when a calendar has no working time', () => {
    const never: WorkingCalendar = { hours: [], closures: [] };
    expect(() => addWorkingMinutes(never, cst('2026-03-10T09:00'), 1)).toThrow(WorkingTimeError);
    expect(() => addWorkingMinutes(never, cst('2026-03-10T09:00'), 1)).toThrow(/no working time/);
    // Working hours, but on leave for longer than the search looks ahead.
    const away = [
      { from: '2026-01-01', to: '2026-12-31' },
      { from: '2027-01-01', to: '2027-12-31' },
    ];
    expect(() => addWorkingMinutes(WORKSHOP, cst('2026-03-10T09:00'), 1, away)).toThrow(
      expect.objectContaining({ code: 'NO_WORKING_TIME' }),
    );
    expect(workingMinutesBetween(never, cst('2026-03-10T09:00'), cst('2026-04-10T09:00'))).toBe(0);
    expect(() => addWorkingMinutes(WORKSHOP, cst('2026-03-10T09:00'), -1)).toThrow(expect.objectContaining({ code: 'OUT_OF_RANGE' }));
    expect(() => addWorkingMinutes(WORKSHOP, cst('2026-03-10T09:00'), 1e12)).toThrow(expect.objectContaining({ code: 'OUT_OF_RANGE' }));
  });

  it('names each wrong field of a calendar', () => {
    const fields = (calendar: WorkingCalendar) => calendarProblems(calendar).map((problem) => problem.field);
    expect(calendarProblems(WORKSHOP)).toEqual([]);
    expect(fields({ hours: [{ weekday: 1, start: '18:00', end: '09:00' }], closures: [] })).toEqual(['hours[0].end']);
    expect(
      fields({
        hours: [
          { weekday: 1, start: '09:00', end: '12:00' },
          { weekday: 1, start: '11:00', end: '14:00' },
        ],
        closures: [],
      }),
    ).toEqual(['hours[1]']);
    expect(fields({ hours: [{ weekday: 8, start: '9:00', end: '25:00' }], closures: [] })).toEqual(['hours[0].weekday', 'hours[0].start']);
    expect(fields({ hours: [], closures: [] })).toEqual(['hours']);
    expect(
      fields({
        ...OFFICE,
        closures: [
          { from: '2026-02-30', to: '2026-03-01', makeUpDays: [] },
          { from: '2026-05-01', to: '2026-05-05', makeUpDays: ['2026-05-02'] },
        ],
      }),
    ).toEqual(['closures[0].from', 'closures[1].makeUpDays[0]']);
  });
});

/** A calendar with at least one working period: 1–7 weekdays of one or two periods. */
const periodsOfDay = fc
  .uniqueArray(fc.integer({ min: 0, max: 48 }), { minLength: 2, maxLength: 4 })
  .map((bounds) => [...bounds].sort((a, b) => a - b).map((half) => half * 30))
  .map((minutes) => {
    const pairs: [number, number][] = [];
    for (let i = 0; i + 1 < minutes.length; i += 2) pairs.push([minutes[i], minutes[i + 1]]);
    return pairs;
  });
const hhmm = (minutes: number) => `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
const calendarArb: fc.Arbitrary<WorkingCalendar> = fc
  .record({
    days: fc.uniqueArray(fc.integer({ min: 1, max: 7 }), { minLength: 1, maxLength: 7 }),
    periods: periodsOfDay,
    holidays: fc.boolean(),
    makeUpWeekday: fc.integer({ min: 1, max: 7 }),
  })
  .map(({ days, periods, holidays, makeUpWeekday }) => ({
    hours: days.flatMap((weekday): WorkingHours[] => periods.map(([start, end]) => ({ weekday, start: hhmm(start), end: hhmm(end) }))),
    closures: holidays ? chinaHolidays(2026) : [],
    // Make-up days work a weekday that has hours.
    makeUpWeekday: days.includes(makeUpWeekday) ? makeUpWeekday : days[0],
  }));
const instantArb = fc.integer({ min: Date.parse('2025-12-01T00:00:00Z'), max: Date.parse('2027-01-31T00:00:00Z') });
const minutesArb = fc.integer({ min: 0, max: 20_000 });

describe('working time, as properties', () => {
  it('counts back exactly the minutes it added', () => {
    fc.assert(
      fc.property(calendarArb, instantArb, minutesArb, (calendar, t, minutes) => {
        const end = addWorkingMinutes(calendar, t, minutes);
        expect(workingMinutesBetween(calendar, t, end)).toBe(minutes);
      }),
    );
  });

  it('ends inside working time or at the end of a period, never in a pause', () => {
    fc.assert(
      fc.property(calendarArb, instantArb, fc.integer({ min: 1, max: 20_000 }), (calendar, t, minutes) => {
        const end = +addWorkingMinutes(calendar, t, minutes);
        // The millisecond before the answer was worked, and nothing past it was needed.
        expect(isWorking(calendar, end - 1)).toBe(true);
        expect(workingMinutesBetween(calendar, t, end - 1)).toBeLessThan(minutes);
      }),
    );
  });

  it('grows with the minutes asked', () => {
    fc.assert(
      fc.property(calendarArb, instantArb, minutesArb, minutesArb, (calendar, t, a, b) => {
        const [less, more] = a <= b ? [a, b] : [b, a];
        expect(+addWorkingMinutes(calendar, t, less)).toBeLessThanOrEqual(+addWorkingMinutes(calendar, t, more));
      }),
    );
  });

  it('adds up over consecutive spans and is zero outside working time', () => {
    // Once found: a backward span with no working time answered −0.
    expect(Object.is(workingMinutesBetween(WORKSHOP, cst('2026-03-15T12:00'), cst('2026-03-15T10:00')), 0)).toBe(true);
    fc.assert(
      fc.property(calendarArb, instantArb, instantArb, instantArb, (calendar, x, y, z) => {
        const [a, b, c] = [x, y, z].sort((p, q) => p - q);
        expect(workingMinutesBetween(calendar, a, b) + workingMinutesBetween(calendar, b, c)).toBeCloseTo(
          workingMinutesBetween(calendar, a, c),
          6,
        );
        expect(workingMinutesBetween(calendar, c, a) + workingMinutesBetween(calendar, a, c)).toBe(0);
        const minute = workingMinutesBetween(calendar, a, a + 1);
        expect(minute > 0).toBe(isWorking(calendar, a));
      }),
    );
  });
});
