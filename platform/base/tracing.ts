import { SpanKind, trace } from '@opentelemetry/api';
import type { NodeSDK } from '@opentelemetry/sdk-node';

/**
 * OpenTelemetry traces, on only when OTEL_EXPORTER_OTLP_ENDPOINT is set: W3C trace context is
 * read from every request (a client's `traceparent`), carried through the gateway to every
 * subgraph fetch (the HTTP instrumentation injects it) and down to each SQL statement
 * (PostgreSQL's instrumentation; hand-made spans for SQLite, which has none), exported over
 * OTLP/HTTP. Started by each process's entry before it serves anything.
 */
let sdk: NodeSDK | undefined;

export function startTracing(serviceName: string, endpoint: string | undefined): void {
  if (!endpoint || sdk) return;
  // Loaded only when on: the SDK is large, and a process without an endpoint never needs it.
  const { NodeSDK, resources, tracing } = require('@opentelemetry/sdk-node') as typeof import('@opentelemetry/sdk-node');
  const { OTLPTraceExporter } =
    require('@opentelemetry/exporter-trace-otlp-http') as typeof import('@opentelemetry/exporter-trace-otlp-http');
  const { HttpInstrumentation } = require('@opentelemetry/instrumentation-http') as typeof import('@opentelemetry/instrumentation-http');
  const { PgInstrumentation } = require('@opentelemetry/instrumentation-pg') as typeof import('@opentelemetry/instrumentation-pg');
  const exporter = new OTLPTraceExporter({ url: `${endpoint.replace(/\/$/, '')}/v1/traces` });
  sdk = new NodeSDK({
    resource: resources.resourceFromAttributes({ 'service.name': serviceName }),
    spanProcessors: [new tracing.BatchSpanProcessor(exporter, { scheduledDelayMillis: 500 })],
    // Traces only: metrics are Prometheus's (/metrics), logs pino's.
    metricReaders: [],
    logRecordProcessors: [],
    // The exporter's own requests are not traced (they would trace themselves forever).
    instrumentations: [
      new HttpInstrumentation({ ignoreOutgoingRequestHook: (request) => String(request.path ?? '').startsWith('/v1/traces') }),
      new PgInstrumentation(),
    ],
  });
  sdk.start();
  // The instrumentations patch a module when it is required: http and https were loaded before
  // this ran (by the configuration's imports), so require them again to let the patch apply.
  require('http');
  require('https');
}

/** Sends what is buffered and stops (on shutdown). */
export async function stopTracing(): Promise<void> {
  await sdk?.shutdown().catch(() => undefined);
  sdk = undefined;
}

const tracer = trace.getTracer('weft');

/** A finished SQL statement as a span under the current one (SQLite: no instrumentation exists). */
export function recordStatement(dialect: string, statement: string, tookMs: number): void {
  if (!sdk || dialect !== 'sqlite') return;
  const end = Date.now();
  const span = tracer.startSpan(`${dialect} ${statement.split(' ', 1)[0].toUpperCase()}`, {
    kind: SpanKind.CLIENT,
    startTime: end - tookMs,
    attributes: { 'db.system': 'sqlite', 'db.statement': statement.slice(0, 2000) },
  });
  span.end(end);
}

/** The current trace and span ids, for log lines. */
export function traceIds(): { traceId?: string; spanId?: string } {
  const context = trace.getActiveSpan()?.spanContext();
  return context ? { traceId: context.traceId, spanId: context.spanId } : {};
}
