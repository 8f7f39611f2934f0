import { useRef, useState, type FormEvent } from 'react';
import { useMutation, useQuery } from 'urql';
import { hubMessage, idempotencyKey } from '../common/client';
import { nameOf, useI18n } from '../common/i18n';
import { Empty, HubErrorState, HubRefusal, Loading, Section } from '../common/ui';
import { graphql } from '../gql/hub';
import { useMayUse } from '../signin/permissions';
import { useRefreshOn } from './refresh';

const OVERFLOW = graphql(`
  query StudioOverflow {
    overflowRequests {
      id
      capability
      units
      status
      unmetUnits
      unmetReason
      dueDate
      createdAt
    }
    allocations {
      id
      requestId
      enterpriseId
      capability
      day
      units
      status
    }
  }
`);

const DECLARE_SURGE = graphql(`
  mutation DeclareDemandSurge($studioId: ID!, $capability: String!, $extraUnits: Int!, $window: DateWindowInput!, $key: String!) {
    declareDemandSurge(studioId: $studioId, capability: $capability, extraUnits: $extraUnits, window: $window, idempotencyKey: $key) {
      placedUnits
      unmetUnits
      unmetReason
      placements {
        units
        enterprise {
          id
          nameZh
          nameEn
        }
      }
    }
  }
`);

const today = () => new Date().toISOString().slice(0, 10);
const inDays = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

export function OverflowPanel({ studioId, version }: { studioId: string; version: number }) {
  const { t, language } = useI18n();
  const may = useMayUse();
  const [{ data, fetching, error }, refetch] = useQuery({ query: OVERFLOW });
  const [surgeState, declare] = useMutation(DECLARE_SURGE);
  const [form, setForm] = useState({ capability: 'C50', extraUnits: 10, from: today(), to: inDays(3) });
  const key = useRef(idempotencyKey('surge'));
  useRefreshOn(version, refetch);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const result = await declare({
      studioId,
      capability: form.capability,
      extraUnits: form.extraUnits,
      window: { from: form.from, to: form.to },
      key: key.current,
    });
    if (result.data) {
      key.current = idempotencyKey('surge');
      refetch({ requestPolicy: 'network-only' });
    }
  };
  const surge = surgeState.data?.declareDemandSurge;
  return (
    <>
      <Section title={t('studio.declareSurge')} id="surge">
        {may(DECLARE_SURGE) ? (
          <form className="form" onSubmit={submit}>
            <div className="row">
              <label>
                {t('studio.capability')}
                <input value={form.capability} onChange={(event) => setForm({ ...form, capability: event.target.value })} required />
              </label>
              <label>
                {t('studio.extraUnits')}
                <input
                  type="number"
                  min={1}
                  value={form.extraUnits}
                  onChange={(event) => setForm({ ...form, extraUnits: Number(event.target.value) })}
                  required
                />
              </label>
              <label>
                {t('prefs.from')}
                <input type="date" value={form.from} onChange={(event) => setForm({ ...form, from: event.target.value })} required />
              </label>
              <label>
                {t('prefs.to')}
                <input type="date" value={form.to} onChange={(event) => setForm({ ...form, to: event.target.value })} required />
              </label>
            </div>
            <button type="submit" className="primary" disabled={surgeState.fetching}>
              {t('studio.declare')}
            </button>
          </form>
        ) : (
          <p className="muted">{t('studio.leadsSurge')}</p>
        )}
        <HubRefusal error={hubMessage(surgeState.error)} />
        {surge ? (
          <div role="status" data-testid="surge-result">
            <p>{t('studio.surgePlaced', { placed: surge.placedUnits, unmet: surge.unmetUnits })}</p>
            <ul className="plain">
              {surge.placements.map((placement) => (
                <li key={placement.enterprise.id}>
                  {nameOf(placement.enterprise, language)}
                  {t('common.colon')}
                  {placement.units}
                </li>
              ))}
            </ul>
          </div>
        ) : null}
      </Section>
      <Section title={t('studio.overflowRequests')} id="overflow">
        {fetching && !data ? <Loading /> : null}
        {error && !data ? <HubErrorState error={error} /> : null}
        {data && data.overflowRequests.length === 0 ? <Empty>{t('studio.noOverflow')}</Empty> : null}
        {data && data.overflowRequests.length > 0 ? (
          <ul className="plain">
            {data.overflowRequests.map((request) => {
              const placements = data.allocations.filter(
                (allocation) => allocation.requestId === request.id && allocation.status === 'ACTIVE',
              );
              return (
                <li key={request.id}>
                  <span className="badge">{request.status}</span> {request.capability} × {request.units} ·{' '}
                  {t('studio.due', { day: request.dueDate })}
                  {placements.length > 0 ? (
                    <span className="muted">
                      {' '}
                      → {placements.map((allocation) => `${allocation.enterpriseId} (${allocation.units}, ${allocation.day})`).join(', ')}
                    </span>
                  ) : null}
                  {request.unmetUnits > 0 ? (
                    <span className="badge warn">
                      {t('studio.unmet', { units: request.unmetUnits, reason: request.unmetReason ?? '' })}
                    </span>
                  ) : null}
                </li>
              );
            })}
          </ul>
        ) : null}
      </Section>
    </>
  );
}
