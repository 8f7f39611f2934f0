import { useRef } from 'react';
import { useMutation, useQuery } from 'urql';
import { hubMessage, idempotencyKey } from '../common/client';
import { formatDateTime, labelOf, useI18n } from '../common/i18n';
import { Empty, HubErrorState, HubRefusal, Loading, Section } from '../common/ui';
import { graphql } from '../gql/partner';
import type { AssignedWorkQuery } from '../gql/partner/graphql';
import { StaffGate } from '../signin/StaffGate';
import { StaffWorkspace } from '../signin/StaffWorkspace';
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
  return (
    <StaffWorkspace session={session} endpoint="/graphql/partner" title={t('partner.title')} signOut={signOut}>
      <Work enterpriseId={session.org!} />
    </StaffWorkspace>
  );
}

type Stage = AssignedWorkQuery['assignedStages'][number];

function Work({ enterpriseId }: { enterpriseId: string }) {
  const { t, language } = useI18n();
  const [{ data, fetching, error }, refetch] = useQuery({ query: ASSIGNED_WORK, variables: { enterpriseId } });
  const refresh = () => refetch({ requestPolicy: 'network-only' });
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
          <ul className="plain" data-testid="assigned-stages">
            {data.assignedStages.map((stage) => {
              const allocation = allocationOf(stage);
              return (
                <li key={stage.id} className={`stage stage-${stage.status}`} data-stage-id={stage.id} data-status={stage.status}>
                  <div className="stage-head">
                    <span className="stage-name">{labelOf(stage.statusCode, language)}</span>
                    <span className="badge">{t(`stage.${stage.status}`)}</span>
                    <span className="muted small">
                      {t('studio.order')} {stage.orderId.slice(-8)}
                    </span>
                  </div>
                  <p className="small muted">
                    {stage.dueAt ? `${t('track.dueAt')}${t('common.colon')}${formatDateTime(stage.dueAt, language)}` : ''}
                    {stage.startedAt ? ` · ${t('track.started')} ${formatDateTime(stage.startedAt, language)}` : ''}
                  </p>
                  <div className="button-row">
                    {stage.status === 'PENDING' ? (
                      <button type="button" className="primary" disabled={busy} onClick={() => act(start({ id: stage.id }))}>
                        {t('studio.start')}
                      </button>
                    ) : null}
                    {stage.status === 'IN_PROGRESS' && stage.qcCheckpoint && !stage.qcResult ? (
                      <>
                        <button type="button" disabled={busy} onClick={() => act(qc({ id: stage.id, result: 'PASS', key: qcKey.current }))}>
                          {t('studio.qcPass')}
                        </button>
                        <button type="button" disabled={busy} onClick={() => act(qc({ id: stage.id, result: 'FAIL', key: qcKey.current }))}>
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
                      <button type="button" disabled={busy} onClick={() => act(decline({ id: allocation.id }))}>
                        {t('partner.decline')}
                      </button>
                    ) : null}
                  </div>
                </li>
              );
            })}
          </ul>
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
                <span className="badge">{allocation.status}</span> {allocation.capability} × {allocation.units} · {allocation.day}
                {!allocation.started && allocation.status === 'ACTIVE' && !allocation.stageRunId ? (
                  <button type="button" disabled={busy} onClick={() => act(decline({ id: allocation.id }))}>
                    {t('partner.decline')}
                  </button>
                ) : null}
              </li>
            ))}
          </ul>
        )}
      </Section>
    </>
  );
}
