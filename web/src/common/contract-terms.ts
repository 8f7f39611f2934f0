import type { Language } from './i18n';

/** A primary supplier's contract as both sides read it: "¥360,000 a year, ±30 %"; other tiers have none. */
export function contractTerms(
  terms: { annualVolumeYuan?: number | null; flexibleBandPercent?: number | null },
  language: Language,
  t: (key: string, options?: Record<string, unknown>) => string,
): string {
  if (terms.annualVolumeYuan == null || terms.flexibleBandPercent == null) return t('relationships.noContract');
  const volume = new Intl.NumberFormat(language === 'zh' ? 'zh-CN' : 'en-GB').format(terms.annualVolumeYuan);
  return t('relationships.contract', { volume, band: terms.flexibleBandPercent });
}
