import { parse } from 'graphql';
import { describe, expect, it } from 'vitest';
import { mayUse } from './permissions';

describe('what a role may use, by the subgraphs’ rules', () => {
  const links = parse('query($id: ID!) { customerLinks(orderId: $id) { id } }');
  const order = parse('query($id: ID!) { order(id: $id) { id } exceptionCodes { code } __typename }');
  const suggestions = parse('query($s: ID!) { reorderSuggestions(studioId: $s) { sku } }');
  const start = parse('mutation($id: ID!) { startStage(stageRunId: $id) { id } }');

  it('lets every studio role read an order, and only leads its customer links and reorder suggestions', () => {
    for (const role of ['STUDIO_ADMIN', 'SUPERVISOR', 'OPERATOR']) {
      expect(mayUse(role, order)).toBe(true);
      expect(mayUse(role, start)).toBe(true);
      expect(mayUse(role, links)).toBe(role !== 'OPERATOR');
      expect(mayUse(role, suggestions)).toBe(role !== 'OPERATOR');
    }
    expect(mayUse('CUSTOMER', start)).toBe(false);
  });

  it('refuses a document naming an operation the rules do not know', () => {
    expect(mayUse('STUDIO_ADMIN', parse('{ noSuchThing }'))).toBe(false);
  });
});
