import { randomUUID } from 'node:crypto';
import { ORDER_EVENTS } from '../contracts';
import { DurationRecord } from '../subgraphs/orders/entities/eta';
import { etaService } from '../subgraphs/orders/eta/eta.service';
import { DEMO_HISTORY_STUDIOS, generateHistory, samplesOf } from '../subgraphs/orders/eta/synthetic-history';
import type { TestHub } from './support/hub';
import { dialects, startTestHub } from './support/hub';
import type { LiveConnection } from './support/live';
import { liveConnection } from './support/live';
import { teawareOrder } from './support/orders';
import { customer } from './support/principals';
import { waitFor } from './support/wait';

const IMPORT = `mutation($input: ShopOrderInput!) { importShopOrder(input: $input) { id stages { id code } } }`;
const ETA = `query($id: ID!) { order(id: $id) { eta { completion { median likelyBefore } delivery { median likelyBefore } confidence computedAt statement basis { method stagesFromHistory stagesRemaining samples loadFactor note } } } }`;
const DAY = 24 * 3_600_000;

describe.each(dialects())('completion forecasts (%s)', (dialect) => {
  let t: TestHub;
  const connections: LiveConnection[] = [];
  beforeAll(async () => {
    t = await startTestHub(dialect);
    await t.hub.subgraphs.network.definition.seed!(t.hub.subgraphs.network);
    // 60 days of 墨韵文创's past production: enough history for its stages; none for 有裁缝.
    const history = generateHistory({
      seed: 3,
      days: 60,
      end: Date.now() - 5 * DAY,
      studios: DEMO_HISTORY_STUDIOS.filter((studio) => studio.studioId === 'moyun-studio'),
    });
    const em = t.hub.subgraphs.orders.systemContext().em.fork();
    await em.insertMany(
      DurationRecord,
      samplesOf(history.orders).map((sample, index) => ({ ...sample, id: `test_hist_${index}` })),
    );
    etaService.forget();
  }, 120_000);
  afterAll(async () => {
    await Promise.all(connections.map((connection) => connection.dispose()));
    await t?.close();
  });

  const etaOf = async (orderId: string, as?: any) => {
    const result = await t.gql(ETA, { id: orderId }, as ? { as } : undefined);
    expect(result.errors).toBeUndefined();
    return result.data.order.eta;
  };

  it('forecasts from history, re-estimates as the order moves, and tells BASIC customers live', async () => {
    const order = (await t.gql(IMPORT, { input: teawareOrder() })).data.importShopOrder;
    const basic = liveConnection(t.hub.gateway.url, await t.token(customer([order.id], 'BASIC')));
    const minimal = liveConnection(t.hub.gateway.url, await t.token(customer([order.id], 'MINIMAL')));
    connections.push(basic, minimal);
    const SUBSCRIBE = `subscription($id: ID!) { orderProgress(orderId: $id, after: "0") { type kind order { eta { completion { likelyBefore } statement } } } }`;
    const forBasic = basic.subscribe(SUBSCRIBE, { id: order.id });
    const forMinimal = minimal.subscribe(SUBSCRIBE, { id: order.id });
    const etaEvents = () =>
      forBasic.results
        .filter((result) => result.data?.orderProgress.type === ORDER_EVENTS.ETA_CHANGED)
        .map((result) => result.data!.orderProgress);

    // The import is estimated by the orders.eta consumer and published.
    await waitFor(() => etaEvents().length >= 1, 20_000, 'the first forecast');
    const first = await etaOf(order.id);
    expect(first.basis).toMatchObject({ method: 'HISTORY', stagesRemaining: 9, stagesFromHistory: 9 });
    expect(first.basis.samples).toBeGreaterThan(100);
    expect(first.confidence).toBe(0.9);
    expect(first.statement).toMatch(/^90 % likely delivered before \d{1,2} [A-Z][a-z]{2}$/);
    const median = new Date(first.completion.median).getTime();
    const bound = new Date(first.completion.likelyBefore).getTime();
    // The route's standard durations sum to about 2.6 days; history and waits make it longer.
    expect(median).toBeGreaterThan(Date.now() + 2 * DAY);
    expect(bound).toBeGreaterThan(median);
    expect(new Date(first.delivery.median).getTime()).toBeGreaterThan(median);
    expect(etaEvents()[0]).toMatchObject({ kind: 'ETA', order: { eta: { completion: { likelyBefore: first.completion.likelyBefore } } } });

    // Customers see it from BASIC; MINIMAL gets null, and no forecast events.
    expect((await etaOf(order.id, customer([order.id], 'BASIC'))).completion).toEqual(first.completion);
    expect(await etaOf(order.id, customer([order.id], 'MINIMAL'))).toBeNull();

    // Design confirmation (a day's standard) done in minutes: the forecast moves a day earlier, and says so live.
    const stage = order.stages[0];
    await t.gql(`mutation($s: ID!) { startStage(stageRunId: $s, operator: { name: "王芳", penName: "墨白" }) { id } }`, { s: stage.id });
    await t.gql(`mutation($s: ID!) { completeStage(stageRunId: $s) { id } }`, { s: stage.id });
    await waitFor(
      () => etaEvents().some((event) => new Date(event.order.eta.completion.likelyBefore).getTime() < bound - 6 * 3_600_000),
      20_000,
      'an earlier forecast',
    );
    const moved = await etaOf(order.id);
    expect(moved.basis.stagesRemaining).toBe(8);
    expect(new Date(moved.completion.median).getTime()).toBeLessThan(median - 6 * 3_600_000);
    // The completed run joined the history the studio's model learns from.
    expect(await t.hub.subgraphs.orders.systemContext().em.fork().count(DurationRecord, { id: stage.id })).toBe(1);
    expect(forMinimal.results.filter((result) => result.data?.orderProgress.type === ORDER_EVENTS.ETA_CHANGED)).toEqual([]);
    expect(forMinimal.results.every((result) => !result.errors)).toBe(true);

    // Cancelled: no forecast.
    await t.gql(`mutation($id: ID!, $k: String!) { cancelOrder(orderId: $id, reason: "changed mind", idempotencyKey: $k) { id } }`, {
      id: order.id,
      k: randomUUID(),
    });
    expect(await etaOf(order.id)).toBeNull();
  });

  it('falls back to standard durations where a studio has no history, and says so', async () => {
    const order = (
      await t.gql(
        IMPORT,
        { input: teawareOrder({ studioId: 'youcaifeng', lines: [{ productCode: 'TLR-SUIT-WOOL', quantity: 1 }] }) },
        { as: { subject: 'lead@youcaifeng', org: 'youcaifeng', roles: ['STUDIO_ADMIN'] } },
      )
    ).data.importShopOrder;
    const eta = await etaOf(order.id, { subject: 'lead@youcaifeng', org: 'youcaifeng', roles: ['STUDIO_ADMIN'] });
    expect(eta.basis).toMatchObject({ method: 'STANDARD_DURATIONS', stagesFromHistory: 0, stagesRemaining: 9, loadFactor: null });
    expect(eta.basis.note).toMatch(/too little history/i);
  });
});
