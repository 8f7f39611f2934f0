import { useMemo } from 'react';
import { Provider, useQuery } from 'urql';
import { graphqlClient } from '../common/client';
import { formatDateTime, formatDay, labelOf, nameOf, useI18n } from '../common/i18n';
import { productLineName, productName } from '../common/labels';
import { HubErrorState, Loading, Page } from '../common/ui';
import { graphql } from '../gql/customer';

const SHARED_ORDER = graphql(`
  query SharedOrder($shareId: ID!) {
    sharedOrder(shareId: $shareId) {
      productFamily
      productNameZh
      productNameEn
      completedAt
      imageUrl
      studio {
        nameZh
        nameEn
        region
      }
      lines {
        productCode
        quantity
      }
      timeline {
        finishedAt
        statusCode {
          code
          labelZh
          labelEn
        }
      }
    }
  }
`);

/** The finished order's story, public (no sign-in): what was made, by whom, through which stages. */
export default function SharePage() {
  const client = useMemo(() => graphqlClient('/graphql/customer', () => null), []);
  return (
    <Provider value={client}>
      <Story shareId={decodeURIComponent(location.pathname.split('/')[2] ?? '')} />
    </Provider>
  );
}

function Story({ shareId }: { shareId: string }) {
  const { t, language } = useI18n();
  const [{ data, fetching, error }, refetch] = useQuery({ query: SHARED_ORDER, variables: { shareId } });
  const shared = data?.sharedOrder;
  return (
    <Page title={shared ? t('share.title', { studio: nameOf(shared.studio, language) }) : t('share.heading')}>
      {fetching && !data ? <Loading /> : null}
      {error && !data ? <HubErrorState error={error} retry={() => refetch({ requestPolicy: 'network-only' })} /> : null}
      {data && !shared ? (
        <div className="card explanation" role="alert">
          <h2>{t('share.notFoundTitle')}</h2>
          <p>{t('share.notFoundBody')}</p>
        </div>
      ) : null}
      {shared ? (
        <article className="story">
          <img className="story-image" src={shared.imageUrl} alt="" width={1200} height={630} />
          <section className="card" aria-labelledby="story-heading">
            <h2 id="story-heading">{productName(shared, language)}</h2>
            <p>{t('share.madeBy', { studio: nameOf(shared.studio, language), day: formatDay(shared.completedAt, language) })}</p>
            <ul className="plain">
              {shared.lines.map((line, index) => (
                <li key={index}>
                  {productLineName(line.productCode, shared, language)} × {line.quantity}
                </li>
              ))}
            </ul>
          </section>
          <section className="card" aria-labelledby="steps-heading">
            <h2 id="steps-heading">{t('share.steps')}</h2>
            <ol className="timeline" data-testid="share-stages">
              {shared.timeline.map((stage, index) => (
                <li key={index}>
                  <strong>{labelOf(stage.statusCode, language)}</strong>
                  {stage.finishedAt ? (
                    <>
                      {' '}
                      · <time dateTime={stage.finishedAt}>{formatDateTime(stage.finishedAt, language)}</time>
                    </>
                  ) : null}
                </li>
              ))}
            </ol>
            <p className="muted">{t('share.completedAt', { when: formatDateTime(shared.completedAt, language) })}</p>
          </section>
        </article>
      ) : null}
    </Page>
  );
}
