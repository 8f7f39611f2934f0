/** What the Products and routes part reads, and how it names what it shows: shared by its list, forms, editor and history. */
import { labelOf, useI18n, type Language } from '../../common/i18n';
import { graphql } from '../../gql/hub';
import type { SettingsCatalogueQuery, SettingsRouteStageCodesQuery } from '../../gql/hub/graphql';

/** A route stage as the settings show it: one selection for the current stages and every version's. */
export const CATALOGUE_STEP_FIELDS = graphql(`
  fragment CatalogueStepFields on CatalogueRouteStep {
    position
    statusCode {
      code
      labelZh
      labelEn
    }
    standardMinutes
    qcCheckpoint
    workCenterCode
    skill
    partnerAllowed
  }
`);

export const CATALOGUE = graphql(`
  query SettingsCatalogue($studioId: ID!) {
    catalogue(studioId: $studioId) {
      studioId
      families {
        code
        nameZh
        nameEn
      }
      products {
        productCode
        nameZh
        nameEn
        familyCode
        routeCode
        shopSkus
        priceCents
      }
      routes {
        code
        nameZh
        nameEn
        currentVersion
        steps {
          ...CatalogueStepFields
        }
      }
    }
  }
`);

/** Every status code with its owner: a studio's routes take the standard ones and its own X-<ORG>-<NN> extensions. */
export const ROUTE_STAGE_CODES = graphql(`
  query SettingsRouteStageCodes {
    statusCodes {
      code
      phase
      labelZh
      labelEn
      enterpriseId
    }
  }
`);

export type Catalogue = SettingsCatalogueQuery['catalogue'];
export type CatalogueProduct = Catalogue['products'][number];
export type CatalogueRoute = Catalogue['routes'][number];
export type StageCode = SettingsRouteStageCodesQuery['statusCodes'][number];

export const nameIn = (named: { nameZh?: string | null; nameEn?: string | null }, language: Language) =>
  (language === 'zh' ? named.nameZh : named.nameEn) || (language === 'zh' ? named.nameEn : named.nameZh) || '';

/** A stage's label in the reader's language, from the vocabulary; never its code. */
export function useStageLabel(codes: readonly { code: string; labelZh: string; labelEn: string }[]) {
  const { t, language } = useI18n();
  const byCode = new Map(codes.map((code) => [code.code, code]));
  return (code: string | null | undefined) => (code ? labelOf(byCode.get(code), language) || t('settings.bom.unknownStage') : '');
}

/** A work center's name in the reader's language; one the capacity subgraph no longer keeps says so, never its code. */
export function useWorkCenterName(workCenters: readonly { code: string; nameZh: string; nameEn: string }[]) {
  const { t, language } = useI18n();
  return (code: string) => {
    const center = workCenters.find((found) => found.code === code);
    return center ? nameIn(center, language) : t('catalogue.editor.unknownWorkCenter');
  };
}
