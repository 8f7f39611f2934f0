import fs from 'node:fs';
import path from 'node:path';
import type { TestHub } from './support/hub';
import { startTestHub } from './support/hub';
import { teawareOrder } from './support/orders';

const OPS = path.resolve(__dirname, '..', '..', 'ops');

/** The value of one series in Prometheus's text format (0 when absent). */
function sample(text: string, name: string, labels: Record<string, string>): number {
  const wanted = Object.entries(labels).map(([key, value]) => `${key}="${value}"`);
  for (const line of text.split('\n')) {
    if (!line.startsWith(`${name}{`) && !line.startsWith(`${name} `)) continue;
    const labelText = line.slice(name.length).split('}')[0];
    if (wanted.every((pair) => labelText.includes(pair))) return Number(line.split(' ').pop());
  }
  return 0;
}

describe('metrics', () => {
  let t: TestHub;
  const scrape = async (url = t.hub.gateway.url.replace('/graphql', '/metrics')) => {
    const response = await fetch(url);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('text/plain');
    return response.text();
  };

  beforeAll(async () => {
    t = await startTestHub('sqlite');
    for (const name of ['network', 'suppliers']) await t.hub.subgraphs[name].definition.seed!(t.hub.subgraphs[name]);
  }, 60_000);
  afterAll(() => t?.close());

  it('moves after requests: operations by service and name, subgraph fetches, errors by code', async () => {
    const before = await scrape();
    await t.gql(`query MetricsProbe { enterprises { id } statusCodes { code } }`);
    await t.gql(`query MetricsProbe { enterprises { id } statusCodes { code } }`);
    await t.gql(`query MetricsRefused($id: ID!) { order(id: $id) { id } }`, { id: 'ord_unknown' }, { as: null });
    const after = await scrape();
    const operations = (text: string, labels: Record<string, string>) => sample(text, 'weft_graphql_operations_total', labels);
    expect(
      operations(after, { service: 'gateway', operation: 'MetricsProbe', outcome: 'ok' }) -
        operations(before, { service: 'gateway', operation: 'MetricsProbe', outcome: 'ok' }),
    ).toBe(2);
    expect(operations(after, { service: 'gateway', operation: 'MetricsRefused', outcome: 'UNAUTHENTICATED' })).toBeGreaterThanOrEqual(1);
    // The gateway asked two subgraphs for it; each counted its part.
    for (const subgraph of ['network', 'vocabulary']) {
      expect(sample(after, 'weft_subgraph_fetch_duration_seconds_count', { subgraph, outcome: 'ok' })).toBeGreaterThan(
        sample(before, 'weft_subgraph_fetch_duration_seconds_count', { subgraph, outcome: 'ok' }),
      );
      expect(sample(after, 'weft_graphql_operations_total', { service: subgraph, outcome: 'ok' })).toBeGreaterThan(0);
    }
    expect(sample(after, 'weft_graphql_errors_total', { service: 'gateway', code: 'UNAUTHENTICATED' })).toBeGreaterThanOrEqual(1);
  });

  it('reads the outbox lag, every durable consumer, the notification backlog and live connections when scraped, on a subgraph too', async () => {
    await t.gql(`mutation($input: ShopOrderInput!) { importShopOrder(input: $input) { id } }`, { input: teawareOrder() });
    await t.hub.settle();
    const text = await scrape(t.hub.subgraphs.orders.url.replace('/graphql', '/metrics'));
    expect(text).toMatch(/^weft_outbox_lag_seconds\{service="orders"\} 0$/m);
    for (const consumer of ['orders.eta', 'orders.delays', 'suppliers.orders', 'notifications.dispatch'])
      expect(text).toMatch(
        new RegExp(`^weft_consumer_lag_events\\{service="[a-z]+",consumer="${consumer.replace('.', '\\.')}"\\} 0$`, 'm'),
      );
    expect(text).toMatch(/^weft_live\{service="gateway",measure="connections"\} \d+$/m);
    expect(text).toMatch(/^weft_process_cpu_user_seconds_total /m);
  });

  it('serves every metric the alert rules and the dashboard name', async () => {
    const served = new Set(
      [...(await scrape()).matchAll(/^# TYPE (\S+) (\w+)$/gm)].flatMap(([, name, type]) =>
        type === 'histogram' ? [name, `${name}_bucket`, `${name}_count`, `${name}_sum`] : [name],
      ),
    );
    const named = new Set<string>();
    for (const file of ['prometheus-alerts.yml', 'grafana-dashboard.json'])
      for (const [name] of fs.readFileSync(path.join(OPS, file), 'utf8').matchAll(/\bweft_[a-z_]+/g)) named.add(name);
    expect(named.size).toBeGreaterThan(5);
    expect([...named].filter((name) => !served.has(name))).toEqual([]);
  });
});
