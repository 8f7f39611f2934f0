/**
 * The baseline of `bench/gateway`: `@apollo/gateway` on `@apollo/server` as its documentation
 * sets it up, before the same subgraph processes — the supergraph from a file, the caller's
 * `authorization` forwarded to every subgraph, nothing else (no token check, limits, metrics).
 * `node dist/bench/plain-apollo-gateway.js <supergraph file> <port>`
 */
import fs from 'node:fs';
import { ApolloServer } from '@apollo/server';
import { startStandaloneServer } from '@apollo/server/standalone';
import { ApolloGateway, RemoteGraphQLDataSource } from '@apollo/gateway';

async function main(): Promise<void> {
  const [supergraphPath, port] = process.argv.slice(2);
  const gateway = new ApolloGateway({
    supergraphSdl: fs.readFileSync(supergraphPath, 'utf8'),
    buildService: ({ url }) =>
      new RemoteGraphQLDataSource<{ authorization?: string }>({
        url,
        willSendRequest({ request, context }) {
          if (context.authorization) request.http?.headers.set('authorization', context.authorization);
        },
      }),
  });
  const server = new ApolloServer({ gateway });
  await startStandaloneServer(server, {
    listen: { port: Number(port), host: '127.0.0.1' },
    context: async ({ req }) => ({ authorization: req.headers.authorization }),
  });
}

void main();
