import path from 'node:path';
import type { DatabaseLocation } from '../subgraphs/shared/database';

/**
 * All configuration comes from the environment (see README "Configuration"). Defaults run the
 * embedded hub: SQLite files under ./data, every part on localhost.
 */
export interface HubConfig {
  location: DatabaseLocation;
  host: string;
  gatewayPort: number;
  /** Port of each subgraph when this process serves it. */
  subgraphPort(name: string, defaultPort: number): number;
  /** Where the gateway finds each subgraph. */
  subgraphUrl(name: string, defaultPort: number): string;
  seedDemo: boolean;
}

const envName = (name: string) => name.toUpperCase().replace(/[^A-Z0-9]/g, '_');

export function readConfig(env: NodeJS.ProcessEnv = process.env, defaults: { seedDemo?: boolean } = {}): HubConfig {
  const number = (value: string | undefined, fallback: number) => {
    if (value === undefined || value === '') return fallback;
    const parsed = Number(value);
    if (!Number.isInteger(parsed) || parsed < 0 || parsed > 65535) throw new Error(`Invalid port "${value}"`);
    return parsed;
  };
  const host = env.HOST ?? '127.0.0.1';
  return {
    location: { databaseUrl: env.DATABASE_URL || undefined, dataDir: path.resolve(env.DATA_DIR ?? 'data') },
    host,
    gatewayPort: number(env.GATEWAY_PORT ?? env.PORT, 4000),
    subgraphPort: (name, defaultPort) => number(env[`${envName(name)}_PORT`] ?? env.PORT, defaultPort),
    subgraphUrl: (name, defaultPort) => env[`${envName(name)}_URL`] ?? `http://127.0.0.1:${number(env[`${envName(name)}_PORT`], defaultPort)}/graphql`,
    seedDemo: env.SEED_DEMO === undefined ? (defaults.seedDemo ?? false) : env.SEED_DEMO === 'true' || env.SEED_DEMO === '1',
  };
}
