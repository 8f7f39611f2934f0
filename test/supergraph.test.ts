import fs from 'node:fs';
import { composeSupergraph, SUPERGRAPH_FILE } from '../schema/composition';

describe('committed supergraph', () => {
  it('is exactly what the subgraphs compose to (run `npm run compose` after a schema change)', async () => {
    const { supergraphSdl, subgraphs } = await composeSupergraph();
    expect(subgraphs.map((subgraph) => subgraph.name)).toEqual(['network', 'vocabulary', 'orders']);
    expect(fs.readFileSync(SUPERGRAPH_FILE, 'utf8')).toBe(supergraphSdl);
  });
});
