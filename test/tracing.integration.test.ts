import { randomBytes } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { gunzipSync } from 'node:zlib';
import { startHubProcess, type HubProcess } from './support/hub-process';
import { waitFor } from './support/wait';

type Span = {
  traceId: string;
  spanId: string;
  parentSpanId?: string;
  name: string;
  kind: number;
  attributes: { key: string; value: Record<string, unknown> }[];
};

/**
 * Traces across the hub's parts. Module patching (OpenTelemetry's instrumentations) does not
 * work under Jest, so the hub runs in a child process, as `npm start` runs it, exporting to an
 * OTLP/HTTP receiver this test serves.
 */
describe('traces', () => {
  const spans: Span[] = [];
  let receiver: http.Server;
  let hub: HubProcess;
  let ports: Record<string, number>;

  beforeAll(async () => {
    receiver = http.createServer((request, response) => {
      const chunks: Buffer[] = [];
      request.on('data', (chunk) => chunks.push(chunk));
      request.on('end', () => {
        expect(request.url).toBe('/v1/traces');
        const raw = Buffer.concat(chunks);
        const body = JSON.parse((request.headers['content-encoding'] === 'gzip' ? gunzipSync(raw) : raw).toString('utf8')) as {
          resourceSpans: { scopeSpans: { spans: Span[] }[] }[];
        };
        for (const resource of body.resourceSpans) for (const scope of resource.scopeSpans) spans.push(...scope.spans);
        response.writeHead(200, { 'content-type': 'application/json' }).end('{}');
      });
    });
    await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
    hub = await startHubProcess({ OTEL_EXPORTER_OTLP_ENDPOINT: `http://127.0.0.1:${(receiver.address() as AddressInfo).port}` });
    ports = hub.ports;
  }, 90_000);

  afterAll(async () => {
    await hub?.stop();
    receiver?.close();
  });

  it("carries a client's trace context through the gateway to two subgraphs and their SQL", async () => {
    const traceId = randomBytes(16).toString('hex');
    const response = await fetch(`http://127.0.0.1:${ports.GATEWAY}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', traceparent: `00-${traceId}-${randomBytes(8).toString('hex')}-01` },
      body: JSON.stringify({ query: '{ enterprises { id } statusCodes { code } }' }),
    });
    expect(response.status).toBe(200);
    const ours = () => spans.filter((span) => span.traceId === traceId);
    // A server span on a port: the gateway's, or a subgraph's.
    const servedOn = (port: number) =>
      ours().some(
        (span) =>
          span.kind === 2 &&
          span.attributes.some((attribute) => attribute.key === 'server.port' && Number(attribute.value.intValue) === port),
      );
    await waitFor(
      () =>
        servedOn(ports.GATEWAY) &&
        servedOn(ports.NETWORK) &&
        servedOn(ports.VOCABULARY) &&
        ours().some((span) => span.name.startsWith('sqlite ')),
      20_000,
      'the spans of the request',
    );
    // One trace: every span of it descends from the client's.
    const ids = new Set(ours().map((span) => span.spanId));
    expect(ours().filter((span) => span.parentSpanId && !ids.has(span.parentSpanId)).length).toBeLessThanOrEqual(1);
  });
});
