import http from 'node:http';
import type { ApolloServerPlugin, BaseContext } from '@apollo/server';
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

/**
 * Prometheus metrics: one registry per process, every series labelled with the `service` (the
 * part of the hub: `gateway`, `orders` …), so the embedded hub's one process and the separate
 * processes of a deployment give the same series. Served at /metrics (docs/operations.md).
 */
export const METRICS = new Registry();
collectDefaultMetrics({ register: METRICS, prefix: 'weft_' });

const SECONDS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

export const graphqlRequests = new Counter({
  name: 'weft_graphql_operations_total',
  help: 'GraphQL operations answered, by service, operation name and outcome (ok, or the first error code)',
  labelNames: ['service', 'operation', 'outcome'],
  registers: [METRICS],
});
export const graphqlDuration = new Histogram({
  name: 'weft_graphql_operation_duration_seconds',
  help: 'Time to answer a GraphQL operation, by service and operation name',
  labelNames: ['service', 'operation'],
  buckets: SECONDS,
  registers: [METRICS],
});
export const graphqlErrors = new Counter({
  name: 'weft_graphql_errors_total',
  help: 'GraphQL errors answered, by service and code',
  labelNames: ['service', 'code'],
  registers: [METRICS],
});
export const subgraphFetches = new Histogram({
  name: 'weft_subgraph_fetch_duration_seconds',
  help: "The gateway's requests to each subgraph, by subgraph and outcome (ok, error)",
  labelNames: ['subgraph', 'outcome'],
  buckets: SECONDS,
  registers: [METRICS],
});
export const subgraphAnswersShared = new Counter({
  name: 'weft_gateway_shared_subgraph_answers_total',
  help: 'Subgraph fetches the gateway answered without sending them: a kept public answer (kept), or an identical query already in flight (in_flight)',
  labelNames: ['how'],
  registers: [METRICS],
});
export const allocationSolves = new Histogram({
  name: 'weft_allocation_solve_duration_seconds',
  help: 'Time the capacity solver took per allocation round',
  buckets: [0.01, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
  registers: [METRICS],
});

type Reading = { labels: Record<string, string>; value: number };
const gaugeReaders = new Map<string, (() => Promise<Reading[]>)[]>();

/**
 * A gauge read when Prometheus scrapes: each part of the process adds a reader of its current
 * values (outbox age, consumer lag, live connections …); the first reader creates the gauge.
 */
export function readInto(name: string, help: string, labelNames: string[], read: () => Promise<Reading[]>): void {
  const readers = gaugeReaders.get(name);
  if (readers) {
    readers.push(read);
    return;
  }
  const all = [read];
  gaugeReaders.set(name, all);
  new Gauge({
    name,
    help,
    labelNames,
    registers: [METRICS],
    async collect() {
      this.reset();
      for (const reader of all) for (const { labels, value } of await reader().catch(() => [])) this.set(labels, value);
    },
  });
}

/** Stops reading a part that has stopped (a closed subgraph's database is no longer asked). */
export function stopReading(read: () => Promise<Reading[]>): void {
  for (const readers of gaugeReaders.values()) {
    const index = readers.indexOf(read);
    if (index >= 0) readers.splice(index, 1);
  }
}

/** Client-chosen operation names, capped: past this many distinct names the rest count as `other`. */
const MAX_OPERATION_NAMES = 200;
const seenOperations = new Set<string>();
export function operationLabel(name: string | null | undefined): string {
  if (!name) return 'anonymous';
  if (!/^[A-Z_]\w{0,80}$/i.test(name)) return 'other';
  if (seenOperations.has(name)) return name;
  if (seenOperations.size >= MAX_OPERATION_NAMES) return 'other';
  seenOperations.add(name);
  return name;
}

/** Counts and times every operation an Apollo server answers, and its errors by code. */
export function metricsPlugin<TContext extends BaseContext>(service: string): ApolloServerPlugin<TContext> {
  return {
    async requestDidStart() {
      const started = process.hrtime.bigint();
      return {
        async willSendResponse({ response, operationName }) {
          const operation = operationLabel(operationName);
          const errors = response.body.kind === 'single' ? (response.body.singleResult.errors ?? []) : [];
          // An error's code is a string where the hub set it; anything else counts as an internal error.
          const codeOf = (error: (typeof errors)[number]) =>
            typeof error.extensions?.code === 'string' ? error.extensions.code : 'INTERNAL_SERVER_ERROR';
          for (const error of errors) graphqlErrors.inc({ service, code: codeOf(error) });
          graphqlRequests.inc({
            service,
            operation,
            outcome: errors.length ? codeOf(errors[0]) : 'ok',
          });
          graphqlDuration.observe({ service, operation }, Number(process.hrtime.bigint() - started) / 1e9);
        },
      };
    },
  };
}

/**
 * METRICS_PORT: /metrics on a port of its own, for the whole process, off the public one
 * (in production the public ports serve none). Answers the server, to close.
 */
export async function serveMetricsOn(port: number, host: string): Promise<http.Server> {
  const server = http.createServer((request, response) => {
    if (new URL(request.url ?? '/', 'http://localhost').pathname === '/metrics') return void serveMetrics(request, response);
    response.writeHead(404).end();
  });
  await new Promise<void>((resolve, reject) => server.once('error', reject).listen(port, host, () => resolve()));
  server.unref();
  return server;
}

/** The /metrics route: the process's registry in Prometheus's text format. */
export async function serveMetrics(_request: http.IncomingMessage, response: http.ServerResponse): Promise<void> {
  const body = await METRICS.metrics();
  response.writeHead(200, { 'content-type': METRICS.contentType });
  response.end(body);
}
