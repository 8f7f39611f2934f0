import { useEffect, useState, type FormEvent } from 'react';
import { useQuery } from 'urql';
import { formatDay, useI18n } from '../common/i18n';
import { productName } from '../common/labels';
import { Empty, HubErrorState, Loading } from '../common/ui';
import { useNow } from '../common/now';
import { graphql } from '../gql/hub';
import type { OrderStatus } from '../gql/hub/graphql';
import { currentStage } from './stages';

/** Finds any order of the studio, open or finished: by number, customer name or shop order id, and by status. */
const SEARCH_ORDERS = graphql(`
  query StudioSearchOrders($studioId: ID!, $search: String, $status: OrderStatus) {
    orders(studioId: $studioId, search: $search, status: $status, first: 30) {
      totalCount
      nodes {
        id
        externalOrderId
        productFamily
        productNameZh
        productNameEn
        status
        dueAt
        customer {
          name
        }
        stages {
          id
          status
          dueAt
        }
        delayAlerts {
          status
        }
      }
    }
  }
`);

const STATUSES: OrderStatus[] = ['RECEIVED', 'IN_PRODUCTION', 'READY_TO_SHIP', 'SHIPPED', 'DELIVERED', 'CANCELLED'];

export function OrderSearch({ studioId, version, onOpen }: { studioId: string; version: number; onOpen: (id: string) => void }) {
  const { t, language } = useI18n();
  const [draft, setDraft] = useState({ search: '', status: '' });
  const [asked, setAsked] = useState<{ search: string; status: string } | null>(null);
  const [{ data, fetching, error }, refetch] = useQuery({
    query: SEARCH_ORDERS,
    variables: { studioId, search: asked?.search || undefined, status: (asked?.status || undefined) as OrderStatus | undefined },
    pause: !asked,
  });
  // Live: a search on screen follows the studio's events like the board does.
  useEffect(() => {
    if (version > 0 && asked) refetch({ requestPolicy: 'network-only' });
    // eslint-disable-next-line react-hooks/exhaustive-deps -- only a new event refreshes
  }, [version]);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setAsked({ search: draft.search.trim(), status: draft.status });
  };
  const now = useNow();
  const rows = data?.orders.nodes ?? [];
  return (
    <section aria-labelledby="order-search-heading" className="search-results">
      <h2 id="order-search-heading" className="visually-hidden">
        {t('board.searchHeading')}
      </h2>
      <form className="order-search" role="search" onSubmit={submit}>
        <label>
          {t('board.searchLabel')}
          <input
            type="search"
            value={draft.search}
            maxLength={100}
            placeholder={t('board.searchPlaceholder')}
            onChange={(event) => setDraft({ ...draft, search: event.target.value })}
          />
        </label>
        <label>
          {t('studio.status')}
          <select value={draft.status} onChange={(event) => setDraft({ ...draft, status: event.target.value })}>
            <option value="">{t('board.anyStatus')}</option>
            {STATUSES.map((status) => (
              <option key={status} value={status}>
                {t(`orderStatus.${status}`)}
              </option>
            ))}
          </select>
        </label>
        <button type="submit" className="primary">
          {t('board.search')}
        </button>
        {asked ? (
          <button
            type="button"
            onClick={() => {
              setAsked(null);
              setDraft({ search: '', status: '' });
            }}
          >
            {t('board.clearSearch')}
          </button>
        ) : null}
      </form>
      {asked && fetching && !data ? <Loading /> : null}
      {asked && error && !data ? <HubErrorState error={error} retry={() => refetch({ requestPolicy: 'network-only' })} /> : null}
      {asked && data && rows.length === 0 ? <Empty>{t('board.noMatches')}</Empty> : null}
      {asked && rows.length > 0 ? (
        <div className="table-wrap" data-testid="search-results">
          <p className="muted small" role="status">
            {t('board.matches', { count: data!.orders.totalCount })}
          </p>
          <table>
            <thead>
              <tr>
                <th scope="col">{t('board.orderNumber')}</th>
                <th scope="col">{t('studio.customer')}</th>
                <th scope="col">{t('studio.productType')}</th>
                <th scope="col">{t('studio.status')}</th>
                <th scope="col">{t('board.dueColumn')}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((order) => {
                const stage = currentStage(order.stages);
                const late =
                  (!!stage?.dueAt && Date.parse(stage.dueAt) < now) || (order.delayAlerts ?? []).some((alert) => alert.status === 'OPEN');
                return (
                  <tr key={order.id} className={late ? 'late' : undefined} data-order-id={order.id}>
                    <td>
                      <button type="button" className="link" onClick={() => onOpen(order.id)}>
                        {order.externalOrderId ?? t('board.unnumbered')}
                      </button>
                    </td>
                    <td>{order.customer?.name ?? ''}</td>
                    <td>{productName(order, language)}</td>
                    <td>
                      {order.status ? t(`orderStatus.${order.status}`) : ''}
                      {late ? <span className="badge danger">{t('studio.overdue')}</span> : null}
                    </td>
                    <td>{formatDay(order.dueAt, language)}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      ) : null}
    </section>
  );
}
