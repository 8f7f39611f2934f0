/**
 * `npm run --silent follow -- <orderId> [--after <cursor>] [--url ws://localhost:4000/graphql]`
 *
 * Follows one order live, with a stock graphql-ws client, the way a front end does
 * (docs/live-updates.md): the token goes in connection_init (TOKEN from the environment), and the
 * subscription's `after` variable is kept at the last cursor received, so when the client
 * reconnects on its own (a gateway restart, a dropped network) it resumes with no gap and no
 * duplicate. Prints each event as one JSON line.
 */
import { createClient } from 'graphql-ws';
import WebSocket from 'ws';

const FOLLOW = `subscription Follow($orderId: ID!, $after: String) {
  orderProgress(orderId: $orderId, after: $after) {
    cursor type kind occurredAt
    entry { type statusCode { code labelZh labelEn } }
    order {
      status
      statusCode { code labelZh labelEn }
      studio { nameZh nameEn }
      materials { sku status }
      eta { statement completion { likelyBefore } }
    }
  }
}`;

function option(args: string[], name: string): string | undefined {
  const index = args.indexOf(`--${name}`);
  return index >= 0 ? args[index + 1] : undefined;
}

function main(): void {
  const args = process.argv.slice(2);
  const orderId = args.find((arg, index) => !arg.startsWith('--') && !args[index - 1]?.startsWith('--'));
  if (!orderId || !process.env.TOKEN) {
    console.error(
      'Usage: TOKEN=<bearer token> npm run --silent follow -- <orderId> [--after <cursor>] [--url ws://localhost:4000/graphql]',
    );
    process.exit(2);
  }
  const variables: { orderId: string; after: string | null } = { orderId, after: option(args, 'after') ?? null };
  const client = createClient({
    url: option(args, 'url') ?? `ws://localhost:${process.env.GATEWAY_PORT ?? 4000}/graphql`,
    webSocketImpl: WebSocket,
    connectionParams: { authorization: `Bearer ${process.env.TOKEN}` },
    retryAttempts: Infinity,
    shouldRetry: () => true,
    on: {
      connected: () => console.error(`connected; following ${orderId}${variables.after ? ` after ${variables.after}` : ''}`),
      closed: (event) =>
        console.error(`closed (${(event as { code?: number }).code}); reconnecting and resuming after ${variables.after ?? 'the start'}`),
    },
  });
  client.subscribe(
    { query: FOLLOW, variables },
    {
      next: (result) => {
        const event = (result.data as { orderProgress?: { cursor: string } } | undefined)?.orderProgress;
        // The client resends these same variables when it reconnects: resume after this event.
        if (event) variables.after = event.cursor;
        console.log(JSON.stringify(result));
      },
      error: (error) => {
        console.error('subscription refused:', JSON.stringify(error));
        process.exit(1);
      },
      complete: () => process.exit(0),
    },
  );
  process.on('SIGINT', () => {
    void client.dispose();
    process.exit(0);
  });
}

main();
