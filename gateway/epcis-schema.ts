import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import schema from '../contracts/standards/EPCIS-JSON-Schema.json';

// GS1's bundled EPCIS 2.0 JSON schema, offline: documents are validated as JSON, their remote
// @context never fetched (draft-07; `strict: false` as GS1 documents it).
const ajv = new Ajv({ strict: false, allErrors: true });
addFormats(ajv);
const validate = ajv.compile(schema);

/** What GS1's schema finds wrong with a document (`/epcisBody/eventList/0 must have required property 'eventTime'` …): empty when it validates. */
export function epcisSchemaProblems(document: unknown): string[] {
  return validate(document) ? [] : [...new Set((validate.errors ?? []).map((error) => `${error.instancePath || '/'} ${error.message}`))];
}
