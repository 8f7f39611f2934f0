import i18next from 'i18next';
import { describe, expect, it } from 'vitest';
import { en } from '../locales/en';
import { zh } from '../locales/zh';
import { contractTerms } from './contract-terms';

const translator = (language: 'zh' | 'en') => {
  const instance = i18next.createInstance();
  void instance.init({ lng: language, resources: { zh: { translation: zh }, en: { translation: en } }, initImmediate: false });
  return (key: string, options?: Record<string, unknown>) => instance.t(key, options);
};

describe("a primary supplier's contract in words", () => {
  it('says the volume with its thousands and the band either way, in both languages', () => {
    expect(contractTerms({ annualVolumeYuan: 360_000, flexibleBandPercent: 30 }, 'en', translator('en'))).toBe('¥360,000 a year, ±30 %');
    expect(contractTerms({ annualVolumeYuan: 50_000, flexibleBandPercent: 0 }, 'zh', translator('zh'))).toBe('每年 ¥50,000，上下浮动 0%');
  });

  it('says there is none for a tier without one', () => {
    expect(contractTerms({ annualVolumeYuan: null, flexibleBandPercent: null }, 'zh', translator('zh'))).toBe('无年度合同');
  });
});
