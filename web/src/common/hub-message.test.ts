import { describe, expect, it } from 'vitest';
import i18next from 'i18next';
import { en } from '../locales/en';
import { zh } from '../locales/zh';
import { refusalKey, refusalText, refusedInput, supportCode } from './hub-message';

// The codes and rules the hub answers with (platform/base/errors.ts, the subgraphs' failedPrecondition calls).
const HUB_CODES = [
  'BAD_USER_INPUT',
  'NOT_FOUND',
  'CONFLICT',
  'FAILED_PRECONDITION',
  'FORBIDDEN',
  'UNAUTHENTICATED',
  'BAD_REQUEST',
  'CURSOR_EXPIRED',
  'SERVICE_UNAVAILABLE',
  'PAYLOAD_TOO_LARGE',
  'INTERNAL_SERVER_ERROR',
  'NETWORK',
];
const HUB_REASONS = [
  'STAGE_OUT_OF_ORDER',
  'QC_NOT_PASSED',
  'STAGE_NOT_STARTED',
  'STAGE_ALREADY_STARTED',
  'STAGE_NOT_IN_PROGRESS',
  'STAGE_HELD_ELSEWHERE',
  'NOT_A_QC_CHECKPOINT',
  'QC_FAILED',
  'QC_RESULT_MISSING',
  'ORDER_CLOSED',
  'ROUTE_NOT_DONE',
  'SHIPMENT_CLOSED',
  'EXCEPTION_RESOLVED',
  'NOT_A_CUSTOMER_NOTICE',
  'ALLOCATION_STARTED',
  'TOO_MANY_WEBHOOKS',
  'WECHAT_NOT_BOUND',
  'LIMIT_EXCEEDED',
  'CAPACITY_CHANGED',
  'SOLVER_DEADLINE',
  'UNKNOWN_ENTERPRISE',
  'WRONG_KIND',
  'VOLUME_OUT_OF_RANGE',
  'BAND_OUT_OF_RANGE',
  'ONLY_FOR_PRIMARY',
  'UNKNOWN_STAGE_CODE',
  'DUPLICATE_STAGE_CODE',
  'STAGE_CODE_COUNT',
  'OPERATOR_LACKS_SKILL',
  'UNKNOWN_OPERATOR',
  'UNKNOWN_WORK_CENTER',
];

const translator = (language: 'zh' | 'en') => {
  const instance = i18next.createInstance();
  void instance.init({ lng: language, resources: { zh: { translation: zh }, en: { translation: en } }, initImmediate: false });
  return { t: (key: string) => instance.t(key), exists: (key: string) => instance.exists(key) };
};

describe('a hub refusal in words', () => {
  for (const language of ['zh', 'en'] as const) {
    const { t, exists } = translator(language);
    it(`words every code and rule the hub answers with in ${language}, with no code, id or English in a Chinese sentence`, () => {
      for (const code of HUB_CODES)
        expect({ code, key: refusalKey({ code, reason: null }, exists) }).toEqual({ code, key: `errors.code.${code}` });
      for (const reason of HUB_REASONS)
        expect({ reason, key: refusalKey({ code: 'FAILED_PRECONDITION', reason }, exists) }).toEqual({
          reason,
          key: `errors.reason.${reason}`,
        });
      for (const error of [...HUB_CODES.map((code) => ({ code, reason: null })), ...HUB_REASONS.map((reason) => ({ code: 'X', reason }))]) {
        const text = refusalText(error, t, exists);
        expect(text).not.toMatch(/[A-Z]{2,}_[A-Z_]+/);
        if (language === 'zh') expect({ error, text }).toEqual({ error, text: expect.not.stringMatching(/[a-z]{3,}/i) });
      }
    });
  }

  it('words every refused state change alike, an unknown code generally, and keeps the code apart for support', () => {
    const { t, exists } = translator('en');
    expect(refusalKey({ code: 'FAILED_PRECONDITION', reason: 'INVALID_PURCHASE_ORDER_TRANSITION' }, exists)).toBe(
      'errors.reason.INVALID_TRANSITION',
    );
    expect(refusalKey({ code: 'FAILED_PRECONDITION', reason: 'SOMETHING_NEW' }, exists)).toBe('errors.code.FAILED_PRECONDITION');
    expect(refusalText({ code: 'TEAPOT', reason: null }, t, exists)).toBe(t('errors.unknown'));
    expect(supportCode({ code: 'FAILED_PRECONDITION', reason: 'QC_NOT_PASSED' })).toBe('FAILED_PRECONDITION · QC_NOT_PASSED');
    expect(supportCode({ code: null, reason: null })).toBe('UNKNOWN');
  });

  it('finds the input a refusal names, whatever its path or position', () => {
    expect(refusedInput({ field: 'input.flexibleBandPercent' })).toBe('flexibleBandPercent');
    expect(refusedInput({ field: 'input.stageCodes[1]' })).toBe('stageCodes');
    expect(refusedInput({ field: 'studioId' })).toBe('studioId');
    expect(refusedInput({ field: null })).toBeNull();
    expect(refusedInput(null)).toBeNull();
  });
});
