import fs from 'node:fs';
import path from 'node:path';
import { ApolloServer } from '@apollo/server';
import { ApolloGateway, RemoteGraphQLDataSource } from '@apollo/gateway';
import type { Fetcher } from '@apollo/utils.fetcher';
import { formatError } from '../subgraphs/shared/subgraph';
import { RunningHttpServer, sendJson, serveApollo } from '../subgraphs/shared/http-server';
import { logger } from '../subgraphs/shared/logger';

export const SUPERGRAPH_PATH = path.resolve(__dirname, '..', '..', 'schema', 'supergraph.graphql');

export interface GatewayOptions {
  port: number;
  host?: string;
  /** Subgraph name → URL; the committed supergraph's URLs are only defaults. */
  subgraphUrls: Record<string, string>;
  supergraphSdl?: string;
}

export interface RunningGateway {
  http: RunningHttpServer;
  url: string;
  close(): Promise<void>;
}

/**
 * Node's fetch (undici) keeps a pool of keep-alive connections per subgraph origin, so the
 * gateway does not pay a TCP handshake per subgraph request.
 */
const keepAliveFetcher = globalThis.fetch as unknown as Fetcher;

async function subgraphReady(url: string): Promise<boolean> {
  try {
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'apollo-require-preflight': 'true' },
      body: JSON.stringify({ query: '{ __typename }' }),
      signal: AbortSignal.timeout(2000),
    });
    return response.ok;
  } catch {
    return false;
  }
}

/** The federated gateway: serves the committed supergraph at /graphql, plus /healthz and /readyz. */
export async function startGateway(options: GatewayOptions): Promise<RunningGateway> {
  const supergraphSdl = options.supergraphSdl ?? fs.readFileSync(SUPERGRAPH_PATH, 'utf8');
  const gateway = new ApolloGateway({
    supergraphSdl,
    buildService: ({ name, url }) => {
      const target = options.subgraphUrls[name] ?? url;
      if (!target) throw new Error(`No URL for subgraph "${name}"`);
      return new RemoteGraphQLDataSource({ url: target, fetcher: keepAliveFetcher });
    },
  });
  const apollo = new ApolloServer({ gateway, formatError, includeStacktraceInErrorResponses: false, introspection: true, csrfPrevention: true, stopOnTerminationSignals: false });
  const http = await serveApollo({
    apollo,
    port: options.port,
    host: options.host,
    graphqlPaths: { '/graphql': async () => ({}) },
    routes: {
      '/healthz': (_request, response) => sendJson(response, 200, { status: 'ok' }),
      '/readyz': async (_request, response) => {
        const checks = await Promise.all(Object.entries(options.subgraphUrls).map(async ([name, url]) => [name, await subgraphReady(url)] as const));
        const ready = checks.every(([, ok]) => ok);
        sendJson(response, ready ? 200 : 503, { status: ready ? 'ready' : 'not ready', subgraphs: Object.fromEntries(checks) });
      },
    },
  });
  logger.info({ url: `${http.url}/graphql` }, 'gateway ready');
  return { http, url: `${http.url}/graphql`, close: () => http.close() };
}
