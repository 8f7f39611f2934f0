import { useMemo, useState } from 'react';
import { useMutation, useQuery } from 'urql';
import { ConfirmButton } from '../common/Confirm';
import { hubMessage, idempotencyKey } from '../common/client';
import { useI18n } from '../common/i18n';
import { regionName } from '../common/regions';
import { Empty, HubErrorState, HubRefusal, Loading, Section } from '../common/ui';
import { graphql } from '../gql/hub';
import type { EnterpriseStatus } from '../gql/hub/graphql';
import { StaffGate } from '../signin/StaffGate';
import { StaffWorkspace } from '../signin/StaffWorkspace';
import type { StaffSession } from '../signin/session';

const APPLICATIONS = graphql(`
  query EnterpriseApplications($status: EnterpriseStatus!) {
    enterpriseApplications(status: $status) {
      id
      kind
      nameZh
      nameEn
      region
      gln
      status
      statusReason
    }
  }
`);

const APPROVE = graphql(`
  mutation ApproveEnterprise($id: ID!, $key: String!) {
    approveEnterprise(id: $id, idempotencyKey: $key) {
      id
      status
    }
  }
`);

const REJECT = graphql(`
  mutation RejectEnterprise($id: ID!, $reason: String!, $key: String!) {
    rejectEnterprise(id: $id, reason: $reason, idempotencyKey: $key) {
      id
      status
      statusReason
    }
  }
`);

const STATUSES: EnterpriseStatus[] = ['APPLIED', 'REJECTED', 'SUSPENDED'];

/** The hub admin's page: enterprises that applied to join, to approve or reject (with a reason). */
export default function AdminPage() {
  const { t } = useI18n();
  return (
    <StaffGate workspace="admin" title={t('admin.title')}>
      {(session, signOut) => <Admin session={session} signOut={signOut} />}
    </StaffGate>
  );
}

function Admin({ session, signOut }: { session: StaffSession; signOut: () => void }) {
  const { t } = useI18n();
  const [status, setStatus] = useState<EnterpriseStatus>('APPLIED');
  return (
    <StaffWorkspace session={session} endpoint="/graphql" title={t('admin.title')} signOut={signOut}>
      <Section title={t('admin.applicationsTitle')} id="applications">
        <label>
          {t('admin.showStatus')}
          <select value={status} onChange={(event) => setStatus(event.target.value as EnterpriseStatus)}>
            {STATUSES.map((option) => (
              <option key={option} value={option}>
                {t(`enterpriseStatus.${option}`)}
              </option>
            ))}
          </select>
        </label>
        <Applications status={status} />
      </Section>
    </StaffWorkspace>
  );
}

function Applications({ status }: { status: EnterpriseStatus }) {
  const { t, language } = useI18n();
  // An empty list names no type urql could watch: say which mutations' answers make it stale.
  const context = useMemo(() => ({ additionalTypenames: ['Enterprise'] }), []);
  const [{ data, fetching, error }, refetch] = useQuery({ query: APPLICATIONS, variables: { status }, context });
  const [approved, approve] = useMutation(APPROVE);
  const [rejected, reject] = useMutation(REJECT);
  const [reasons, setReasons] = useState<Record<string, string>>({});
  const [decided, setDecided] = useState<string | null>(null);
  const reload = () => refetch({ requestPolicy: 'network-only' });
  if (fetching && !data) return <Loading />;
  if (error && !data) return <HubErrorState error={error} retry={reload} />;
  const applications = data?.enterpriseApplications ?? [];
  return (
    <>
      {decided ? (
        <p role="status" className="small">
          {decided}
        </p>
      ) : null}
      {applications.length === 0 ? (
        <Empty>{t(`admin.none.${status}`)}</Empty>
      ) : (
        <ul className="plain resource-list" data-testid="applications">
          {applications.map((application) => {
            const name = language === 'zh' ? application.nameZh : application.nameEn;
            const reason = reasons[application.id] ?? '';
            return (
              <li key={application.id} aria-labelledby={`application-${application.id}`}>
                <h3 id={`application-${application.id}`}>{name}</h3>
                <dl className="facts">
                  <dt>{t('enterpriseForm.kind')}</dt>
                  <dd>{t(`enterpriseKind.${application.kind}`)}</dd>
                  <dt>{t('enterpriseForm.nameZh')}</dt>
                  <dd lang="zh-CN">{application.nameZh}</dd>
                  <dt>{t('enterpriseForm.nameEn')}</dt>
                  <dd lang="en">{application.nameEn}</dd>
                  <dt>{t('enterpriseForm.region')}</dt>
                  <dd>{regionName(application.region, language)}</dd>
                  <dt>{t('enterpriseForm.gln')}</dt>
                  <dd>{application.gln ?? t('settings.profile.noGln')}</dd>
                  {application.statusReason ? (
                    <>
                      <dt>{t('admin.reason')}</dt>
                      <dd>{application.statusReason}</dd>
                    </>
                  ) : null}
                </dl>
                {application.status === 'APPLIED' ? (
                  <div className="button-row">
                    <ConfirmButton
                      label={t('admin.approve')}
                      title={t('admin.approveTitle', { name })}
                      consequence={t('admin.approveConsequence')}
                      confirmLabel={t('admin.approve')}
                      danger={false}
                      onConfirm={async () => {
                        const result = await approve({ id: application.id, key: idempotencyKey('approve') });
                        if (result.data) {
                          setDecided(t('admin.approved', { name }));
                          reload();
                        }
                      }}
                    />
                    <ConfirmButton
                      label={t('admin.reject')}
                      title={t('admin.rejectTitle', { name })}
                      consequence={t('admin.rejectConsequence')}
                      confirmLabel={t('admin.reject')}
                      confirmDisabled={!reason.trim()}
                      onConfirm={async () => {
                        if (!reason.trim()) return;
                        const result = await reject({ id: application.id, reason: reason.trim(), key: idempotencyKey('reject') });
                        if (result.data) {
                          setDecided(t('admin.rejected', { name }));
                          reload();
                        }
                      }}
                    >
                      <label>
                        {t('admin.reasonLabel')}
                        <textarea
                          value={reason}
                          maxLength={500}
                          required
                          onChange={(event) => setReasons({ ...reasons, [application.id]: event.target.value })}
                        />
                      </label>
                    </ConfirmButton>
                  </div>
                ) : null}
              </li>
            );
          })}
        </ul>
      )}
      <HubRefusal error={hubMessage(approved.error) ?? hubMessage(rejected.error)} />
    </>
  );
}
