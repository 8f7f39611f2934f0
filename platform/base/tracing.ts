import { SpanKind, trace } from '@opentelemetry/api';
import type { NodeSDK } from '@opentelemetry/sdk-node';
import type * as SdkNode from '@opentelemetry/sdk-node';
import type * as OtlpHttp from '@opentelemetry/exporter-trace-otlp-http';
import type * as HttpInstrumentationModule from '@opentelemetry/instrumentation-http';
import type * as PgInstrumentationModule from '@opentelemetry/instrumentation-pg';

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
  /* eslint-disable @typescript-eslint/no-require-imports -- loaded lazily and synchronously (see above); the types come from the type-only imports */
  const { NodeSDK, resources, tracing } = require('@opentelemetry/sdk-node') as typeof SdkNode;
  const { OTLPTraceExporter } = require('@opentelemetry/exporter-trace-otlp-http') as typeof OtlpHttp;
  const { HttpInstrumentation } = require('@opentelemetry/instrumentation-http') as typeof HttpInstrumentationModule;
  const { PgInstrumentation } = require('@opentelemetry/instrumentation-pg') as typeof PgInstrumentationModule;
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
  /* eslint-enable @typescript-eslint/no-require-imports */
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
