import { useRef, useState } from 'react';
import { useMutation, useQuery } from 'urql';
import { hubMessage, idempotencyKey } from '../common/client';
import { formatDay, nameOf, useI18n } from '../common/i18n';
import { Empty, ErrorState, HubRefusal, Loading, Section } from '../common/ui';
import { graphql } from '../gql/hub';
import { useRefreshOn } from './refresh';

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
