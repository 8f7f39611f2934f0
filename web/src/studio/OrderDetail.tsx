import { useEffect, useRef, useState, type FormEvent, type ReactNode } from 'react';
import { useMutation, useQuery, type AnyVariables, type DocumentInput } from 'urql';
import { hubMessage, idempotencyKey } from '../common/client';
import { formatDateTime, formatDay, formatMoney, labelOf, nameOf, useI18n } from '../common/i18n';
import { ErrorState, HubErrorState, HubRefusal, Loading } from '../common/ui';
import { productName } from '../common/labels';
import { useNow } from '../common/now';
import { graphql } from '../gql/hub';
import type { StudioOrderQuery } from '../gql/hub/graphql';
import { useMayUse } from '../signin/permissions';
import { ConfirmButton } from '../common/Confirm';
import { LateReason, StageTimes, stageTiming } from './WhyLate';
import { currentStage } from './stages';
import { WorkTicketButton } from './WorkTicket';
import { CustomerLinks } from './CustomerLinks';
import { ProgressLog } from './ProgressLog';

const STUDIO_ORDER = graphql(`
  query StudioOrder($id: ID!) {
    order(id: $id) {
      id
      productFamily
      productNameZh
      productNameEn
      status
      phase
      externalOrderId
      channel
      dueAt
      createdAt
      priceCents
      customerTierMax
      studio {
        id
      }
      customer {
        name
      }
      statusCode {
        code
        labelZh
        labelEn
      }
      stages {
        id
        position
        code
        status
        standardMinutes
        startedAt
        finishedAt
        dueAt
        operatorName
        operatorPenName
        qcCheckpoint
        qcResult
        qcNote
        statusCode {
          code
          labelZh
          labelEn
        }
        assignedTo {
          id
          nameZh
          nameEn
        }
      }
      exceptions {
        id
        stageRunId
        status
        note
        reportedAt
        resolvedAt
        resolution
        code {
          code
          labelZh
          labelEn
        }
      }
      delayAlerts {
        id
        stageRunId
        threshold
        status
        raisedAt
        overrunPercent
        customerResponse
      }
      cost {
        materialsCents
        labourCents
        overheadCents
        totalCents
        priceCents
        marginCents
        marginPercent
      }
      eta {
        confidence
        delivery {
          likelyBefore
        }
        completion {
          likelyBefore
        }
        basis {
          method
          note
        }
      }
      shipments {
        id
        carrier
        trackingNumber
        status
      }
      materials {
        sku
        status
        material {
          name
        }
      }
    }
    exceptionCodes {
      code
      labelZh
      labelEn
    }
    enterprises(kind: PARTNER_STUDIO) {
      id
      nameZh
      nameEn
    }
  }
`);

const START_STAGE = graphql(`
  mutation StartStage($id: ID!, $operator: OperatorInput) {
    startStage(stageRunId: $id, operator: $operator) {
      id
      status
    }
  }
`);
const COMPLETE_STAGE = graphql(`
  mutation CompleteStage($id: ID!) {
    completeStage(stageRunId: $id) {
      id
      status
    }
  }
`);
const RECORD_QC = graphql(`
  mutation RecordQc($id: ID!, $result: QcResult!, $note: String, $key: String!) {
    recordQcResult(stageRunId: $id, result: $result, note: $note, idempotencyKey: $key) {
      id
      qcResult
    }
  }
`);
const ASSIGN_STAGE = graphql(`
  mutation AssignStage($id: ID!, $enterpriseId: ID!, $key: String!) {
    assignStage(stageRunId: $id, enterpriseId: $enterpriseId, idempotencyKey: $key) {
      id
      assignedTo {
        id
      }
    }
  }
`);
const REPORT_EXCEPTION = graphql(`
  mutation ReportException($orderId: ID!, $code: String!, $note: String, $key: String!) {
    reportException(orderId: $orderId, code: $code, note: $note, idempotencyKey: $key) {
      id
    }
  }
`);
const RESOLVE_EXCEPTION = graphql(`
  mutation ResolveException($id: ID!, $resolution: String!, $key: String!) {
    resolveException(exceptionId: $id, resolution: $resolution, idempotencyKey: $key) {
      id
      status
    }
  }
`);
const CHANGE_ROUTE = graphql(`
  mutation ChangeRoute($orderId: ID!, $steps: [RouteStepInput!]!, $key: String!) {
    changeRoute(orderId: $orderId, steps: $steps, idempotencyKey: $key) {
      id
    }
  }
`);
const CANCEL_ORDER = graphql(`
  mutation CancelOrder($orderId: ID!, $reason: String!, $key: String!) {
    cancelOrder(orderId: $orderId, reason: $reason, idempotencyKey: $key) {
      id
      status
    }
  }
`);
const ADD_SHIPMENT = graphql(`
  mutation AddShipment($orderId: ID!, $input: ShipmentInput!, $key: String!) {
    addShipment(orderId: $orderId, input: $input, idempotencyKey: $key) {
      id
    }
  }
`);
const SET_TIER_MAX = graphql(`
  mutation SetCustomerTierMax($orderId: ID!, $tier: VisibilityTier!, $key: String!) {
    setCustomerTierMax(orderId: $orderId, tier: $tier, idempotencyKey: $key) {
      id
      customerTierMax
    }
  }
`);
/** The partners' open offers for a stage's work: price, capacity and dates, shown before handing it over. */
const STAGE_OFFERS = graphql(`
  query StageOffers($capability: String!) {
    capacityOffers(capability: $capability) {
      id
      enterpriseId
      baseUnitsPerDay
      maxUnitsPerDay
      availableFrom
      availableTo
      unitPriceCents
      qualityScore
    }
  }
`);
type Order = NonNullable<StudioOrderQuery['order']>;
type Stage = Order['stages'][number];

/**
 * Runs one mutation and then refreshes the order; the hub's refusal is shown as it worded it.
 * Each use keeps one idempotency key until it succeeds, so a retry after a lost answer replays.
 */
function useAction<Data, Variables extends AnyVariables>(document: DocumentInput<Data, Variables>, done: () => void) {
  const [{ fetching, error }, run] = useMutation(document);
  const key = useRef(idempotencyKey('ui'));
  const act = async (variables: Omit<Variables, 'key'>) => {
    const result = await run({ ...variables, key: key.current } as unknown as Variables);
    if (result.data) {
      key.current = idempotencyKey('ui');
      done();
    }
    return result;
  };
  return { act, fetching, error: hubMessage(error) };
}

export function OrderDetail({ orderId, version, onClose }: { orderId: string; version: number; onClose: () => void }) {
  const { t, language } = useI18n();
  const may = useMayUse();
  const [{ data, fetching, error }, refetch] = useQuery({ query: STUDIO_ORDER, variables: { id: orderId } });
  const refresh = () => refetch({ requestPolicy: 'network-only' });
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (version > 0) refetch({ requestPolicy: 'network-only' });
  }, [version, refetch]);
  useEffect(() => heading.current?.focus(), [orderId]);
  const order = data?.order;
  const now = useNow();
  return (
    <aside className="detail card" aria-labelledby="detail-heading" data-testid="order-detail">
      <div className="detail-head">
        <h2 id="detail-heading" tabIndex={-1} ref={heading}>
          {order ? `${order.externalOrderId ?? t('board.unnumbered')} · ${productName(order, language)}` : t('studio.order')}
        </h2>
        <button type="button" onClick={onClose} aria-label={t('common.close')}>
          ×
        </button>
      </div>
      {fetching && !data ? <Loading /> : null}
      {error && !data ? <HubErrorState error={error} retry={refresh} /> : null}
      {data && !order ? <ErrorState title={t('studio.orderGone')} message={t('studio.orderGoneBody')} /> : null}
      {order ? (
        <>
          <LateReason order={order} now={now} />
          <dl className="facts">
            <dt>{t('studio.status')}</dt>
            <dd data-testid="order-status">
              {t(`orderStatus.${order.status}`)}
              {order.statusCode ? ` · ${labelOf(order.statusCode, language)}` : ''}
            </dd>
            {order.customer ? (
              <>
                <dt>{t('studio.customer')}</dt>
                <dd>{order.customer.name}</dd>
              </>
            ) : null}
            {order.dueAt ? (
              <>
                <dt>{t('track.dueAt')}</dt>
                <dd>{formatDateTime(order.dueAt, language)}</dd>
              </>
            ) : null}
            {order.eta ? (
              <>
                <dt>{t('studio.forecast')}</dt>
                <dd>
                  {t('track.etaStatement', {
                    percent: Math.round(order.eta.confidence * 100),
                    day: formatDay(order.eta.delivery.likelyBefore, language),
                  })}
                </dd>
              </>
            ) : null}
            {order.customerTierMax ? (
              <>
                <dt>{t('studio.tierMax')}</dt>
                <dd>
                  {may(SET_TIER_MAX) && order.phase === 'IN_PROGRESS' ? (
                    <TierCap orderId={order.id} tier={order.customerTierMax} refresh={refresh} />
                  ) : (
                    t(`tier.${order.customerTierMax}`)
                  )}
                </dd>
              </>
            ) : null}
          </dl>
          <WorkTicketButton order={order} />
          <StageList order={order} partners={data.enterprises} refresh={refresh} now={now} />
          {order.cost ? <Cost cost={order.cost} /> : null}
          <Exceptions order={order} codes={data.exceptionCodes} refresh={refresh} />
          <Shipments order={order} refresh={refresh} />
          <CustomerLinks orderId={order.id} orderNumber={order.externalOrderId ?? t('studio.order')} version={version} />
          {may(CANCEL_ORDER) && order.phase === 'IN_PROGRESS' ? (
            <CancelOrder orderId={order.id} number={order.externalOrderId ?? t('board.unnumbered')} refresh={refresh} />
          ) : null}
          <ProgressLog orderId={order.id} version={version} />
        </>
      ) : null}
    </aside>
  );
}

function StageList({
  order,
  partners,
  refresh,
  now,
}: {
  order: Order;
  partners: { id: string; nameZh: string; nameEn: string }[];
  refresh: () => void;
  now: number;
}) {
  const { t, language } = useI18n();
  const may = useMayUse();
  const current = currentStage(order.stages);
  const route = useAction(CHANGE_ROUTE, refresh);
  const pending = order.stages.filter((stage) => stage.status === 'PENDING');
  return (
    <div className="subsection">
      <h3>{t('track.stages')}</h3>
      <ol className="stages compact">
        {order.stages.map((stage, index) => (
          <li
            key={stage.id}
            className={`stage stage-${stage.status}${stageTiming(order.stages, index, order.createdAt, now).late ? ' late' : ''}`}
            data-status={stage.status}
            data-code={stage.statusCode.code}
          >
            <div className="stage-head">
              <span className="stage-name">{labelOf(stage.statusCode, language)}</span>
              <span className="badge">{t(`stage.${stage.status}`)}</span>
              {stage.qcCheckpoint ? (
                <span className="badge info">
                  {t('board.qcCheckpoint')}
                  {stage.qcResult ? ` · ${t(`qc.${stage.qcResult}`)}` : ''}
                </span>
              ) : null}
              {stage.assignedTo && stage.assignedTo.id !== order.studio.id ? (
                <span className="badge info">{nameOf(stage.assignedTo, language)}</span>
              ) : null}
            </div>
            <StageTimes order={order} index={index} now={now} />
            {stage.operatorName || stage.operatorPenName ? (
              <p className="small muted">{[stage.operatorName, stage.operatorPenName].filter(Boolean).join(' / ')}</p>
            ) : null}
            {stage.id === current?.id ? <StageActions stage={stage} refresh={refresh} /> : null}
            {stage.status === 'PENDING' && (may(ASSIGN_STAGE) || may(CHANGE_ROUTE)) ? (
              <div className="stage-manage">
                {may(ASSIGN_STAGE) ? <AssignStage stage={stage} studioId={order.studio.id} partners={partners} refresh={refresh} /> : null}
                {may(CHANGE_ROUTE) ? (
                  <ConfirmButton
                    label={t('studio.skipStage')}
                    title={t('board.skipTitle', { stage: labelOf(stage.statusCode, language) })}
                    consequence={t('board.skipConsequence', { stage: labelOf(stage.statusCode, language) })}
                    confirmLabel={t('board.skipConfirm')}
                    disabled={route.fetching}
                    onConfirm={() =>
                      route.act({
                        orderId: order.id,
                        steps: pending.filter((other) => other.id !== stage.id).map((other) => ({ stageRunId: other.id })),
                      })
                    }
                  />
                ) : null}
              </div>
            ) : null}
            {stage.status === 'IN_PROGRESS' && may(ASSIGN_STAGE) ? <p className="small muted">{t('board.runningStaysPut')}</p> : null}
          </li>
        ))}
      </ol>
      <HubRefusal error={route.error} />
    </div>
  );
}

function StageActions({ stage, refresh }: { stage: Stage; refresh: () => void }) {
  const { t } = useI18n();
  const may = useMayUse();
  const start = useAction(START_STAGE, refresh);
  const complete = useAction(COMPLETE_STAGE, refresh);
  const qc = useAction(RECORD_QC, refresh);
  const [operator, setOperator] = useState({ name: '', penName: '' });
  const error = start.error ?? complete.error ?? qc.error;
  let body: ReactNode = null;
  if (stage.status === 'PENDING' && may(START_STAGE)) {
    body = (
      <form
        className="row"
        onSubmit={(event) => {
          event.preventDefault();
          void start.act({ id: stage.id, operator: operator.name && operator.penName ? operator : undefined });
        }}
      >
        <label>
          {t('studio.operatorName')}
          <input value={operator.name} onChange={(event) => setOperator({ ...operator, name: event.target.value })} />
        </label>
        <label>
          {t('studio.penName')}
          <input value={operator.penName} onChange={(event) => setOperator({ ...operator, penName: event.target.value })} />
        </label>
        <button type="submit" className="primary" disabled={start.fetching}>
          {t('studio.start')}
        </button>
      </form>
    );
  } else if (stage.status === 'IN_PROGRESS' && may(COMPLETE_STAGE)) {
    // A checkpoint's result is recorded while it runs; FAIL blocks the route.
    body = (
      <div className="button-row">
        {stage.qcCheckpoint && !stage.qcResult && may(RECORD_QC) ? (
          <>
            <button type="button" disabled={qc.fetching} onClick={() => qc.act({ id: stage.id, result: 'PASS' })}>
              {t('studio.qcPass')}
            </button>
            <button type="button" disabled={qc.fetching} onClick={() => qc.act({ id: stage.id, result: 'FAIL' })}>
              {t('studio.qcFail')}
            </button>
          </>
        ) : null}
        <button type="button" className="primary" disabled={complete.fetching} onClick={() => complete.act({ id: stage.id })}>
          {t('studio.complete')}
        </button>
      </div>
    );
  } else if (stage.status === 'BLOCKED') {
    body = <p className="small">{t('studio.blocked')}</p>;
  }
  return (
    <div className="stage-actions">
      {body}
      <HubRefusal error={error} />
    </div>
  );
}

/**
 * Who does a waiting stage: pick a workshop (nothing happens yet), read its offer for this work,
 * then hand the stage over with a button that says what will happen.
 */
function AssignStage({
  stage,
  studioId,
  partners,
  refresh,
}: {
  stage: Stage;
  studioId: string;
  partners: { id: string; nameZh: string; nameEn: string }[];
  refresh: () => void;
}) {
  const { t, language } = useI18n();
  const may = useMayUse();
  const assign = useAction(ASSIGN_STAGE, refresh);
  const holder = stage.assignedTo?.id ?? studioId;
  // What the lead picked for this holder; a new holder (the stage handed over) starts from itself.
  const [picked, setPicked] = useState<{ holder: string; id: string } | null>(null);
  const choice = picked?.holder === holder ? picked.id : holder;
  const setChoice = (id: string) => setPicked({ holder, id });
  const [{ data: offers }] = useQuery({ query: STAGE_OFFERS, variables: { capability: stage.code }, pause: !may(STAGE_OFFERS) });
  const offer = offers?.capacityOffers.find((candidate) => candidate.enterpriseId === choice);
  const partnerName =
    choice === studioId
      ? t('studio.ownStudio')
      : nameOf(
          partners.find((partner) => partner.id === choice),
          language,
        );
  const stageName = labelOf(stage.statusCode, language);
  return (
    <div className="assign">
      <label>
        {t('studio.assignTo')}
        <select value={choice} disabled={assign.fetching} onChange={(event) => setChoice(event.target.value)}>
          <option value={studioId}>{t('studio.ownStudio')}</option>
          {partners.map((partner) => (
            <option key={partner.id} value={partner.id}>
              {nameOf(partner, language)}
            </option>
          ))}
        </select>
      </label>
      {choice !== studioId && choice !== holder ? (
        offer ? (
          <p className="offer-terms small" data-testid="offer-terms">
            {t('board.offerTerms', {
              price: formatMoney(offer.unitPriceCents, language),
              max: offer.maxUnitsPerDay,
              base: offer.baseUnitsPerDay,
              from: formatDay(offer.availableFrom, language),
              to: formatDay(offer.availableTo, language),
              quality: offer.qualityScore.toFixed(1),
            })}
          </p>
        ) : (
          <p className="offer-terms small muted">{t('board.noOffer')}</p>
        )
      ) : null}
      {choice !== holder ? (
        <ConfirmButton
          label={t('board.handOver')}
          title={t('board.handOverTitle', { stage: stageName, partner: partnerName })}
          consequence={
            choice === studioId
              ? t('board.takeBackConsequence', { stage: stageName })
              : t('board.handOverConsequence', { stage: stageName, partner: partnerName })
          }
          confirmLabel={t('board.handOverConfirm')}
          danger={false}
          disabled={assign.fetching}
          onConfirm={() => assign.act({ id: stage.id, enterpriseId: choice })}
        />
      ) : null}
      <HubRefusal error={assign.error} />
    </div>
  );
}

/** The studio's cap on what the order's customer may see: changes at once, and can be changed back. */
function TierCap({ orderId, tier, refresh }: { orderId: string; tier: 'MINIMAL' | 'BASIC' | 'DETAILED'; refresh: () => void }) {
  const { t } = useI18n();
  const save = useAction(SET_TIER_MAX, refresh);
  const [choice, setChoice] = useState(tier);
  useEffect(() => setChoice(tier), [tier]);
  return (
    <form
      className="row"
      onSubmit={(event) => {
        event.preventDefault();
        void save.act({ orderId, tier: choice });
      }}
    >
      <label>
        <span className="visually-hidden">{t('studio.tierMax')}</span>
        <select value={choice} onChange={(event) => setChoice(event.target.value as typeof tier)}>
          {(['MINIMAL', 'BASIC', 'DETAILED'] as const).map((option) => (
            <option key={option} value={option}>
              {t(`tier.${option}`)}
            </option>
          ))}
        </select>
      </label>
      {choice !== tier ? (
        <button type="submit" disabled={save.fetching}>
          {t('board.saveTier')}
        </button>
      ) : null}
      <p className="small muted">{t('board.tierHint')}</p>
      <HubRefusal error={save.error} />
    </form>
  );
}

function Cost({ cost }: { cost: NonNullable<Order['cost']> }) {
  const { t, language } = useI18n();
  return (
    <div className="subsection">
      <h3>{t('studio.cost')}</h3>
      <dl className="facts">
        <dt>{t('studio.materialsCost')}</dt>
        <dd>{formatMoney(cost.materialsCents, language)}</dd>
        <dt>{t('studio.labourCost')}</dt>
        <dd>{formatMoney(cost.labourCents, language)}</dd>
        <dt>{t('studio.overhead')}</dt>
        <dd>{formatMoney(cost.overheadCents, language)}</dd>
        <dt>{t('studio.price')}</dt>
        <dd>{formatMoney(cost.priceCents, language)}</dd>
        <dt>{t('studio.margin')}</dt>
        <dd>
          {formatMoney(cost.marginCents, language)}
          {cost.marginPercent !== null && cost.marginPercent !== undefined ? ` (${cost.marginPercent.toFixed(1)} %)` : ''}
        </dd>
      </dl>
    </div>
  );
}

function Exceptions({
  order,
  codes,
  refresh,
}: {
  order: Order;
  codes: { code: string; labelZh: string; labelEn: string }[];
  refresh: () => void;
}) {
  const { t, language } = useI18n();
  const may = useMayUse();
  const report = useAction(REPORT_EXCEPTION, refresh);
  const resolve = useAction(RESOLVE_EXCEPTION, refresh);
  const [code, setCode] = useState(codes[0]?.code ?? '');
  const [note, setNote] = useState('');
  const [resolution, setResolution] = useState<Record<string, string>>({});
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const result = await report.act({ orderId: order.id, code, note: note || undefined });
    if (result.data) setNote('');
  };
  return (
    <div className="subsection">
      <h3>{t('studio.exceptions')}</h3>
      <ul className="plain">
        {(order.exceptions ?? []).map((exception) => (
          <li key={exception.id}>
            <span className={`badge ${exception.status === 'OPEN' ? 'warn' : ''}`}>{t(`board.exceptionStatus.${exception.status}`)}</span>{' '}
            {labelOf(exception.code, language)}
            {exception.note ? ` — ${exception.note}` : ''}
            {exception.status === 'OPEN' && may(RESOLVE_EXCEPTION) ? (
              <form
                className="row"
                onSubmit={(event) => {
                  event.preventDefault();
                  void resolve.act({ id: exception.id, resolution: resolution[exception.id] ?? '' });
                }}
              >
                <label>
                  {t('studio.resolution')}
                  <input
                    value={resolution[exception.id] ?? ''}
                    onChange={(event) => setResolution({ ...resolution, [exception.id]: event.target.value })}
                    required
                  />
                </label>
                <button type="submit" disabled={resolve.fetching}>
                  {t('studio.resolve')}
                </button>
              </form>
            ) : exception.resolution ? (
              <span className="muted"> · {exception.resolution}</span>
            ) : null}
          </li>
        ))}
      </ul>
      <HubRefusal error={resolve.error} />
      {order.phase === 'IN_PROGRESS' && may(REPORT_EXCEPTION) ? (
        <form className="row" onSubmit={submit}>
          <label>
            {t('studio.exceptionCode')}
            <select value={code} onChange={(event) => setCode(event.target.value)}>
              {codes.map((option) => (
                <option key={option.code} value={option.code}>
                  {labelOf(option, language)}
                </option>
              ))}
            </select>
          </label>
          <label>
            {t('studio.note')}
            <input value={note} onChange={(event) => setNote(event.target.value)} maxLength={500} />
          </label>
          <button type="submit" disabled={report.fetching}>
            {t('studio.report')}
          </button>
        </form>
      ) : null}
      <HubRefusal error={report.error} />
    </div>
  );
}

function Shipments({ order, refresh }: { order: Order; refresh: () => void }) {
  const { t } = useI18n();
  const may = useMayUse();
  const add = useAction(ADD_SHIPMENT, refresh);
  const [input, setInput] = useState({ carrier: '', trackingNumber: '' });
  if (order.status !== 'READY_TO_SHIP' && (order.shipments ?? []).length === 0) return null;
  return (
    <div className="subsection">
      <h3>{t('track.shipments')}</h3>
      <ul className="plain">
        {(order.shipments ?? []).map((shipment) => (
          <li key={shipment.id}>
            {shipment.carrier} {shipment.trackingNumber} · {t(`shipment.${shipment.status}`)}
          </li>
        ))}
      </ul>
      {order.status === 'READY_TO_SHIP' && may(ADD_SHIPMENT) ? (
        <form
          className="row"
          onSubmit={(event) => {
            event.preventDefault();
            void add.act({ orderId: order.id, input });
          }}
        >
          <label>
            {t('studio.carrier')}
            <input value={input.carrier} onChange={(event) => setInput({ ...input, carrier: event.target.value })} required />
          </label>
          <label>
            {t('studio.trackingNumber')}
            <input value={input.trackingNumber} onChange={(event) => setInput({ ...input, trackingNumber: event.target.value })} required />
          </label>
          <button type="submit" disabled={add.fetching}>
            {t('studio.addShipment')}
          </button>
        </form>
      ) : null}
      <HubRefusal error={add.error} />
    </div>
  );
}

function CancelOrder({ orderId, number, refresh }: { orderId: string; number: string; refresh: () => void }) {
  const { t } = useI18n();
  const cancel = useAction(CANCEL_ORDER, refresh);
  const [reason, setReason] = useState('');
  return (
    <details className="subsection">
      <summary>{t('studio.cancelOrder')}</summary>
      <div className="row">
        <label>
          {t('studio.cancelReason')}
          <input value={reason} onChange={(event) => setReason(event.target.value)} required maxLength={500} />
        </label>
        <ConfirmButton
          label={t('studio.cancel')}
          title={t('board.cancelTitle', { number })}
          consequence={t('board.cancelConsequence', { number, reason })}
          confirmLabel={t('board.cancelConfirm')}
          disabled={cancel.fetching || reason.trim() === ''}
          onConfirm={() => cancel.act({ orderId, reason: reason.trim() })}
        />
      </div>
      {reason.trim() === '' ? <p className="small muted">{t('board.cancelNeedsReason')}</p> : null}
      <HubRefusal error={cancel.error} />
    </details>
  );
}
