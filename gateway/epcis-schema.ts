import Ajv, { type SchemaValidateFunction, type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import schema from '../contracts/standards/EPCIS-JSON-Schema.json';

// GS1's bundled EPCIS 2.0 JSON schema, offline: documents are validated as JSON, their remote
// @context never fetched (draft-07; `strict: false` as GS1 documents it). Compiled on first use
// (about a quarter of a second), not at every gateway's start; a capture's document is validated
// on the capture thread (epcis-capture-thread.ts), after its bounds (epcis-document-bounds.ts).

/** A value's identity for uniqueItems: JSON with members in name order (equal values, equal keys, as Ajv's deep equality). */
function canonical(value: unknown): string {
  if (typeof value === 'string') return `s${value}`;
  if (value === null || typeof value !== 'object') return `v${JSON.stringify(value)}`;
  if (Array.isArray(value)) return `a[${value.map(canonical).join(',')}]`;
  const members = Object.entries(value).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `o{${members.map(([name, member]) => `${JSON.stringify(name)}:${canonical(member)}`).join(',')}}`;
}

/**
 * uniqueItems in one pass: Ajv compares an array's items pairwise where their type is not one
 * simple type (GS1's epcList and @context are such arrays), quadratic in the items; this keeps
 * each item's canonical form in a set instead. Same answer, same message.
 */
const uniqueItems: SchemaValidateFunction = (wanted: boolean, data: unknown[]): boolean => {
  uniqueItems.errors = undefined;
  if (!wanted) return true;
  const seen = new Map<string, number>();
  for (let index = 0; index < data.length; index += 1) {
    const key = canonical(data[index]);
    const first = seen.get(key);
    if (first !== undefined) {
      uniqueItems.errors = [
        {
          keyword: 'uniqueItems',
          params: { i: index, j: first },
          message: `must NOT have duplicate items (items ## ${first} and ${index} are identical)`,
        },
      ];
      return false;
    }
    seen.set(key, index);
  }
  return true;
};

let validate: ValidateFunction | undefined;
function validator(): ValidateFunction {
  if (!validate) {
    // The first error is answer enough (allErrors would also walk every other branch of a refused document).
    const ajv = new Ajv({ strict: false, allErrors: false });
    addFormats(ajv);
    ajv.removeKeyword('uniqueItems');
    ajv.addKeyword({ keyword: 'uniqueItems', type: 'array', schemaType: 'boolean', errors: true, validate: uniqueItems });
    validate = ajv.compile(schema);
  }
  return validate;
}

/** What GS1's schema finds wrong with a document (`/epcisBody/eventList/0 must have required property 'eventTime'` …): empty when it validates. */
export function epcisSchemaProblems(document: unknown): string[] {
  const check = validator();
  return check(document) ? [] : [...new Set((check.errors ?? []).map((error) => `${error.instancePath || '/'} ${error.message}`))];
}
