import { ProcessedEvent } from '../platform/events/consumer';
import { OrderMaterial, OrderSupply } from '../subgraphs/suppliers/entities/order-supply';
import { Reservation, StockLot } from '../subgraphs/suppliers/entities/stock';
import { Supplier } from '../subgraphs/suppliers/entities/supplier';
import { seededRandom } from '../platform/data/seeded-random';
import type { TestHub } from './support/hub';
import { dialects, resendRetryable, startTestHub, type GraphQLResult } from './support/hub';
import { teawareOrder } from './support/orders';
import { partner } from './support/principals';
import { waitFor } from './support/wait';

const PUBLISH = `mutation($supplierId: ID!, $sequence: Int!, $items: [InventoryItemInput!]!) { publishInventory(supplierId: $supplierId, sequence: $sequence, items: $items) { applied stale { lotCode } } }`;
const SUPPLIERS = [
  { id: 'load-clay-north', sku: 'CLAY-KAOLIN' },
  { id: 'load-clay-south', sku: 'CLAY-KAOLIN' },
  { id: 'load-glaze-east', sku: 'GLAZE-CELADON' },
  { id: 'load-glaze-west', sku: 'GLAZE-CELADON' },
];
const SEQUENCES = 150; // per supplier: 4 × 150 = 600 batches (throughput is bench/'s business; this checks the outcome)
const LOTS = 10;
const REPEATS = 60;
const ORDERS = 30;
const IN_FLIGHT = 32;

/** Batch `sequence` of a supplier: a different subset of its lots each time, each set to a value that names the batch. */
const itemsOf = (supplier: (typeof SUPPLIERS)[number], sequence: number) =>
  Array.from({ length: LOTS }, (_, lot) => lot)
    .filter((lot) => (sequence + lot) % 3 !== 0)
    .map((lot) => ({ sku: supplier.sku, lotCode: `${supplier.id}-L${lot}`, onHand: sequence * 1000 + lot }));

async function inPool<T>(tasks: (() => Promise<T>)[], size: number): Promise<T[]> {
  const results: T[] = new Array(tasks.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: size }, async () => {
      while (next < tasks.length) {
        const index = next++;
        results[index] = await tasks[index]();
      }
    }),
  );
  return results;
}

describe.each(dialects())('inventory publications under load (%s)', (dialect) => {
  let t: TestHub;

  beforeAll(async () => {
    t = await startTestHub(dialect);
    for (const name of ['network', 'suppliers']) await t.hub.subgraphs[name].definition.seed!(t.hub.subgraphs[name]);
    await t.hub.subgraphs.suppliers
      .systemContext()
      .em.fork()
      .transactional(async (em) => {
        for (const supplier of SUPPLIERS)
          em.persist(
            em.create(Supplier, {
              id: supplier.id,
              tier: 'SECONDARY',
              categories: ['load'],
              skus: [supplier.sku],
              leadTimeDays: 2,
              lastSequence: 0,
            }),
          );
      });
  });
  afterAll(() => t?.close());

  it('keeps every lot at its highest-sequence figure and every reservation exactly once, with 600 batches out of order, 60 repeated, beside new orders', async () => {
    const random = seededRandom(2026);
    const batches = SUPPLIERS.flatMap((supplier) => Array.from({ length: SEQUENCES }, (_, index) => ({ supplier, sequence: index + 1 })));
    for (let index = 0; index < REPEATS; index += 1) batches.push(batches[Math.floor(random() * SEQUENCES * SUPPLIERS.length)]);
    for (let index = batches.length - 1; index > 0; index -= 1) {
      const swap = Math.floor(random() * (index + 1));
      [batches[index], batches[swap]] = [batches[swap], batches[index]];
    }
    const url = t.hub.subgraphs.suppliers.url;
    const tokens = Object.fromEntries(
      await Promise.all(SUPPLIERS.map(async (supplier) => [supplier.id, await t.tokens.sign(partner(supplier.id, 'SUPPLIER'), 3600)])),
    );
    // As a supplier's system would: a refusal marked retryable (contention past the hub's own
    // retries) is sent again, same sequence; it is counted and printed.
    let retries = 0;
    const retrying = (call: () => Promise<GraphQLResult>) => resendRetryable(call, 4, () => (retries += 1));
    const publications = batches.map(
      ({ supplier, sequence }) =>
        () =>
          retrying(() =>
            t.gql(PUBLISH, { supplierId: supplier.id, sequence, items: itemsOf(supplier, sequence) }, { as: tokens[supplier.id], url }),
          ),
    );
    const imports = Array.from({ length: ORDERS }, () => {
      const input = teawareOrder();
      return () => retrying(() => t.gql(`mutation($input: ShopOrderInput!) { importShopOrder(input: $input) { id } }`, { input }));
    });

    const started = Date.now();
    const results = await inPool(
      [...publications, ...imports].sort(() => random() - 0.5),
      IN_FLIGHT,
    );
    const seconds = (Date.now() - started) / 1000;
    const failed = results.filter((result) => result.errors);
    expect(failed.map((result) => result.errors![0].message)).toEqual([]);
    const applied = results.reduce((sum, result) => sum + (result.data?.publishInventory?.applied ?? 0), 0);
    const stale = results.reduce((sum, result) => sum + (result.data?.publishInventory?.stale.length ?? 0), 0);
    console.log(
      `Inventory load (${dialect}): ${batches.length} batches (${REPEATS} repeated) and ${ORDERS} orders in ${seconds.toFixed(1)} s, ${applied} items applied, ${stale} stale, ${retries} retried after a retryable refusal`,
    );

    const em = () => t.hub.subgraphs.suppliers.systemContext().em.fork();
    // Every order's import event has been applied once.
    await waitFor(
      async () => (await em().count(ProcessedEvent, { id: { $like: 'suppliers.orders:%' } })) >= ORDERS,
      30_000,
      'order events',
    );
    expect(await em().count(OrderSupply, {})).toBe(ORDERS);

    for (const supplier of SUPPLIERS) {
      expect((await em().findOneOrFail(Supplier, { id: supplier.id })).lastSequence).toBe(SEQUENCES);
      const lots = await em().find(StockLot, { supplierId: supplier.id }, { orderBy: { lotCode: 'asc' } });
      expect(lots).toHaveLength(LOTS);
      for (const lot of lots) {
        const index = Number(lot.lotCode.split('-L')[1]);
        const highest = Array.from({ length: SEQUENCES }, (_, sequence) => SEQUENCES - sequence).find(
          (sequence) => (sequence + index) % 3 !== 0,
        )!;
        expect(`${lot.lotCode}:${lot.onHand}:${lot.lastSequence}`).toBe(`${lot.lotCode}:${highest * 1000 + index}:${highest}`);
      }
    }

    // Reservations: what each lot says it holds is exactly its live reservations, never more than it has.
    const reservations = await em().find(Reservation, { status: 'RESERVED' });
    for (const lot of await em().find(StockLot, {})) {
      const held = reservations
        .filter((reservation) => reservation.lotId === lot.id)
        .reduce((sum, reservation) => sum + reservation.quantity, 0);
      expect(`${lot.lotCode}:${lot.reserved}`).toBe(`${lot.lotCode}:${held}`);
      expect(lot.reserved).toBeLessThanOrEqual(lot.onHand);
    }
    for (const demand of await em().find(OrderMaterial, { open: true })) {
      const held = reservations
        .filter((reservation) => reservation.orderId === demand.orderId && reservation.sku === demand.sku)
        .reduce((sum, reservation) => sum + reservation.quantity, 0);
      expect(`${demand.orderId}/${demand.sku}:${demand.reserved}`).toBe(`${demand.orderId}/${demand.sku}:${held}`);
      expect(demand.reserved).toBeLessThanOrEqual(demand.required);
    }
  }, 300_000);
});
