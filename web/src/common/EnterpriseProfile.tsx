import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { useRef, useState, type FormEvent } from 'react';
import { useMutation, useQuery } from 'urql';
import { useMayUse } from '../signin/permissions';
import { hubMessage, idempotencyKey } from './client';
import { draftProblems, EnterpriseFields, refusedField, type EnterpriseDraft } from './EnterpriseFields';
import { useI18n } from './i18n';
import { regionName } from './regions';
import { HubErrorState, HubRefusal, Loading } from './ui';

interface Profile {
  id: string;
  kind: string;
  nameZh: string;
  nameEn: string;
  region: string;
  gln?: string | null;
  status: string;
}
/** The profile's query and change, as each workspace's endpoint types them (hub, partner, supplier). */
export interface ProfileDocuments {
  profile: TypedDocumentNode<{ enterprise?: Profile | null }, { id: string }>;
  change: TypedDocumentNode<
    { changeEnterprise: unknown },
    { id: string; key: string; input: { nameZh?: string | null; nameEn?: string | null; region?: string | null; gln?: string | null } }
  >;
}

const FIELDS = ['nameZh', 'nameEn', 'region', 'gln'] as const;

/** The enterprise's directory entry: what customers and the network see of it. Its admin may change it. */
export function EnterpriseProfile({ enterpriseId, documents }: { enterpriseId: string; documents: ProfileDocuments }) {
  const { t, language } = useI18n();
  const may = useMayUse();
  const [{ data, fetching, error }, refetch] = useQuery({ query: documents.profile, variables: { id: enterpriseId } });
  const [changed, change] = useMutation(documents.change);
  const [draft, setDraft] = useState<EnterpriseDraft | null>(null);
  const [checked, setChecked] = useState(false);
  const [saved, setSaved] = useState(false);
  const key = useRef(idempotencyKey('profile'));
  if (fetching && !data) return <Loading />;
  if (error && !data) return <HubErrorState error={error} retry={() => refetch({ requestPolicy: 'network-only' })} />;
  const enterprise = data?.enterprise;
  if (!enterprise) return <HubErrorState error={error!} />;
  const editable = may(documents.change);
  const refusal = hubMessage(changed.error);
  const problems = draft && checked ? draftProblems(draft, FIELDS) : {};
  const hubField = refusedField(refusal);
  if (hubField && draft) problems[hubField] ??= hubField;
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!draft) return;
    setChecked(true);
    setSaved(false);
    if (Object.keys(draftProblems(draft, FIELDS)).length > 0) return;
    const result = await change({
      id: enterpriseId,
      key: key.current,
      input: { nameZh: draft.nameZh.trim(), nameEn: draft.nameEn.trim(), region: draft.region, ...(draft.gln ? { gln: draft.gln } : {}) },
    });
    if (result.data) {
      key.current = idempotencyKey('profile');
      setDraft(null);
      setChecked(false);
      setSaved(true);
    }
  };
  return (
    <section className="card" aria-labelledby="profile-heading" data-testid="enterprise-profile">
      <h2 id="profile-heading">{t('settings.profile.title')}</h2>
      <p className="muted">{t('settings.profile.intro')}</p>
      {draft ? (
        <form className="form" onSubmit={submit} noValidate>
          <EnterpriseFields draft={draft} onChange={setDraft} problems={problems} withId={false} />
          <div className="button-row">
            <button type="button" onClick={() => setDraft(null)}>
              {t('settings.cancel')}
            </button>
            <button type="submit" className="primary" disabled={changed.fetching}>
              {t('settings.save')}
            </button>
          </div>
          <HubRefusal error={hubField ? null : refusal} />
        </form>
      ) : (
        <>
          <dl className="facts">
            <dt>{t('enterpriseForm.nameZh')}</dt>
            <dd lang="zh-CN">{enterprise.nameZh}</dd>
            <dt>{t('enterpriseForm.nameEn')}</dt>
            <dd lang="en">{enterprise.nameEn}</dd>
            <dt>{t('enterpriseForm.kind')}</dt>
            <dd>{t(`enterpriseKind.${enterprise.kind}`)}</dd>
            <dt>{t('enterpriseForm.region')}</dt>
            <dd>{regionName(enterprise.region, language)}</dd>
            <dt>{t('enterpriseForm.gln')}</dt>
            <dd>{enterprise.gln ?? t('settings.profile.noGln')}</dd>
            <dt>{t('settings.profile.status')}</dt>
            <dd>
              <span className={enterprise.status === 'ACTIVE' ? 'badge ok' : 'badge warn'}>
                {t(`enterpriseStatus.${enterprise.status}`)}
              </span>
            </dd>
          </dl>
          {saved ? (
            <p role="status" className="small">
              {t('settings.profile.saved')}
            </p>
          ) : null}
          {editable ? (
            <button
              type="button"
              onClick={() => {
                setSaved(false);
                setDraft({
                  id: enterprise.id,
                  kind: enterprise.kind,
                  nameZh: enterprise.nameZh,
                  nameEn: enterprise.nameEn,
                  region: enterprise.region,
                  gln: enterprise.gln ?? '',
                });
              }}
            >
              {t('settings.profile.edit')}
            </button>
          ) : (
            <p className="muted small">{t('settings.profile.adminsChange')}</p>
          )}
        </>
      )}
    </section>
  );
}
