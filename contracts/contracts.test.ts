import {
  assertNoPersonalData,
  createVocabulary,
  EXCEPTION_CATEGORIES,
  EXCEPTION_CODES,
  isCbvTerm,
  lowerTier,
  STATUS_CODES,
  tierAllows,
  VOCABULARY,
  VocabularyError,
} from '.';

describe('status codes (vocabulary v1)', () => {
  it('are unique, well formed and labelled in both languages', () => {
    const codes = STATUS_CODES.map((code) => code.code);
    expect(new Set(codes).size).toBe(codes.length);
    for (const code of STATUS_CODES) {
      expect(code.code).toMatch(/^[A-Z]\d{2}$/);
      expect(code.labelZh).toMatch(/[\u4e00-\u9fff]/);
      expect(code.labelEn.length).toBeGreaterThan(2);
    }
    expect(VOCABULARY.findStatus('A10')?.labelEn).toBe('Design confirmed');
  });

  it('map to GS1 CBV 2.0 business steps and dispositions (or Weft URIs where the CBV has none)', () => {
    for (const code of STATUS_CODES) {
      expect([code.code, isCbvTerm('bizStep', code.bizStep)]).toEqual([code.code, true]);
      expect([code.code, isCbvTerm('disposition', code.disposition)]).toEqual([code.code, true]);
    }
    expect(isCbvTerm('bizStep', 'shipping')).toBe(true);
    expect(isCbvTerm('bizStep', 'teleporting')).toBe(false);
  });

  it('end in terminal delivered and cancelled codes that every tier may see', () => {
    const terminal = STATUS_CODES.filter((code) => code.terminal).map((code) => [code.code, code.minTier]);
    expect(terminal).toEqual([
      ['F20', 'MINIMAL'],
      ['Z90', 'MINIMAL'],
    ]);
  });
});

describe('exception taxonomy', () => {
  it('has the eight categories, each with codes', () => {
    expect(EXCEPTION_CATEGORIES).toHaveLength(8);
    for (const category of EXCEPTION_CATEGORIES) expect(EXCEPTION_CODES.some((code) => code.category === category)).toBe(true);
    const codes = EXCEPTION_CODES.map((code) => code.code);
    expect(new Set(codes).size).toBe(codes.length);
  });
});

describe('extension codes', () => {
  const base = { enterpriseId: 'moyun-studio', labelZh: '测试', labelEn: 'Test' };

  it('refine a standard parent and inherit its meaning', () => {
    const vocabulary = createVocabulary([
      { ...base, code: 'X-MOYUN-07', parent: 'C50' },
      { ...base, code: 'X-MOYUN-08', parent: 'EQP-02' },
    ]);
    expect(vocabulary.findStatus('X-MOYUN-07')).toMatchObject({
      parent: 'C50',
      phase: 'PRODUCTION',
      minTier: 'DETAILED',
      bizStep: VOCABULARY.findStatus('C50')!.bizStep,
    });
    expect(vocabulary.standardStatusOf('X-MOYUN-07').code).toBe('C50');
    expect(vocabulary.findException('X-MOYUN-08')).toMatchObject({ parent: 'EQP-02', category: 'EQUIPMENT' });
  });

  it.each([
    ['a malformed code', { ...base, code: 'MOYUN-01', parent: 'C50' }, /not of the form/],
    ['a lower-case org', { ...base, code: 'X-moyun-01', parent: 'C50' }, /not of the form/],
    ['an unknown parent', { ...base, code: 'X-MOYUN-01', parent: 'C99' }, /not a standard status or exception code/],
    ['an extension as parent', { ...base, code: 'X-MOYUN-03', parent: 'X-MOYUN-01' }, /not a standard/],
    ['missing labels', { ...base, code: 'X-MOYUN-04', parent: 'C50', labelZh: '' }, /labels/],
  ])('rejects %s with a clear error', (_name, extension, message) => {
    expect(() => createVocabulary([extension])).toThrow(message);
    expect(() => createVocabulary([extension])).toThrow(VocabularyError);
  });

  it('rejects a code defined twice', () => {
    expect(() =>
      createVocabulary([
        { ...base, code: 'X-MOYUN-05', parent: 'C50' },
        { ...base, code: 'X-MOYUN-05', parent: 'C40' },
      ]),
    ).toThrow(/twice/);
  });

  it('answers unknown codes with a VocabularyError', () => {
    expect(() => VOCABULARY.requireStatus('Q42')).toThrow(/Unknown status code "Q42"/);
    expect(() => VOCABULARY.requireException('NOPE-01')).toThrow(/Unknown exception code/);
  });
});

describe('visibility tiers', () => {
  it('order MINIMAL < BASIC < DETAILED and cap a choice at the allowed tier', () => {
    expect(tierAllows('DETAILED', 'BASIC')).toBe(true);
    expect(tierAllows('MINIMAL', 'BASIC')).toBe(false);
    expect(lowerTier('DETAILED', 'BASIC')).toBe('BASIC');
    expect(lowerTier('MINIMAL', 'DETAILED')).toBe('MINIMAL');
  });
});

describe('event payloads', () => {
  it('refuse personal data at any depth', () => {
    expect(() => assertNoPersonalData({ orderId: 'ord_1', statusCode: 'A10' })).not.toThrow();
    expect(() => assertNoPersonalData({ customerName: 'Li' })).toThrow(/personal data/);
    expect(() => assertNoPersonalData({ lines: [{ productCode: 'TEA-1', address: 'x' }] })).toThrow(/lines\[0\]\.address/);
  });
});
