// The gateway's validator against GS1's EPCIS 2.0 schema: what tests check every answer with.
export { epcisSchemaProblems } from '../../gateway/epcis-schema';
