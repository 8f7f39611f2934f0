import path from 'node:path';
import madge from 'madge';

/**
 * The shape of the code, checked so it cannot regress: contracts at the bottom, the platform on
 * them (its own floors, ground floor first), demo identities and the subgraphs above, the gateway
 * beside the subgraphs — loading none of their code — the process entrances on top, imported by
 * none of the parts they start, and the web app on the public API alone. No import cycles,
 * type-only imports included.
 */
const ROOT = path.resolve(__dirname, '..', '..');
const FOLDERS = [
  'contracts',
  'platform',
  'demo',
  'subgraphs',
  'gateway',
  'schema',
  'hub',
  'processes',
  'tools',
  'bench',
  'test',
  'web/src',
];

let graph: Record<string, string[]>;
let circular: string[][];

beforeAll(async () => {
  const result = await madge(
    FOLDERS.map((folder) => path.join(ROOT, folder)),
    {
      baseDir: ROOT,
      fileExtensions: ['ts', 'tsx'],
      excludeRegExp: [/node_modules/, /\.d\.ts$/, /web\/src\/gql\//],
      detectiveOptions: {
        ts: { skipTypeImports: false, skipAsyncImports: false },
        tsx: { skipTypeImports: false, skipAsyncImports: false },
      },
    },
  );
  graph = result.obj();
  circular = result.circular();
}, 60_000);

const layerOf = (file: string) => file.split('/')[0];
/** The platform's floors, lowest first: each imports only its own and those before it. */
const PLATFORM_FLOORS = ['base', 'access', 'data', 'events', 'graphql', 'runtime'];
const subgraphOf = (file: string) => (file.startsWith('subgraphs/') && file.split('/').length > 2 ? file.split('/')[1] : null);

/** Every import within `scope` that breaks `allowed(from, to)`, as "from -> to". */
function violations(allowed: (from: string, to: string) => boolean, scope: (file: string) => boolean): string[] {
  return Object.entries(graph)
    .filter(([file]) => scope(file))
    .flatMap(([file, imports]) => imports.filter((target) => !allowed(file, target)).map((target) => `${file} -> ${target}`));
}

describe('layering', () => {
  it('reads the whole tree', () => {
    expect(Object.keys(graph).length).toBeGreaterThan(150);
    for (const layer of ['contracts', 'platform', 'demo', 'subgraphs', 'gateway', 'web'])
      expect(Object.keys(graph).some((file) => layerOf(file) === layer)).toBe(true);
  });

  it('has no import cycles, type-only imports included', () => {
    // Type-only imports are edges too (server.ts imports GatewayContext as a type alone).
    expect(graph['gateway/live/server.ts']).toContain('gateway/context.ts');
    expect(circular).toEqual([]);
  });

  it('keeps contracts the vocabulary: nothing of ours below it', () => {
    expect(
      violations(
        (_from, to) => layerOf(to) === 'contracts',
        (file) => layerOf(file) === 'contracts',
      ),
    ).toEqual([]);
  });

  it('builds the platform on contracts only', () => {
    expect(
      violations(
        (_from, to) => ['contracts', 'platform'].includes(layerOf(to)),
        (file) => layerOf(file) === 'platform',
      ),
    ).toEqual([]);
  });

  it('builds each floor of the platform on the floors below it: base, access, data, events, graphql, runtime', () => {
    const floorOf = (file: string) => PLATFORM_FLOORS.indexOf(file.split('/')[1]);
    expect(Object.keys(graph).filter((file) => layerOf(file) === 'platform' && floorOf(file) < 0)).toEqual([]);
    const allowed = (from: string, to: string) =>
      layerOf(to) === 'contracts' || (layerOf(to) === 'platform' && floorOf(to) <= floorOf(from));
    expect(violations(allowed, (file) => layerOf(file) === 'platform')).toEqual([]);
  });

  it('imports the process entrances from nowhere but tools, benchmarks and tests', () => {
    const starters = ['processes', 'tools', 'bench', 'test'];
    expect(
      violations(
        (_from, to) => layerOf(to) !== 'processes',
        (file) => !starters.includes(layerOf(file)),
      ),
    ).toEqual([]);
  });

  it('keeps the demo identities on contracts and the platform', () => {
    expect(
      violations(
        (_from, to) => ['contracts', 'platform', 'demo'].includes(layerOf(to)),
        (file) => layerOf(file) === 'demo',
      ),
    ).toEqual([]);
  });

  it('lets no subgraph import another subgraph’s files: they meet through the graph and the bus', () => {
    const allowed = (from: string, to: string) =>
      ['contracts', 'platform', 'demo'].includes(layerOf(to)) || subgraphOf(to) === subgraphOf(from);
    expect(violations(allowed, (file) => subgraphOf(file) !== null)).toEqual([]);
  });

  it('starts the gateway without loading any subgraph code', () => {
    const reached = new Set<string>();
    const visit = (file: string) => {
      if (reached.has(file)) return;
      reached.add(file);
      for (const target of graph[file] ?? []) visit(target);
    };
    visit('processes/start-gateway.ts');
    expect(reached.size).toBeGreaterThan(10);
    expect([...reached].filter((file) => layerOf(file) === 'subgraphs')).toEqual([]);
    expect(
      violations(
        (_from, to) => layerOf(to) !== 'subgraphs',
        (file) => layerOf(file) === 'gateway',
      ),
    ).toEqual([]);
  });

  it('builds the web app on the public API: its own files, the vocabulary and what the API publishes (schema/api/)', () => {
    expect(
      violations(
        // schema/api/ holds what each endpoint serves and who may use each operation: the public API.
        (_from, to) => ['web', 'contracts'].includes(layerOf(to)) || to.startsWith('schema/api/'),
        (file) => layerOf(file) === 'web',
      ),
    ).toEqual([]);
  });
});
