import { useEffect, useRef } from 'react';
import { useQuery } from 'urql';
import { formatDateTime, useI18n } from '../../common/i18n';
import { HubErrorState, Loading } from '../../common/ui';
import { graphql } from '../../gql/hub';
import { useStageLabel, useWorkCenterName, type CatalogueRoute } from './catalogue-data';
import { routeChanges, type RouteChange } from './route-diff';

const ROUTE_VERSIONS = graphql(`
  query SettingsRouteVersions($studioId: ID!) {
    catalogue(studioId: $studioId) {
      studioId
      routes {
        code
        versions {
          version
          createdAt
          steps {
            ...CatalogueStepFields
          }
        }
      }
    }
  }
`);

type Labelled = { code: string; labelZh: string; labelEn: string };

/** A route's versions, newest first, each with what changed from the one before: read only. */
export function RouteHistory({
  studioId,
  route,
  labelled,
  workCenters,
}: {
  studioId: string;
  route: CatalogueRoute;
  labelled: readonly Labelled[];
  workCenters: readonly { code: string; nameZh: string; nameEn: string }[];
}) {
  const { t, language } = useI18n();
  const centerName = useWorkCenterName(workCenters);
  const [{ data, fetching, error }, refetch] = useQuery({ query: ROUTE_VERSIONS, variables: { studioId } });
  const shownVersion = useRef(route.currentVersion);
  useEffect(() => {
    // A save made a new version: read the history again.
    if (shownVersion.current === route.currentVersion) return;
    shownVersion.current = route.currentVersion;
    refetch({ requestPolicy: 'network-only' });
  }, [route.currentVersion, refetch]);
  const versions = data?.catalogue.routes.find((found) => found.code === route.code)?.versions ?? [];
  const stageLabel = useStageLabel([...labelled, ...versions.flatMap((version) => version.steps.map((step) => step.statusCode))]);
  const valueOf = (change: Extract<RouteChange, { kind: 'changed' }>, value: string | number | boolean | null) => {
    if (value === null) return t('catalogue.history.none');
    if (typeof value === 'boolean') return value ? t('catalogue.history.yes') : t('catalogue.history.no');
    if (change.attribute === 'standardMinutes') return t('catalogue.editor.minutesShort', { minutes: value });
    if (change.attribute === 'skill') return stageLabel(String(value));
    return centerName(String(value));
  };
  const sentence = (change: RouteChange) => {
    const name = stageLabel(change.statusCode);
    switch (change.kind) {
      case 'added':
        return t('catalogue.history.added', { name, n: change.position });
      case 'removed':
        return t('catalogue.history.removed', { name, n: change.position });
      case 'moved':
        return t('catalogue.history.moved', { name, from: change.from, to: change.to });
      case 'changed':
        return t('catalogue.history.changed', {
          name,
          attribute: t(`catalogue.field.${change.attribute}`),
          from: valueOf(change, change.from),
          to: valueOf(change, change.to),
        });
    }
  };
  return (
    <section className="subsection" aria-labelledby="route-history-heading" data-testid="route-history">
      <h3 id="route-history-heading">{t('catalogue.history.title')}</h3>
      <p className="small muted">{t('catalogue.history.intro')}</p>
      {fetching && !data ? <Loading /> : null}
      {error && !data ? <HubErrorState error={error} retry={() => refetch({ requestPolicy: 'network-only' })} /> : null}
      <ol className="plain route-versions">
        {versions.map((version, index) => {
          const previous = versions[index + 1];
          const changes = previous ? routeChanges(previous.steps.map(shapeOf), version.steps.map(shapeOf)) : [];
          return (
            <li key={version.version} data-version={version.version}>
              <p>
                <strong>{t('catalogue.history.version', { version: version.version })}</strong>
                {version.version === route.currentVersion ? <span className="badge ok">{t('catalogue.history.current')}</span> : null}{' '}
                <span className="small muted">{formatDateTime(version.createdAt, language)}</span>
              </p>
              {previous ? (
                changes.length ? (
                  <ul className="small route-changes">
                    {changes.map((change, at) => (
                      <li key={at} data-change={change.kind}>
                        {sentence(change)}
                      </li>
                    ))}
                  </ul>
                ) : (
                  <p className="small muted">{t('catalogue.history.noChange')}</p>
                )
              ) : (
                <p className="small muted">{t('catalogue.history.first', { count: version.steps.length })}</p>
              )}
            </li>
          );
        })}
      </ol>
    </section>
  );
}

const shapeOf = (step: {
  statusCode: { code: string };
  standardMinutes: number;
  qcCheckpoint: boolean;
  workCenterCode?: string | null;
  skill?: string | null;
  partnerAllowed: boolean;
}) => ({ ...step, statusCode: step.statusCode.code });
