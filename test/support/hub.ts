import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startHub, RunningHub } from '../../hub/hub';
import { createScratchDatabase } from '../../hub/scratch-database';
import type { Dialect } from '../../subgraphs/shared/database';

/**
 * The dialects the integration suites run on: always SQLite; PostgreSQL too when DATABASE_URL
 * names a server (CI sets it). Without it, the suites say so instead of silently passing
 * (starting a PostgreSQL container with testcontainers when DATABASE_URL is unset is still to come).
 */
export function dialects(): Dialect[] {
  if (process.env.DATABASE_URL) return ['sqlite', 'postgresql'];
  if (!warned) {
    warned = true;
    console.warn('PostgreSQL integration runs skipped: DATABASE_URL is not set. Set it (as .ci/run does) to run them.');
  }
  return ['sqlite'];
}
let warned = false;

export interface TestHub {
  hub: RunningHub;
  /** POST a GraphQL operation to the gateway (or a subgraph URL) and return the parsed body. */
  gql<T = any>(query: string, variables?: Record<string, unknown>, url?: string): Promise<{ data?: T; errors?: Array<{ message: string; extensions?: Record<string, any> }> }>;
  close(): Promise<void>;
}

/** A fresh, empty hub on free ports: its own temp SQLite dir, or its own PostgreSQL database. */
export async function startTestHub(dialect: Dialect, options: { seedDemo?: boolean } = {}): Promise<TestHub> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'weft-test-'));
  let databaseUrl: string | undefined;
  let dropDatabase = async () => undefined as void;
  if (dialect === 'postgresql') {
    const scratch = await createScratchDatabase(process.env.DATABASE_URL!, 'weft_test');
    databaseUrl = scratch.url;
    dropDatabase = scratch.drop;
  }
  const hub = await startHub({ location: { databaseUrl, dataDir }, gatewayPort: 0, subgraphPort: () => 0, seedDemo: options.seedDemo ?? false });
  return {
    hub,
    gql: (query, variables, url) => postGraphQL(url ?? hub.gateway.url, query, variables),
    close: async () => {
      await hub.close();
      await dropDatabase();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export async function postGraphQL(url: string, query: string, variables?: Record<string, unknown>): Promise<any> {
  const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query, variables }) });
  return response.json();
}
