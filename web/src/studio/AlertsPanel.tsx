import { useQuery } from 'urql';
import { formatDateTime, labelOf, useI18n } from '../common/i18n';
import { Empty, HubErrorState, Loading, Section } from '../common/ui';
import { graphql } from '../gql/hub';
import { useRefreshOn } from './refresh';

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

export function AlertsPanel({ studioId, version, onOpen }: { studioId: string; version: number; onOpen: (id: string) => void }) {
  const { t, language } = useI18n();
  const [{ data, fetching, error }, refetch] = useQuery({ query: DELAY_ALERTS, variables: { studioId } });
  useRefreshOn(version, refetch);
  if (fetching && !data) return <Loading />;
  if (error && !data) return <HubErrorState error={error} retry={() => refetch({ requestPolicy: 'network-only' })} />;
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
