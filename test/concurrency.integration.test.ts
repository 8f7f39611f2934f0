import { idempotent, inTransaction } from '../platform/data/transactions';
import { OutboxEvent } from '../platform/events/outbox';
import { Order } from '../subgraphs/orders/entities/order';
import { requireOpen } from '../subgraphs/orders/lifecycle/route';
import { OrderService } from '../subgraphs/orders/order.service';
import type { TestHub } from './support/hub';
import { dialects, resendRetryable, startTestHub } from './support/hub';
import { staff } from './support/principals';

/**
 * Concurrent retries of the same change must land once. Meaningful on PostgreSQL, where the
 * requests really run in parallel transactions; SQLite serialises writes but must agree.
 */
describe.each(dialects())('concurrent changes (%s)', (dialect) => {
  let t: TestHub;
  beforeAll(async () => {
    t = await startTestHub(dialect, { actingAs: staff('youcaifeng') });
  });
  afterAll(() => t?.close());

  const input = (externalOrderId: string) => ({
    channel: 'SHOPIFY',
    externalOrderId,
    studioId: 'youcaifeng',
    customer: { name: 'A', contact: 'B', address: 'C' },
    priceCents: 329900,
    customerTierMax: 'BASIC',
    lines: [{ productCode: 'TLR-SUIT-WOOL', quantity: 1 }],
  });
  const IMPORT = `mutation($input: ShopOrderInput!) { importShopOrder(input: $input) { id stages { id } } }`;

  it('imports one order when the same shop order arrives 12 times at once', async () => {
    const results = await Promise.all(Array.from({ length: 12 }, () => t.gql(IMPORT, { input: input('SH-RACE-1') })));
    for (const result of results) expect(result.errors).toBeUndefined();
    expect(new Set(results.map((result) => result.data.importShopOrder.id)).size).toBe(1);
    const em = t.hub.subgraphs.orders.systemContext().em;
    expect(await em.count(Order, { externalOrderId: 'SH-RACE-1' })).toBe(1);
    expect(await em.count(OutboxEvent, { type: 'order.imported', subjectId: results[0].data.importShopOrder.id })).toBe(1);
  });

  it('starts and completes a stage once when 10 operators scan it at the same moment', async () => {
    const order = (await t.gql(IMPORT, { input: input('SH-RACE-2') })).data.importShopOrder;
    const stageId = order.stages[0].id;
    const starts = await Promise.all(
      Array.from({ length: 10 }, () =>
        t.gql(`mutation($id: ID!) { startStage(stageRunId: $id) { id status startedAt } }`, { id: stageId }),
      ),
    );
    for (const result of starts) expect(result.errors).toBeUndefined();
    expect(new Set(starts.map((result) => result.data.startStage.startedAt)).size).toBe(1);
    const completes = await Promise.all(
      Array.from({ length: 10 }, () =>
        t.gql(`mutation($id: ID!) { completeStage(stageRunId: $id) { status finishedAt } }`, { id: stageId }),
      ),
    );
    for (const result of completes) expect(result.errors).toBeUndefined();
    expect(new Set(completes.map((result) => result.data.completeStage.finishedAt)).size).toBe(1);
    const em = t.hub.subgraphs.orders.systemContext().em;
    expect(await em.count(OutboxEvent, { type: 'order.stage.started', subjectId: order.id })).toBe(1);
    expect(await em.count(OutboxEvent, { type: 'order.stage.completed', subjectId: order.id })).toBe(1);
  });

  it('applies a keyed cancellation once when it is retried concurrently', async () => {
    const order = (await t.gql(IMPORT, { input: input('SH-RACE-3') })).data.importShopOrder;
    const CANCEL = `mutation($id: ID!) { cancelOrder(orderId: $id, reason: "duplicate", idempotencyKey: "race-cancel") { status } }`;
    // As a client would, a refusal marked retryable (contention past the hub's own retries) is sent again with the same key.
    const results = await Promise.all(Array.from({ length: 8 }, () => resendRetryable(() => t.gql(CANCEL, { id: order.id }))));
    for (const result of results) expect(result.errors ?? result.data?.cancelOrder.status).toBe('CANCELLED');
    const em = t.hub.subgraphs.orders.systemContext().em;
    expect(await em.count(OutboxEvent, { type: 'order.cancelled', subjectId: order.id })).toBe(1);
  });

  // Only PostgreSQL runs two transactions at once: SQLite's one connection serialises them.
  if (dialect === 'postgresql') {
    it('answers a keyed change with the answer of its twin that committed after the key was looked up, and writes nothing of its own refused attempt', async () => {
      const order = (await t.gql(IMPORT, { input: input('SH-RACE-4') })).data.importShopOrder;
      const ctx = t.hub.subgraphs.orders.systemContext();
      const request = { orderId: order.id, reason: 'duplicate' };
      const answer = await inTransaction(ctx, (em) =>
        idempotent(em, ctx.viewer, 'cancelOrder', 'race-cancel-4', request, async () => {
          // The key was not there yet; now the twin request commits the cancellation first.
          await new OrderService().cancelOrder(ctx, order.id, 'duplicate', 'race-cancel-4');
          const seen = await em.findOneOrFail(Order, order.id, { filters: false });
          seen.cancelReason = 'written by the refused attempt';
          requireOpen(seen);
          return seen.id;
        }),
      );
      expect(answer).toBe(order.id);
      const em = ctx.em.fork();
      expect((await em.findOneOrFail(Order, order.id, { filters: false })).cancelReason).toBe('duplicate');
      expect(await em.count(OutboxEvent, { type: 'order.cancelled', subjectId: order.id })).toBe(1);
    });
  }
});
