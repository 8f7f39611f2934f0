import { useQuery } from 'urql';
import { formatDateTime, labelOf, useI18n } from '../common/i18n';
import { HubErrorState, Loading } from '../common/ui';
import { graphql } from '../gql/hub';
import { useRefreshOn } from './refresh';

/** The order's history in words, with what the customer answered to a delay notice. */
const ORDER_PROGRESS = graphql(`
  query StudioOrderProgress($id: ID!) {
    order(id: $id) {
      id
      progress {
        id
        sequence
        type
        occurredAt
        note
        stageRunId
        statusCode {
          labelZh
          labelEn
        }
      }
      delayAlerts {
        id
        stageRunId
        threshold
        customerResponse
      }
    }
  }
`);

/** Entries whose note a person wrote (an exception, its resolution, a cancellation): shown as written. */
const WRITTEN_NOTES = new Set(['order.exception.reported', 'order.exception.resolved', 'order.cancelled']);

/** `order.stage.started` → the catalogue key `panels.log.order_stage_started`. */
export const logKeyOf = (type: string) => `panels.log.${type.replace(/[.-]/g, '_')}`;

export function ProgressLog({ orderId, version }: { orderId: string; version: number }) {
  const { t, language, exists } = useI18n();
  const [{ data, fetching, error }, refetch] = useQuery({ query: ORDER_PROGRESS, variables: { id: orderId } });
  useRefreshOn(version, refetch);
  const order = data?.order;
  const answerOf = (stageRunId: string | null | undefined) =>
    order?.delayAlerts?.find((alert) => alert.stageRunId === stageRunId && alert.customerResponse)?.customerResponse;
  return (
    <details className="subsection" data-testid="progress-log">
      <summary>{t('studio.progressLog')}</summary>
      {fetching && !data ? <Loading /> : null}
      {error && !data ? <HubErrorState error={error} retry={() => refetch({ requestPolicy: 'network-only' })} /> : null}
      <ol className="timeline small">
        {[...(order?.progress ?? [])].reverse().map((entry) => {
          const stage = entry.statusCode ? labelOf(entry.statusCode, language) : '';
          const key = logKeyOf(entry.type);
          const answer = entry.type === 'order.delay.responded' ? answerOf(entry.stageRunId) : null;
          return (
            <li key={entry.id}>
              <time dateTime={entry.occurredAt}>{formatDateTime(entry.occurredAt, language)}</time>{' '}
              {exists(key) ? t(key, { stage }) : t('panels.log.other', { stage })}
              {answer ? `${t('common.colon')}${t(`panels.alerts.answer.${answer}`)}` : ''}
              {entry.note && WRITTEN_NOTES.has(entry.type) ? ` · ${entry.note}` : ''}
            </li>
          );
        })}
      </ol>
    </details>
  );
}
