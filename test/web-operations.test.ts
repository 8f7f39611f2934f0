import fs from 'node:fs';
import path from 'node:path';
import { buildSchema, validate, type DocumentNode } from 'graphql';
import { armorFor, DEFAULT_LIMITS } from '../gateway/limits';

const ROOT = path.resolve(__dirname, '..', '..');
const ENDPOINTS = ['hub', 'customer', 'partner', 'supplier'] as const;

/** The operations web/codegen.ts generated for an endpoint (GraphQL Code Generator's client preset). */
function operationsOf(endpoint: string): { name: string; document: DocumentNode }[] {
  const source = fs.readFileSync(path.join(ROOT, 'web', 'src', 'gql', endpoint, 'graphql.ts'), 'utf8');
  return [...source.matchAll(/^export const (\w+)Document = (\{.*\}) as unknown as DocumentNode/gm)].map((match) => ({
    name: match[1],
    document: JSON.parse(match[2]),
  }));
}

describe('the web app’s operations', () => {
  it.each(ENDPOINTS)(
    'for %s pass the gateway’s default limits (depth, cost, aliases) against the schema that endpoint serves',
    (endpoint) => {
      const schema = buildSchema(fs.readFileSync(path.join(ROOT, 'schema', 'api', `${endpoint}.graphql`), 'utf8'));
      const { validationRules } = armorFor(DEFAULT_LIMITS, true);
      const operations = operationsOf(endpoint);
      expect(operations.length).toBeGreaterThan(0);
      const refused = operations
        .map(({ name, document }) => ({ name, errors: validate(schema, document, validationRules).map((error) => error.message) }))
        .filter((result) => result.errors.length > 0);
      expect(refused).toEqual([]);
    },
  );
});
