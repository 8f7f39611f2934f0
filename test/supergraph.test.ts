import fs from 'node:fs';
import { buildSchema } from 'graphql';
import { AUDIENCES } from '../platform/access/policy';
import { liveDeclarationProblems } from '../platform/graphql/live-event';
import {
  apiSchemaFile,
  apiSchemasOf,
  composeSupergraph,
  contractFile,
  OPERATION_ROLES_FILE,
  printOperationRoles,
  SUPERGRAPH_FILE,
} from '../schema/composition';

describe('committed supergraph and audience contracts', () => {
  it('are exactly what the subgraphs compose to (run `npm run compose` after a schema change)', async () => {
    const composition = await composeSupergraph();
    const { supergraphSdl, subgraphs, contracts } = composition;
    expect(subgraphs.map((subgraph) => subgraph.name)).toEqual([
      'network',
      'vocabulary',
      'suppliers',
      'capacity',
      'kitchens',
      'notifications',
      'orders',
      'traceability',
    ]);
    expect(fs.readFileSync(SUPERGRAPH_FILE, 'utf8')).toBe(supergraphSdl);
    for (const audience of AUDIENCES) expect(fs.readFileSync(contractFile(audience), 'utf8')).toBe(contracts[audience]);
    // What each endpoint serves, which the web app's operations are checked against.
    for (const [endpoint, sdl] of Object.entries(apiSchemasOf(composition)))
      expect(fs.readFileSync(apiSchemaFile(endpoint as 'hub'), 'utf8')).toBe(sdl);
    // Who may use each operation, which the web app reads to ask only for what a role may use.
    expect(fs.readFileSync(OPERATION_ROLES_FILE, 'utf8')).toBe(printOperationRoles(composition.operationRoles));
    expect(composition.operationRoles['Query.customerLinks']).toEqual(['STUDIO_ADMIN', 'SUPERVISOR']);
    expect(composition.operationRoles['Query.order']).toBe('AUTHENTICATED');
  });
});

describe("the live subscription fields and contracts' LIVE_SUBSCRIPTIONS", () => {
  const hubSdl = () => fs.readFileSync(apiSchemaFile('hub'), 'utf8');

  it('agree in the committed API schema', () => {
    expect(liveDeclarationProblems(buildSchema(hubSdl()))).toEqual([]);
  });

  it('name each disagreement: a renamed topic argument, an undeclared event field, a link root that does not exist', () => {
    const sdl = hubSdl()
      .replace(/orderProgress\(([\s\S]*?)orderId: ID!/, 'orderProgress($1order: ID!')
      .replace('type AllocationEvent {', 'type AllocationEvent {\n  secret: String')
      .replace(/\n {2}materialStock\(sku: String!\): MaterialStock\n/, '\n  materialStock(code: String!): MaterialStock\n');
    expect(sdl).not.toBe(hubSdl());
    const problems = liveDeclarationProblems(buildSchema(sdl));
    expect(problems).toEqual(
      expect.arrayContaining([
        'Subscription.orderProgress lacks the argument orderId',
        'AllocationEvent.secret is neither a declared field nor a link of allocationEvents',
        'InventoryChange.stock: Query.materialStock(sku) does not exist',
        'who may follow inventoryChanges: Query.materialStock(sku) does not exist',
      ]),
    );
  });
});
