import { randomUUID } from 'node:crypto';
import { ORDER_EVENTS } from '../contracts';
import type { RunningGateway } from '../gateway/gateway';
import { startGateway } from '../gateway/gateway';
import { createScratchDatabase } from '../hub/scratch-database';
import { settle } from '../hub/settle';
import { SUBGRAPHS } from '../subgraphs/registry';
import type { DatabaseLocation } from '../platform/data/database';
import type { EventBus } from '../platform/events/bus';
import { NatsEventBus } from '../platform/events/nats-bus';
import { openEventBus } from '../platform/events/open-bus';
import { testEnvelope } from '../platform/events/test-envelope';
import type { SubgraphRuntime } from '../platform/runtime/subgraph';
import { startSubgraph } from '../platform/runtime/subgraph';
import { postGraphQL } from './support/hub';
import type { LiveConnection } from './support/live';
import { liveConnection } from './support/live';
import { teawareOrder } from './support/orders';
import { staff, testTokens } from './support/principals';
import { waitFor } from './support/wait';

/**
 * The hub as several instances: two gateways and two instances of the orders subgraph (one of
 * every other), each with its own NATS connection, on one PostgreSQL and one NATS JetStream.
 * Needs DATABASE_URL and NATS_URL (CI sets both); without them the suite says it was skipped.
 */
const services =
  process.env.DATABASE_URL && process.env.NATS_URL ? { databaseUrl: process.env.DATABASE_URL, natsUrl: process.env.NATS_URL } : null;
if (!services)
  console.warn(
    'Multi-instance live tests skipped: they need DATABASE_URL (PostgreSQL) and NATS_URL (NATS with JetStream). Set both, as .ci/run does.',
  );

const IMPORT = `mutation($input: ShopOrderInput!) { importShopOrder(input: $input) { id stages { id } } }`;
const START = `mutation($id: ID!) { startStage(stageRunId: $id, operator: { name: "王芳", penName: "墨白" }) { id } }`;
const COMPLETE = `mutation($id: ID!) { completeStage(stageRunId: $id) { id } }`;
const FOLLOW = `subscription($id: ID!, $after: String) { orderProgress(orderId: $id, after: $after) { cursor type order { status statusCode { labelEn } materials { sku status } } } }`;

(services ? describe : describe.skip)('several instances on PostgreSQL and NATS JetStream', () => {
  const auth = testTokens();
  const stream = `WEFT_TEST_${randomUUID().replace(/-/g, '').slice(0, 12).toUpperCase()}`;
  let location: DatabaseLocation;
  let drop: () => Promise<void>;
  const buses: EventBus[] = [];
  const runtimes: Record<string, SubgraphRuntime> = {};
  let ordersB: SubgraphRuntime;
  let gateway1: RunningGateway;
  let gateway2: RunningGateway;
  const connections: LiveConnection[] = [];

  const bus = async (name: string) => {
    const opened = await openEventBus({ natsUrl: services!.natsUrl, natsStream: stream, name }, location);
    buses.push(opened);
    return opened;
  };
  const startOrders = async (name: string, port = 0) =>
    startSubgraph(
      SUBGRAPHS.find((definition) => definition.name === 'orders')!,
      { port, location, auth, bus: await bus(name) },
    );
  const startGatewayFor = async (orders: SubgraphRuntime, name: string) =>
    startGateway({
      port: 0,
      auth,
      bus: await bus(name),
      subgraphUrls: {
        ...Object.fromEntries(Object.entries(runtimes).map(([subgraph, runtime]) => [subgraph, runtime.url])),
        orders: orders.url,
      },
    });
  const gql = async (gateway: RunningGateway, query: string, variables: Record<string, unknown>) => {
    const result = await postGraphQL(gateway.url, query, variables, await auth.sign(staff('moyun-studio'), 600));
    expect(result.errors).toBeUndefined();
    return result.data;
  };
  /** Every instance and gateway holds still, and what the gateways delivered has arrived. */
  const quiet = async () => {
    const gateways = [gateway1, gateway2].flatMap((gateway) => (gateway.feed ? [gateway.feed] : []));
    await settle([...Object.values(runtimes), ordersB, ...gateways], buses[0]);
    await Promise.allSettled(connections.map((connection) => connection.roundTrip()));
  };
  const follow = async (gateway: RunningGateway, orderId: string, after: string) => {
    const connection = liveConnection(gateway.url, await auth.sign(staff('moyun-studio'), 600), {
      ignoreTypes: [ORDER_EVENTS.ETA_CHANGED],
    });
    connections.push(connection);
    return connection.subscribe(FOLLOW, { id: orderId, after });
  };

  beforeAll(async () => {
    const scratch = await createScratchDatabase(services!.databaseUrl, 'weft_multi');
    drop = scratch.drop;
    // A small pool per part: the other suites' hubs share the same PostgreSQL.
    location = { databaseUrl: scratch.url, dataDir: '/nonexistent', poolMax: 3 };
    for (const definition of SUBGRAPHS) {
      runtimes[definition.name] = await startSubgraph(definition, { port: 0, location, auth, bus: await bus(`${definition.name}-a`) });
    }
    ordersB = await startOrders('orders-b');
    for (const name of ['network', 'suppliers']) await runtimes[name].definition.seed!(runtimes[name]);
    gateway1 = await startGatewayFor(runtimes.orders, 'gateway-1');
    gateway2 = await startGatewayFor(ordersB, 'gateway-2');
  }, 120_000);

  afterEach(async () => {
    await Promise.all(connections.splice(0).map((connection) => connection.dispose()));
  });

  afterAll(async () => {
    await gateway1?.close();
    await gateway2?.close();
    await ordersB?.close();
    for (const runtime of Object.values(runtimes).reverse()) await runtime.close();
    const nats = buses.find((each): each is NatsEventBus => each instanceof NatsEventBus);
    if (nats) await (await nats.connection.jetstreamManager()).streams.delete(stream).catch(() => undefined);
    for (const each of buses) await each.close();
    await drop?.();
  }, 60_000);

  it('delivers once, through the first gateway, what changes through the second; consumers apply it once', async () => {
    const order = (await gql(gateway2, IMPORT, { input: teawareOrder() })).importShopOrder;
    const events = await follow(gateway1, order.id, '0');
    await events.received(1);
    await gql(gateway2, START, { id: order.stages[0].id });
    await gql(gateway2, COMPLETE, { id: order.stages[0].id });
    await waitFor(
      () => events.results.some((result) => result.data?.orderProgress.type === ORDER_EVENTS.STAGE_COMPLETED),
      30_000,
      'the completion',
    );
    await quiet();
    const types = events.results.map((result) => result.data.orderProgress.type);
    const cursors = events.results.map((result) => Number(result.data.orderProgress.cursor));
    expect(new Set(cursors).size).toBe(cursors.length);
    expect(types.filter((type) => type === ORDER_EVENTS.IMPORTED)).toHaveLength(1);
    expect(types.filter((type) => type === ORDER_EVENTS.STAGE_STARTED)).toHaveLength(1);
    expect(types.filter((type) => type === ORDER_EVENTS.STAGE_COMPLETED)).toHaveLength(1);
    // Materials come from suppliers, whose consumer reserved them once (four BOM lines, one hold each).
    const last = events.results[events.results.length - 1].data.orderProgress;
    expect(last.order.materials).toHaveLength(4);
    // Applied twice, the reservation would hold twice what the order requires.
    const held: { sku: string; required: number; reserved: number }[] = await runtimes.suppliers
      .systemContext()
      .em.getConnection()
      .execute('select sku, required, reserved from order_material where order_id = ?', [order.id]);
    expect(held).toHaveLength(4);
    for (const row of held) expect(Number(row.reserved)).toBeLessThanOrEqual(Number(row.required));
    const reservations: { total: string }[] = await runtimes.suppliers
      .systemContext()
      .em.getConnection()
      .execute("select coalesce(sum(quantity), 0) as total from reservation where order_id = ? and status = 'RESERVED'", [order.id]);
    expect(Number(reservations[0].total)).toBe(held.reduce((sum, row) => sum + Number(row.reserved), 0));
  }, 90_000);

  it('loses nothing while the orders instance behind the first gateway restarts', async () => {
    const order = (await gql(gateway2, IMPORT, { input: teawareOrder() })).importShopOrder;
    const events = await follow(gateway1, order.id, '0');
    await events.received(1);
    const port = runtimes.orders.http.port;
    await runtimes.orders.close();
    // Changes go on through the other instance; the first gateway cannot resolve them meanwhile.
    await gql(gateway2, START, { id: order.stages[0].id });
    await gql(gateway2, COMPLETE, { id: order.stages[0].id });
    await new Promise((resolve) => setTimeout(resolve, 1000));
    runtimes.orders = await startOrders('orders-a-again', port);
    await waitFor(
      () => events.results.some((result) => result.data?.orderProgress.type === ORDER_EVENTS.STAGE_COMPLETED),
      60_000,
      'the completion after the restart',
    );
    const types = events.results.map((result) => result.data.orderProgress.type);
    expect(types.filter((type) => type === ORDER_EVENTS.STAGE_STARTED)).toHaveLength(1);
    expect(types.indexOf(ORDER_EVENTS.STAGE_STARTED)).toBeLessThan(types.indexOf(ORDER_EVENTS.STAGE_COMPLETED));
  }, 120_000);

  it('loses nothing across a restart of a gateway: the subscriber resumes from its cursor', async () => {
    const order = (await gql(gateway2, IMPORT, { input: teawareOrder() })).importShopOrder;
    const before = await follow(gateway1, order.id, '0');
    await before.received(1);
    await quiet();
    const cursor = before.results[before.results.length - 1].data.orderProgress.cursor;
    await gateway1.close();
    await gql(gateway2, START, { id: order.stages[0].id });
    await gql(gateway2, COMPLETE, { id: order.stages[0].id });
    gateway1 = await startGatewayFor(runtimes.orders, 'gateway-1-again');
    const after = await follow(gateway1, order.id, cursor);
    // Every event of the order after the cursor, as a subscriber from the start sees them now.
    const everything = await follow(gateway2, order.id, '0');
    await waitFor(
      () => everything.results.some((result) => result.data?.orderProgress.type === ORDER_EVENTS.STAGE_COMPLETED),
      30_000,
      'the completion',
    );
    const expected = everything.results.map((result) => result.data.orderProgress.cursor).filter((each) => Number(each) > Number(cursor));
    await after.received(expected.length);
    await quiet();
    expect(after.results.map((result) => result.data.orderProgress.cursor)).toEqual(expected);
  }, 90_000);
});

(services ? describe : describe.skip)('a durable consumer on NATS JetStream', () => {
  it('passes over the types its subject filter lets through but it does not take, and goes on in order', async () => {
    const stream = `WEFT_TEST_${randomUUID().replace(/-/g, '').slice(0, 12).toUpperCase()}`;
    const bus = await NatsEventBus.connect({ url: services!.natsUrl, stream, subjectPrefix: `weft.${stream}`, name: 'pass-over-test' });
    try {
      // Both share the filter `order.>`; the consumer takes only the first.
      const taken = ORDER_EVENTS.STAGE_STARTED;
      const passed = ORDER_EVENTS.ROUTE_CHANGED;
      const events = [taken, passed, passed, taken, passed, taken].map((type) => testEnvelope(randomUUID(), type));
      await bus.publish(events);
      const seen: string[] = [];
      const subscription = bus.subscribe({ durable: 'pass-over', types: [taken, ORDER_EVENTS.CANCELLED] }, (event) => {
        seen.push(event.id);
      });
      await waitFor(async () => seen.length === 3 && (await subscription.caughtUp()), 20_000, 'the consumer at the head');
      expect(seen).toEqual(events.filter((event) => event.type === taken).map((event) => event.id));
      // Every message acknowledged, the passed-over ones included: nothing pending, nothing redelivered.
      const info = await bus.consumerInfo('pass-over');
      expect([info.num_pending, info.num_ack_pending, info.num_redelivered]).toEqual([0, 0, 0]);
      subscription.close();
    } finally {
      await (await bus.connection.jetstreamManager()).streams.delete(stream).catch(() => undefined);
      await bus.close();
    }
  }, 30_000);
});
