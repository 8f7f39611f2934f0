/**
 * `WEBHOOK_SECRET=whsec_… npm run --silent webhook-receiver [-- --port 4091]`: a local endpoint
 * for the hub's webhooks, as an enterprise's system would run one. It checks each request's
 * Weft-Signature (HMAC-SHA256 over "<timestamp>.<body>" with the secret registerWebhook
 * returned) and timestamp, answers 200 to good requests and 401 to bad ones, and prints one line
 * per request. It listens on 127.0.0.1, which the hub calls only when started with
 * WEBHOOK_ALLOW_PRIVATE=true. docs/domains/notifications.md walks through it.
 */
import http from 'node:http';
import { WEBHOOK_HEADERS } from '../contracts';
import { verifyWebhook } from '../subgraphs/notifications/signature';

function main(): void {
  const index = process.argv.indexOf('--port');
  const port = index >= 0 ? Number(process.argv[index + 1]) : 4091;
  const secret = process.env.WEBHOOK_SECRET;
  if (!secret) {
    console.error('Usage: WEBHOOK_SECRET=<the secret registerWebhook returned> npm run --silent webhook-receiver [-- --port 4091]');
    process.exit(2);
  }
  const server = http.createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      const header = (name: string) => request.headers[name] as string | undefined;
      const verified = verifyWebhook(
        secret,
        { signature: header(WEBHOOK_HEADERS.SIGNATURE), timestamp: header(WEBHOOK_HEADERS.TIMESTAMP) },
        body,
      );
      response.writeHead(verified ? 200 : 401).end();
      let summary = '';
      try {
        const event = JSON.parse(body) as { type?: unknown; subject?: { type?: unknown; id?: unknown } | null };
        const text = (value: unknown) => (typeof value === 'string' ? value : '');
        summary = `${text(event.type)} ${text(event.subject?.type)} ${text(event.subject?.id)}`;
      } catch {
        summary = `(not JSON: ${body.slice(0, 80)})`;
      }
      console.log(`${verified ? 'signature ok ' : 'BAD SIGNATURE'}  delivery ${header(WEBHOOK_HEADERS.DELIVERY_ID)}  ${summary}`);
    });
  });
  server.listen(port, '127.0.0.1', () =>
    console.log(
      `Receiving webhooks on http://127.0.0.1:${port}/hooks (a loopback address: the hub sends here only when started with WEBHOOK_ALLOW_PRIVATE=true)`,
    ),
  );
}

main();
