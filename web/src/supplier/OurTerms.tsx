import { useQuery } from 'urql';
import { contractTerms } from '../common/contract-terms';
import { formatDay, nameOf, useI18n } from '../common/i18n';
import { Empty, HubErrorState, Loading, Section } from '../common/ui';
import { graphql } from '../gql/supplier';

/** The supplier's own terms with each studio: the hub answers a supplier its own rows only, never a studio's other suppliers. */
const OUR_TERMS = graphql(`
  query SupplierOwnTerms {
    supplierRelationships {
      studioId
      tier
      annualVolumeYuan
      flexibleBandPercent
      since
      studio {
        nameZh
        nameEn
      }
    }
  }
`);

/** "Our terms": what each studio agreed with this supplier, read-only. */
export function OurTerms() {
  const { t, language } = useI18n();
  const [{ data, fetching, error }, refetch] = useQuery({ query: OUR_TERMS });
  let body;
  if (fetching && !data) body = <Loading />;
  else if (error && !data) body = <HubErrorState error={error} retry={() => refetch({ requestPolicy: 'network-only' })} />;
  else if (!data?.supplierRelationships.length) body = <Empty>{t('relationships.ours.none')}</Empty>;
  else
    body = (
      <ul className="plain resource-list" data-testid="our-terms">
        {data.supplierRelationships.map((terms) => (
          <li key={terms.studioId} data-studio={terms.studioId}>
            <h3>{nameOf(terms.studio, language)}</h3>
            <p className="relationship-line">
              <span className="badge">{t(`relationships.tier.${terms.tier}`)}</span>
              {terms.tier === 'PRIMARY' ? <span>{contractTerms(terms, language, t)}</span> : null}
              <span className="small muted">{t('relationships.since', { day: formatDay(terms.since, language) })}</span>
            </p>
          </li>
        ))}
      </ul>
    );
  return (
    <Section title={t('relationships.ours.title')} id="our-terms">
      <p className="muted">{t('relationships.ours.intro')}</p>
      {body}
    </Section>
  );
}
