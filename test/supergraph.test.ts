import fs from 'node:fs';
import { AUDIENCES } from '../subgraphs/shared/access/policy';
import { composeSupergraph, contractFile, SUPERGRAPH_FILE } from '../schema/composition';

describe('committed supergraph and audience contracts', () => {
  it('are exactly what the subgraphs compose to (run `npm run compose` after a schema change)', async () => {
    const { supergraphSdl, subgraphs, contracts } = await composeSupergraph();
    expect(subgraphs.map((subgraph) => subgraph.name)).toEqual(['network', 'vocabulary', 'suppliers', 'capacity', 'kitchens', 'notifications', 'orders']);
    expect(fs.readFileSync(SUPERGRAPH_FILE, 'utf8')).toBe(supergraphSdl);
    for (const audience of AUDIENCES) expect(fs.readFileSync(contractFile(audience), 'utf8')).toBe(contracts[audience]);
  });
});
