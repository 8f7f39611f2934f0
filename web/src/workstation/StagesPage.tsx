import { useCallback, useEffect, useRef, useState, type FormEvent } from 'react';
import { useClient, useMutation, useQuery, type CombinedError } from 'urql';
import { hubMessage, idempotencyKey, type HubMessage } from '../common/client';
import { formatDateTime, formatDay, labelOf, nameOf, useI18n, type Language } from '../common/i18n';
import { Empty, ErrorState, HubErrorState, HubRefusal, LiveIndicator, Loading } from '../common/ui';
import { productName } from '../common/labels';
import { useOrderInAddress } from '../common/order-in-address';
import { useNow } from '../common/now';
import { graphql } from '../gql/hub';
import type { WorkstationOrderQuery } from '../gql/hub/graphql';
import { useMayUse } from '../signin/permissions';
import { StaffGate } from '../signin/StaffGate';
import { useStudioVersion } from '../studio/refresh';
import { StaffWorkspace, useSessionToken } from '../signin/StaffWorkspace';
import type { StaffSession } from '../signin/session';
import { useOperator, useStation, type Operator } from './operator';
import { parseReading, readingFields } from './readings';

/**
 * The workstation on a phone (/stages): the stages waiting for this operator's station — the
 * studio's own current stages their role may start or complete, today's first — each one tap to
 * start and one to complete (with the QC result and the readings), and one order's stages
 * (/stages?order=…), where the QR code of its printed work-order ticket leads.
 */
const STAGE_FIELDS = graphql(`
  fragment WorkstationStage on StageRun {
    id
    position
    code
    status
    dueAt
    startedAt
    operatorPenName
    qcCheckpoint
    qcResult
    statusCode {
      labelZh
      labelEn
    }
    assignedTo {
      id
      nameZh
      nameEn
    }
  }
`);
void STAGE_FIELDS;

/** The studio's open orders, a page of 20 at a time (inside the gateway's cost limit). */
const WORKSTATION_ORDERS = graphql(`
  query WorkstationOrders($studioId: ID!, $status: OrderStatus!, $after: String) {
    orders(studioId: $studioId, status: $status, first: 20, after: $after) {
      pageInfo {
        hasNextPage
        endCursor
      }
      nodes {
        id
        externalOrderId
        productFamily
        productNameZh
        productNameEn
        status
        dueAt
        stages {
          ...WorkstationStage
        }
      }
    }
  }
`);

const WORKSTATION_ORDER = graphql(`
  query WorkstationOrder($id: ID!) {
    order(id: $id) {
      id
      externalOrderId
      productFamily
      productNameZh
      productNameEn
      status
      dueAt
      studio {
        id
      }
      stages {
        ...WorkstationStage
        operatorName
      }
    }
  }
`);

const START = graphql(`
  mutation WorkstationStart($id: ID!, $operator: OperatorInput) {
    startStage(stageRunId: $id, operator: $operator) {
      id
      status
    }
  }
`);
const COMPLETE = graphql(`
  mutation WorkstationComplete($id: ID!, $input: CompleteStageInput) {
    completeStage(stageRunId: $id, input: $input) {
      id
      status
    }
  }
`);
const RECORD_QC = graphql(`
  mutation WorkstationQc($id: ID!, $result: QcResult!, $note: String, $key: String!) {
    recordQcResult(stageRunId: $id, result: $result, note: $note, idempotencyKey: $key) {
      id
      status
      qcResult
    }
  }
`);

type OrderData = NonNullable<WorkstationOrderQuery['order']>;
type Stage = OrderData['stages'][number];
interface OrderSummary {
  id: string;
  externalOrderId?: string | null;
  productFamily: string;
  productNameZh?: string | null;
  productNameEn?: string | null;
  status?: string | null;
  dueAt?: string | null;
}
interface Work {
  order: OrderSummary;
  stage: Stage;
}
/** What was just done, said in the page's language (also after the language changes). */
interface Announcement {
  what: 'started' | 'completed' | 'failedRecorded';
  entry: Work;
}
type Done = (what: Announcement['what'], entry: Work) => void;

const OPEN_STATUSES = ['IN_PRODUCTION', 'RECEIVED'] as const;
const WORKABLE = new Set(['PENDING', 'IN_PROGRESS', 'BLOCKED']);

/** The stage an order is at: the first neither done nor cancelled. */
const currentStage = <S extends { status: string }>(stages: readonly S[]): S | undefined =>
  stages.find((stage) => stage.status !== 'DONE' && stage.status !== 'CANCELLED');

/** The calendar day in China Standard Time, where the studios work: "2026-12-07". */
const dayOf = (date: Date) => new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(date);
const timeOf = (iso: string, language: Language) =>
  new Intl.DateTimeFormat(language === 'zh' ? 'zh-CN' : 'en-GB', { timeStyle: 'short', timeZone: 'Asia/Shanghai' }).format(new Date(iso));

export default function StagesPage() {
  const { t } = useI18n();
  return (
    <StaffGate workspace="studio" title={t('workstation.title')}>
      {(session, signOut) => <Workstation session={session} signOut={signOut} />}
    </StaffGate>
  );
}

function Workstation({ session, signOut }: { session: StaffSession; signOut: () => void }) {
  const { t, language } = useI18n();
  const token = useSessionToken(session);
  const studioId = session.org!;
  const [orderId, showOrder] = useOrderInAddress();
  // A phone shows the order from its top.
  const openOrder = useCallback(
    (id: string | null) => {
      showOrder(id);
      scrollTo(0, 0);
    },
    [showOrder],
  );
  // Any change in the studio (another operator, the console) refreshes what is on screen.
  const { version, bump, live } = useStudioVersion(studioId, token);
  const [operator, setOperator] = useOperator();
  const [announcement, setAnnouncement] = useState<Announcement | null>(null);

  const done: Done = (what, entry) => {
    setAnnouncement({ what, entry });
    bump();
  };

  return (
    <StaffWorkspace
      session={session}
      endpoint="/graphql"
      title={t('workstation.title')}
      signOut={signOut}
      actions={
        <>
          <LiveIndicator state={live} />
          <a href="/studio">{t('workstation.console')}</a>
        </>
      }
    >
      <div className="workstation">
        <OperatorCard operator={operator} onChange={setOperator} />
        <p className="workstation-announcement" role="status" aria-live="polite" data-testid="workstation-announcement">
          {announcement
            ? t(`workstation.${announcement.what}`, {
                stage: labelOf(announcement.entry.stage.statusCode, language),
                order: announcement.entry.order.externalOrderId ?? productName(announcement.entry.order, language),
              })
            : ''}
        </p>
        {orderId ? (
          <OrderStages
            orderId={orderId}
            studioId={studioId}
            version={version}
            operator={operator}
            onDone={done}
            onBack={() => openOrder(null)}
          />
        ) : (
          <MyStages studioId={studioId} version={version} operator={operator} onDone={done} onOpen={openOrder} />
        )}
      </div>
    </StaffWorkspace>
  );
}

/** Who is working: kept on this device, asked for once. */
function OperatorCard({ operator, onChange }: { operator: Operator | null; onChange: (operator: Operator | null) => void }) {
  const { t } = useI18n();
  const [editing, setEditing] = useState(operator === null);
  const [draft, setDraft] = useState<Operator>(operator ?? { name: '', penName: '' });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const code = draft.code?.trim();
    const next = { name: draft.name.trim(), penName: draft.penName.trim(), ...(code ? { code } : {}) };
    if (!next.name || !next.penName) return;
    onChange(next);
    setEditing(false);
  };
  return (
    <section className="card operator-card" aria-labelledby="operator-heading">
      <h2 id="operator-heading">{t('workstation.whoAmI')}</h2>
      {editing || !operator ? (
        <form className="form" onSubmit={submit}>
          <p className="small muted">{t('workstation.whoAmIHint')}</p>
          <label>
            {t('workstation.name')}
            <input
              value={draft.name}
              onChange={(event) => setDraft({ ...draft, name: event.target.value })}
              required
              maxLength={60}
              autoComplete="name"
            />
          </label>
          <label>
            {t('workstation.penName')}
            <input
              value={draft.penName}
              onChange={(event) => setDraft({ ...draft, penName: event.target.value })}
              required
              maxLength={40}
            />
          </label>
          <label>
            {t('workstation.operatorCode')}
            <input
              value={draft.code ?? ''}
              onChange={(event) => setDraft({ ...draft, code: event.target.value })}
              maxLength={40}
              autoComplete="off"
              aria-describedby="operator-code-hint"
            />
          </label>
          <p className="small muted" id="operator-code-hint">
            {t('workstation.operatorCodeHint')}
          </p>
          <button type="submit" className="primary">
            {t('workstation.save')}
          </button>
        </form>
      ) : (
        <p className="operator-line" data-testid="operator">
          <span>{t('workstation.signedAs', { name: operator.name, penName: operator.penName })}</span>{' '}
          <button type="button" onClick={() => setEditing(true)}>
            {t('workstation.change')}
          </button>
        </p>
      )}
    </section>
  );
}

/** Every open order of the studio (both open statuses, all pages), refreshed when `version` moves. */
function useOpenOrders(studioId: string, version: number) {
  const client = useClient();
  const [state, setState] = useState<{ orders: (OrderSummary & { stages: Stage[] })[] | null; error: CombinedError | null }>({
    orders: null,
    error: null,
  });
  const [attempt, setAttempt] = useState(0);
  useEffect(() => {
    let cancelled = false;
    // urql answers failures as results (CombinedError), never by rejecting: shown as the error state above.
    void (async () => {
      const all: (OrderSummary & { stages: Stage[] })[] = [];
      for (const status of OPEN_STATUSES) {
        let after: string | null = null;
        // Bounded: 50 pages of 20 is more open work than a studio's station shows.
        for (let page = 0; page < 50; page += 1) {
          const result = await client.query(WORKSTATION_ORDERS, { studioId, status, after }, { requestPolicy: 'network-only' }).toPromise();
          if (result.error || !result.data) {
            if (!cancelled) setState((previous) => ({ orders: previous.orders, error: result.error ?? null }));
            return;
          }
          all.push(...(result.data.orders.nodes as (OrderSummary & { stages: Stage[] })[]));
          if (!result.data.orders.pageInfo.hasNextPage) break;
          after = result.data.orders.pageInfo.endCursor ?? null;
        }
      }
      if (!cancelled) setState({ orders: all, error: null });
    })();
    return () => {
      cancelled = true;
    };
  }, [client, studioId, version, attempt]);
  return { ...state, retry: () => setAttempt((n) => n + 1) };
}

function MyStages({
  studioId,
  version,
  operator,
  onDone,
  onOpen,
}: {
  studioId: string;
  version: number;
  operator: Operator | null;
  onDone: Done;
  onOpen: (orderId: string) => void;
}) {
  const { t, language } = useI18n();
  const may = useMayUse();
  const { orders, error, retry } = useOpenOrders(studioId, version);
  const [station, setStation] = useStation();
  if (!orders && error) return <HubErrorState error={error} retry={retry} />;
  if (!orders) return <Loading />;

  // The studio's own current stages the role may act on.
  const work: Work[] = orders.flatMap((order) => {
    const stage = currentStage(order.stages);
    if (!stage || !WORKABLE.has(stage.status)) return [];
    if (stage.assignedTo && stage.assignedTo.id !== studioId) return [];
    if (stage.status === 'PENDING' && !may(START)) return [];
    if (stage.status !== 'PENDING' && !may(COMPLETE)) return [];
    return [{ order, stage }];
  });
  const stations = [...new Map(work.map(({ stage }) => [stage.code, stage])).values()].sort((a, b) => a.position - b.position);
  const chosen = station && stations.some((stage) => stage.code === station) ? station : '';
  const here = work.filter(({ stage }) => !chosen || stage.code === chosen);
  const byDue = (a: Work, b: Work) => (a.stage.dueAt ?? a.order.dueAt ?? '').localeCompare(b.stage.dueAt ?? b.order.dueAt ?? '');
  const today = dayOf(new Date());
  const isMine = (entry: Work) => operator !== null && entry.stage.operatorPenName === operator.penName;
  const running = here
    .filter(({ stage }) => stage.status !== 'PENDING')
    .sort((a, b) => Number(isMine(b)) - Number(isMine(a)) || byDue(a, b));
  const waiting = here.filter(({ stage }) => stage.status === 'PENDING').sort(byDue);
  const dueToday = waiting.filter(({ stage, order }) => {
    const due = stage.dueAt ?? order.dueAt;
    return !due || dayOf(new Date(due)) <= today;
  });
  const later = waiting.filter((entry) => !dueToday.includes(entry));

  const list = (entries: Work[], empty: string, testId: string) =>
    entries.length === 0 ? (
      <Empty>{empty}</Empty>
    ) : (
      <ol className="work-list" data-testid={testId}>
        {entries.map((entry) => (
          <li key={entry.stage.id}>
            <StageCard entry={entry} operator={operator} mine={isMine(entry)} onDone={onDone} onOpen={onOpen} />
          </li>
        ))}
      </ol>
    );

  return (
    <>
      <section className="card" aria-labelledby="station-heading">
        <h2 id="station-heading">{t('workstation.myStages')}</h2>
        <label>
          {t('workstation.station')}
          <select value={chosen} onChange={(event) => setStation(event.target.value || null)}>
            <option value="">{t('workstation.allStations')}</option>
            {stations.map((stage) => (
              <option key={stage.code} value={stage.code}>
                {labelOf(stage.statusCode, language)}
              </option>
            ))}
          </select>
        </label>
        <p className="small muted">{t('workstation.stationHint')}</p>
        {error ? <HubErrorState error={error} retry={retry} /> : null}
      </section>
      {here.length === 0 ? (
        <Empty>{t('workstation.nothing')}</Empty>
      ) : (
        <>
          <section aria-labelledby="running-heading" className="work-section">
            <h2 id="running-heading">{t('workstation.running')}</h2>
            {list(running, t('workstation.nothingRunning'), 'running')}
          </section>
          <section aria-labelledby="today-heading" className="work-section">
            <h2 id="today-heading">{t('workstation.today')}</h2>
            {list(dueToday, t('workstation.nothingToday'), 'today')}
          </section>
          <section aria-labelledby="later-heading" className="work-section">
            <h2 id="later-heading">{t('workstation.later')}</h2>
            {list(later, t('workstation.nothingLater'), 'later')}
          </section>
        </>
      )}
    </>
  );
}

/** One order's stages, as its ticket's QR code opens them: the current one ready to act on. */
function OrderStages({
  orderId,
  studioId,
  version,
  operator,
  onDone,
  onBack,
}: {
  orderId: string;
  studioId: string;
  version: number;
  operator: Operator | null;
  onDone: Done;
  onBack: () => void;
}) {
  const { t, language } = useI18n();
  const wellFormed = /^ord_[0-9A-Za-z]{10,40}$/.test(orderId);
  const [{ data, fetching, error }, refetch] = useQuery({ query: WORKSTATION_ORDER, variables: { id: orderId }, pause: !wellFormed });
  useEffect(() => {
    if (version > 0 && wellFormed) refetch({ requestPolicy: 'network-only' });
  }, [version, refetch, wellFormed]);
  const heading = useRef<HTMLHeadingElement>(null);
  const order = data?.order;
  useEffect(() => heading.current?.focus(), [orderId]);
  const back = (
    <p>
      <button type="button" onClick={onBack}>
        ← {t('workstation.allMyStages')}
      </button>
    </p>
  );
  if (!wellFormed || (data && (!order || order.studio.id !== studioId)))
    return (
      <>
        {back}
        <ErrorState message={t('workstation.orderMissing')} />
      </>
    );
  if (fetching && !data) return <Loading />;
  if (error && !data) return <HubErrorState error={error} retry={() => refetch({ requestPolicy: 'network-only' })} />;
  if (!order) return null;
  const current = currentStage(order.stages);
  const ours = current && (!current.assignedTo || current.assignedTo.id === studioId);
  return (
    <>
      {back}
      <section className="card" aria-labelledby="order-heading" data-testid="order-stages">
        <h2 id="order-heading" tabIndex={-1} ref={heading}>
          {order.externalOrderId ? `${order.externalOrderId} · ` : ''}
          {productName(order, language)}
        </h2>
        {order.dueAt ? (
          <p className="muted">
            {t('workstation.due')}
            {t('common.colon')}
            {formatDay(order.dueAt, language)}
          </p>
        ) : null}
        {current && ours && WORKABLE.has(current.status) ? (
          <StageCard entry={{ order, stage: current }} operator={operator} mine={false} onDone={onDone} />
        ) : current && !ours ? (
          <p>{t('workstation.notOurs', { partner: nameOf(current.assignedTo, language) })}</p>
        ) : order.status === 'CANCELLED' ? (
          <p>{t('workstation.orderClosed', { status: t(`orderStatus.${order.status}`) })}</p>
        ) : (
          <p data-testid="order-done">{t('workstation.orderDone')}</p>
        )}
        <h3>{t('workstation.orderStages')}</h3>
        <ol className="stages compact">
          {order.stages.map((stage) => (
            <li key={stage.id} className={`stage stage-${stage.status}`} aria-current={stage.id === current?.id ? 'step' : undefined}>
              <div className="stage-head">
                <span className="stage-name">{labelOf(stage.statusCode, language)}</span>
                <span className="badge">{t(`stage.${stage.status}`)}</span>
                {stage.qcCheckpoint ? (
                  <span className="badge info">
                    {t('workstation.qcCheckpoint')}
                    {stage.qcResult ? ` · ${t(`qc.${stage.qcResult}`)}` : ''}
                  </span>
                ) : null}
              </div>
              {stage.assignedTo && stage.assignedTo.id !== studioId ? (
                <p className="small muted">{t('workstation.heldBy', { partner: nameOf(stage.assignedTo, language) })}</p>
              ) : null}
              {stage.operatorName || stage.operatorPenName ? (
                <p className="small muted">{[stage.operatorName, stage.operatorPenName].filter(Boolean).join(' / ')}</p>
              ) : null}
            </li>
          ))}
        </ol>
      </section>
    </>
  );
}

/** A mutation's runner and what the hub said about it, in the reader's language (HubRefusal). */
function useRun() {
  const [, start] = useMutation(START);
  const [, complete] = useMutation(COMPLETE);
  const [, qc] = useMutation(RECORD_QC);
  return { start, complete, qc };
}

/** One stage at the station: one tap to start; one to complete, with its QC result and readings. */
function StageCard({
  entry,
  operator,
  mine,
  onDone,
  onOpen,
}: {
  entry: Work;
  operator: Operator | null;
  mine: boolean;
  onDone: Done;
  onOpen?: (orderId: string) => void;
}) {
  const { t, language } = useI18n();
  const { order, stage } = entry;
  const run = useRun();
  const [busy, setBusy] = useState(false);
  const [refusal, setRefusal] = useState<HubMessage | null>(null);
  const qcKey = useRef(idempotencyKey('qc'));
  // In the list, the form is open on one's own running stages; another's opens with a tap.
  const [open, setOpen] = useState(mine || !onOpen);
  const stageName = labelOf(stage.statusCode, language);
  const orderName = order.externalOrderId ?? productName(order, language);
  const due = stage.dueAt ?? order.dueAt;
  const now = useNow();
  const overdue = stage.status === 'PENDING' && due && new Date(due).getTime() < now;

  const start = async () => {
    if (!operator) return;
    setBusy(true);
    const result = await run.start({ id: stage.id, operator });
    setBusy(false);
    setRefusal(hubMessage(result.error));
    if (result.data) onDone('started', entry);
  };

  return (
    <article
      className={`work-card stage-${stage.status}${overdue ? ' late' : ''}`}
      aria-labelledby={`work-${stage.id}`}
      data-testid="work-card"
      data-status={stage.status}
    >
      <div className="work-card-head">
        <h3 id={`work-${stage.id}`}>{stageName}</h3>
        {stage.qcCheckpoint ? <span className="badge info">{t('workstation.qcCheckpoint')}</span> : null}
        {mine ? <span className="badge">{t('workstation.mine')}</span> : null}
        {overdue ? <span className="badge warn">{t('workstation.overdue')}</span> : null}
      </div>
      {onOpen ? (
        <p className="work-card-order">
          {order.externalOrderId ? <span>{order.externalOrderId} · </span> : null}
          {productName(order, language)}
        </p>
      ) : null}
      <p className="small muted">
        {stage.status === 'PENDING'
          ? due
            ? t('workstation.dueBy', {
                time: dayOf(new Date(due)) === dayOf(new Date()) ? timeOf(due, language) : formatDateTime(due, language),
              })
            : t(`stage.${stage.status}`)
          : stage.startedAt
            ? t('workstation.startedAt', { time: formatDateTime(stage.startedAt, language) })
            : t(`stage.${stage.status}`)}
        {stage.operatorPenName && stage.status !== 'PENDING' ? ` · ${stage.operatorPenName}` : ''}
      </p>
      {stage.status === 'PENDING' ? (
        <>
          <button type="button" className="primary big" disabled={busy || !operator} onClick={() => void start()}>
            {t('workstation.start')}
          </button>
          {!operator ? <p className="small">{t('workstation.needOperator')}</p> : null}
        </>
      ) : (stage.status === 'IN_PROGRESS' || (stage.status === 'BLOCKED' && stage.qcCheckpoint && stage.qcResult === 'FAIL')) && !open ? (
        <button type="button" className="big" onClick={() => setOpen(true)} aria-expanded={false}>
          {t('workstation.completeOpen')}
        </button>
      ) : stage.status === 'IN_PROGRESS' || (stage.status === 'BLOCKED' && stage.qcCheckpoint && stage.qcResult === 'FAIL') ? (
        <CompleteForm
          stage={stage}
          busy={busy}
          onSubmit={async ({ qc, note, environment }) => {
            setBusy(true);
            setRefusal(null);
            try {
              if (qc) {
                const recorded = await run.qc({ id: stage.id, result: qc, note: note || undefined, key: qcKey.current });
                if (!recorded.data) return setRefusal(hubMessage(recorded.error));
                qcKey.current = idempotencyKey('qc');
                if (qc === 'FAIL') return onDone('failedRecorded', entry);
              }
              const completed = await run.complete({ id: stage.id, input: environment.length > 0 ? { environment } : undefined });
              if (!completed.data) return setRefusal(hubMessage(completed.error));
              onDone('completed', entry);
            } finally {
              setBusy(false);
            }
          }}
        />
      ) : (
        <p className="small">{t('workstation.blocked')}</p>
      )}
      <HubRefusal error={refusal} />
      {onOpen ? (
        <p className="small">
          <a
            href={`/stages?order=${encodeURIComponent(order.id)}`}
            onClick={(event) => {
              event.preventDefault();
              onOpen(order.id);
            }}
          >
            {t('workstation.openOrder')}
            <span className="visually-hidden">
              {' '}
              {orderName} {stageName}
            </span>
          </a>
        </p>
      ) : null}
    </article>
  );
}

interface Completion {
  qc: 'PASS' | 'FAIL' | null;
  note: string;
  environment: { name: string; value: number; unit: string }[];
}

/** Completing a stage: the QC result when it is a checkpoint (and not passed yet), and the readings. */
function CompleteForm({ stage, busy, onSubmit }: { stage: Stage; busy: boolean; onSubmit: (completion: Completion) => Promise<void> }) {
  const { t } = useI18n();
  const fields = readingFields(stage.code);
  const [typed, setTyped] = useState<Record<string, string>>({});
  const [qc, setQc] = useState<'PASS' | 'FAIL' | null>(null);
  const [note, setNote] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const asksQc = stage.qcCheckpoint && stage.qcResult !== 'PASS';
  const id = (what: string) => `${what}-${stage.id}`;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const environment: Completion['environment'] = [];
    for (const field of fields) {
      const parsed = parseReading(field, typed[field.key] ?? '');
      if ('problem' in parsed)
        return setProblem(t('workstation.readingRange', { what: t(`workstation.reading.${field.key}`), min: field.min, max: field.max }));
      if (parsed.value !== null) environment.push({ name: field.name, value: parsed.value, unit: field.unit });
    }
    if (asksQc && !qc) return setProblem(t('workstation.qcChoose'));
    if (qc === 'FAIL' && !note.trim()) return setProblem(t('workstation.qcNoteNeeded'));
    setProblem(null);
    await onSubmit({ qc: asksQc ? qc : null, note: note.trim(), environment });
  };

  return (
    <form className="form complete-form" onSubmit={submit} noValidate>
      {stage.status === 'BLOCKED' ? <p className="small">{t('workstation.qcFailedRework')}</p> : null}
      {stage.qcCheckpoint && stage.qcResult === 'PASS' ? <p className="small">{t('workstation.qcPassed')}</p> : null}
      {asksQc ? (
        <fieldset className="qc-choice">
          <legend>{t('workstation.qcResult')}</legend>
          {(['PASS', 'FAIL'] as const).map((result) => (
            <label key={result} className="choice">
              <input type="radio" name={id('qc')} value={result} checked={qc === result} onChange={() => setQc(result)} />
              {t(result === 'PASS' ? 'workstation.qcPass' : 'workstation.qcFail')}
            </label>
          ))}
        </fieldset>
      ) : null}
      {asksQc && qc === 'FAIL' ? (
        <label>
          {t('workstation.qcNote')}
          <input value={note} onChange={(event) => setNote(event.target.value)} maxLength={500} />
        </label>
      ) : null}
      {qc !== 'FAIL' ? (
        <fieldset className="readings-fields">
          <legend>{t('workstation.readings')}</legend>
          {fields.map((field) => (
            <label key={field.key}>
              {t(`workstation.reading.${field.key}`)}
              <input
                inputMode="decimal"
                value={typed[field.key] ?? ''}
                onChange={(event) => setTyped({ ...typed, [field.key]: event.target.value })}
                maxLength={8}
              />
            </label>
          ))}
        </fieldset>
      ) : null}
      {problem ? (
        <p className="refusal" role="alert">
          {problem}
        </p>
      ) : null}
      <button type="submit" className={qc === 'FAIL' ? 'danger big' : 'primary big'} disabled={busy}>
        {qc === 'FAIL' ? t('workstation.recordFail') : asksQc ? t('workstation.completeQc') : t('workstation.complete')}
      </button>
    </form>
  );
}
