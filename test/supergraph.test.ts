import fs from 'node:fs';
import { AUDIENCES } from '../platform/access/policy';
import { apiSchemaFile, apiSchemasOf, composeSupergraph, contractFile, SUPERGRAPH_FILE } from '../schema/composition';

describe('committed supergraph and audience contracts', () => {
  it('are exactly what the subgraphs compose to (run `npm run compose` after a schema change)', async () => {
    const composition = await composeSupergraph();
    const { supergraphSdl, subgraphs, contracts } = composition;
    expect(subgraphs.map((subgraph) => subgraph.name)).toEqual(['network', 'vocabulary', 'suppliers', 'capacity', 'kitchens', 'notifications', 'orders']);
    expect(fs.readFileSync(SUPERGRAPH_FILE, 'utf8')).toBe(supergraphSdl);
    for (const audience of AUDIENCES) expect(fs.readFileSync(contractFile(audience), 'utf8')).toBe(contracts[audience]);
    // What each endpoint serves, which the web app's operations are checked against.
    for (const [endpoint, sdl] of Object.entries(apiSchemasOf(composition))) expect(fs.readFileSync(apiSchemaFile(endpoint as 'hub'), 'utf8')).toBe(sdl);
  });
});
