import i18next from 'i18next';
import { UNKNOWN_PRODUCT_TYPE } from '../../../contracts/catalogue';
import { useSyncExternalStore } from 'react';
import { en } from '../locales/en';
import { zh } from '../locales/zh';

export type Language = 'zh' | 'en';
const STORAGE_KEY = 'weft.language';

/** The browser's language unless the person chose one (kept in this browser). */
function initialLanguage(): Language {
  const chosen = localStorage.getItem(STORAGE_KEY);
  if (chosen === 'zh' || chosen === 'en') return chosen;
  const preferred = navigator.languages?.length ? navigator.languages : [navigator.language];
  for (const language of preferred) {
    if (language.toLowerCase().startsWith('zh')) return 'zh';
    if (language.toLowerCase().startsWith('en')) return 'en';
  }
  return 'zh';
}

void i18next.init({
  lng: initialLanguage(),
  fallbackLng: 'en',
  resources: { zh: { translation: zh }, en: { translation: en } },
  interpolation: { escapeValue: false },
  initImmediate: false,
  // A studio's own product family (catalogue data) has no words here: it reads as "a custom piece", never as its code.
  parseMissingKeyHandler: (key: string, defaultValue?: string) =>
    defaultValue ??
    (key.startsWith('product.') ? (i18next.language === 'zh' ? UNKNOWN_PRODUCT_TYPE.labelZh : UNKNOWN_PRODUCT_TYPE.labelEn) : key),
});
const setDocumentLanguage = (language: string) => (document.documentElement.lang = language === 'zh' ? 'zh-CN' : 'en');
setDocumentLanguage(i18next.language);

export function setLanguage(language: Language): void {
  localStorage.setItem(STORAGE_KEY, language);
  void i18next.changeLanguage(language);
  setDocumentLanguage(language);
}

const subscribe = (notify: () => void) => {
  i18next.on('languageChanged', notify);
  return () => i18next.off('languageChanged', notify);
};

/** The current language and its translator; re-renders when the language changes. */
export function useI18n() {
  const language = useSyncExternalStore(subscribe, () => i18next.language as Language);
  return {
    language,
    t: i18next.t.bind(i18next) as (key: string, options?: Record<string, unknown>) => string,
    exists: (key: string) => i18next.exists(key),
  };
}

/** A vocabulary entry's label in the reader's language (labelZh / labelEn from the hub). */
export const labelOf = (entry: { labelZh: string; labelEn: string } | null | undefined, language: Language) =>
  entry ? (language === 'zh' ? entry.labelZh : entry.labelEn) : '';
export const nameOf = (enterprise: { nameZh: string; nameEn: string } | null | undefined, language: Language) =>
  enterprise ? (language === 'zh' ? enterprise.nameZh : enterprise.nameEn) : '';

// The studios and their customers live in China Standard Time: every date is written in it.
const TIME_ZONE = 'Asia/Shanghai';
const locale = (language: Language) => (language === 'zh' ? 'zh-CN' : 'en-GB');

export function formatDateTime(iso: string | null | undefined, language: Language): string {
  if (!iso) return '';
  return new Intl.DateTimeFormat(locale(language), { dateStyle: 'medium', timeStyle: 'short', timeZone: TIME_ZONE }).format(new Date(iso));
}

/** "9 Dec" / "12月9日" */
export function formatDay(iso: string | null | undefined, language: Language): string {
  if (!iso) return '';
  return new Intl.DateTimeFormat(locale(language), {
    day: 'numeric',
    month: language === 'zh' ? 'long' : 'short',
    timeZone: TIME_ZONE,
  }).format(new Date(iso));
}

export function formatMoney(cents: number | null | undefined, language: Language): string {
  if (cents === null || cents === undefined) return '';
  return new Intl.NumberFormat(locale(language), { style: 'currency', currency: 'CNY' }).format(cents / 100);
}
