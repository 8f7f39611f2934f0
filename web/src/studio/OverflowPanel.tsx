import { useEffect, useMemo, useRef, useState, type FormEvent } from 'react';
import { useMutation, useQuery } from 'urql';
import { isCapability, KITCHEN_CAPABILITIES } from '../../../contracts/capabilities';
import { hubMessage, idempotencyKey } from '../common/client';
import { formatDay, labelOf, nameOf, useI18n } from '../common/i18n';
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
      earliestStart
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
      started
    }
  }
`);

/** What the form picks from: the routes, their production stages, who offers what, and names. */
const SURGE_CHOICES = graphql(`
  query StudioSurgeChoices($studioId: ID!) {
    catalogue(studioId: $studioId) {
      routes {
        code
        nameZh
        nameEn
        steps {
          statusCode {
            code
            labelZh
            labelEn
          }
        }
      }
    }
    orders(studioId: $studioId, first: 1) {
      nodes {
        id
        routeCode
      }
    }
    enterprises {
      id
      nameZh
      nameEn
    }
  }
`);

/** Which capabilities are on offer now (the studio's staff see every shared offer). */
const OFFERED = graphql(`
  query StudioOfferedCapabilities {
    capacityOffers {
      id
      capability
    }
  }
`);

const DECLARE_SURGE = graphql(`
  mutation DeclareDemandSurge($studioId: ID!, $capability: String!, $extraUnits: Int!, $window: DateWindowInput!, $key: String!) {
    declareDemandSurge(studioId: $studioId, capability: $capability, extraUnits: $extraUnits, window: $window, idempotencyKey: $key) {
      placedUnits
      unmetUnits
      unmetReason
      request {
        id
        status
      }
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

const WITHDRAW_REQUEST = graphql(`
  mutation WithdrawOverflowRequest($requestId: ID!) {
    withdrawOverflowRequest(requestId: $requestId) {
      id
      status
    }
  }
`);

/** Routes whose work kitchens take (their capabilities are not stages). */
const KITCHEN_ROUTES = new Set(['PASTRY_BOX']);

const today = () => new Date().toISOString().slice(0, 10);
const inDays = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

type Label = { labelZh: string; labelEn: string };

/** A capability's name: a stage's label from the vocabulary, or the catalogue's for a kitchen's. */
function useCapabilityName(labels: Map<string, Label>) {
  const { t, language } = useI18n();
  return (code: string) => {
    const label = labels.get(code);
    return label ? labelOf(label, language) : t(`panels.capability.${code}`, { defaultValue: t('panels.capability.other') });
  };
}

export function OverflowPanel({ studioId, version }: { studioId: string; version: number }) {
  const { t, language } = useI18n();
  const may = useMayUse();
  const [{ data, fetching, error }, refetch] = useQuery({ query: OVERFLOW });
  const [choices] = useQuery({ query: SURGE_CHOICES, variables: { studioId } });
  const [offered] = useQuery({ query: OFFERED });
  const [surgeState, declare] = useMutation(DECLARE_SURGE);
  const [withdrawState, withdraw] = useMutation(WITHDRAW_REQUEST);
  const [route, setRoute] = useState('');
  const [confirming, setConfirming] = useState<string | null>(null);
  const [form, setForm] = useState({ capability: '', extraUnits: 10, from: today(), to: inDays(3) });
  const key = useRef(idempotencyKey('surge'));
  useRefreshOn(version, refetch);

  const labels = useMemo(() => {
    const map = new Map<string, Label>();
    for (const template of choices.data?.catalogue.routes ?? [])
      for (const step of template.steps) map.set(step.statusCode.code, step.statusCode);
    return map;
  }, [choices.data]);
  const capabilityName = useCapabilityName(labels);
  const names = new Map((choices.data?.enterprises ?? []).map((enterprise) => [enterprise.id, enterprise]));
  const offeredNow = new Set((offered.data?.capacityOffers ?? []).map((offer) => offer.capability));
  // The studio's own routes (its catalogue), named as it named them (the demo's by their family).
  const templates = choices.data?.catalogue.routes ?? [];
  const routeName = (template: (typeof templates)[number]) =>
    (language === 'zh' ? template.nameZh : template.nameEn) || t(`product.${template.code}`);
  const ownRoute = choices.data?.orders.nodes[0]?.routeCode ?? templates[0]?.code ?? '';
  const chosenRoute = route || ownRoute;
  const capabilities = useMemo(() => {
    const template = templates.find((candidate) => candidate.code === chosenRoute);
    const stages = (template?.steps ?? []).map((step) => step.statusCode.code).filter((code) => isCapability(code));
    return [...(KITCHEN_ROUTES.has(chosenRoute) ? KITCHEN_CAPABILITIES : []), ...stages];
  }, [templates, chosenRoute]);
  // Until the person picks one, the work follows the route and the offers: the first someone offers now, else the first.
  const picked = useRef(false);
  const preferred = capabilities.find((code) => offeredNow.has(code)) ?? capabilities[0] ?? '';
  useEffect(() => {
    if (picked.current && capabilities.includes(form.capability)) return;
    if (preferred && preferred !== form.capability) setForm((current) => ({ ...current, capability: preferred }));
  }, [capabilities, preferred, form.capability]);

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
  const takeBack = async (requestId: string) => {
    setConfirming(null);
    if ((await withdraw({ requestId })).data) refetch({ requestPolicy: 'network-only' });
  };
  const surge = surgeState.data?.declareDemandSurge;
  const reasonOf = (reason: string | null | undefined) => t(`panels.surge.reason.${reason ?? 'NONE'}`);
  const statusOf = (status: string) => t(`panels.surge.status.${status}`);
  return (
    <>
      <Section title={t('studio.declareSurge')} id="surge">
        {!may(DECLARE_SURGE) ? (
          <p className="muted">{t('studio.leadsSurge')}</p>
        ) : choices.fetching && !choices.data ? (
          <Loading />
        ) : (
          <form className="form" onSubmit={submit} data-testid="surge-form">
            <div className="row">
              <label>
                {t('panels.surge.route')}
                <select
                  value={chosenRoute}
                  onChange={(event) => {
                    picked.current = false;
                    setRoute(event.target.value);
                  }}
                  required
                >
                  {templates.map((template) => (
                    <option key={template.code} value={template.code}>
                      {routeName(template)}
                    </option>
                  ))}
                </select>
              </label>
              <label>
                {t('panels.surge.capability')}
                <select
                  value={form.capability}
                  onChange={(event) => {
                    picked.current = true;
                    setForm({ ...form, capability: event.target.value });
                  }}
                  required
                >
                  {capabilities.map((code) => (
                    <option key={code} value={code}>
                      {offeredNow.has(code) ? capabilityName(code) : t('panels.surge.notOffered', { capability: capabilityName(code) })}
                    </option>
                  ))}
                </select>
              </label>
              <label>
                {t('studio.extraUnits')}
                <input
                  type="number"
                  min={1}
                  max={100000}
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
                <input
                  type="date"
                  value={form.to}
                  min={form.from}
                  onChange={(event) => setForm({ ...form, to: event.target.value })}
                  required
                />
              </label>
            </div>
            <button type="submit" className="primary" disabled={surgeState.fetching || !form.capability}>
              {t('studio.declare')}
            </button>
          </form>
        )}
        <HubRefusal error={hubMessage(surgeState.error)} />
        {surge ? (
          <div role="status" data-testid="surge-result" className={surge.placedUnits === 0 ? 'notice warn' : 'notice'}>
            {surge.placedUnits === 0 ? (
              <p>
                <strong>{t('panels.surge.nothingPlaced')}</strong> {reasonOf(surge.unmetReason)}
              </p>
            ) : (
              <p>
                {t('studio.surgePlaced', { placed: surge.placedUnits, unmet: surge.unmetUnits })}
                {surge.unmetUnits > 0 ? ` ${reasonOf(surge.unmetReason)}` : ''}
              </p>
            )}
            <ul className="plain">
              {surge.placements.map((placement) => (
                <li key={placement.enterprise.id}>
                  {nameOf(placement.enterprise, language)}
                  {t('common.colon')}
                  {t('panels.surge.units', { units: placement.units })}
                </li>
              ))}
            </ul>
          </div>
        ) : null}
      </Section>
      <Section title={t('studio.overflowRequests')} id="overflow">
        {fetching && !data ? <Loading /> : null}
        {error && !data ? <HubErrorState error={error} retry={() => refetch({ requestPolicy: 'network-only' })} /> : null}
        {data && data.overflowRequests.length === 0 ? <Empty>{t('studio.noOverflow')}</Empty> : null}
        {data && data.overflowRequests.length > 0 ? (
          <ul className="plain" data-testid="overflow-requests">
            {data.overflowRequests.map((request) => {
              const placements = data.allocations.filter(
                (allocation) => allocation.requestId === request.id && allocation.status === 'ACTIVE',
              );
              const started = placements.some((allocation) => allocation.started);
              return (
                <li key={request.id} className="overflow-request">
                  <span className={`badge${request.status === 'CANCELLED' ? '' : request.unmetUnits > 0 ? ' warn' : ' ok'}`}>
                    {statusOf(request.status)}
                  </span>{' '}
                  {capabilityName(request.capability)} · {t('panels.surge.units', { units: request.units })} ·{' '}
                  {t('panels.surge.window', { from: formatDay(request.earliestStart, language), to: formatDay(request.dueDate, language) })}
                  {placements.length > 0 ? (
                    <ul className="plain small">
                      {placements.map((allocation) => (
                        <li key={allocation.id}>
                          {nameOf(names.get(allocation.enterpriseId), language) || t('panels.surge.partner')}
                          {t('common.colon')}
                          {t('panels.surge.placedOn', { units: allocation.units, day: formatDay(allocation.day, language) })}
                        </li>
                      ))}
                    </ul>
                  ) : null}
                  {request.status !== 'CANCELLED' && request.unmetUnits > 0 ? (
                    <p className="small">
                      <span className="badge warn">{t('panels.surge.unmet', { units: request.unmetUnits })}</span>{' '}
                      {reasonOf(request.unmetReason)}
                    </p>
                  ) : null}
                  {request.status !== 'CANCELLED' && may(WITHDRAW_REQUEST) ? (
                    started ? (
                      <p className="small muted">{t('panels.surge.cannotWithdraw')}</p>
                    ) : confirming === request.id ? (
                      <div className="button-row" role="group" aria-label={t('panels.surge.withdraw')}>
                        <span className="small">{placements.length > 0 ? t('panels.surge.confirmPlaced') : t('panels.surge.confirm')}</span>
                        <button
                          type="button"
                          className="danger"
                          disabled={withdrawState.fetching}
                          onClick={() => void takeBack(request.id)}
                        >
                          {t('panels.surge.withdrawYes')}
                        </button>
                        <button type="button" onClick={() => setConfirming(null)}>
                          {t('panels.surge.keep')}
                        </button>
                      </div>
                    ) : (
                      <button type="button" onClick={() => setConfirming(request.id)}>
                        {t('panels.surge.withdraw')}
                      </button>
                    )
                  ) : null}
                </li>
              );
            })}
          </ul>
        ) : null}
        <HubRefusal error={hubMessage(withdrawState.error)} />
      </Section>
    </>
  );
}
