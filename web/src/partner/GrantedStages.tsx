import { useQuery } from 'urql';
import { formatDay, nameOf, useI18n } from '../common/i18n';
import { stageCapabilityName } from '../common/labels';
import { Empty, HubErrorState, Loading, Section } from '../common/ui';
import { graphql } from '../gql/partner';

/** The stage codes each studio gave this partner: the hub answers a partner its own rows only. */
const GRANTED_STAGES = graphql(`
  query PartnerGrantedStages {
    partnerRelationships {
      studioId
      stageCodes
      since
      studio {
        nameZh
        nameEn
      }
    }
  }
`);

/** What each studio may hand this workshop or kitchen, by the stages' names; read-only. */
export function GrantedStages() {
  const { t, language } = useI18n();
  const [{ data, fetching, error }, refetch] = useQuery({ query: GRANTED_STAGES });
  let body;
  if (fetching && !data) body = <Loading />;
  else if (error && !data) body = <HubErrorState error={error} retry={() => refetch({ requestPolicy: 'network-only' })} />;
  else if (!data?.partnerRelationships.length) body = <Empty>{t('relationships.granted.none')}</Empty>;
  else
    body = (
      <ul className="plain resource-list" data-testid="granted-stages">
        {data.partnerRelationships.map((granted) => (
          <li key={granted.studioId} data-studio={granted.studioId}>
            <h3>{nameOf(granted.studio, language)}</h3>
            <ul className="tags" aria-label={t('relationships.partners.stages')}>
              {granted.stageCodes.map((code) => (
                <li key={code} className="badge">
                  {stageCapabilityName(code, language)}
                </li>
              ))}
            </ul>
            <p className="small muted">{t('relationships.since', { day: formatDay(granted.since, language) })}</p>
          </li>
        ))}
      </ul>
    );
  return (
    <Section title={t('relationships.granted.title')} id="granted-stages">
      <p className="muted">{t('relationships.granted.intro')}</p>
      {body}
    </Section>
  );
}
