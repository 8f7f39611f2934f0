import { buildSchema, validate } from 'graphql';
import { DEFAULT_LIMITS, operationRules } from '../platform/graphql/limits';
import { apiSchemaText, WEB_ENDPOINTS, webOperations } from './support/web-operations';

describe('the web app’s operations', () => {
  it.each(WEB_ENDPOINTS)(
    'for %s pass the gateway’s default limits (depth, cost, aliases) against the schema that endpoint serves',
    (endpoint) => {
      const schema = buildSchema(apiSchemaText(endpoint));
      const { validationRules } = operationRules(DEFAULT_LIMITS, true);
      const operations = webOperations(endpoint);
      expect(operations.length).toBeGreaterThan(0);
      const refused = operations
        .map(({ name, document }) => ({ name, errors: validate(schema, document, validationRules).map((error) => error.message) }))
        .filter((result) => result.errors.length > 0);
      expect(refused).toEqual([]);
    },
  );
});
