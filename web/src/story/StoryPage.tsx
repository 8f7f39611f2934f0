import { useMemo } from 'react';
import { Provider, useQuery } from 'urql';
import { graphqlClient, hubMessage } from '../common/client';
import { formatDateTime, formatDay, labelOf, nameOf, useI18n } from '../common/i18n';
import { materialName, productName } from '../common/labels';
import { Empty, HubErrorState, Loading, Page } from '../common/ui';
import { graphql } from '../gql/customer';

const PRODUCT_STORY = graphql(`
  query ProductStory($code: String!) {
    productStory(code: $code) {
      code
      uri
      gtin
      productCode
      productFamily
      productNameZh
      productNameEn
      issuedAt
      qcPassed
      studio {
        nameZh
        nameEn
      }
      stages {
        startedAt
        finishedAt
        statusCode {
          code
          labelZh
          labelEn
        }
      }
      materialOrigins {
        sku
        materialName
        lotCode
        supplier {
          nameZh
          nameEn
        }
      }
    }
  }
`);

/**
 * Where a product's scanned code leads people (the hub's Digital Link resolver sends gs1:pip
 * here): public, no sign-in. What was made, by which studio, through which stages, whether it
 * passed QC and where its materials came from: what `productStory` tells anyone, nothing more.
 */
export default function StoryPage() {
  const client = useMemo(() => graphqlClient('/graphql/customer', () => null), []);
  return (
    <Provider value={client}>
      <ProductStory code={decodeURIComponent(location.pathname.split('/')[2] ?? '')} />
    </Provider>
  );
}

function ProductStory({ code }: { code: string }) {
  const { t, language } = useI18n();
  const [{ data, fetching, error }, refetch] = useQuery({ query: PRODUCT_STORY, variables: { code } });
  const story = data?.productStory;
  const refused = hubMessage(error);
  // A malformed code is the same to a person as an unknown one.
  const missing = (data && !story) || refused?.code === 'BAD_USER_INPUT';
  return (
    <Page
      title={story ? productName(story, language) : t('story.heading')}
      subtitle={story ? t('story.madeBy', { studio: nameOf(story.studio, language) }) : undefined}
    >
      {fetching && !data ? <Loading /> : null}
      {error && !missing && !data ? <HubErrorState error={error} retry={() => refetch({ requestPolicy: 'network-only' })} /> : null}
      {missing ? (
        <div className="card explanation" role="alert">
          <h2>{t('story.notFoundTitle')}</h2>
          <p>{t('story.notFoundBody', { code })}</p>
        </div>
      ) : null}
      {story ? (
        <article className="story" data-testid="product-story">
          <section className="card" aria-labelledby="story-product">
            <h2 id="story-product">{t('story.heading')}</h2>
            <dl className="facts">
              <dt>{t('story.code')}</dt>
              <dd>
                <code>{story.code}</code>
              </dd>
              {story.gtin ? (
                <>
                  <dt>GTIN</dt>
                  <dd>{story.gtin}</dd>
                </>
              ) : null}
              <dt>{t('story.packed')}</dt>
              <dd>
                <time dateTime={story.issuedAt}>{formatDay(story.issuedAt, language)}</time>
              </dd>
              <dt>{t('story.qc')}</dt>
              <dd data-testid="story-qc">
                {story.qcPassed === null ? t('story.qcNone') : story.qcPassed ? t('story.qcPassed') : t('story.qcFailed')}
              </dd>
            </dl>
          </section>
          <section className="card" aria-labelledby="story-steps">
            <h2 id="story-steps">{t('share.steps')}</h2>
            {story.stages.length ? (
              <ol className="timeline" data-testid="story-stages">
                {story.stages.map((stage, index) => (
                  <li key={index}>
                    <strong>{labelOf(stage.statusCode, language)}</strong>
                    {stage.finishedAt ? (
                      <>
                        {' · '}
                        <time dateTime={stage.finishedAt}>{formatDateTime(stage.finishedAt, language)}</time>
                      </>
                    ) : null}
                  </li>
                ))}
              </ol>
            ) : (
              <Empty>{t('story.noStages')}</Empty>
            )}
          </section>
          <section className="card" aria-labelledby="story-materials">
            <h2 id="story-materials">{t('story.materials')}</h2>
            {story.materialOrigins.length ? (
              <ul className="plain" data-testid="story-materials">
                {story.materialOrigins.map((origin) => (
                  <li key={`${origin.sku}-${origin.lotCode}`}>
                    <strong>{materialName(origin.sku, language, origin.materialName)}</strong> ·{' '}
                    {t('story.fromSupplier', { supplier: nameOf(origin.supplier, language) })} · {t('story.lot', { lot: origin.lotCode })}
                  </li>
                ))}
              </ul>
            ) : (
              <Empty>{t('story.noMaterials')}</Empty>
            )}
          </section>
        </article>
      ) : null}
    </Page>
  );
}
