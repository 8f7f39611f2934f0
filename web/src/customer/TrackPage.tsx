import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { Provider, useMutation, useQuery } from 'urql';
import { ORDER_EVENTS } from '../../../contracts/events';
import { graphqlClient, hubMessage, idempotencyKey } from '../common/client';
import { formatDateTime, formatDay, labelOf, nameOf, useI18n, type Language } from '../common/i18n';
import { materialName, productLineName, productName, readingName, unitName } from '../common/labels';
import { follow, liveUrl, type LiveState } from '../common/live';
import { Empty, ErrorState, HubErrorState, HubRefusal, LiveIndicator, Loading, Page, Section } from '../common/ui';
import { useNow } from '../common/now';
import { graphql } from '../gql/customer';
import type { TrackOrderQuery } from '../gql/customer/graphql';
import { Preferences } from './Preferences';
import { exchange, refreshDelay, takeLink, type CustomerSession } from './session';

const ENDPOINT = '/graphql/customer';

const TRACK_ORDER = graphql(`
  query TrackOrder($id: ID!) {
    order(id: $id) {
      id
      productFamily
      productNameZh
      productNameEn
      phase
      status
      promisedAt
      createdAt
      studio {
        nameZh
        nameEn
      }
      milestone {
        code
        labelZh
        labelEn
      }
      lines {
        productCode
        quantity
        personalisation
      }
      stages {
        id
        position
        status
        startedAt
        finishedAt
        dueAt
        operatorPenName
        qcCheckpoint
        qcResult
        photoUrls
        statusCode {
          code
          labelZh
          labelEn
          minTier
        }
        environment {
          name
          value
          unit
          recordedAt
        }
      }
      eta {
        confidence
        computedAt
        delivery {
          likelyBefore
          median
        }
        completion {
          likelyBefore
        }
      }
      materials {
        sku
        status
        expectedAt
        material {
          name
        }
      }
      shipments {
        id
        carrier
        trackingNumber
        status
        createdAt
        events {
          id
          status
          occurredAt
          location
          description
        }
      }
      traceCodes {
        code
        productCode
        unit
        uri
      }
      delayAlerts {
        id
        threshold
        status
        overrunPercent
        reasonCode
        compensationOptions
        customerResponse
        respondedAt
        raisedAt
        visibleStage {
          code
          labelZh
          labelEn
        }
        choices
        chosenCompensation
      }
      progress {
        id
        type
        occurredAt
        statusCode {
          code
          labelZh
          labelEn
        }
      }
    }
    notificationBinding(orderId: $id) {
      shareUrl
    }
    exceptionCodes {
      code
      labelZh
      labelEn
    }
  }
`);

const FOLLOW_ORDER = graphql(`
  subscription FollowOrder($orderId: ID!, $after: String) {
    orderProgress(orderId: $orderId, after: $after) {
      cursor
      type
      kind
      occurredAt
      entry {
        id
        type
        occurredAt
        statusCode {
          code
          labelZh
          labelEn
        }
      }
    }
  }
`);

const RESPOND_TO_DELAY = graphql(`
  mutation RespondToDelay($alertId: ID!, $choice: DelayChoice!, $compensation: String, $key: String!) {
    respondToDelay(alertId: $alertId, choice: $choice, compensation: $compensation, idempotencyKey: $key) {
      id
      customerResponse
      chosenCompensation
      respondedAt
    }
  }
`);

type Order = NonNullable<TrackOrderQuery['order']>;
type LiveEvent = {
  /** The progress entry's id: what the history on first open and the live events have in common. */
  key: string;
  type: string;
  occurredAt: string;
  statusCode: { code: string; labelZh: string; labelEn: string } | null;
};

type SessionState =
  { kind: 'loading' } | { kind: 'no-link' } | { kind: 'invalid' } | { kind: 'network' } | { kind: 'ready'; session: CustomerSession };

/**
 * The customer's order page, opened from the studio's link (WeChat "my order"): exchanges the
 * link for a customer token, exchanges again before it expires, and shows exactly what the
 * order's tier allows, live.
 */
export default function TrackPage() {
  const [state, setState] = useState<SessionState>({ kind: 'loading' });
  const session = state.kind === 'ready' ? state.session : null;
  const tokenRef = useRef<string | null>(null);
  tokenRef.current = session?.token ?? null;
  const token = useCallback(() => tokenRef.current, []);
  const client = useMemo(() => graphqlClient(ENDPOINT, token), [token]);
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    const link = takeLink();
    if (!link) return setState({ kind: 'no-link' });
    let timer: ReturnType<typeof setTimeout> | undefined;
    let cancelled = false;
    const run = async (first: boolean) => {
      const result = await exchange(client, link);
      if (cancelled) return;
      if (typeof result === 'string') {
        // A refresh that fails on the network keeps the page and tries again; a refused link ends it.
        if (!first && result === 'network') timer = setTimeout(() => void run(false), 10_000);
        else setState({ kind: result });
        return;
      }
      setState({ kind: 'ready', session: result });
      timer = setTimeout(() => void run(false), refreshDelay(result));
    };
    void run(true);
    return () => {
      cancelled = true;
      clearTimeout(timer);
    };
  }, [client, attempt]);

  return (
    <Provider value={client}>
      {state.kind === 'loading' ? (
        <Shell>
          <Loading />
        </Shell>
      ) : null}
      {state.kind === 'no-link' || state.kind === 'invalid' ? <LinkProblem reason={state.kind} /> : null}
      {state.kind === 'network' ? <NetworkProblem retry={() => setAttempt((n) => n + 1)} /> : null}
      {session ? <OrderView session={session} token={token} /> : null}
    </Provider>
  );
}

function Shell({ children }: { children: React.ReactNode }) {
  const { t } = useI18n();
  return <Page title={t('track.title')}>{children}</Page>;
}

function LinkProblem({ reason }: { reason: 'no-link' | 'invalid' }) {
  const { t } = useI18n();
  return (
    <Shell>
      <div className="card explanation" role="alert" data-testid="link-problem">
        <h2>{t(reason === 'no-link' ? 'track.noLinkTitle' : 'track.invalidTitle')}</h2>
        <p>{t(reason === 'no-link' ? 'track.noLinkBody' : 'track.invalidBody')}</p>
        <p>{t('track.whomToAsk')}</p>
      </div>
    </Shell>
  );
}

function NetworkProblem({ retry }: { retry: () => void }) {
  const { t } = useI18n();
  return (
    <Shell>
      <ErrorState title={t('track.networkTitle')} message={t('common.networkError')} retry={retry} />
    </Shell>
  );
}

function OrderView({ session, token }: { session: CustomerSession; token: () => string | null }) {
  const { t, language } = useI18n();
  const [{ data, fetching, error }, refetch] = useQuery({ query: TRACK_ORDER, variables: { id: session.orderId } });
  const [events, setEvents] = useState<LiveEvent[]>([]);
  const [live, setLive] = useState<LiveState>('connecting');
  const refresh = useCallback(() => refetch({ requestPolicy: 'network-only' }), [refetch]);
  // The subscription lives as long as the order is on screen; refreshing goes through a ref.
  const refreshRef = useRef(refresh);
  refreshRef.current = refresh;

  useEffect(
    () =>
      follow(liveUrl(ENDPOINT), token, {
        document: FOLLOW_ORDER,
        variables: { orderId: session.orderId },
        cursorOf: (event) => event.orderProgress.cursor,
        onEvent: ({ orderProgress: event }) => {
          setEvents((list) => [
            ...list,
            {
              key: event.entry?.id ?? event.cursor,
              type: event.type,
              occurredAt: event.occurredAt,
              statusCode: event.entry?.statusCode ?? null,
            },
          ]);
          refreshRef.current();
        },
        onState: (state) => {
          setLive(state);
          // Back after a gap: the order itself may have moved in ways no event of ours shows.
          if (state === 'live') refreshRef.current();
        },
      }),
    [session.orderId, token],
  );

  const order = data?.order;
  const title = order ? t('track.orderOf', { studio: nameOf(order.studio, language) }) : t('track.title');
  return (
    <Page title={title} subtitle={order ? productName(order, language) : undefined} actions={<LiveIndicator state={live} />}>
      {fetching && !data ? <Loading /> : null}
      {error && !data ? <HubErrorState error={error} retry={refresh} /> : null}
      {data && !order ? <ErrorState title={t('track.goneTitle')} message={t('track.goneBody')} /> : null}
      {order ? (
        <OrderSections
          order={order}
          exceptionCodes={data.exceptionCodes}
          shareUrl={data.notificationBinding?.shareUrl ?? null}
          language={language}
          events={activityOf(order.progress ?? [], events)}
          refresh={refresh}
        />
      ) : null}
    </Page>
  );
}

/** How many entries of the order's history the activity list shows. */
const ACTIVITY_SHOWN = 20;

/**
 * The activity list: the order's recent history as the page opened (its progress log, at the
 * customer's tier), then what arrived live since; one line per progress entry however often it
 * was heard, newest first, the latest ACTIVITY_SHOWN.
 */
function activityOf(history: NonNullable<Order['progress']>, live: LiveEvent[]): LiveEvent[] {
  const seen = new Set<string>();
  const merged: LiveEvent[] = [];
  for (const event of [
    ...history.map((entry) => ({ key: entry.id, type: entry.type, occurredAt: entry.occurredAt, statusCode: entry.statusCode ?? null })),
    ...live,
  ]) {
    if (seen.has(event.key)) continue;
    seen.add(event.key);
    merged.push(event);
  }
  // Newest first: what happened last is what the customer looks for.
  merged.sort((a, b) => b.occurredAt.localeCompare(a.occurredAt));
  return merged;
}

function OrderSections({
  order,
  exceptionCodes,
  shareUrl,
  language,
  events,
  refresh,
}: {
  order: Order;
  exceptionCodes: { code: string; labelZh: string; labelEn: string }[];
  shareUrl: string | null;
  language: Language;
  events: LiveEvent[];
  refresh: () => void;
}) {
  const { t } = useI18n();
  const notices = (order.delayAlerts ?? []).filter((alert) => alert.threshold >= 50);
  const shown = events.slice(0, ACTIVITY_SHOWN);
  return (
    <div className="track-layout">
      <section className="card summary" aria-labelledby="summary-heading">
        <h2 id="summary-heading">{t('track.progress')}</h2>
        <p className={`phase phase-${order.phase}`} data-testid="phase">
          {t(`phase.${order.phase}`)}
        </p>
        {order.milestone ? (
          <p data-testid="milestone">
            {t('track.milestone')}
            {t('common.colon')}
            <strong>{labelOf(order.milestone, language)}</strong>
          </p>
        ) : null}
        <OrderDates order={order} language={language} />
      </section>

      {notices.map((notice) => (
        <DelayNotice
          key={notice.id}
          notice={notice}
          atStage={order.stages.some((stage) => stage.statusCode.code === notice.visibleStage?.code && stage.status === 'IN_PROGRESS')}
          expectedBy={order.phase === 'IN_PROGRESS' ? (order.eta?.completion.likelyBefore ?? null) : null}
          exceptionCodes={exceptionCodes}
          language={language}
          onAnswered={refresh}
        />
      ))}

      {shareUrl && order.phase === 'DONE' ? <ShareFinished url={shareUrl} /> : null}

      {order.lines && order.lines.length > 0 ? (
        <Section title={t('track.lines')} id="lines">
          <ul className="plain">
            {order.lines.map((line, index) => (
              <li key={index}>
                {productLineName(line.productCode, order, language)} × {line.quantity}
                {line.personalisation ? <span className="muted"> — {line.personalisation}</span> : null}
              </li>
            ))}
          </ul>
        </Section>
      ) : null}

      {order.stages.length > 0 ? <Stages stages={order.stages} language={language} /> : null}

      {order.materials && order.materials.length > 0 ? (
        <Section title={t('track.materials')} id="materials">
          <ul className="plain">
            {order.materials.map((material) => (
              <li key={material.sku}>
                {materialName(material.sku, language, material.material.name)}
                {t('common.colon')}
                <span className={`badge material-${material.status}`}>{t(`material.${material.status}`)}</span>
                {material.expectedAt ? (
                  <span className="muted"> {t('track.expected', { day: formatDay(material.expectedAt, language) })}</span>
                ) : null}
              </li>
            ))}
          </ul>
        </Section>
      ) : null}

      {order.traceCodes && order.traceCodes.length > 0 ? (
        <Section title={t('track.traceCodes')} id="trace-codes">
          <p className="muted">{t('track.traceCodesHint')}</p>
          <ul className="plain" data-testid="trace-codes">
            {order.traceCodes.map((trace) => (
              <li key={trace.code}>
                {productLineName(trace.productCode, order, language)} #{trace.unit}
                {t('common.colon')}
                {/* The code's own link: the hub's resolver opens the product's story from it, as a scan would. */}
                <a href={trace.uri}>
                  <code>{trace.code}</code>
                </a>
              </li>
            ))}
          </ul>
        </Section>
      ) : null}

      {order.shipments && order.shipments.length > 0 ? (
        <Section title={t('track.shipments')} id="shipments">
          {order.shipments.map((shipment) => (
            <div key={shipment.id} className="shipment" data-testid="shipment">
              <p>
                <strong>{shipment.carrier}</strong> {shipment.trackingNumber} ·{' '}
                <span className="badge">{t(`shipment.${shipment.status}`)}</span>
              </p>
              {shipment.events.length > 0 ? (
                <ol className="timeline">
                  {shipment.events.map((event) => (
                    <li key={event.id}>
                      <time dateTime={event.occurredAt}>{formatDateTime(event.occurredAt, language)}</time> {t(`shipment.${event.status}`)}
                      {event.location ? ` · ${event.location}` : ''}
                      {event.description ? ` · ${event.description}` : ''}
                    </li>
                  ))}
                </ol>
              ) : null}
            </div>
          ))}
        </Section>
      ) : null}

      <Section title={t('track.liveUpdates')} id="live">
        {shown.length === 0 ? (
          <Empty>{t('track.noUpdatesYet')}</Empty>
        ) : (
          <>
            {events.length > shown.length ? <p className="muted">{t('trackStory.activity.earlier', { count: shown.length })}</p> : null}
            <ol className="timeline" data-testid="live-events">
              {shown.map((event) => (
                <li key={event.key} data-key={event.key} data-type={event.type} data-code={event.statusCode?.code}>
                  <time dateTime={event.occurredAt}>{formatDateTime(event.occurredAt, language)}</time> {eventText(event, language, t)}
                </li>
              ))}
            </ol>
          </>
        )}
      </Section>

      <Preferences orderId={order.id} />
    </div>
  );
}

function eventText(event: LiveEvent, language: Language, t: (key: string, options?: Record<string, unknown>) => string): string {
  const stage = labelOf(event.statusCode, language);
  const known = (Object.values(ORDER_EVENTS) as string[]).includes(event.type);
  return known ? t(`event.${event.type}`, { stage: stage || t('track.aStage') }) : t('event.other');
}

function Stages({ stages, language }: { stages: Order['stages']; language: Language }) {
  const { t } = useI18n();
  return (
    <Section title={t('track.stages')} id="stages">
      <ol className="stages" data-testid="stages">
        {stages.map((stage) => (
          <li key={stage.id} className={`stage stage-${stage.status}`} data-status={stage.status} data-code={stage.statusCode.code}>
            <div className="stage-head">
              <span className="stage-name">{labelOf(stage.statusCode, language)}</span>
              <span className="badge">{t(`stage.${stage.status}`)}</span>
            </div>
            {stage.startedAt || stage.finishedAt ? (
              <p className="muted stage-times">
                {stage.startedAt ? (
                  <>
                    {t('track.started')} <time dateTime={stage.startedAt}>{formatDateTime(stage.startedAt, language)}</time>
                  </>
                ) : null}
                {stage.finishedAt ? (
                  <>
                    {' '}
                    · {t('track.finished')} <time dateTime={stage.finishedAt}>{formatDateTime(stage.finishedAt, language)}</time>
                  </>
                ) : null}
              </p>
            ) : null}
            {stage.operatorPenName ? (
              <p className="pen-name">
                {t('track.craftsperson')}
                {t('common.colon')}
                {stage.operatorPenName}
              </p>
            ) : null}
            {stage.environment.length > 0 ? (
              <ul className="readings">
                {stage.environment.map((reading, index) => (
                  <li key={index}>
                    {readingName(reading.name, language)}
                    {t('common.colon')}
                    {reading.value} {unitName(reading.unit, language)}
                  </li>
                ))}
              </ul>
            ) : null}
            {stage.qcResult ? (
              <p>
                {t('track.qc')}
                {t('common.colon')}
                {t(`qc.${stage.qcResult}`)}
              </p>
            ) : null}
            {stage.photoUrls.length > 0 ? (
              <ul className="photos">
                {stage.photoUrls.map((url) => (
                  <li key={url}>
                    <a href={url} target="_blank" rel="noreferrer">
                      {t('track.photo')}
                    </a>
                  </li>
                ))}
              </ul>
            ) : null}
          </li>
        ))}
      </ol>
    </Section>
  );
}

type Notice = NonNullable<Order['delayAlerts']>[number];

const DAY_MS = 24 * 3_600_000;

/**
 * The order's one date story: what was promised and what is expected now, side by side, and
 * plainly whether that is late; once made, when it should arrive; once delivered, only that.
 * Customers below BASIC have no forecast: they read the promise, and whether it has passed.
 */
function OrderDates({ order, language }: { order: Order; language: Language }) {
  const { t } = useI18n();
  const now = useNow();
  const day = (iso: string) => formatDay(iso, language);
  const percent = order.eta ? Math.round(order.eta.confidence * 100) : 0;
  const deliveredAt = (order.shipments ?? [])
    .flatMap((shipment) => shipment.events)
    .filter((event) => event.status === 'DELIVERED')
    .map((event) => event.occurredAt)
    .sort()
    .at(-1);
  const delivered = order.status === 'DELIVERED' || Boolean(deliveredAt) || (order.shipments ?? []).some((s) => s.status === 'DELIVERED');
  const lines: { text: string; late?: boolean }[] = [];
  if (order.phase === 'CANCELLED') {
    lines.push({ text: t('trackStory.dates.cancelled') });
  } else if (delivered) {
    lines.push({ text: deliveredAt ? t('trackStory.dates.delivered', { day: day(deliveredAt) }) : t('trackStory.dates.deliveredNoDay') });
  } else if (order.phase === 'DONE') {
    lines.push({
      text: order.eta
        ? t('trackStory.dates.made', { expected: day(order.eta.delivery.likelyBefore), percent })
        : t('trackStory.dates.madeOnly'),
    });
  } else {
    const promised = order.promisedAt;
    const expected = order.eta?.completion.likelyBefore;
    if (promised && expected) {
      lines.push({ text: t('trackStory.dates.promisedExpected', { promised: day(promised), expected: day(expected), percent }) });
      // Late by whole days as the customer reads dates: the expected day after the promised day.
      const lateDays = Math.round((startOfDay(expected) - startOfDay(promised)) / DAY_MS);
      lines.push(
        lateDays > 0 ? { text: t('trackStory.dates.late', { days: lateDays }), late: true } : { text: t('trackStory.dates.onTrack') },
      );
    } else if (promised) {
      lines.push({ text: t('trackStory.dates.promisedOnly', { promised: day(promised) }) });
      if (new Date(promised).getTime() < now) lines.push({ text: t('trackStory.dates.pastPromise'), late: true });
    } else if (expected) {
      lines.push({ text: t('trackStory.dates.expectedOnly', { expected: day(expected), percent }) });
    }
  }
  if (lines.length === 0) return null;
  return (
    <div className="order-dates" data-testid="order-dates" data-late={lines.some((line) => line.late) ? 'true' : 'false'}>
      {lines.map((line, index) => (
        <p key={index} className={line.late ? 'late' : index === 0 ? 'eta' : undefined}>
          {line.late ? <strong>{line.text}</strong> : line.text}
        </p>
      ))}
    </div>
  );
}

/** Midnight (China Standard Time) of the day an instant falls on, in ms: days are counted as the customer reads them. */
function startOfDay(iso: string): number {
  const CST = 8 * 3_600_000;
  const at = new Date(iso).getTime() + CST;
  return at - (at % DAY_MS) - CST;
}

function DelayNotice({
  notice,
  atStage,
  expectedBy,
  exceptionCodes,
  language,
  onAnswered,
}: {
  notice: Notice;
  /** The stage named is the one running late (else the customer's tier shows the next one on the way). */
  atStage: boolean;
  expectedBy: string | null;
  exceptionCodes: { code: string; labelZh: string; labelEn: string }[];
  language: Language;
  onAnswered: () => void;
}) {
  const { t } = useI18n();
  const [{ fetching, error }, respond] = useMutation(RESPOND_TO_DELAY);
  const [answered, setAnswered] = useState<{ choice: string; compensation: string | null } | null>(null);
  const key = useRef(idempotencyKey('delay'));
  const answer =
    answered ?? (notice.customerResponse ? { choice: notice.customerResponse, compensation: notice.chosenCompensation ?? null } : null);
  const reason = exceptionCodes.find((code) => code.code === notice.reasonCode);
  const offers = notice.compensationOptions;
  const choose = async (choice: 'ACCEPT_DELAY' | 'CANCEL_RUSH' | 'CONTACT_ME', compensation: string | null) => {
    const result = await respond({ alertId: notice.id, choice, compensation, key: key.current });
    if (result.data) {
      setAnswered({
        choice: result.data.respondToDelay.customerResponse ?? choice,
        compensation: result.data.respondToDelay.chosenCompensation ?? null,
      });
      onAnswered();
    }
  };
  // Accepting carries the compensation picked, when the studio offers any; the other answers stand alone.
  const others = notice.choices.filter((choice) => choice !== 'ACCEPT_DELAY');
  return (
    <section className="card notice" aria-labelledby={`notice-${notice.id}`} data-testid="delay-notice">
      <h2 id={`notice-${notice.id}`}>
        {notice.visibleStage
          ? t(atStage ? 'delay.title' : 'trackStory.notice.titleBefore', { stage: labelOf(notice.visibleStage, language) })
          : t('trackStory.notice.titleNoStage')}
      </h2>
      <p>{t('delay.body', { percent: notice.overrunPercent })}</p>
      {reason ? (
        <p>
          {t('delay.reason')}
          {t('common.colon')}
          {labelOf(reason, language)}
        </p>
      ) : null}
      {expectedBy ? <p data-testid="delay-new-date">{t('trackStory.notice.newDate', { day: formatDay(expectedBy, language) })}</p> : null}
      {answer ? (
        <p className="answered" role="status" data-testid="delay-answer">
          {answer.compensation
            ? t('trackStory.notice.answeredWith', { offer: answer.compensation })
            : t('delay.answered', { answer: t(`delay.choice.${answer.choice}`) })}
        </p>
      ) : (
        <>
          {notice.choices.includes('ACCEPT_DELAY') && offers.length > 0 ? (
            <>
              <p id={`offers-${notice.id}`}>{t('trackStory.notice.pickOne')}</p>
              <div className="button-row" role="group" aria-labelledby={`offers-${notice.id}`}>
                {offers.map((offer) => (
                  <button key={offer} type="button" disabled={fetching} onClick={() => void choose('ACCEPT_DELAY', offer)}>
                    {t('trackStory.notice.acceptWith', { offer })}
                  </button>
                ))}
              </div>
            </>
          ) : null}
          <div className="button-row">
            {notice.choices.includes('ACCEPT_DELAY') && offers.length === 0 ? (
              <button type="button" disabled={fetching} onClick={() => void choose('ACCEPT_DELAY', null)}>
                {t('trackStory.notice.accept')}
              </button>
            ) : null}
            {others.map((choice) => (
              <button key={choice} type="button" disabled={fetching} onClick={() => void choose(choice, null)}>
                {t(`delay.choice.${choice}`)}
              </button>
            ))}
          </div>
        </>
      )}
      <HubRefusal error={hubMessage(error)} />
    </section>
  );
}

/** A finished order's share page, one tap away: opened, or its link copied to send on. */
function ShareFinished({ url }: { url: string }) {
  const { t } = useI18n();
  const [copied, setCopied] = useState<'yes' | 'failed' | null>(null);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(url);
      setCopied('yes');
    } catch {
      setCopied('failed');
    }
  };
  return (
    <section className="card share-finished" aria-labelledby="share-heading" data-testid="share-finished">
      <h2 id="share-heading">{t('trackStory.share.heading')}</h2>
      <p>{t('trackStory.share.body')}</p>
      <div className="button-row">
        <a className="button primary" href={url} target="_blank" rel="noreferrer">
          {t('trackStory.share.open')}
        </a>
        <button type="button" onClick={() => void copy()}>
          {t('trackStory.share.copy')}
        </button>
      </div>
      {copied ? (
        <p role="status" className="muted">
          {t(copied === 'yes' ? 'trackStory.share.copied' : 'trackStory.share.copyFailed')}
        </p>
      ) : null}
    </section>
  );
}
