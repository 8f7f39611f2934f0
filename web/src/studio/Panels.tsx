import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useMutation, useQuery } from 'urql';
import { hubMessage, idempotencyKey } from '../common/client';
import { formatDateTime, formatDay, labelOf, nameOf, useI18n } from '../common/i18n';
import { Empty, ErrorState, HubRefusal, Loading, Section } from '../common/ui';
import { graphql } from '../gql/hub';

const DELAY_ALERTS = graphql(`
  query StudioDelayAlerts($studioId: ID!) {
    delayAlerts(studioId: $studioId, status: OPEN) {
      id
      orderId
      threshold
      overrunPercent
      raisedAt
      customerResponse
      statusCode {
        code
        labelZh
        labelEn
      }
    }
  }
`);

const MATERIALS = graphql(`
  query StudioMaterials($studioId: ID!) {
    reorderSuggestions(studioId: $studioId) {
      sku
      quantity
      openDemand
      safetyGap
      onOrder
      supplierTier
      expectedAt
      material {
        name
        unit
      }
      supplier {
        id
        nameZh
        nameEn
      }
    }
    purchaseOrders {
      id
      status
      expectedAt
      placedAt
      supplier {
        nameZh
        nameEn
      }
      lines {
        sku
        quantity
      }
    }
  }
`);

const PLACE_PURCHASE_ORDER = graphql(`
  mutation PlacePurchaseOrder($studioId: ID!, $input: PlacePurchaseOrderInput!, $key: String!) {
    placePurchaseOrder(studioId: $studioId, input: $input, idempotencyKey: $key) {
      id
      status
    }
  }
`);

const RECEIVE_PURCHASE_ORDER = graphql(`
  mutation ReceivePurchaseOrder($id: ID!) {
    receivePurchaseOrder(purchaseOrderId: $id) {
      id
      status
    }
  }
`);

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

const useRefreshOn = (version: number, refetch: (options: { requestPolicy: 'network-only' }) => void) =>
  useEffect(() => {
    if (version > 0) refetch({ requestPolicy: 'network-only' });
  }, [version, refetch]);

export function AlertsPanel({ studioId, version, onOpen }: { studioId: string; version: number; onOpen: (id: string) => void }) {
  const { t, language } = useI18n();
  const [{ data, fetching, error }, refetch] = useQuery({ query: DELAY_ALERTS, variables: { studioId } });
  useRefreshOn(version, refetch);
  if (fetching && !data) return <Loading />;
  if (error && !data)
    return <ErrorState message={hubMessage(error)?.message ?? ''} retry={() => refetch({ requestPolicy: 'network-only' })} />;
  const alerts = data?.delayAlerts ?? [];
  return (
    <Section title={t('studio.tab.alerts')} id="alerts">
      {alerts.length === 0 ? (
        <Empty>{t('studio.noAlerts')}</Empty>
      ) : (
        <table>
          <thead>
            <tr>
              <th scope="col">{t('studio.order')}</th>
              <th scope="col">{t('studio.stage')}</th>
              <th scope="col">{t('studio.overrun')}</th>
              <th scope="col">{t('studio.raised')}</th>
              <th scope="col">{t('studio.customerAnswer')}</th>
            </tr>
          </thead>
          <tbody>
            {alerts.map((alert) => (
              <tr key={alert.id}>
                <td>
                  <button type="button" className="link" onClick={() => onOpen(alert.orderId)}>
                    {alert.orderId.slice(-8)}
                  </button>
                </td>
                <td>{labelOf(alert.statusCode, language)}</td>
                <td>
                  <span className={`badge ${alert.threshold >= 50 ? 'danger' : 'warn'}`}>{alert.threshold} %</span> +{alert.overrunPercent}{' '}
                  %
                </td>
                <td>{formatDateTime(alert.raisedAt, language)}</td>
                <td>{alert.customerResponse ? t(`delay.choice.${alert.customerResponse}`) : '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </Section>
  );
}

export function MaterialsPanel({ studioId, version }: { studioId: string; version: number }) {
  const { t, language } = useI18n();
  const [{ data, fetching, error }, refetch] = useQuery({ query: MATERIALS, variables: { studioId } });
  const [placeState, place] = useMutation(PLACE_PURCHASE_ORDER);
  const [receiveState, receive] = useMutation(RECEIVE_PURCHASE_ORDER);
  const [placed, setPlaced] = useState<string[]>([]);
  const keys = useRef(new Map<string, string>());
  useRefreshOn(version, refetch);
  if (fetching && !data) return <Loading />;
  if (error && !data)
    return <ErrorState message={hubMessage(error)?.message ?? ''} retry={() => refetch({ requestPolicy: 'network-only' })} />;
  const suggestions = data?.reorderSuggestions ?? [];
  const order = async (sku: string, supplierId: string, quantity: number) => {
    const key = keys.current.get(sku) ?? idempotencyKey('po');
    keys.current.set(sku, key);
    const result = await place({ studioId, input: { supplierId, lines: [{ sku, quantity }] }, key });
    if (result.data) {
      setPlaced((list) => [...list, sku]);
      refetch({ requestPolicy: 'network-only' });
    }
  };
  return (
    <>
      <Section title={t('studio.materialRisk')} id="materials">
        {suggestions.length === 0 ? (
          <Empty>{t('studio.noSuggestions')}</Empty>
        ) : (
          <ul className="plain">
            {suggestions.map((suggestion) => (
              <li key={suggestion.sku} className="suggestion">
                <strong>{suggestion.material.name}</strong> ({suggestion.sku}) ·{' '}
                {t('studio.reorder', {
                  quantity: suggestion.quantity,
                  unit: suggestion.material.unit,
                  supplier: nameOf(suggestion.supplier, language),
                  day: formatDay(suggestion.expectedAt, language),
                })}
                <span className="muted small">
                  {' '}
                  {t('studio.demand', { demand: suggestion.openDemand, gap: suggestion.safetyGap, onOrder: suggestion.onOrder })}
                </span>
                {placed.includes(suggestion.sku) ? (
                  <span className="badge ok">{t('studio.placed')}</span>
                ) : (
                  <button
                    type="button"
                    disabled={placeState.fetching}
                    onClick={() => order(suggestion.sku, suggestion.supplier.id, suggestion.quantity)}
                  >
                    {t('studio.placePurchaseOrder')}
                  </button>
                )}
              </li>
            ))}
          </ul>
        )}
        <HubRefusal error={hubMessage(placeState.error)} />
      </Section>
      <Section title={t('studio.purchaseOrders')} id="purchase-orders">
        {(data?.purchaseOrders ?? []).length === 0 ? (
          <Empty>{t('studio.noPurchaseOrders')}</Empty>
        ) : (
          <ul className="plain">
            {data!.purchaseOrders.map((purchase) => (
              <li key={purchase.id}>
                <span className="badge">{t(`purchase.${purchase.status}`)}</span> {nameOf(purchase.supplier, language)} ·{' '}
                {purchase.lines.map((line) => `${line.sku} × ${line.quantity}`).join(', ')} ·{' '}
                {t('track.expected', { day: formatDay(purchase.expectedAt, language) })}
                {purchase.status === 'CONFIRMED' || purchase.status === 'SHIPPED' ? (
                  <button
                    type="button"
                    disabled={receiveState.fetching}
                    onClick={async () => (await receive({ id: purchase.id })).data && refetch({ requestPolicy: 'network-only' })}
                  >
                    {t('studio.markReceived')}
                  </button>
                ) : null}
              </li>
            ))}
          </ul>
        )}
        <HubRefusal error={hubMessage(receiveState.error)} />
      </Section>
    </>
  );
}

const today = () => new Date().toISOString().slice(0, 10);
const inDays = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

export function OverflowPanel({ studioId, version }: { studioId: string; version: number }) {
  const { t, language } = useI18n();
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
        {error && !data ? <ErrorState message={hubMessage(error)?.message ?? ''} /> : null}
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
