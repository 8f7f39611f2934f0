import { describe, expect, it, vi } from 'vitest';
import { en } from '../locales/en';
import { zh } from '../locales/zh';

const keys = (catalogue: object, prefix = ''): string[] =>
  Object.entries(catalogue).flatMap(([key, value]) => (typeof value === 'object' ? keys(value, `${prefix}${key}.`) : [`${prefix}${key}`]));

describe('the UI catalogues', () => {
  it('hold the same keys in Chinese and English, none empty, with the same placeholders', () => {
    expect(keys(zh).sort()).toEqual(keys(en).sort());
    const lookup = (catalogue: any, key: string) => key.split('.').reduce((node, part) => node[part], catalogue) as string;
    for (const key of keys(en)) {
      const [english, chinese] = [lookup(en, key), lookup(zh, key)];
      expect(chinese.trim()).not.toBe('');
      const placeholders = (text: string) => [...text.matchAll(/\{\{(\w+)\}\}/g)].map((match) => match[1]).sort();
      expect({ key, placeholders: placeholders(chinese) }).toEqual({ key, placeholders: placeholders(english) });
    }
  });
});

describe('a product family the UI has no words for', () => {
  it('reads as a custom piece in the reader’s language, never as its catalogue code', async () => {
    // i18n.ts reads the browser's storage, language and document as it loads.
    vi.stubGlobal('localStorage', { getItem: () => null, setItem: () => undefined });
    vi.stubGlobal('navigator', { languages: ['zh-CN'] });
    vi.stubGlobal('document', { documentElement: {} });
    const { setLanguage } = await import('./i18n');
    const i18next = (await import('i18next')).default;
    setLanguage('zh');
    expect(i18next.t('product.LEATHER_GOODS')).toBe('定制作品');
    expect(i18next.t('product.CALLIGRAPHY_TEAWARE')).toBe('书法茶器');
    setLanguage('en');
    expect(i18next.t('product.LEATHER_GOODS')).toBe('Custom piece');
    // A default the caller gives still wins over the rule, and other missing keys stay as they were.
    expect(i18next.t('panels.unit.bolt', { defaultValue: 'bolt' })).toBe('bolt');
    expect(i18next.t('no.such.key')).toBe('no.such.key');
  });
});
