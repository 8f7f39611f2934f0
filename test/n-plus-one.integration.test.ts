import { OrderService } from '../subgraphs/orders/order.service';
import type { TestHub } from './support/hub';
import { dialects, startTestHub } from './support/hub';

const QUERY = `query($first: Int!) { orders(studioId: "moyun-studio", first: $first) {
  nodes { id studio { nameZh nameEn } statusCode { labelZh labelEn } stages { position status statusCode { code labelZh labelEn } assignedTo { nameEn } } }
} }`;

/**
 * Reading N orders with their stages, status labels and studio names through the gateway must
 * cost a fixed number of SQL statements per subgraph, whatever N is.
 */
describe.each(dialects())('no N+1 (%s)', (dialect) => {
  let t: TestHub;

  beforeAll(async () => {
    t = await startTestHub(dialect);
    await t.hub.subgraphs.network.definition.seed!(t.hub.subgraphs.network);
    // The relay publishes on a timer, and consumers (forecasts) react; stop it first so the counters see only the query under test.
    await t.hub.subgraphs.orders.relay!.stop();
    await t.hub.subgraphs.network.relay!.stop();
    const ctx = t.hub.subgraphs.orders.systemContext();
    const orders = new OrderService();
    for (let i = 0; i < 100; i += 1) {
      await orders.importShopOrder(ctx, {
        channel: 'JD',
        externalOrderId: `N1-${i}`,
        studioId: 'moyun-studio',
        customer: { name: 'n', contact: 'c', address: 'a' },
        priceCents: 100,
        customerTierMax: 'DETAILED',
        lines: [{ productCode: 'TEA-CUP', quantity: 1 }],
      });
    }
  });
  afterAll(() => t?.close());

  async function statementsFor(first: number) {
    const { orders, network } = t.hub.subgraphs;
    const before = { orders: orders.database!.statements.count, network: network.database!.statements.count };
    const result = await t.gql(QUERY, { first });
    expect(result.errors).toBeUndefined();
    expect(result.data.orders.nodes).toHaveLength(first);
    expect(result.data.orders.nodes[0].stages[0].statusCode.labelZh).toBe('设计确认完成');
    expect(result.data.orders.nodes[0].studio.nameZh).toBe('墨韵文创');
    return { orders: orders.database!.statements.count - before.orders, network: network.database!.statements.count - before.network };
  }

  it('reads 100 orders with stages, labels and studio names in a fixed number of statements', async () => {
    const ten = await statementsFor(10);
    const hundred = await statementsFor(100);
    console.log(`SQL statements (${dialect}): 10 orders → ${JSON.stringify(ten)}, 100 orders → ${JSON.stringify(hundred)}`);
    expect(hundred.orders).toEqual(ten.orders);
    expect(hundred.orders).toBeLessThanOrEqual(3); // page, count, stages
    // At most one batched lookup per fetch that needs enterprises (the order's studio, the
    // stages' holders); the gateway keeps directory answers, so the second read may need fewer.
    expect(ten.network).toBeLessThanOrEqual(2);
    expect(hundred.network).toBeLessThanOrEqual(ten.network);
  });
});
