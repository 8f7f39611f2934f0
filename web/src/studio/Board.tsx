import { useEffect, useState } from 'react';
import { CombinedError, useClient, useQuery } from 'urql';
import { formatDay, labelOf, nameOf, useI18n } from '../common/i18n';
import { productName } from '../common/labels';
import { Empty, HubErrorState, Loading } from '../common/ui';
import { useNow } from '../common/now';
import { graphql } from '../gql/hub';
import type { StudioBoardOrdersQuery } from '../gql/hub/graphql';
import { currentStage } from './stages';

const STUDIO_BOARD = graphql(`
  query StudioBoard($studioId: ID!) {
    stageBoard(studioId: $studioId) {
      overdueTotal
      generatedAt
      studio {
        nameZh
        nameEn
      }
      columns {
        code
        waiting
        inProgress
        blocked
        overdue
        delayed
        orderIds
        statusCode {
          code
          labelZh
          labelEn
        }
      }
    }
    enterprises {
      id
      nameZh
      nameEn
    }
  }
`);

/** The cards' details, a page at a time: a page of 40 stays well inside the gateway's cost limit. */
const BOARD_ORDERS = graphql(`
  query StudioBoardOrders($studioId: ID!, $after: String) {
    orders(studioId: $studioId, first: 40, after: $after) {
      pageInfo {
        hasNextPage
        endCursor
      }
      nodes {
        id
        productFamily
        productNameZh
        productNameEn
        status
        dueAt
        materialRisk
        externalOrderId
        stages {
          id
          code
          status
          dueAt
          assignedTo {
            id
          }
        }
        delayAlerts {
          status
        }
      }
    }
  }
`);

type BoardOrder = StudioBoardOrdersQuery['orders']['nodes'][number];

/** Every order of the studio for the cards, all pages, refreshed when `version` moves. */
function useBoardOrders(studioId: string, version: number): { orders: BoardOrder[] | null; failed: CombinedError | null } {
  const client = useClient();
  const [state, setState] = useState<{ orders: BoardOrder[] | null; failed: CombinedError | null }>({ orders: null, failed: null });
  useEffect(() => {
    let cancelled = false;
    (async () => {
      const all: BoardOrder[] = [];
      let after: string | null = null;
      for (let page = 0; page < 50; page += 1) {
        const result = await client.query(BOARD_ORDERS, { studioId, after }, { requestPolicy: 'network-only' }).toPromise();
        if (!result.data) throw result.error ?? new CombinedError({ networkError: new Error('orders') });
        all.push(...result.data.orders.nodes);
        if (!result.data.orders.pageInfo.hasNextPage) break;
        after = result.data.orders.pageInfo.endCursor ?? null;
      }
      if (!cancelled) setState({ orders: all, failed: null });
    })().catch((error: CombinedError) => !cancelled && setState((previous) => ({ ...previous, failed: error })));
    return () => {
      cancelled = true;
    };
  }, [client, studioId, version]);
  return state;
}

/** Orders past their route, each a lane of its own after the stages (newest first, a few shown). */
const DONE_LANES = ['READY_TO_SHIP', 'SHIPPED', 'DELIVERED'] as const;
const DONE_LANE_CARDS = 8;

export function Board({ studioId, version, onOpen }: { studioId: string; version: number; onOpen: (id: string) => void }) {
  const { t, language } = useI18n();
  const [{ data, fetching, error }, refetch] = useQuery({ query: STUDIO_BOARD, variables: { studioId } });
  const { orders, failed } = useBoardOrders(studioId, version);
  // Filtered by product, as the cards name it (its catalogue name, else its family's label).
  const [product, setProduct] = useState('');
  const [lateOnly, setLateOnly] = useState(false);
  const now = useNow();
  useEffect(() => {
    if (version > 0) refetch({ requestPolicy: 'network-only' });
  }, [version, refetch]);

  if ((fetching && !data) || (!orders && !failed)) return <Loading />;
  if ((error && !data) || failed)
    return <HubErrorState error={(failed ?? error)!} retry={() => refetch({ requestPolicy: 'network-only' })} />;
  if (!data || !orders) return null;
  const byId = new Map(orders.map((order) => [order.id, order]));
  const names = new Map(data.enterprises.map((enterprise) => [enterprise.id, enterprise]));
  const columns = data.stageBoard.columns;
  const stageNames = new Map(columns.map((column) => [column.code, labelOf(column.statusCode, language)]));
  const isLate = (order: BoardOrder) => {
    const stage = currentStage(order.stages);
    return (!!stage?.dueAt && Date.parse(stage.dueAt) < now) || (order.delayAlerts ?? []).some((alert) => alert.status === 'OPEN');
  };
  const dueOf = (order: BoardOrder) => Date.parse(currentStage(order.stages)?.dueAt ?? order.dueAt ?? '') || Infinity;
  // Late work first, the most overdue at the top.
  const lateFirst = (a: BoardOrder, b: BoardOrder) => Number(isLate(b)) - Number(isLate(a)) || dueOf(a) - dueOf(b);
  const products = [...new Set(orders.map((order) => productName(order, language)))].sort((a, b) => a.localeCompare(b, language));
  const isProduct = (order: BoardOrder) => !product || productName(order, language) === product;
  const shown = (order: BoardOrder | undefined): order is BoardOrder => !!order && isProduct(order) && (!lateOnly || isLate(order));
  const late = columns
    .flatMap((column) => column.orderIds)
    .map((id) => byId.get(id))
    .filter((order): order is BoardOrder => !!order && isLate(order) && isProduct(order))
    .sort((a, b) => dueOf(a) - dueOf(b));
  const done = DONE_LANES.map((status) => ({
    status,
    orders: lateOnly ? [] : orders.filter((order) => order.status === status && shown(order)),
  }));

  const card = (order: BoardOrder) => {
    const stage = currentStage(order.stages);
    const overdue = isLate(order);
    const delayed = (order.delayAlerts ?? []).some((alert) => alert.status === 'OPEN');
    return (
      <li key={order.id}>
        <button type="button" className={`order-card${overdue ? ' late' : ''}`} onClick={() => onOpen(order.id)} data-order-id={order.id}>
          <span className="card-title">{order.externalOrderId ?? t('board.unnumbered')}</span>
          <span className="muted small">
            {productName(order, language)} · {stage ? t(`stage.${stage.status}`) : t(`orderStatus.${order.status}`)}
          </span>
          {order.dueAt && stage ? <span className="small">{t('studio.due', { day: formatDay(order.dueAt, language) })}</span> : null}
          <span className="flags">
            {overdue ? <span className="badge danger">{t('studio.overdue')}</span> : null}
            {delayed ? <span className="badge warn">{t('studio.delayed')}</span> : null}
            {order.materialRisk && order.materialRisk !== 'AVAILABLE' ? (
              <span className="badge warn">{t(`material.${order.materialRisk}`)}</span>
            ) : null}
            {stage?.assignedTo && stage.assignedTo.id !== studioId && names.has(stage.assignedTo.id) ? (
              <span className="badge info">{nameOf(names.get(stage.assignedTo.id), language)}</span>
            ) : null}
          </span>
        </button>
      </li>
    );
  };

  return (
    <>
      <div className="filters" role="group" aria-label={t('studio.filters')}>
        <label>
          {t('studio.productType')}
          <select value={product} onChange={(event) => setProduct(event.target.value)}>
            <option value="">{t('studio.allProducts')}</option>
            {products.map((name) => (
              <option key={name} value={name}>
                {name}
              </option>
            ))}
          </select>
        </label>
        <label className="inline">
          <input type="checkbox" checked={lateOnly} onChange={(event) => setLateOnly(event.target.checked)} /> {t('studio.lateOnly')}
        </label>
        <p className="muted">{t('studio.overdueTotal', { count: data.stageBoard.overdueTotal })}</p>
      </div>
      {late.length > 0 ? (
        <section className="late-strip" aria-labelledby="late-strip-heading" data-testid="late-strip">
          <h2 id="late-strip-heading">{t('board.lateNow', { count: late.length })}</h2>
          <ul>
            {late.map((order) => {
              const stage = currentStage(order.stages);
              return (
                <li key={order.id}>
                  <button type="button" className="late-chip" onClick={() => onOpen(order.id)} data-order-id={order.id}>
                    <strong>{order.externalOrderId ?? t('board.unnumbered')}</strong> {stage ? stageNames.get(stage.code) : ''}
                    {stage?.dueAt ? <span className="small"> · {t('board.dueWas', { day: formatDay(stage.dueAt, language) })}</span> : null}
                  </button>
                </li>
              );
            })}
          </ul>
        </section>
      ) : null}
      {columns.length === 0 && done.every((lane) => lane.orders.length === 0) ? (
        <Empty>{t('studio.noOpenOrders')}</Empty>
      ) : (
        <div className="kanban" data-testid="kanban">
          {columns.map((column) => {
            const cards = column.orderIds
              .map((id) => byId.get(id))
              .filter(shown)
              .sort(lateFirst);
            return (
              <section key={column.code} className="kanban-column" aria-labelledby={`column-${column.code}`} data-code={column.code}>
                <h2 id={`column-${column.code}`}>
                  {labelOf(column.statusCode, language)} <span className="count">{cards.length}</span>
                </h2>
                <p className="muted small">
                  {t('studio.columnCounts', { waiting: column.waiting, inProgress: column.inProgress, overdue: column.overdue })}
                </p>
                <ul className="cards">{cards.map(card)}</ul>
              </section>
            );
          })}
          {done.map((lane) =>
            lane.orders.length === 0 ? null : (
              <section
                key={lane.status}
                className="kanban-column done-lane"
                aria-labelledby={`lane-${lane.status}`}
                data-status={lane.status}
              >
                <h2 id={`lane-${lane.status}`}>
                  {t(`orderStatus.${lane.status}`)} <span className="count">{lane.orders.length}</span>
                </h2>
                <ul className="cards">{lane.orders.slice(0, DONE_LANE_CARDS).map(card)}</ul>
                {lane.orders.length > DONE_LANE_CARDS ? (
                  <p className="muted small">{t('board.moreInSearch', { count: lane.orders.length - DONE_LANE_CARDS })}</p>
                ) : null}
              </section>
            ),
          )}
        </div>
      )}
    </>
  );
}
