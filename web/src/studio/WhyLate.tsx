import { formatDateTime, labelOf, nameOf, useI18n } from '../common/i18n';

/** What "why is it late?" reads of a stage (a subset of the order panel's stage). */
export interface TimedStage {
  id: string;
  status: string;
  standardMinutes: number;
  startedAt?: string | null;
  finishedAt?: string | null;
  dueAt?: string | null;
  statusCode: { labelZh: string; labelEn: string };
  assignedTo?: { id: string; nameZh: string; nameEn: string } | null;
}
export interface LateOrder {
  createdAt: string;
  studio: { id: string };
  stages: readonly TimedStage[];
  exceptions?:
    | readonly {
        id: string;
        stageRunId?: string | null;
        status: string;
        note?: string | null;
        code: { labelZh: string; labelEn: string };
      }[]
    | null;
  delayAlerts?:
    | readonly {
        id: string;
        stageRunId: string;
        threshold: number;
        status: string;
        raisedAt: string;
        overrunPercent: number;
        customerResponse?: string | null;
      }[]
    | null;
}

const MINUTE = 60_000;
const minutesBetween = (from: string | null | undefined, to: number) => (from ? Math.round((to - Date.parse(from)) / MINUTE) : 0);

/** "2 d 3 h", "45 min" in the reader's language. */
export function useDuration() {
  const { t } = useI18n();
  return (minutes: number) => {
    const total = Math.max(0, Math.round(minutes));
    const days = Math.floor(total / 1440);
    const hours = Math.floor((total % 1440) / 60);
    const rest = total % 60;
    if (days > 0) return hours > 0 ? t('board.daysHours', { days, hours }) : t('board.days', { days });
    if (hours > 0) return rest > 0 ? t('board.hoursMinutes', { hours, minutes: rest }) : t('board.hours', { hours });
    return t('board.minutes', { minutes: rest });
  };
}

/** Each stage's timing: when it started, how long it should take, when it is due, its overrun, the wait before it. */
export function stageTiming(stages: readonly TimedStage[], index: number, createdAt: string, now: number) {
  const stage = stages[index];
  const before = stages
    .slice(0, index)
    .filter((other) => other.status !== 'CANCELLED')
    .at(-1);
  const readySince = before ? (before.finishedAt ?? null) : createdAt;
  const end = stage.finishedAt ? Date.parse(stage.finishedAt) : now;
  const ran = stage.startedAt ? minutesBetween(stage.startedAt, end) : null;
  const overrun = ran !== null ? ran - stage.standardMinutes : null;
  const wait = readySince ? minutesBetween(readySince, stage.startedAt ? Date.parse(stage.startedAt) : now) : null;
  const pastDue = stage.dueAt && !stage.finishedAt ? minutesBetween(stage.dueAt, now) : null;
  const late =
    stage.status !== 'DONE' && stage.status !== 'CANCELLED' && ((overrun !== null && overrun > 0) || (pastDue !== null && pastDue > 0));
  return { before, readySince, ran, overrun, wait, pastDue, late };
}

export function StageTimes({ order, index, now }: { order: LateOrder; index: number; now: number }) {
  const { t, language } = useI18n();
  const duration = useDuration();
  const stage = order.stages[index];
  if (stage.status === 'CANCELLED') return null;
  const timing = stageTiming(order.stages, index, order.createdAt, now);
  return (
    <dl className="stage-times small" data-testid="stage-times">
      {stage.startedAt ? (
        <>
          <dt>{t('board.started')}</dt>
          <dd>{formatDateTime(stage.startedAt, language)}</dd>
        </>
      ) : null}
      <dt>{t('board.standard')}</dt>
      <dd>{duration(stage.standardMinutes)}</dd>
      {stage.dueAt ? (
        <>
          <dt>{t('board.dueAt')}</dt>
          <dd>{formatDateTime(stage.dueAt, language)}</dd>
        </>
      ) : null}
      {timing.overrun !== null ? (
        <>
          <dt>{stage.finishedAt ? t('board.took') : t('board.running')}</dt>
          <dd>
            {duration(timing.ran ?? 0)}
            {timing.overrun > 0 ? (
              <strong className="danger-text"> · {t('board.overBy', { duration: duration(timing.overrun) })}</strong>
            ) : null}
          </dd>
        </>
      ) : null}
      {timing.wait !== null && timing.wait > 0 && (stage.startedAt || stage.status === 'PENDING') ? (
        <>
          <dt>{stage.startedAt ? t('board.waitedBefore') : t('board.waitingSince')}</dt>
          <dd>{duration(timing.wait)}</dd>
        </>
      ) : null}
    </dl>
  );
}

/** The late order's reason, in words: which stage, by how much, and the issue or alert behind it. */
export function LateReason({ order, now }: { order: LateOrder; now: number }) {
  const { t, language } = useI18n();
  const duration = useDuration();
  const index = order.stages.findIndex((_, position) => stageTiming(order.stages, position, order.createdAt, now).late);
  if (index < 0) return null;
  const stage = order.stages[index];
  const timing = stageTiming(order.stages, index, order.createdAt, now);
  const name = labelOf(stage.statusCode, language);
  const lines: string[] = [];
  if (stage.startedAt && timing.overrun !== null && timing.overrun > 0) {
    lines.push(
      t('board.lateRunning', {
        stage: name,
        started: formatDateTime(stage.startedAt, language),
        standard: duration(stage.standardMinutes),
        over: duration(timing.overrun),
      }),
    );
  } else if (!stage.startedAt) {
    lines.push(
      t('board.lateNotStarted', {
        stage: name,
        due: formatDateTime(stage.dueAt, language),
        over: duration(timing.pastDue ?? 0),
      }),
    );
    if (timing.before && !timing.before.finishedAt)
      lines.push(t('board.previousNotDone', { stage: labelOf(timing.before.statusCode, language) }));
    else if (timing.wait) lines.push(t('board.readyFor', { duration: duration(timing.wait) }));
  } else if (timing.pastDue && timing.pastDue > 0) {
    lines.push(t('board.latePastDue', { stage: name, over: duration(timing.pastDue) }));
  }
  if (timing.wait && timing.wait > 0 && stage.startedAt) lines.push(t('board.waitedFirst', { duration: duration(timing.wait) }));
  if (stage.assignedTo && stage.assignedTo.id !== order.studio.id)
    lines.push(t('board.heldBy', { partner: nameOf(stage.assignedTo, language) }));
  const exceptions = (order.exceptions ?? []).filter(
    (exception) => exception.status === 'OPEN' && (!exception.stageRunId || exception.stageRunId === stage.id),
  );
  for (const exception of exceptions)
    lines.push(
      exception.note
        ? t('board.becauseExceptionNote', { label: labelOf(exception.code, language), note: exception.note })
        : t('board.becauseException', { label: labelOf(exception.code, language) }),
    );
  const alerts = (order.delayAlerts ?? []).filter((alert) => alert.stageRunId === stage.id);
  const alert = alerts.at(-1);
  if (alert)
    lines.push(
      t('board.alertRaised', { threshold: alert.threshold, when: formatDateTime(alert.raisedAt, language) }) +
        (alert.customerResponse ? ` ${t('board.customerChose', { choice: t(`board.choice.${alert.customerResponse}`) })}` : ''),
    );
  if (exceptions.length === 0) lines.push(t('board.noReasonGiven'));
  return (
    <section className="why-late" aria-labelledby="why-late-heading" data-testid="why-late">
      <h3 id="why-late-heading">{t('board.whyLate')}</h3>
      {lines.map((line) => (
        <p key={line}>{line}</p>
      ))}
    </section>
  );
}
