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

export const weftBizStep = (name: string) => `${WEFT_VOCAB_URI}/bizStep/${name}`;
export const weftDisposition = (name: string) => `${WEFT_VOCAB_URI}/disposition/${name}`;
