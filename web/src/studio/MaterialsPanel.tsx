import { useRef, useState } from 'react';
import { useMutation, useQuery } from 'urql';
import { hubMessage, idempotencyKey } from '../common/client';
import { formatDay, nameOf, useI18n } from '../common/i18n';
import { materialName, unitName } from '../common/labels';
import { Empty, HubErrorState, HubRefusal, Loading, Section } from '../common/ui';
import { graphql } from '../gql/hub';
import { useMayUse } from '../signin/permissions';
import { useRefreshOn } from './refresh';

/** What to reorder: the studio's leads', who place purchase orders (asked for apart, so others' panels do not). */
const REORDER_SUGGESTIONS = graphql(`
  query StudioReorderSuggestions($studioId: ID!) {
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
  }
`);

const PURCHASE_ORDERS = graphql(`
  query StudioPurchaseOrders {
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
  const { t } = useI18n();
  const may = useMayUse();
  return (
    <>
      <Section title={t('studio.materialRisk')} id="materials">
        {may(REORDER_SUGGESTIONS) ? (
          <ReorderSuggestions studioId={studioId} version={version} />
        ) : (
          <p className="muted">{t('studio.leadsReorder')}</p>
        )}
      </Section>
      <Section title={t('studio.purchaseOrders')} id="purchase-orders">
        <PurchaseOrders version={version} />
      </Section>
    </>
  );
}

function ReorderSuggestions({ studioId, version }: { studioId: string; version: number }) {
  const { t, language } = useI18n();
  const may = useMayUse();
  const [{ data, fetching, error }, refetch] = useQuery({ query: REORDER_SUGGESTIONS, variables: { studioId } });
  const [placeState, place] = useMutation(PLACE_PURCHASE_ORDER);
  const [placed, setPlaced] = useState<string[]>([]);
  const keys = useRef(new Map<string, string>());
  useRefreshOn(version, refetch);
  if (fetching && !data) return <Loading />;
  if (error && !data) return <HubErrorState error={error} retry={() => refetch({ requestPolicy: 'network-only' })} />;
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
  if (suggestions.length === 0) return <Empty>{t('studio.noSuggestions')}</Empty>;
  return (
    <>
      <ul className="plain">
        {suggestions.map((suggestion) => (
          <li key={suggestion.sku} className="suggestion">
            <strong>{materialName(suggestion.sku, language, suggestion.material.name)}</strong> ·{' '}
            {t('studio.reorder', {
              quantity: suggestion.quantity,
              unit: unitName(suggestion.material.unit, language),
              supplier: nameOf(suggestion.supplier, language),
              day: formatDay(suggestion.expectedAt, language),
            })}
            <span className="muted small">
              {' '}
              {t('studio.demand', { demand: suggestion.openDemand, gap: suggestion.safetyGap, onOrder: suggestion.onOrder })}
            </span>
            {placed.includes(suggestion.sku) ? (
              <span className="badge ok">{t('studio.placed')}</span>
            ) : may(PLACE_PURCHASE_ORDER) ? (
              <button
                type="button"
                disabled={placeState.fetching}
                onClick={() => order(suggestion.sku, suggestion.supplier.id, suggestion.quantity)}
              >
                {t('studio.placePurchaseOrder')}
              </button>
            ) : null}
          </li>
        ))}
      </ul>
      <HubRefusal error={hubMessage(placeState.error)} />
    </>
  );
}

function PurchaseOrders({ version }: { version: number }) {
  const { t, language } = useI18n();
  const may = useMayUse();
  const [{ data, fetching, error }, refetch] = useQuery({ query: PURCHASE_ORDERS });
  const [receiveState, receive] = useMutation(RECEIVE_PURCHASE_ORDER);
  useRefreshOn(version, refetch);
  if (fetching && !data) return <Loading />;
  if (error && !data) return <HubErrorState error={error} retry={() => refetch({ requestPolicy: 'network-only' })} />;
  const purchases = data?.purchaseOrders ?? [];
  if (purchases.length === 0) return <Empty>{t('studio.noPurchaseOrders')}</Empty>;
  return (
    <>
      <ul className="plain">
        {purchases.map((purchase) => (
          <li key={purchase.id}>
            <span className="badge">{t(`purchase.${purchase.status}`)}</span> {nameOf(purchase.supplier, language)} ·{' '}
            {purchase.lines.map((line) => `${materialName(line.sku, language)} × ${line.quantity}`).join(', ')} ·{' '}
            {t('track.expected', { day: formatDay(purchase.expectedAt, language) })}
            {(purchase.status === 'CONFIRMED' || purchase.status === 'SHIPPED') && may(RECEIVE_PURCHASE_ORDER) ? (
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
      <HubRefusal error={hubMessage(receiveState.error)} />
    </>
  );
}
