import { useRef, useState, type FormEvent } from 'react';
import { useMutation, useQuery } from 'urql';
import { ConfirmButton } from '../../common/Confirm';
import { hubMessage, idempotencyKey } from '../../common/client';
import { useI18n, type Language } from '../../common/i18n';
import { Empty, HubErrorState, HubRefusal, Loading, Section } from '../../common/ui';
import { graphql } from '../../gql/hub';
import type { SettingsCalendarQuery } from '../../gql/hub/graphql';
import { useMayUse } from '../../signin/permissions';

const CALENDAR = graphql(`
  query SettingsCalendar($studioId: ID!) {
    workingCalendar(enterpriseId: $studioId) {
      enterpriseId
      hours {
        weekday
        start
        end
      }
      closures {
        from
        to
        nameZh
        nameEn
        makeUpDays
      }
      makeUpWeekday
      updatedAt
    }
  }
`);

const SET_CALENDAR = graphql(`
  mutation SetWorkingCalendar($input: WorkingCalendarInput!, $key: String!) {
    setWorkingCalendar(input: $input, idempotencyKey: $key) {
      enterpriseId
      updatedAt
    }
  }
`);

const UPSERT_CLOSURE = graphql(`
  mutation UpsertCalendarClosure($studioId: ID!, $closure: CalendarClosureInput!, $key: String!) {
    upsertCalendarClosure(enterpriseId: $studioId, closure: $closure, idempotencyKey: $key) {
      enterpriseId
      updatedAt
    }
  }
`);

const REMOVE_CLOSURE = graphql(`
  mutation RemoveCalendarClosure($studioId: ID!, $from: String!, $key: String!) {
    removeCalendarClosure(enterpriseId: $studioId, from: $from, idempotencyKey: $key) {
      enterpriseId
      updatedAt
    }
  }
`);

type Calendar = NonNullable<SettingsCalendarQuery['workingCalendar']>;
type Closure = Calendar['closures'][number];
type Hours = { weekday: number; start: string; end: string };
const WEEKDAYS = [1, 2, 3, 4, 5, 6, 7];

/** "12月9日" / "9 Dec" for a China date (yyyy-mm-dd), with the year when asked. */
export function formatChinaDay(date: string, language: Language, withYear = false): string {
  return new Intl.DateTimeFormat(language === 'zh' ? 'zh-CN' : 'en-GB', {
    day: 'numeric',
    month: language === 'zh' ? 'long' : 'short',
    ...(withYear ? { year: 'numeric' } : {}),
    timeZone: 'UTC',
  }).format(new Date(`${date}T00:00:00Z`));
}

const pad = (value: number) => String(value).padStart(2, '0');
const isoDay = (year: number, month: number, day: number) => `${year}-${pad(month)}-${pad(day)}`;
/** ISO weekday (1 Monday … 7 Sunday) of a China date. */
const weekdayOf = (date: string) => ((new Date(`${date}T00:00:00Z`).getUTCDay() + 6) % 7) + 1;
/** Today's date in China, as yyyy-mm-dd. */
const chinaToday = () => new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date());

export type DayKind = 'working' | 'dayOff' | 'holiday' | 'closed' | 'makeUp';

/** What a day is on the calendar: a closure wins over the week, a make-up day over a closed weekday. */
export function dayKind(calendar: Pick<Calendar, 'hours' | 'closures'>, date: string): { kind: DayKind; closure: Closure | null } {
  const closure = calendar.closures.find((candidate) => candidate.from <= date && date <= candidate.to) ?? null;
  if (closure) return { kind: closure.nameZh || closure.nameEn ? 'holiday' : 'closed', closure };
  const makeUp = calendar.closures.find((candidate) => candidate.makeUpDays.includes(date)) ?? null;
  if (makeUp) return { kind: 'makeUp', closure: makeUp };
  return { kind: calendar.hours.some((period) => period.weekday === weekdayOf(date)) ? 'working' : 'dayOff', closure: null };
}

export function CalendarSettings({ studioId }: { studioId: string }) {
  const { t } = useI18n();
  const may = useMayUse();
  const [{ data, fetching, error }, refetch] = useQuery({ query: CALENDAR, variables: { studioId } });
  const reload = () => refetch({ requestPolicy: 'network-only' });
  const [picked, setPicked] = useState<{ from: string; to: string } | null>(null);
  if (fetching && !data) return <Loading />;
  if (error && !data) return <HubErrorState error={error} retry={reload} />;
  const calendar = data?.workingCalendar ?? null;
  const editable = may(SET_CALENDAR);
  return (
    <>
      <Section title={t('settings.calendar.title')} id="settings-calendar">
        <p className="muted">{t('settings.calendar.intro')}</p>
        {calendar ? (
          <MonthView
            calendar={calendar}
            picked={picked}
            onPick={
              editable
                ? (date) =>
                    setPicked(
                      picked && picked.from === picked.to && date > picked.from
                        ? { from: picked.from, to: date }
                        : { from: date, to: date },
                    )
                : undefined
            }
          />
        ) : (
          <Empty>{t('settings.calendar.none')}</Empty>
        )}
        {calendar && editable ? (
          <ClosureForm key={picked ? `${picked.from}/${picked.to}` : 'none'} studioId={studioId} picked={picked} onSaved={reload} />
        ) : null}
      </Section>
      {calendar ? (
        <Section title={t('settings.calendar.closuresTitle')} id="settings-closures">
          <ClosureList studioId={studioId} calendar={calendar} editable={editable} onChanged={reload} />
        </Section>
      ) : null}
      <Section title={t('settings.calendar.hoursTitle')} id="settings-hours">
        <HoursEditor key={calendar?.updatedAt ?? 'none'} studioId={studioId} calendar={calendar} editable={editable} onSaved={reload} />
      </Section>
    </>
  );
}

function MonthView({
  calendar,
  picked,
  onPick,
}: {
  calendar: Calendar;
  picked: { from: string; to: string } | null;
  onPick?: (date: string) => void;
}) {
  const { t, language } = useI18n();
  const today = chinaToday();
  const [month, setMonth] = useState(() => ({ year: Number(today.slice(0, 4)), month: Number(today.slice(5, 7)) }));
  const days = new Date(Date.UTC(month.year, month.month, 0)).getUTCDate();
  const dates = Array.from({ length: days }, (_, index) => isoDay(month.year, month.month, index + 1));
  const lead = weekdayOf(dates[0]) - 1;
  const move = (by: number) => {
    const index = month.year * 12 + (month.month - 1) + by;
    setMonth({ year: Math.floor(index / 12), month: (index % 12) + 1 });
  };
  const title = new Intl.DateTimeFormat(language === 'zh' ? 'zh-CN' : 'en-GB', { year: 'numeric', month: 'long', timeZone: 'UTC' }).format(
    new Date(Date.UTC(month.year, month.month - 1, 1)),
  );
  const weekdayName = (weekday: number) => t(`settings.weekdayShort.${weekday}`);
  return (
    <div className="month-view" data-testid="month-view">
      <div className="month-head">
        <button type="button" onClick={() => move(-1)} aria-label={t('settings.calendar.previousMonth')}>
          ‹
        </button>
        <h3 aria-live="polite" data-testid="month-title">
          {title}
        </h3>
        <button type="button" onClick={() => move(1)} aria-label={t('settings.calendar.nextMonth')}>
          ›
        </button>
      </div>
      <ul className="month-legend plain small" aria-label={t('settings.calendar.legend')}>
        {(['working', 'dayOff', 'holiday', 'closed', 'makeUp'] as DayKind[]).map((kind) => (
          <li key={kind}>
            <span className={`swatch day-${kind}`} aria-hidden="true" /> {t(`settings.calendar.kind.${kind}`)}
          </li>
        ))}
      </ul>
      <div className="month-grid" aria-hidden="true">
        {WEEKDAYS.map((weekday) => (
          <span key={weekday} className="weekday">
            {weekdayName(weekday)}
          </span>
        ))}
      </div>
      <ol className="month-grid plain" aria-label={title}>
        {Array.from({ length: lead }, (_, index) => (
          <li key={`lead-${index}`} className="day-blank" aria-hidden="true" />
        ))}
        {dates.map((date) => {
          const { kind, closure } = dayKind(calendar, date);
          const name = closure
            ? (language === 'zh' ? closure.nameZh : closure.nameEn) || (language === 'zh' ? closure.nameEn : closure.nameZh)
            : null;
          const selected = picked !== null && picked.from <= date && date <= picked.to;
          const label = `${formatChinaDay(date, language)} ${t(`settings.weekday.${weekdayOf(date)}`)}: ${t(`settings.calendar.kind.${kind}`)}${name && kind !== 'makeUp' ? ` (${name})` : ''}`;
          const content = (
            <>
              <span className="day-number" aria-hidden="true">
                {Number(date.slice(8))}
              </span>
              <span className="day-kind" aria-hidden="true">
                {kind === 'holiday' && name ? name : t(`settings.calendar.kindShort.${kind}`)}
              </span>
              <span className="visually-hidden">{label}</span>
            </>
          );
          return (
            <li
              key={date}
              className={`day day-${kind}${date === today ? ' today' : ''}${selected ? ' picked' : ''}`}
              data-date={date}
              data-kind={kind}
            >
              {onPick ? (
                <button type="button" aria-pressed={selected} onClick={() => onPick(date)}>
                  {content}
                </button>
              ) : (
                <div>{content}</div>
              )}
            </li>
          );
        })}
      </ol>
      {onPick ? <p className="small muted">{t('settings.calendar.pickHint')}</p> : null}
    </div>
  );
}

/** A closure: the days picked on the month (or typed), an optional name, and make-up working days. */
function ClosureForm({
  studioId,
  picked,
  onSaved,
}: {
  studioId: string;
  picked: { from: string; to: string } | null;
  onSaved: () => void;
}) {
  const { t } = useI18n();
  const [state, upsert] = useMutation(UPSERT_CLOSURE);
  const key = useRef(idempotencyKey('closure'));
  const [from, setFrom] = useState(picked?.from ?? '');
  const [to, setTo] = useState(picked?.to ?? '');
  const [nameZh, setNameZh] = useState('');
  const [nameEn, setNameEn] = useState('');
  const [makeUp, setMakeUp] = useState('');
  const [done, setDone] = useState(false);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setDone(false);
    const result = await upsert({
      studioId,
      key: key.current,
      closure: {
        from,
        to: to || from,
        nameZh: nameZh.trim() || null,
        nameEn: nameEn.trim() || null,
        makeUpDays: makeUp ? [makeUp] : [],
      },
    });
    if (result.data) {
      key.current = idempotencyKey('closure');
      setDone(true);
      onSaved();
    }
  };
  return (
    <form className="form subsection" onSubmit={submit} aria-labelledby="closure-form-heading" data-testid="closure-form">
      <h3 id="closure-form-heading">{t('settings.calendar.addClosure')}</h3>
      <div className="row">
        <label>
          {t('settings.from')}
          <input type="date" value={from} onChange={(event) => setFrom(event.target.value)} required />
        </label>
        <label>
          {t('settings.to')}
          <input type="date" value={to} min={from} onChange={(event) => setTo(event.target.value)} />
        </label>
      </div>
      <label>
        {t('settings.calendar.nameZh')}
        <input value={nameZh} onChange={(event) => setNameZh(event.target.value)} maxLength={60} lang="zh-CN" />
      </label>
      <label>
        {t('settings.calendar.nameEn')}
        <input value={nameEn} onChange={(event) => setNameEn(event.target.value)} maxLength={60} lang="en" />
      </label>
      <label>
        {t('settings.calendar.makeUpDay')}
        <input type="date" value={makeUp} onChange={(event) => setMakeUp(event.target.value)} />
        <span className="small muted">{t('settings.calendar.makeUpHint')}</span>
      </label>
      <div className="button-row">
        <button type="submit" className="primary" disabled={state.fetching || !from}>
          {t('settings.calendar.saveClosure')}
        </button>
      </div>
      {done ? (
        <p role="status" className="small">
          {t('settings.calendar.closureSaved')}
        </p>
      ) : null}
      <HubRefusal error={hubMessage(state.error)} />
    </form>
  );
}

function ClosureList({
  studioId,
  calendar,
  editable,
  onChanged,
}: {
  studioId: string;
  calendar: Calendar;
  editable: boolean;
  onChanged: () => void;
}) {
  const { t, language } = useI18n();
  const [removed, remove] = useMutation(REMOVE_CLOSURE);
  if (calendar.closures.length === 0) return <Empty>{t('settings.calendar.noClosures')}</Empty>;
  const span = (closure: Closure) =>
    closure.from === closure.to
      ? formatChinaDay(closure.from, language, true)
      : t('settings.range', { from: formatChinaDay(closure.from, language, true), to: formatChinaDay(closure.to, language) });
  return (
    <>
      <ul className="plain resource-list" data-testid="closures">
        {calendar.closures.map((closure) => {
          const name =
            (language === 'zh' ? closure.nameZh : closure.nameEn) ||
            (language === 'zh' ? closure.nameEn : closure.nameZh) ||
            t('settings.calendar.unnamed');
          return (
            <li key={closure.from}>
              <strong>{name}</strong> · {span(closure)}
              {closure.makeUpDays.length > 0 ? (
                <p className="small muted">
                  {t('settings.calendar.makeUpDays', {
                    days: closure.makeUpDays.map((day) => formatChinaDay(day, language)).join(t('settings.listSeparator')),
                  })}
                </p>
              ) : null}
              {editable ? (
                <ConfirmButton
                  label={t('settings.remove')}
                  title={t('settings.calendar.removeTitle', { name, days: span(closure) })}
                  consequence={t('settings.calendar.removeConsequence')}
                  confirmLabel={t('settings.remove')}
                  onConfirm={async () =>
                    (await remove({ studioId, from: closure.from, key: idempotencyKey('closure-remove') })).data && onChanged()
                  }
                />
              ) : null}
            </li>
          );
        })}
      </ul>
      <HubRefusal error={hubMessage(removed.error)} />
    </>
  );
}

/** Working hours per weekday (China time); a weekday without a period is closed. */
function HoursEditor({
  studioId,
  calendar,
  editable,
  onSaved,
}: {
  studioId: string;
  calendar: Calendar | null;
  editable: boolean;
  onSaved: () => void;
}) {
  const { t } = useI18n();
  const [state, save] = useMutation(SET_CALENDAR);
  const key = useRef(idempotencyKey('hours'));
  const [hours, setHours] = useState<Hours[]>(() => (calendar?.hours ?? []).map(({ weekday, start, end }) => ({ weekday, start, end })));
  const [makeUpWeekday, setMakeUpWeekday] = useState(calendar?.makeUpWeekday ?? 1);
  const [done, setDone] = useState(false);
  const periodsOf = (weekday: number) => hours.filter((period) => period.weekday === weekday);
  if (!editable) {
    return (
      <dl className="facts" data-testid="working-hours">
        {WEEKDAYS.map((weekday) => (
          <div key={weekday}>
            <dt>{t(`settings.weekday.${weekday}`)}</dt>
            <dd>
              {periodsOf(weekday).length === 0
                ? t('settings.calendar.closedDay')
                : periodsOf(weekday)
                    .map((period) => t('settings.range', { from: period.start, to: period.end }))
                    .join(t('settings.listSeparator'))}
            </dd>
          </div>
        ))}
      </dl>
    );
  }
  const replace = (weekday: number, periods: Hours[]) =>
    setHours(
      [...hours.filter((period) => period.weekday !== weekday), ...periods].sort(
        (a, b) => a.weekday - b.weekday || a.start.localeCompare(b.start),
      ),
    );
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setDone(false);
    const result = await save({ key: key.current, input: { enterpriseId: studioId, hours, makeUpWeekday } });
    if (result.data) {
      key.current = idempotencyKey('hours');
      setDone(true);
      onSaved();
    }
  };
  return (
    <form className="form" onSubmit={submit} data-testid="hours-form">
      <p className="muted small">{t('settings.calendar.hoursIntro')}</p>
      {WEEKDAYS.map((weekday) => {
        const periods = periodsOf(weekday);
        return (
          <fieldset key={weekday} className="weekday-hours">
            <legend>{t(`settings.weekday.${weekday}`)}</legend>
            {periods.length === 0 ? <p className="small muted">{t('settings.calendar.closedDay')}</p> : null}
            {periods.map((period, index) => (
              <div key={index} className="row">
                <label>
                  {t('settings.calendar.start')}
                  <input
                    type="time"
                    value={period.start}
                    onChange={(event) =>
                      replace(
                        weekday,
                        periods.map((other, at) => (at === index ? { ...other, start: event.target.value } : other)),
                      )
                    }
                    required
                  />
                </label>
                <label>
                  {t('settings.calendar.end')}
                  <input
                    type="time"
                    value={period.end === '24:00' ? '23:59' : period.end}
                    onChange={(event) =>
                      replace(
                        weekday,
                        periods.map((other, at) => (at === index ? { ...other, end: event.target.value } : other)),
                      )
                    }
                    required
                  />
                </label>
                <button
                  type="button"
                  onClick={() =>
                    replace(
                      weekday,
                      periods.filter((_, at) => at !== index),
                    )
                  }
                >
                  {t('settings.calendar.removePeriod')}
                </button>
              </div>
            ))}
            {periods.length < 4 ? (
              <button
                type="button"
                onClick={() =>
                  replace(weekday, [
                    ...periods,
                    { weekday, start: periods.at(-1)?.end ?? '09:00', end: periods.length ? '21:00' : '18:00' },
                  ])
                }
              >
                {t('settings.calendar.addPeriod', { day: t(`settings.weekday.${weekday}`) })}
              </button>
            ) : null}
          </fieldset>
        );
      })}
      <label>
        {t('settings.calendar.makeUpWeekday')}
        <select value={makeUpWeekday} onChange={(event) => setMakeUpWeekday(Number(event.target.value))}>
          {WEEKDAYS.map((weekday) => (
            <option key={weekday} value={weekday}>
              {t(`settings.weekday.${weekday}`)}
            </option>
          ))}
        </select>
      </label>
      <div className="button-row">
        <button type="submit" className="primary" disabled={state.fetching}>
          {t('settings.calendar.saveHours')}
        </button>
      </div>
      {done ? (
        <p role="status" className="small">
          {t('settings.calendar.hoursSaved')}
        </p>
      ) : null}
      <HubRefusal error={hubMessage(state.error)} />
    </form>
  );
}
