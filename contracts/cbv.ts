import bizStepSchema from './standards/bizStep-JSON-Schema.json';
import dispositionSchema from './standards/disposition-JSON-Schema.json';

/**
 * GS1 CBV 2.0 standard business steps and dispositions, read from GS1's own JSON schemas
 * (copied unchanged into ./standards). Steps the CBV lacks (design, calligraphy, firing …)
 * use Weft's own URIs under WEFT_VOCAB_URI, as the CBV allows ("vocab-other-uri").
 */
function enumOf(schema: { definitions: Record<string, { anyOf: Array<{ enum?: string[] }> }> }, key: string): readonly string[] {
  const found = schema.definitions[key].anyOf.find((alternative) => Array.isArray(alternative.enum));
  if (!found?.enum) throw new Error(`GS1 schema has no enum for ${key}`);
  return Object.freeze([...found.enum]);
}

export const CBV_BIZ_STEPS = enumOf(bizStepSchema, 'bizStep');
export const CBV_DISPOSITIONS = enumOf(dispositionSchema, 'disposition');

export const WEFT_VOCAB_URI = 'https://vocab.weft.dev/cbv';

/** A business step or disposition: a CBV standard term, or one of Weft's URIs. */
export function isCbvTerm(kind: 'bizStep' | 'disposition', term: string): boolean {
  const standard = kind === 'bizStep' ? CBV_BIZ_STEPS : CBV_DISPOSITIONS;
  if (standard.includes(term)) return true;
  return term.startsWith(`${WEFT_VOCAB_URI}/${kind}/`) && /^[a-z_]+$/.test(term.slice(WEFT_VOCAB_URI.length + kind.length + 2));
}

/**
 * The forms a CBV term is written in: bare (`shipping`, as EPCIS JSON writes GS1's own terms),
 * as its GS1 Web URI, or as its EPCIS 1.x URN. One table for reading captured events and for the
 * event hash, which writes every term as its Web URI.
 */
export const CBV_TERM_FORMS = {
  bizStep: { web: 'https://ref.gs1.org/cbv/BizStep-', urn: 'urn:epcglobal:cbv:bizstep:' },
  disposition: { web: 'https://ref.gs1.org/cbv/Disp-', urn: 'urn:epcglobal:cbv:disp:' },
  btt: { web: 'https://ref.gs1.org/cbv/BTT-', urn: 'urn:epcglobal:cbv:btt:' },
  sdt: { web: 'https://ref.gs1.org/cbv/SDT-', urn: 'urn:epcglobal:cbv:sdt:' },
  er: { web: 'https://ref.gs1.org/cbv/ER-', urn: 'urn:epcglobal:cbv:er:' },
} as const;
export type CbvTermKind = keyof typeof CBV_TERM_FORMS;

/** A CBV term in its bare form, from a bare word, a GS1 Web URI or an old URN (Weft's URIs stay as they are). */
export function cbvTermOf(kind: CbvTermKind, raw: unknown): string | null {
  if (typeof raw !== 'string') return null;
  const prefix = [CBV_TERM_FORMS[kind].web, CBV_TERM_FORMS[kind].urn].find((candidate) => raw.startsWith(candidate));
  return prefix ? raw.slice(prefix.length) : raw;
}

export const weftBizStep = (name: string) => `${WEFT_VOCAB_URI}/bizStep/${name}`;
export const weftDisposition = (name: string) => `${WEFT_VOCAB_URI}/disposition/${name}`;
