import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { waitFor } from './support/wait';

type Span = { traceId: string; spanId: string; parentSpanId?: string; name: string; kind: number; attributes: { key: string; value: Record<string, unknown> }[] };

const freePort = () =>
  new Promise<number>((resolve) => {
    const server = http.createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      server.close(() => resolve(port));
    });
  });

/**
 * Traces across the hub's parts. Module patching (OpenTelemetry's instrumentations) does not
 * work under Jest, so the hub runs in a child process, as `npm start` runs it, exporting to an
 * OTLP/HTTP receiver this test serves.
 */
describe('traces', () => {
  const spans: Span[] = [];
  let receiver: http.Server;
  let hub: ChildProcess;
  let dataDir: string;
  const ports: Record<string, number> = {};

  beforeAll(async () => {
    receiver = http.createServer((request, response) => {
      const chunks: Buffer[] = [];
      request.on('data', (chunk) => chunks.push(chunk));
      request.on('end', () => {
        expect(request.url).toBe('/v1/traces');
        const raw = Buffer.concat(chunks);
        const body = JSON.parse((request.headers['content-encoding'] === 'gzip' ? gunzipSync(raw) : raw).toString('utf8')) as { resourceSpans: { scopeSpans: { spans: Span[] }[] }[] };
        for (const resource of body.resourceSpans) for (const scope of resource.scopeSpans) spans.push(...scope.spans);
        response.writeHead(200, { 'content-type': 'application/json' }).end('{}');
      });
    });
    await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
    for (const name of ['GATEWAY', 'NETWORK', 'VOCABULARY', 'ORDERS', 'SUPPLIERS', 'CAPACITY', 'KITCHENS', 'NOTIFICATIONS', 'WECHAT_STUB']) ports[name] = await freePort();
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'weft-tracing-'));
    hub = spawn(process.execPath, [path.resolve(__dirname, '..', 'hub', 'start.js')], {
      env: {
        PATH: process.env.PATH,
        DATA_DIR: dataDir,
        SEED_DEMO: 'false',
        RATE_LIMITS: 'false',
        LOG_LEVEL: 'warn',
        OTEL_EXPORTER_OTLP_ENDPOINT: `http://127.0.0.1:${(receiver.address() as AddressInfo).port}`,
        ...Object.fromEntries(Object.entries(ports).map(([name, port]) => [`${name}_PORT`, String(port)])),
      },
      stdio: ['ignore', 'ignore', 'inherit'],
    });
    await waitFor(async () => (await fetch(`http://127.0.0.1:${ports.GATEWAY}/readyz`).catch(() => null))?.status === 200, 60_000, 'the hub');
  }, 90_000);

  afterAll(async () => {
    hub?.kill('SIGINT');
    await new Promise((resolve) => hub?.once('exit', resolve));
    receiver?.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
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
    const servedOn = (port: number) => ours().some((span) => span.kind === 2 && span.attributes.some((attribute) => attribute.key === 'server.port' && Number(attribute.value.intValue) === port));
    await waitFor(() => servedOn(ports.GATEWAY) && servedOn(ports.NETWORK) && servedOn(ports.VOCABULARY) && ours().some((span) => span.name.startsWith('sqlite ')), 20_000, 'the spans of the request');
    // One trace: every span of it descends from the client's.
    const ids = new Set(ours().map((span) => span.spanId));
    expect(ours().filter((span) => span.parentSpanId && !ids.has(span.parentSpanId)).length).toBeLessThanOrEqual(1);
  });
});
