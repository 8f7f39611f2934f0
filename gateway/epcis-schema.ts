import Ajv, { type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import schema from '../contracts/standards/EPCIS-JSON-Schema.json';

// GS1's bundled EPCIS 2.0 JSON schema, offline: documents are validated as JSON, their remote
// @context never fetched (draft-07; `strict: false` as GS1 documents it). Compiled on first use
// (about a quarter of a second), not at every gateway's start.
let validate: ValidateFunction | undefined;
function validator(): ValidateFunction {
  if (!validate) {
    const ajv = new Ajv({ strict: false, allErrors: true });
    addFormats(ajv);
    validate = ajv.compile(schema);
  }
  return validate;
}

/** What GS1's schema finds wrong with a document (`/epcisBody/eventList/0 must have required property 'eventTime'` …): empty when it validates. */
export function epcisSchemaProblems(document: unknown): string[] {
  const check = validator();
  return check(document) ? [] : [...new Set((check.errors ?? []).map((error) => `${error.instancePath || '/'} ${error.message}`))];
}
