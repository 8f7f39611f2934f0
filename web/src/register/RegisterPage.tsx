import { useMemo, useRef, useState, type FormEvent } from 'react';
import { useMutation, useQuery } from 'urql';
import { hubMessage, idempotencyKey } from '../common/client';
import { draftProblems, EnterpriseFields, refusedField, type EnterpriseDraft } from '../common/EnterpriseFields';
import { useI18n } from '../common/i18n';
import { regionName } from '../common/regions';
import { Empty, HubErrorState, HubRefusal, Loading, Section } from '../common/ui';
import { graphql } from '../gql/hub';
import { StaffGate } from '../signin/StaffGate';
import { StaffWorkspace } from '../signin/StaffWorkspace';
import type { StaffSession } from '../signin/session';

const APPLY = graphql(`
  mutation ApplyForEnterprise($input: EnterpriseRegistrationInput!, $key: String!) {
    applyForEnterprise(input: $input, idempotencyKey: $key) {
      id
      status
    }
  }
`);

const MY_APPLICATIONS = graphql(`
  query MyEnterpriseApplications {
    myEnterpriseApplications {
      id
      kind
      nameZh
      nameEn
      region
      status
      statusReason
    }
  }
`);

const KINDS = ['STUDIO', 'PARTNER_STUDIO', 'SUPPLIER', 'KITCHEN'] as const;
const FIELDS = ['id', 'kind', 'nameZh', 'nameEn', 'region', 'gln'] as const;
const EMPTY: EnterpriseDraft = { id: '', kind: 'STUDIO', nameZh: '', nameEn: '', region: '', gln: '' };

/** An enterprise applies to join the network; a hub admin approves or rejects it (/admin). */
export default function RegisterPage() {
  const { t } = useI18n();
  return (
    <StaffGate workspace="register" title={t('register.title')}>
      {(session, signOut) => <Register session={session} signOut={signOut} />}
    </StaffGate>
  );
}

function Register({ session, signOut }: { session: StaffSession; signOut: () => void }) {
  const { t } = useI18n();
  return (
    <StaffWorkspace session={session} endpoint="/graphql" title={t('register.title')} signOut={signOut}>
      <div className="narrow">
        <Section title={t('register.nextTitle')} id="register-next">
          <ol className="steps">
            <li>{t('register.next1')}</li>
            <li>{t('register.next2')}</li>
            <li>{t('register.next3')}</li>
          </ol>
        </Section>
        <ApplicationForm />
        <Section title={t('register.mineTitle')} id="register-mine">
          <MyApplications />
        </Section>
      </div>
    </StaffWorkspace>
  );
}

function ApplicationForm() {
  const { t } = useI18n();
  const [draft, setDraft] = useState<EnterpriseDraft>(EMPTY);
  const [checked, setChecked] = useState(false);
  const [applied, apply] = useMutation(APPLY);
  const [sent, setSent] = useState(false);
  const key = useRef(idempotencyKey('apply'));
  const refusal = hubMessage(applied.error);
  const hubField = refusedField(refusal);
  const problems = checked ? draftProblems(draft, FIELDS) : {};
  if (hubField) problems[hubField] ??= hubField;
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setChecked(true);
    setSent(false);
    if (Object.keys(draftProblems(draft, FIELDS)).length > 0) return;
    const result = await apply({
      key: key.current,
      input: {
        id: draft.id,
        kind: draft.kind as (typeof KINDS)[number],
        nameZh: draft.nameZh.trim(),
        nameEn: draft.nameEn.trim(),
        region: draft.region,
        ...(draft.gln ? { gln: draft.gln } : {}),
      },
    });
    if (result.data) {
      key.current = idempotencyKey('apply');
      setDraft(EMPTY);
      setChecked(false);
      setSent(true);
    } else if (refusedField(hubMessage(result.error))) {
      // A refused field is corrected and sent again as a new request.
      key.current = idempotencyKey('apply');
    }
  };
  return (
    <Section title={t('register.formTitle')} id="register-form">
      <form className="form" onSubmit={submit} noValidate data-testid="register-form">
        <fieldset>
          <legend>{t('enterpriseForm.kind')}</legend>
          {KINDS.map((kind) => (
            <label key={kind} className="choice">
              <input type="radio" name="kind" value={kind} checked={draft.kind === kind} onChange={() => setDraft({ ...draft, kind })} />{' '}
              <span>
                <strong>{t(`enterpriseKind.${kind}`)}</strong>
                <span className="small muted"> · {t(`register.kindHint.${kind}`)}</span>
              </span>
            </label>
          ))}
        </fieldset>
        <EnterpriseFields draft={draft} onChange={setDraft} problems={problems} withId />
        <div className="button-row">
          <button type="submit" className="primary" disabled={applied.fetching}>
            {t('register.submit')}
          </button>
        </div>
        {Object.keys(problems).length > 0 ? (
          <p className="field-problem" role="alert">
            {t('register.fixFields')}
          </p>
        ) : null}
        {sent ? (
          <p role="status" className="notice" data-testid="register-sent">
            {t('register.sent')}
          </p>
        ) : null}
        <HubRefusal error={hubField ? null : refusal} />
      </form>
    </Section>
  );
}

function MyApplications() {
  const { t, language } = useI18n();
  // An empty list names no type urql could watch: say which mutations' answers make it stale.
  const context = useMemo(() => ({ additionalTypenames: ['Enterprise'] }), []);
  const [{ data, fetching, error }, refetch] = useQuery({ query: MY_APPLICATIONS, context });
  if (fetching && !data) return <Loading />;
  if (error && !data) return <HubErrorState error={error} retry={() => refetch({ requestPolicy: 'network-only' })} />;
  const mine = data?.myEnterpriseApplications ?? [];
  if (mine.length === 0) return <Empty>{t('register.noneYet')}</Empty>;
  return (
    <ul className="plain resource-list" data-testid="my-applications">
      {mine.map((application) => (
        <li key={application.id}>
          <strong>{language === 'zh' ? application.nameZh : application.nameEn}</strong> · {t(`enterpriseKind.${application.kind}`)} ·{' '}
          {regionName(application.region, language)}{' '}
          <span className={application.status === 'ACTIVE' ? 'badge ok' : application.status === 'APPLIED' ? 'badge info' : 'badge warn'}>
            {t(`enterpriseStatus.${application.status}`)}
          </span>
          {application.statusReason ? <p className="small">{t('register.reason', { reason: application.statusReason })}</p> : null}
        </li>
      ))}
    </ul>
  );
}
