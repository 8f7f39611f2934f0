import { useState } from 'react';
import { useQuery } from 'urql';
import { formatMoney, useI18n } from '../../common/i18n';
import { Empty, HubErrorState, Loading, Section } from '../../common/ui';
import { useMayUse } from '../../signin/permissions';
import { ProductForm, UPSERT_PRODUCT } from './ProductForm';
import { RouteEditor, SAVE_ROUTE } from './RouteEditor';
import { RouteHistory } from './RouteHistory';
import { WORK_CENTERS } from './ResourceSettings';
import { CATALOGUE, nameIn, ROUTE_STAGE_CODES, type CatalogueProduct } from './catalogue-data';

/** Settings → Products and routes: the studio's catalogue, each route's stages and its versions. */
export function CatalogueSettings({ studioId }: { studioId: string }) {
  const { t, language } = useI18n();
  const may = useMayUse();
  const [{ data, fetching, error }, refetch] = useQuery({ query: CATALOGUE, variables: { studioId } });
  const [stageCodes] = useQuery({ query: ROUTE_STAGE_CODES });
  const [centers] = useQuery({ query: WORK_CENTERS, variables: { studioId } });
  const [editing, setEditing] = useState<CatalogueProduct | 'new' | null>(null);
  const [savedCode, setSavedCode] = useState<string | null>(null);
  /** The route open below: its code, or 'new' for one being made. */
  const [routeCode, setRouteCode] = useState<string | null>(null);
  const reload = () => refetch({ requestPolicy: 'network-only' });
  // Stages and work centers are shown by name: wait for their names rather than show a stand-in first.
  if ((fetching && !data) || (stageCodes.fetching && !stageCodes.data) || (centers.fetching && !centers.data)) return <Loading />;
  if (error && !data) return <HubErrorState error={error} retry={reload} />;
  if (stageCodes.error && !stageCodes.data) return <HubErrorState error={stageCodes.error} retry={reload} />;
  const catalogue = data!.catalogue;
  // The studio's own vocabulary: the standard codes and its extensions, not another enterprise's.
  const usable = (stageCodes.data?.statusCodes ?? []).filter((code) => !code.enterpriseId || code.enterpriseId === studioId);
  const labelled = [...usable, ...catalogue.routes.flatMap((route) => route.steps.map((step) => step.statusCode))];
  const productsEditable = may(UPSERT_PRODUCT);
  const routesEditable = may(SAVE_ROUTE);
  const familyName = (code: string) => nameIn(catalogue.families.find((family) => family.code === code) ?? {}, language);
  const routeName = (code: string) => {
    const route = catalogue.routes.find((found) => found.code === code);
    return (route && nameIn(route, language)) || t('catalogue.products.unnamedRoute');
  };
  const saved = catalogue.products.find((product) => product.productCode === savedCode);
  const openRoute = catalogue.routes.find((route) => route.code === routeCode) ?? null;
  return (
    <div data-testid="catalogue-settings">
      <Section title={t('catalogue.products.title')} id="settings-products">
        <p className="muted">{t('catalogue.products.intro')}</p>
        {catalogue.products.length === 0 ? (
          <Empty>{t('catalogue.products.none')}</Empty>
        ) : (
          <ul className="plain resource-list" data-testid="catalogue-products">
            {catalogue.products.map((product) => {
              const name = nameIn(product, language);
              return (
                <li key={product.productCode} data-product={product.productCode}>
                  <strong>{name}</strong> <span className="badge">{familyName(product.familyCode)}</span>
                  <p className="small">
                    {t('catalogue.products.route')}
                    {t('catalogue.colon')}
                    <button type="button" className="link" onClick={() => setRouteCode(product.routeCode)}>
                      {routeName(product.routeCode)}
                    </button>
                  </p>
                  <p className="small muted">
                    {product.priceCents === null || product.priceCents === undefined
                      ? t('catalogue.products.noPrice')
                      : `${t('catalogue.products.price')}${t('catalogue.colon')}${formatMoney(product.priceCents, language)}`}
                    {' · '}
                    {product.shopSkus.length
                      ? t('catalogue.products.skus', { count: product.shopSkus.length })
                      : t('catalogue.products.noSkus')}
                  </p>
                  {productsEditable ? (
                    <div className="button-row">
                      <button
                        type="button"
                        onClick={() => {
                          setSavedCode(null);
                          setEditing(product);
                        }}
                        aria-label={t('settings.editOne', { name })}
                      >
                        {t('settings.edit')}
                      </button>
                    </div>
                  ) : null}
                </li>
              );
            })}
          </ul>
        )}
        {saved ? (
          <p role="status" className="small">
            {t('catalogue.products.saved', { name: nameIn(saved, language) })}
          </p>
        ) : null}
        {productsEditable && !editing ? (
          <button
            type="button"
            onClick={() => {
              setSavedCode(null);
              setEditing('new');
            }}
          >
            {t('catalogue.products.add')}
          </button>
        ) : null}
        {editing ? (
          <ProductForm
            key={editing === 'new' ? 'new' : editing.productCode}
            studioId={studioId}
            product={editing === 'new' ? null : editing}
            catalogue={catalogue}
            onDone={(savedProduct) => {
              setEditing(null);
              if (savedProduct) {
                setSavedCode(savedProduct);
                reload();
              }
            }}
          />
        ) : null}
      </Section>
      <Section title={t('catalogue.routes.title')} id="settings-routes">
        <p className="muted">{t('catalogue.routes.intro')}</p>
        {catalogue.routes.length === 0 ? (
          <Empty>{t('catalogue.routes.none')}</Empty>
        ) : (
          <ul className="plain route-list" data-testid="catalogue-routes" aria-label={t('catalogue.routes.list')}>
            {catalogue.routes.map((route) => (
              <li key={route.code}>
                <button
                  type="button"
                  className="route-choice"
                  aria-expanded={routeCode === route.code}
                  aria-controls={routeCode === route.code ? 'route-editor' : undefined}
                  onClick={() => setRouteCode(routeCode === route.code ? null : route.code)}
                >
                  <strong>{routeName(route.code)}</strong>{' '}
                  <span className="small muted">
                    {t('catalogue.routes.version', { version: route.currentVersion })} ·{' '}
                    {t('catalogue.routes.stages', { count: route.steps.length })}
                  </span>
                </button>
              </li>
            ))}
          </ul>
        )}
        {routesEditable && routeCode !== 'new' ? (
          <div className="button-row">
            <button type="button" onClick={() => setRouteCode('new')}>
              {t('catalogue.routes.add')}
            </button>
          </div>
        ) : null}
      </Section>
      {routeCode === 'new' || openRoute ? (
        <Section
          title={openRoute ? t('catalogue.editor.title', { name: routeName(openRoute.code) }) : t('catalogue.editor.newTitle')}
          id="route-editor"
        >
          {openRoute ? (
            <p className="small muted">
              {(() => {
                const users = catalogue.products.filter((product) => product.routeCode === openRoute.code);
                return users.length
                  ? t('catalogue.routes.usedBy', {
                      products: users.map((product) => nameIn(product, language)).join(t('settings.listSeparator')),
                    })
                  : t('catalogue.routes.unused');
              })()}
            </p>
          ) : null}
          <RouteEditor
            key={openRoute ? openRoute.code : 'new'}
            studioId={studioId}
            route={openRoute}
            stageCodes={usable}
            takenCodes={catalogue.routes.map((found) => found.code)}
            labelled={labelled}
            workCenters={centers.data?.workCenters ?? []}
            editable={routesEditable}
            onSaved={(code) => {
              setRouteCode(code);
              reload();
            }}
            onClose={() => setRouteCode(null)}
          />
          {openRoute ? (
            <RouteHistory studioId={studioId} route={openRoute} labelled={labelled} workCenters={centers.data?.workCenters ?? []} />
          ) : null}
        </Section>
      ) : null}
    </div>
  );
}
