import { Supplier } from '../subgraphs/suppliers/entities/supplier';
import { ORDER_EVENTS } from '../contracts';
import type { TestHub } from './support/hub';
import { startTestHub, type GraphQLResult } from './support/hub';
import { liveConnection, type LiveConnection } from './support/live';
import { teawareOrder } from './support/orders';
import { partner, staff } from './support/principals';
import { missingBinaries, startPrivateNats, startPrivatePostgres, type PrivateNats, type PrivatePostgres } from './support/private-servers';

/**
 * The servers the hub stands on, restarted while it works: a PostgreSQL and a NATS server of
 * the suite's own (on free ports, in temporary folders), so the servers the other suites share
 * are never touched. Each test prints what it lost, which must be 0.
 */
const IMPORT = `mutation($input: ShopOrderInput!) { importShopOrder(input: $input) { id } }`;
const PUBLISH = `mutation($supplierId: ID!, $sequence: Int!, $items: [InventoryItemInput!]!) { publishInventory(supplierId: $supplierId, sequence: $sequence, items: $items) { applied } }`;
const START = `mutation($id: ID!) { startStage(stageRunId: $id, operator: { name: "王芳", penName: "墨白" }) { id } }`;
const COMPLETE = `mutation($id: ID!) { completeStage(stageRunId: $id) { id } }`;
const QC = `mutation($id: ID!, $key: String!) { recordQcResult(stageRunId: $id, result: PASS, idempotencyKey: $key) { id } }`;
const FOLLOW = `subscription($id: ID!, $after: String) { orderProgress(orderId: $id, after: $after) { cursor type order { status } } }`;
const SUPPLIERS = ['restart-clay-a', 'restart-clay-b'];

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * As a shop's or supplier's system would: a call refused as retryable, or not answered at all
 * (the connection dropped), is sent again with the same idempotency key or sequence until it is
 * acknowledged. Every refusal's code is counted; anything else is the test's failure.
 */
function retryingCaller(refusals: Map<string, number>) {
  return async (call: () => Promise<GraphQLResult>, deadline: number): Promise<GraphQLResult> => {
    for (;;) {
      let result: GraphQLResult;
      try {
        result = await call();
      } catch (error) {
        result = { errors: [{ message: String(error), extensions: { code: 'NO_ANSWER', retryable: true } }] };
      }
      if (!result.errors) return result;
      for (const error of result.errors)
        refusals.set(String(error.extensions?.code), (refusals.get(String(error.extensions?.code)) ?? 0) + 1);
      if (Date.now() > deadline || !result.errors.every((error) => error.extensions?.retryable === true)) return result;
      await sleep(100);
    }
  };
}

const postgresMissing = missingBinaries('postgresql');
if (postgresMissing.length)
  console.warn(`PostgreSQL restart test skipped: ${postgresMissing.join(', ')} not found (it runs a private PostgreSQL server).`);

(postgresMissing.length ? describe.skip : describe)('PostgreSQL restarted under load', () => {
  let server: PrivatePostgres;
  let t: TestHub;

  beforeAll(async () => {
    server = await startPrivatePostgres();
    t = await startTestHub('postgresql', { databaseServerUrl: server.url });
    for (const name of ['network', 'suppliers']) await t.hub.subgraphs[name].definition.seed!(t.hub.subgraphs[name]);
    await t.hub.subgraphs.suppliers
      .systemContext()
      .em.fork()
      .transactional(async (em) => {
        for (const id of SUPPLIERS)
          em.persist(
            em.create(Supplier, {
              id,
              tier: 'SECONDARY',
              categories: ['restart'],
              skus: ['CLAY-KAOLIN'],
              leadTimeDays: 2,
              lastSequence: 0,
            }),
          );
      });
  }, 120_000);
  afterAll(async () => {
    await t?.close();
    server?.destroy();
  });

  it('loses no acknowledged write, answers the outage as retryable, and every part reconnects by itself', async () => {
    const refusals = new Map<string, number>();
    const retrying = retryingCaller(refusals);
    const acknowledgedOrders: string[] = [];
    const acknowledgedSequences: Record<string, number> = Object.fromEntries(SUPPLIERS.map((id) => [id, 0]));
    const tokens = Object.fromEntries(
      await Promise.all(SUPPLIERS.map(async (id) => [id, await t.tokens.sign(partner(id, 'SUPPLIER'), 3600)])),
    );
    let writing = true;
    const deadline = Date.now() + 90_000;

    const importer = async () => {
      while (writing) {
        const input = teawareOrder();
        const result = await retrying(() => t.gql(IMPORT, { input }), deadline);
        expect(result.errors).toBeUndefined();
        acknowledgedOrders.push(result.data.importShopOrder.id);
      }
    };
    const publisher = async (supplierId: string) => {
      for (let sequence = 1; writing; sequence += 1) {
        const items = [{ sku: 'CLAY-KAOLIN', lotCode: `${supplierId}-L1`, onHand: sequence }];
        const result = await retrying(() => t.gql(PUBLISH, { supplierId, sequence, items }, { as: tokens[supplierId] }), deadline);
        expect(result.errors).toBeUndefined();
        acknowledgedSequences[supplierId] = sequence;
      }
    };
    const writers = [importer(), importer(), ...SUPPLIERS.map(publisher)];

    await sleep(1_500);
    const beforeOutage = acknowledgedOrders.length;
    server.stop();
    await sleep(2_000);
    server.start();
    await sleep(3_000);
    writing = false;
    await Promise.all(writers);
    const afterOutage = acknowledgedOrders.length;

    // Every part back without a restart: outboxes published, consumers at the head, reads answered.
    const written = Date.now();
    await t.hub.settle(60_000);
    const settled = Date.now();
    const everyPart = await t.gql(
      `{ vocabularyVersion enterprises { id } orders(studioId: "moyun-studio", first: 1) { nodes { id } } materials { sku } capacityOffers { id } cloudKitchens { id } webhooks(enterpriseId: "moyun-studio") { id } }`,
    );
    expect(everyPart.errors).toBeUndefined();

    // Each acknowledged order, read back through the gateway.
    const lostOrders: string[] = [];
    for (let start = 0; start < acknowledgedOrders.length; start += 10) {
      await Promise.all(
        acknowledgedOrders.slice(start, start + 10).map(async (id) => {
          const found = await t.gql(`query($id: ID!) { order(id: $id) { id } }`, { id });
          if (found.data?.order?.id !== id) lostOrders.push(id);
        }),
      );
    }
    const em = t.hub.subgraphs.suppliers.systemContext().em.fork();
    const lostSequences = [];
    for (const id of SUPPLIERS) {
      const supplier = await em.findOneOrFail(Supplier, { id });
      if (supplier.lastSequence < acknowledgedSequences[id])
        lostSequences.push(`${id}: ${supplier.lastSequence} < ${acknowledgedSequences[id]}`);
    }
    const publications = Object.values(acknowledgedSequences).reduce((sum, sequence) => sum + sequence, 0);
    console.log(
      `PostgreSQL restarted under load: ${acknowledgedOrders.length} orders (${beforeOutage} before the outage, ${afterOutage - beforeOutage} during and after it) and ${publications} inventory publications acknowledged; lost ${lostOrders.length + lostSequences.length}; refusals on the way (then sent again): ${JSON.stringify(Object.fromEntries(refusals))}; settled ${settled - written} ms after the last write`,
    );
    expect(lostOrders).toEqual([]);
    expect(lostSequences).toEqual([]);
    expect(afterOutage).toBeGreaterThan(beforeOutage);
    expect([...refusals.keys()].filter((code) => !['SERVICE_UNAVAILABLE', 'CONFLICT', 'NO_ANSWER'].includes(code))).toEqual([]);
  }, 180_000);
});

const natsMissing = missingBinaries('nats');
if (natsMissing.length) console.warn(`NATS restart test skipped: ${natsMissing.join(', ')} not found (it runs a private NATS server).`);

(natsMissing.length ? describe.skip : describe)('NATS restarted while changes go on', () => {
  let server: PrivateNats;
  let t: TestHub;
  let connection: LiveConnection | undefined;
  let following = true;

  beforeAll(async () => {
    server = await startPrivateNats();
    t = await startTestHub('sqlite', { busSettings: { natsUrl: server.url } });
    for (const name of ['network', 'suppliers']) await t.hub.subgraphs[name].definition.seed!(t.hub.subgraphs[name]);
  }, 120_000);
  afterAll(async () => {
    following = false;
    await connection?.dispose();
    await t?.close();
    await server?.destroy();
  });

  it('resumes relays and consumers, and a subscriber resuming by cursor gets every event once', async () => {
    const imported = await t.gql(`mutation($input: ShopOrderInput!) { importShopOrder(input: $input) { id stages { id qcCheckpoint } } }`, {
      input: teawareOrder(),
    });
    expect(imported.errors).toBeUndefined();
    const order = imported.data.importShopOrder as { id: string; stages: { id: string; qcCheckpoint: boolean }[] };
    // Timers paused: every event of the order comes from the changes below.
    await t.hub.pauseTimers();
    await t.hub.settle(30_000);
    const origin = await t.hub.bus.head();

    // The subscriber follows from `origin`; whenever its connection ends it opens a new one and
    // resumes after the last cursor it got, as a front end does.
    const token = await t.token(staff('moyun-studio'));
    const received: { cursor: string; type: string }[] = [];
    let reconnections = 0;
    const follow = async () => {
      while (following) {
        connection = liveConnection(t.hub.gateway.url, token, { ignoreTypes: [ORDER_EVENTS.ETA_CHANGED] });
        const stream = connection.subscribe(FOLLOW, { id: order.id, after: received.at(-1)?.cursor ?? origin });
        const seen = () => stream.results.length;
        let handled = 0;
        while (following && !stream.completed && !connection.closes.length && !stream.errors.length) {
          for (; handled < seen(); handled += 1) received.push(stream.results[handled].data!.orderProgress);
          await sleep(25);
        }
        for (; handled < seen(); handled += 1) received.push(stream.results[handled].data!.orderProgress);
        if (!following) break;
        reconnections += 1;
        await connection.dispose();
        await sleep(200);
      }
    };
    const follower = follow();

    // Changes go on through the outage: each stage started and completed.
    const changes = async () => {
      for (const stage of order.stages) {
        for (const mutation of stage.qcCheckpoint ? [START, QC, COMPLETE] : [START, COMPLETE]) {
          const result = await t.gql(mutation, { id: stage.id, key: `qc-${stage.id}` });
          expect(result.errors).toBeUndefined();
          await sleep(250);
        }
      }
    };
    const changing = changes();
    await sleep(700);
    await server.stop();
    // The subscriber also loses its connection while NATS is away, and resumes by cursor.
    await sleep(500);
    await connection?.dispose();
    await sleep(2_000);
    await server.start();
    await changing;
    const changed = Date.now();

    // Relays and consumers resumed: every outbox published, every durable consumer at the bus's head.
    await t.hub.settle(60_000);
    const settled = Date.now();
    // What a subscriber that never lost its connection gets: the same subscription replayed from `origin` now.
    const replay = liveConnection(t.hub.gateway.url, token, { ignoreTypes: [ORDER_EVENTS.ETA_CHANGED] });
    const replayed = replay.subscribe(FOLLOW, { id: order.id, after: origin });
    for (let count = -1; count !== replayed.results.length;) {
      count = replayed.results.length;
      await replay.roundTrip();
      await sleep(300);
    }
    const expected = replayed.results.map((result) => result.data!.orderProgress as { cursor: string; type: string });
    await replay.dispose();
    const deadline = Date.now() + 30_000;
    while (received.length < expected.length && Date.now() < deadline) await sleep(100);
    following = false;
    await follower;

    const cursors = received.map((event) => event.cursor);
    const duplicates = cursors.filter((cursor, index) => cursors.indexOf(cursor) !== index);
    const lost = expected.filter((event) => !cursors.includes(event.cursor));
    console.log(
      `NATS restarted while changes went on: ${expected.length} events for the order, ${received.length} delivered over ${reconnections + 1} connections; lost ${lost.length}, duplicates ${duplicates.length} (settled ${settled - changed} ms after the last change)`,
    );
    expect(expected.length).toBeGreaterThanOrEqual(order.stages.length * 2);
    expect(lost.map((event) => `${event.cursor} ${event.type}`)).toEqual([]);
    expect(duplicates).toEqual([]);
    expect(received.map((event) => event.cursor)).toEqual(expected.map((event) => event.cursor));
  }, 180_000);
});
