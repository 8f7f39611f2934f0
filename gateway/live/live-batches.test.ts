import { buildSchema, graphql, parse, validate } from 'graphql';
import { DEFAULT_LIMITS, operationRules } from '../../platform/graphql/limits';
import { LiveBatches, withinTokens } from './live-batches';
import type { PlannedResult } from './live-operation';

const schema = buildSchema(`
  type Query { order(id: ID!): Order }
  type Order { id: ID! status: String! studio: Studio }
  type Studio { name: String! }
`);
const rootValue = {
  order: ({ id }: { id: string }) => {
    if (id === 'gone') return null;
    return {
      id,
      status: `status of ${id}`,
      studio: () => (id === 'bad' ? Promise.reject(new Error('studio unavailable')) : { name: 'Moyun' }),
    };
  },
};
const QUERY = `query WeftLiveEvent($weftLink0: ID!) { link0: order(id: $weftLink0) { ...Facts studio { name } } }\nfragment Facts on Order { id status }`;

/** The planner's stand-in: executes against the schema and counts what it was asked. */
function planner() {
  const asked: string[] = [];
  const execute = async (query: string, variables: Record<string, unknown>): Promise<PlannedResult> => {
    asked.push(query);
    return await graphql({ schema, source: query, rootValue, variableValues: variables });
  };
  return { asked, execute };
}

describe("live batches: one viewer's per-event queries asked at once", () => {
  it('run as one operation, each member getting its own data and its own errors', async () => {
    const { asked, execute } = planner();
    const batches = new LiveBatches(withinTokens(2000));
    const results = await Promise.all(['o1', 'bad', 'gone'].map((id) => batches.run('viewer', execute, QUERY, { weftLink0: id })));
    expect(asked).toHaveLength(1);
    expect(asked[0]).toMatch(/^query WeftLiveBatch\(/);
    expect(results[0]).toEqual({ data: { link0: { id: 'o1', status: 'status of o1', studio: { name: 'Moyun' } } } });
    expect(results[1].data).toEqual({ link0: { id: 'bad', status: 'status of bad', studio: null } });
    expect(results[1].errors?.map((error) => [error.message, error.path])).toEqual([['studio unavailable', ['link0', 'studio']]]);
    expect(results[2]).toEqual({ data: { link0: null } });
  });

  it('never mixes viewers or query shapes, and runs a lone query as it is', async () => {
    const { asked, execute } = planner();
    const batches = new LiveBatches(withinTokens(2000));
    const other = QUERY.replace('studio { name }', '');
    await Promise.all([
      batches.run('a', execute, QUERY, { weftLink0: 'o1' }),
      batches.run('b', execute, QUERY, { weftLink0: 'o2' }),
      batches.run('a', execute, other, { weftLink0: 'o3' }),
    ]);
    expect(asked.sort()).toEqual([QUERY, QUERY, other].sort());
  });

  it('stays within the parse limit, and runs the members one by one when the batch fails as a whole', async () => {
    const { asked, execute } = planner();
    const small = new LiveBatches(withinTokens(50)); // one query fits, two copies do not
    await Promise.all(['o1', 'o2', 'o3'].map((id) => small.run('viewer', execute, QUERY, { weftLink0: id })));
    expect(asked).toEqual([QUERY, QUERY, QUERY]);

    const failing = planner();
    let first = true;
    const execute2 = async (query: string, variables: Record<string, unknown>): Promise<PlannedResult> => {
      if (first && query.startsWith('query WeftLiveBatch')) {
        first = false;
        return { errors: [{ message: 'the plan failed', extensions: { code: 'INTERNAL_SERVER_ERROR' } }] };
      }
      return failing.execute(query, variables);
    };
    const batches = new LiveBatches(withinTokens(2000));
    const results = await Promise.all(['o1', 'o2'].map((id) => batches.run('viewer', execute2, QUERY, { weftLink0: id })));
    expect(results.map((result) => result.data?.link0.id)).toEqual(['o1', 'o2']);
    expect(failing.asked).toEqual([QUERY, QUERY]);
  });

  it('holds as many copies as the limits every operation passes allow, and no more', async () => {
    const { asked, execute } = planner();
    // Each copy adds one alias (its root key): with at most 5 aliases, a batch holds 5 copies.
    const { validationRules } = operationRules({ ...DEFAULT_LIMITS, maxAliases: 5 }, true);
    const batches = new LiveBatches((text) => validate(schema, parse(text), validationRules).length === 0);
    const ids = Array.from({ length: 12 }, (_, index) => `o${index}`);
    const results = await Promise.all(ids.map((id) => batches.run('viewer', execute, QUERY, { weftLink0: id })));
    expect(results.map((result) => result.data?.link0.id)).toEqual(ids);
    expect(asked.map((query) => query.match(/: order\(/g)!.length)).toEqual([5, 5, 2]);
    for (const query of asked) expect(validate(schema, parse(query), validationRules)).toEqual([]);
  });
});
