import { startSubgraph } from '../platform/runtime/subgraph';
import { SUBGRAPHS } from '../subgraphs/registry';
import type { TestHub } from './support/hub';
import { startTestHub } from './support/hub';
import { teawareOrder } from './support/orders';

/**
 * A subgraph stopped while the hub runs: the gateway answers what the others can, with an error
 * naming the part that is down (SERVICE_UNAVAILABLE, never an internal error); /readyz says
 * which; once the part is back on its address the gateway uses it again, without a restart.
 */
describe('a subgraph stopped mid-flight (sqlite)', () => {
  let t: TestHub;
  let orderId: string;

  beforeAll(async () => {
    t = await startTestHub('sqlite');
    for (const name of ['network', 'suppliers']) await t.hub.subgraphs[name].definition.seed!(t.hub.subgraphs[name]);
    const imported = await t.gql(`mutation($input: ShopOrderInput!) { importShopOrder(input: $input) { id } }`, { input: teawareOrder() });
    orderId = imported.data.importShopOrder.id;
  }, 60_000);
  afterAll(() => t?.close());

  const readiness = async () => {
    const response = await fetch(t.hub.gateway.url.replace('/graphql', '/readyz'));
    return { status: response.status, body: (await response.json()) as { subgraphs: Record<string, boolean> } };
  };

  it('answers what the others can, names the part that is down, and uses it again once it is back', async () => {
    const network = t.hub.subgraphs.network;
    const port = network.http.port;
    await network.close();

    // Orders alone: unaffected.
    const own = await t.gql(`query($id: ID!) { order(id: $id) { id status } }`, { id: orderId });
    expect(own.errors).toBeUndefined();
    expect(own.data.order).toMatchObject({ id: orderId, status: 'RECEIVED' });
    // A nullable field of the stopped part: null, with an error naming the part.
    const lines = await t.gql(`query($id: ID!) { order(id: $id) { id studio { nameEn } } }`, { id: orderId });
    expect(lines.errors?.[0].extensions).toMatchObject({ code: 'SERVICE_UNAVAILABLE', serviceName: 'network' });
    expect(lines.errors?.[0].message).toMatch(/network/);
    // Order.studio is non-null: the error nulls the order (GraphQL's rule), and says why.
    expect(lines.data?.order ?? null).toBeNull();
    // The directory itself is the network's: nothing to answer, one clear error.
    const directory = await t.gql(`{ enterprises { id } }`);
    expect(directory.errors?.map((error: any) => error.extensions.code)).toEqual(['SERVICE_UNAVAILABLE']);
    const down = await readiness();
    expect(down.status).toBe(503);
    expect(down.body.subgraphs).toMatchObject({ network: false, orders: true });

    // Back on its address: the same gateway answers it again.
    t.hub.subgraphs.network = await startSubgraph(
      SUBGRAPHS.find((definition) => definition.name === 'network')!,
      { port, location: t.location, auth: t.tokens, bus: t.hub.bus, metricsRoute: true },
    );
    const back = await t.gql(`query($id: ID!) { order(id: $id) { id studio { nameEn } } }`, { id: orderId });
    expect(back.errors).toBeUndefined();
    expect(back.data.order.studio.nameEn).toBe('Moyun Creative Studio');
    expect((await readiness()).status).toBe(200);
  });
});
