import { describe, expect, it } from 'vitest';
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
