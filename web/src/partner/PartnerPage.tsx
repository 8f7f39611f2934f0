import { useEffect, useRef, useState } from 'react';
import { useMutation, useQuery } from 'urql';
import { hubMessage, idempotencyKey } from '../common/client';
import { formatDateTime, formatDay, labelOf, nameOf, useI18n } from '../common/i18n';
import { productName, stageCapabilityName } from '../common/labels';
import { follow, liveUrl, type LiveState } from '../common/live';
import { ConfirmButton } from '../common/Confirm';
import { Empty, HubErrorState, HubRefusal, LiveIndicator, Loading, Section } from '../common/ui';
import { graphql } from '../gql/partner';
import type { AssignedWorkQuery } from '../gql/partner/graphql';
import { GrantedStages } from './GrantedStages';
import { PartnerProfile } from './Profile';
import { StaffGate } from '../signin/StaffGate';
import { partnerWorkOrder } from './work-order';
import { StaffWorkspace, useSessionToken } from '../signin/StaffWorkspace';
import type { StaffSession } from '../signin/session';

const ASSIGNED_WORK = graphql(`
  query AssignedWork($enterpriseId: ID!) {
    assignedStages(enterpriseId: $enterpriseId) {
      id
      orderId
      position
      status
      dueAt
      startedAt
      finishedAt
      qcCheckpoint
      qcResult
      ready
      productFamily
      productNameZh
      productNameEn
      inscriptions
      studio {
        id
        nameZh
        nameEn
      }
      statusCode {
        code
        labelZh
        labelEn
      }
    }
    allocations {
      id
      stageRunId
      orderId
      capability
      day
      units
      status
      started
    }
  }
`);

const ALLOCATION_EVENTS = graphql(`
  subscription PartnerAllocationEvents($enterpriseId: ID!, $after: String) {
    allocationEvents(enterpriseId: $enterpriseId, after: $after) {
      cursor
      type
    }
  }
`);
const HELD_STAGE_EVENTS = graphql(`
  subscription PartnerHeldStageEvents($enterpriseId: ID!, $after: String) {
    heldStageEvents(enterpriseId: $enterpriseId, after: $after) {
      cursor
      type
    }
  }
`);

const START = graphql(`
  mutation PartnerStartStage($id: ID!) {
    startStage(stageRunId: $id) {
      id
      status
    }
  }
`);
const COMPLETE = graphql(`
  mutation PartnerCompleteStage($id: ID!) {
    completeStage(stageRunId: $id) {
      id
      status
    }
  }
`);
const QC = graphql(`
  mutation PartnerRecordQc($id: ID!, $result: QcResult!, $key: String!) {
    recordQcResult(stageRunId: $id, result: $result, idempotencyKey: $key) {
      id
      qcResult
    }
  }
`);
const DECLINE = graphql(`
  mutation DeclineAllocation($id: ID!) {
    declineAllocation(allocationId: $id) {
      id
      status
    }
  }
`);

export default function PartnerPage() {
  const { t } = useI18n();
  return (
    <StaffGate workspace="partner" title={t('partner.title')}>
      {(session, signOut) => <Workspace session={session} signOut={signOut} />}
    </StaffGate>
  );
}

/** A partner workshop's day: the stages handed to it (only what it may see: no customer, no price), and its allocations. */
function Workspace({ session, signOut }: { session: StaffSession; signOut: () => void }) {
  const { t } = useI18n();
  const [live, setLive] = useState<LiveState>('connecting');
  return (
    <StaffWorkspace
      session={session}
      endpoint="/graphql/partner"
      title={t('partner.title')}
      signOut={signOut}
      actions={<LiveIndicator state={live} />}
    >
      <Work session={session} onLive={setLive} />
      <GrantedStages />
      <PartnerProfile enterpriseId={session.org!} />
    </StaffWorkspace>
  );
}

type Stage = AssignedWorkQuery['assignedStages'][number];

function Work({ session, onLive }: { session: StaffSession; onLive: (state: LiveState) => void }) {
  const enterpriseId = session.org!;
  const { t, language } = useI18n();
  const token = useSessionToken(session);
  const [{ data, fetching, error }, refetch] = useQuery({ query: ASSIGNED_WORK, variables: { enterpriseId } });
  const refresh = () => refetch({ requestPolicy: 'network-only' });
  const refreshRef = useRef(refresh);
  refreshRef.current = refresh;
  // A burst of events is one refresh.
  const pending = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const soon = () => {
    clearTimeout(pending.current);
    pending.current = setTimeout(() => refreshRef.current(), 150);
  };
  const soonRef = useRef(soon);
  soonRef.current = soon;
  // Live: allocations made to or taken from this workshop.
  useEffect(
    () =>
      follow(liveUrl('/graphql/partner'), token, {
        document: ALLOCATION_EVENTS,
        variables: { enterpriseId },
        cursorOf: (event) => event.allocationEvents.cursor,
        onEvent: () => soonRef.current(),
        onState: (state) => {
          onLive(state);
          if (state === 'live') soonRef.current();
        },
      }),
    [enterpriseId, token, onLive],
  );
  // The stages it holds: handed to it or taken back, and ready to start once the studio's work before them is done.
  useEffect(
    () =>
      follow(liveUrl('/graphql/partner'), token, {
        document: HELD_STAGE_EVENTS,
        variables: { enterpriseId },
        cursorOf: (event) => event.heldStageEvents.cursor,
        onEvent: () => soonRef.current(),
        onState: () => undefined,
      }),
    [enterpriseId, token],
  );
  useEffect(() => () => clearTimeout(pending.current), []);
  const [startState, start] = useMutation(START);
  const [completeState, complete] = useMutation(COMPLETE);
  const [qcState, qc] = useMutation(QC);
  const [declineState, decline] = useMutation(DECLINE);
  const qcKey = useRef(idempotencyKey('qc'));
  if (fetching && !data) return <Loading />;
  if (error && !data) return <HubErrorState error={error} retry={refresh} />;
  if (!data) return null;
  const act = async (promise: Promise<{ data?: unknown }>) => {
    if ((await promise).data) refresh();
  };
  const allocationOf = (stage: Stage) =>
    data.allocations.find((allocation) => allocation.stageRunId === stage.id && allocation.status === 'ACTIVE');
  const work = partnerWorkOrder(data.assignedStages, new Date());
  const capabilityName = (capability: string) => stageCapabilityName(capability, language);
  const busy = startState.fetching || completeState.fetching || qcState.fetching || declineState.fetching;
  return (
    <>
      <Section title={t('partner.stages')} id="stages">
        <button type="button" onClick={refresh}>
          {t('common.refresh')}
        </button>
        {data.assignedStages.length === 0 ? (
          <Empty>{t('partner.noStages')}</Empty>
        ) : (
          (
            [
              ['today', work.today],
              ['later', work.later],
              ['finished', work.finished],
            ] as const
          ).map(([group, stages]) =>
            stages.length === 0 ? null : (
              <div key={group} className="stage-group">
                <h3>{t(`partner.group.${group}`)}</h3>
                <ul className="plain" data-testid={`assigned-stages-${group}`}>
                  {stages.map((stage) => {
                    const allocation = allocationOf(stage);
                    return (
                      <li key={stage.id} className={`stage stage-${stage.status}`} data-stage-id={stage.id} data-status={stage.status}>
                        <div className="stage-head">
                          <span className="stage-name">{labelOf(stage.statusCode, language)}</span>
                          <span className="badge">{t(`stage.${stage.status}`)}</span>
                          {stage.status === 'PENDING' ? (
                            <span
                              className={`badge readiness ${stage.ready ? 'ready' : 'waiting'}`}
                              data-ready={String(Boolean(stage.ready))}
                            >
                              {t(stage.ready ? 'partner.ready' : 'partner.notReady')}
                            </span>
                          ) : null}
                        </div>
                        <p className="small">
                          {t('partner.workFor', {
                            product: stage.productFamily ? productName(stage, language) : t('partner.unknownProduct'),
                            studio: nameOf(stage.studio, language),
                          })}
                        </p>
                        {stage.inscriptions?.length ? (
                          <p className="inscription">
                            {t('partner.inscription')}
                            {t('common.colon')}
                            {stage.inscriptions.map((text) => `“${text}”`).join(t('partner.listSeparator'))}
                          </p>
                        ) : null}
                        <p className="small muted">
                          {stage.dueAt ? `${t('track.dueAt')}${t('common.colon')}${formatDateTime(stage.dueAt, language)}` : ''}
                          {stage.startedAt ? ` · ${t('track.started')} ${formatDateTime(stage.startedAt, language)}` : ''}
                        </p>
                        <div className="button-row">
                          {stage.status === 'PENDING' && stage.ready ? (
                            <button type="button" className="primary" disabled={busy} onClick={() => act(start({ id: stage.id }))}>
                              {t('studio.start')}
                            </button>
                          ) : null}
                          {stage.status === 'PENDING' && !stage.ready ? (
                            <span className="small muted">{t('partner.notReadyWhy')}</span>
                          ) : null}
                          {stage.status === 'IN_PROGRESS' && stage.qcCheckpoint && !stage.qcResult ? (
                            <>
                              <button
                                type="button"
                                disabled={busy}
                                onClick={() => act(qc({ id: stage.id, result: 'PASS', key: qcKey.current }))}
                              >
                                {t('studio.qcPass')}
                              </button>
                              <button
                                type="button"
                                disabled={busy}
                                onClick={() => act(qc({ id: stage.id, result: 'FAIL', key: qcKey.current }))}
                              >
                                {t('studio.qcFail')}
                              </button>
                            </>
                          ) : null}
                          {stage.status === 'IN_PROGRESS' ? (
                            <button type="button" className="primary" disabled={busy} onClick={() => act(complete({ id: stage.id }))}>
                              {t('studio.complete')}
                            </button>
                          ) : null}
                          {allocation && !allocation.started ? (
                            <DeclineButton disabled={busy} onConfirm={() => act(decline({ id: allocation.id }))} />
                          ) : null}
                        </div>
                      </li>
                    );
                  })}
                </ul>
              </div>
            ),
          )
        )}
        <HubRefusal error={hubMessage(startState.error ?? completeState.error ?? qcState.error ?? declineState.error)} />
      </Section>
      <Section title={t('partner.allocations')} id="allocations">
        {data.allocations.length === 0 ? (
          <Empty>{t('partner.noAllocations')}</Empty>
        ) : (
          <ul className="plain">
            {data.allocations.map((allocation) => (
              <li key={allocation.id}>
                <span className="badge">{t(`partner.allocationStatus.${allocation.status}`)}</span>{' '}
                {capabilityName(allocation.capability) || allocation.capability} × {allocation.units} ·{' '}
                {formatDay(`${allocation.day}T12:00:00+08:00`, language)}
                {!allocation.started && allocation.status === 'ACTIVE' && !allocation.stageRunId ? (
                  <DeclineButton disabled={busy} onConfirm={() => act(decline({ id: allocation.id }))} />
                ) : null}
              </li>
            ))}
          </ul>
        )}
      </Section>
    </>
  );
}

/** Declining hands the work back to the studio for good: the partner is told so before it happens. */
function DeclineButton({ disabled, onConfirm }: { disabled: boolean; onConfirm: () => unknown }) {
  const { t } = useI18n();
  return (
    <ConfirmButton
      label={t('partner.decline')}
      title={t('partner.declineTitle')}
      consequence={t('partner.declineConsequence')}
      confirmLabel={t('partner.declineConfirm')}
      disabled={disabled}
      onConfirm={onConfirm}
    />
  );
}
