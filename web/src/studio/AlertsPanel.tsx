import { useQuery } from 'urql';
import { formatDateTime, labelOf, useI18n } from '../common/i18n';
import { Empty, HubErrorState, Loading, Section } from '../common/ui';
import { useNow } from '../common/now';
import { graphql } from '../gql/hub';
import type { StudioDelayAlertsQuery } from '../gql/hub/graphql';
import { useRefreshOn } from './refresh';

/**
 * The studio's delay alerts (its staff's: the customer's contact is theirs only, as the orders
 * subgraph rules). Closed alerts are asked for too, so a customer's "please contact me" stays
 * in view after the late stage finishes.
 */
const DELAY_ALERTS = graphql(`
  query StudioDelayAlerts($studioId: ID!) {
    delayAlerts(studioId: $studioId) {
      id
      orderId
      stageRunId
      threshold
      overrunPercent
      status
      raisedAt
      customerResponse
      respondedAt
      statusCode {
        code
        labelZh
        labelEn
      }
      order {
        id
        externalOrderId
        customer {
          name
          contact
        }
      }
    }
  }
`);

type Alert = StudioDelayAlertsQuery['delayAlerts'][number];

/** How long a customer's answer stays in view after its stage finished. */
const ANSWERS_KEPT_DAYS = 14;

/** The order's own number (the shop's, e.g. DEMO-0013), never the hub's id. */
export const orderNumberOf = (alert: Alert, fallback: string) => alert.order?.externalOrderId ?? fallback;

/** One late stage of one order: its 30 % alert and its 50 % notice together. */
interface LateStage {
  key: string;
  orderId: string;
  alerts: Alert[];
}

function lateStages(alerts: Alert[]): LateStage[] {
  const groups = new Map<string, LateStage>();
  for (const alert of alerts) {
    const key = `${alert.orderId}/${alert.stageRunId}`;
    const group = groups.get(key) ?? { key, orderId: alert.orderId, alerts: [] };
    group.alerts.push(alert);
    groups.set(key, group);
  }
  for (const group of groups.values()) group.alerts.sort((a, b) => a.threshold - b.threshold);
  return [...groups.values()];
}

/** A contact is called when it is a phone number, mailed when it is an address, else shown. */
function ContactLink({ contact }: { contact: string }) {
  if (/^\+?[\d\s-]{6,}$/.test(contact)) return <a href={`tel:${contact.replace(/[\s-]/g, '')}`}>{contact}</a>;
  if (/^[^@\s]+@[^@\s]+$/.test(contact)) return <a href={`mailto:${contact}`}>{contact}</a>;
  return <span>{contact}</span>;
}

export function AlertsPanel({ studioId, version, onOpen }: { studioId: string; version: number; onOpen: (id: string) => void }) {
  const { t, language } = useI18n();
  const [{ data, fetching, error }, refetch] = useQuery({ query: DELAY_ALERTS, variables: { studioId } });
  useRefreshOn(version, refetch);
  const now = useNow();
  if (fetching && !data) return <Loading />;
  if (error && !data) return <HubErrorState error={error} retry={() => refetch({ requestPolicy: 'network-only' })} />;
  const all = data?.delayAlerts ?? [];
  const since = now - ANSWERS_KEPT_DAYS * 86_400_000;
  const answers = all
    .filter(
      (alert) => alert.customerResponse && (alert.status === 'OPEN' || new Date(alert.respondedAt ?? alert.raisedAt).getTime() >= since),
    )
    .sort((a, b) => Number(b.customerResponse === 'CONTACT_ME') - Number(a.customerResponse === 'CONTACT_ME'));
  const late = lateStages(all.filter((alert) => alert.status === 'OPEN'));
  const number = (alert: Alert) => orderNumberOf(alert, t('panels.alerts.unnamedOrder'));
  return (
    <>
      <Section title={t('panels.alerts.answersTitle')} id="customer-answers">
        {answers.length === 0 ? (
          <Empty>{t('panels.alerts.noAnswers')}</Empty>
        ) : (
          <ul className="plain answers" data-testid="customer-answers">
            {answers.map((alert) => (
              <li key={alert.id} className={`answer card${alert.customerResponse === 'CONTACT_ME' ? ' answer-call' : ''}`}>
                <p>
                  <strong>{t(`panels.alerts.answer.${alert.customerResponse}`)}</strong>
                  <span className="muted small">
                    {' '}
                    · {labelOf(alert.statusCode, language)} · {formatDateTime(alert.respondedAt ?? alert.raisedAt, language)}
                  </span>
                </p>
                {alert.order?.customer ? (
                  <p>
                    {alert.order.customer.name}
                    {t('common.colon')}
                    <ContactLink contact={alert.order.customer.contact} />
                  </p>
                ) : null}
                <button type="button" className="link" onClick={() => onOpen(alert.orderId)}>
                  {t('panels.alerts.openOrder', { number: number(alert) })}
                </button>
              </li>
            ))}
          </ul>
        )}
      </Section>
      <Section title={t('studio.tab.alerts')} id="alerts">
        {late.length === 0 ? (
          <Empty>{t('studio.noAlerts')}</Empty>
        ) : (
          <ul className="plain late-stages" data-testid="late-stages">
            {late.map((stage) => {
              const latest = stage.alerts[stage.alerts.length - 1];
              const answered = stage.alerts.find((alert) => alert.customerResponse);
              return (
                <li key={stage.key} className="late-stage">
                  <p>
                    <button type="button" className="link" onClick={() => onOpen(stage.orderId)}>
                      {number(latest)}
                    </button>{' '}
                    · <strong>{labelOf(latest.statusCode, language)}</strong> ·{' '}
                    {t('panels.alerts.overBy', { percent: latest.overrunPercent })}
                  </p>
                  <p className="small">
                    {stage.alerts.map((alert) => (
                      <span key={alert.id} className={`badge ${alert.threshold >= 50 ? 'danger' : 'warn'}`}>
                        {t(alert.threshold >= 50 ? 'panels.alerts.customerNotified' : 'panels.alerts.supervisorsAlerted', {
                          percent: alert.threshold,
                          when: formatDateTime(alert.raisedAt, language),
                        })}
                      </span>
                    ))}
                  </p>
                  <p className="small">
                    {t('studio.customerAnswer')}
                    {t('common.colon')}
                    {answered
                      ? t(`panels.alerts.answer.${answered.customerResponse}`)
                      : latest.threshold >= 50
                        ? t('panels.alerts.noAnswerYet')
                        : t('panels.alerts.notAsked')}
                  </p>
                </li>
              );
            })}
          </ul>
        )}
      </Section>
    </>
  );
}
