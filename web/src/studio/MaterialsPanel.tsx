import { useRef, useState, type FormEvent } from 'react';
import { useMutation, useQuery } from 'urql';
import { hubMessage, idempotencyKey } from '../common/client';
import { formatDay, nameOf, useI18n } from '../common/i18n';
import { materialName, quantityWithUnit } from '../common/labels';
import { Empty, HubErrorState, HubRefusal, Loading, Section } from '../common/ui';
import { graphql } from '../gql/hub';
import type { StudioReorderSuggestionsQuery } from '../gql/hub/graphql';
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
      alternatives {
        tier
        leadTimeDays
        expectedAt
        supplier {
          id
          nameZh
          nameEn
        }
      }
    }
  }
`);

/** Names and units of the materials (each quantity is written with its unit). */
const MATERIALS = graphql(`
  query StudioMaterials {
    materials {
      sku
      name
      unit
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

/** "18,600 g" / "18,600 克": a quantity with its unit (the catalogue's label), in the reader's language. */
function useQuantity() {
  const { language } = useI18n();
  return (quantity: number, unit: string | null | undefined) =>
    unit ? quantityWithUnit(quantity, unit, language) : new Intl.NumberFormat(language === 'zh' ? 'zh-CN' : 'en-GB').format(quantity);
}

type Suggestion = NonNullable<StudioReorderSuggestionsQuery['reorderSuggestions']>[number];

function ReorderSuggestions({ studioId, version }: { studioId: string; version: number }) {
  const { t } = useI18n();
  const [{ data, fetching, error }, refetch] = useQuery({ query: REORDER_SUGGESTIONS, variables: { studioId } });
  const [placed, setPlaced] = useState<Record<string, string>>({});
  useRefreshOn(version, refetch);
  if (fetching && !data) return <Loading />;
  if (error && !data) return <HubErrorState error={error} retry={() => refetch({ requestPolicy: 'network-only' })} />;
  const suggestions = data?.reorderSuggestions ?? [];
  if (suggestions.length === 0) return <Empty>{t('studio.noSuggestions')}</Empty>;
  return (
    <ul className="plain" data-testid="reorder-suggestions">
      {suggestions.map((suggestion) => (
        // A new suggestion for the material (what is left after an order) starts a fresh form.
        <SuggestionRow
          key={`${suggestion.sku}/${suggestion.quantity}/${suggestion.supplier.id}`}
          studioId={studioId}
          suggestion={suggestion}
          placed={placed[suggestion.sku] ?? null}
          onPlaced={(what) => {
            setPlaced((done) => ({ ...done, [suggestion.sku]: what }));
            refetch({ requestPolicy: 'network-only' });
          }}
        />
      ))}
    </ul>
  );
}

/** One suggestion: quantity and supplier may be changed before the purchase order is placed. */
function SuggestionRow({
  studioId,
  suggestion,
  placed,
  onPlaced,
}: {
  studioId: string;
  suggestion: Suggestion;
  placed: string | null;
  onPlaced: (what: string) => void;
}) {
  const { t, language } = useI18n();
  const may = useMayUse();
  const quantityOf = useQuantity();
  const [placeState, place] = useMutation(PLACE_PURCHASE_ORDER);
  const [quantity, setQuantity] = useState(suggestion.quantity);
  const [supplierId, setSupplierId] = useState(suggestion.supplier.id);
  const key = useRef(idempotencyKey('po'));
  const unit = suggestion.material.unit;
  const choice = suggestion.alternatives.find((alternative) => alternative.supplier.id === supplierId) ?? suggestion.alternatives[0];
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const result = await place({ studioId, input: { supplierId, lines: [{ sku: suggestion.sku, quantity }] }, key: key.current });
    if (result.data) {
      key.current = idempotencyKey('po');
      onPlaced(t('panels.materials.placedWhat', { quantity: quantityOf(quantity, unit), supplier: nameOf(choice?.supplier, language) }));
    }
  };
  const id = `reorder-${suggestion.sku}`;
  return (
    <li className="suggestion card" aria-labelledby={`${id}-name`}>
      <p>
        <strong id={`${id}-name`}>{materialName(suggestion.sku, language, suggestion.material.name)}</strong>{' '}
        {t('panels.materials.suggested', {
          quantity: quantityOf(suggestion.quantity, unit),
          supplier: nameOf(suggestion.supplier, language),
          day: formatDay(suggestion.expectedAt, language),
        })}
      </p>
      <p className="muted small">
        {t('panels.materials.why', {
          demand: quantityOf(suggestion.openDemand, unit),
          gap: quantityOf(suggestion.safetyGap, unit),
          onOrder: quantityOf(suggestion.onOrder, unit),
        })}
      </p>
      {placed ? (
        <p role="status" className="small">
          <span className="badge ok">{t('studio.placed')}</span> {placed}
        </p>
      ) : null}
      {may(PLACE_PURCHASE_ORDER) ? (
        <form className="row" onSubmit={submit}>
          <label>
            {t('panels.materials.quantityLabel', { unit: t(`panels.unit.${unit}`, { defaultValue: unit }) })}
            <input
              type="number"
              min={1}
              max={100_000_000}
              step={1}
              value={quantity}
              onChange={(event) => setQuantity(Math.max(1, Math.round(Number(event.target.value))))}
              required
            />
          </label>
          <label>
            {t('panels.materials.supplier')}
            <select value={supplierId} onChange={(event) => setSupplierId(event.target.value)}>
              {suggestion.alternatives.map((alternative) => (
                <option key={alternative.supplier.id} value={alternative.supplier.id}>
                  {t('panels.materials.supplierChoice', {
                    supplier: nameOf(alternative.supplier, language),
                    tier: t(`panels.materials.tier.${alternative.tier}`),
                    days: alternative.leadTimeDays,
                  })}
                </option>
              ))}
            </select>
          </label>
          <button type="submit" className="primary" disabled={placeState.fetching || !(quantity > 0)}>
            {t('panels.materials.place', { quantity: quantityOf(quantity, unit), day: formatDay(choice?.expectedAt, language) })}
          </button>
        </form>
      ) : null}
      <HubRefusal error={hubMessage(placeState.error)} />
    </li>
  );
}

function PurchaseOrders({ version }: { version: number }) {
  const { t, language } = useI18n();
  const may = useMayUse();
  const quantityOf = useQuantity();
  const [{ data, fetching, error }, refetch] = useQuery({ query: PURCHASE_ORDERS });
  const [materials] = useQuery({ query: MATERIALS });
  const [receiveState, receive] = useMutation(RECEIVE_PURCHASE_ORDER);
  useRefreshOn(version, refetch);
  if (fetching && !data) return <Loading />;
  if (error && !data) return <HubErrorState error={error} retry={() => refetch({ requestPolicy: 'network-only' })} />;
  const purchases = data?.purchaseOrders ?? [];
  const bySku = new Map((materials.data?.materials ?? []).map((material) => [material.sku, material]));
  if (purchases.length === 0) return <Empty>{t('studio.noPurchaseOrders')}</Empty>;
  return (
    <>
      <ul className="plain" data-testid="purchase-orders">
        {purchases.map((purchase) => (
          <li key={purchase.id}>
            <span className="badge">{t(`purchase.${purchase.status}`)}</span> {nameOf(purchase.supplier, language)} ·{' '}
            {purchase.lines
              .map(
                (line) =>
                  `${materialName(line.sku, language, bySku.get(line.sku)?.name)} ${quantityOf(line.quantity, bySku.get(line.sku)?.unit)}`,
              )
              .join(t('panels.materials.listSeparator'))}{' '}
            ·{' '}
            {purchase.status === 'RECEIVED'
              ? t('panels.materials.inStock')
              : t('track.expected', { day: formatDay(purchase.expectedAt, language) })}
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
