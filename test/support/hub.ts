import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { RunningHub } from '../../hub/hub';
import { startHub } from '../../hub/hub';
import { createScratchDatabase } from '../../hub/scratch-database';
import type { Principal } from '../../contracts';
import type { OperationLimits } from '../../platform/graphql/limits';
import type { LiveSettings } from '../../gateway/live/settings';
import type { RateLimitSettings } from '../../gateway/rate-limits';
import type { TokenService } from '../../platform/access/tokens';
import type { DatabaseLocation, Dialect } from '../../platform/data/database';
import type { BusSettings } from '../../platform/events/open-bus';
import type { WebAppSettings } from '../../gateway/web-app';
import { DEFAULT_SUBGRAPH_SETTINGS, type SubgraphSettings } from '../../platform/base/settings';
import { staff, testTokens } from './principals';

/**
 * The dialects the integration suites run on: always SQLite; PostgreSQL too when DATABASE_URL
 * names a server (CI sets it; without it, Jest's global setup starts a container when a Docker
 * engine is reachable). Without one, the suites say so instead of silently passing.
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

export type GraphQLResult<T = any> = {
  data?: T;
  errors?: Array<{ message: string; path?: (string | number)[]; extensions?: Record<string, any> }>;
};

/**
 * Sends a call again, as a client would, while it is refused only with errors marked retryable
 * (contention past the hub's own retries), at most `attempts` times in all; `onRetry` counts.
 */
export async function resendRetryable(call: () => Promise<GraphQLResult>, attempts = 4, onRetry?: () => void): Promise<GraphQLResult> {
  for (let attempt = 1; ; attempt += 1) {
    const result = await call();
    if (attempt >= attempts || !result.errors?.every((error) => error.extensions?.retryable === true)) return result;
    onRetry?.();
  }
}

export interface RequestOptions {
  /** Who asks: a principal (a token is minted for it), null for no token, or a raw token string. */
  as?: Principal | null | string;
  /** The gateway by default; a subgraph's URL to reach it directly. */
  url?: string;
}

export interface TestHub {
  hub: RunningHub;
  tokens: TokenService;
  /** Where its databases are (to start a part of it again by hand). */
  location: DatabaseLocation;
  /**
   * POST a GraphQL operation to the gateway (or a subgraph URL) and return the parsed body. By
   * default it acts as the test hub's default principal (a studio admin of moyun-studio).
   */
  gql<T = any>(query: string, variables?: Record<string, unknown>, options?: RequestOptions): Promise<GraphQLResult<T>>;
  /** A token for a principal (for live connections). */
  token(principal: Principal, ttlSeconds?: number): Promise<string>;
  /** Stops the hub and starts it again on the same data (new ports): what survives a restart. */
  restart(): Promise<void>;
  close(): Promise<void>;
}

export interface TestHubOptions {
  seedDemo?: boolean;
  /** SQLite: start on a copy of this data directory (a seeded demo template, see demo-template.ts) instead of seeding. */
  seededFrom?: string;
  actingAs?: Principal;
  limits?: OperationLimits;
  /** WEFT_ENV=production's rules at the gateway and every subgraph (no introspection, no suggestions). */
  production?: boolean;
  live?: LiveSettings;
  /** The hub's token service (default: a fresh random key); e.g. one that also accepts an identity provider's tokens. */
  auth?: TokenService;
  /** The gateway's port (default: a free one). */
  gatewayPort?: number;
  /** The web app's sign-in settings. */
  web?: WebAppSettings;
  /** Rate limits (off unless given: every test call comes from 127.0.0.1). */
  rateLimits?: RateLimitSettings;
  /** The proxies whose X-Forwarded-For is believed (none unless given). */
  trustedProxies?: readonly string[];
  /** The PostgreSQL server a postgresql hub gets its scratch database on (default DATABASE_URL). */
  databaseServerUrl?: string;
  /** The bus (default: the in-process bus on the hub's database); e.g. a NATS server's URL. */
  busSettings?: BusSettings;
  /** What the subgraphs are told, over the defaults (faster retries, a WeChat stub …). */
  settings?: Partial<Omit<SubgraphSettings, 'notify' | 'allocation'>> & {
    notify?: Partial<SubgraphSettings['notify']>;
    allocation?: Partial<SubgraphSettings['allocation']>;
  };
}

/** A fresh, empty hub on free ports: its own temp SQLite dir, or its own PostgreSQL database. */
export async function startTestHub(dialect: Dialect, options: TestHubOptions = {}): Promise<TestHub> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'weft-test-'));
  if (options.seededFrom) {
    if (dialect !== 'sqlite') throw new Error('A seeded template is a SQLite data directory');
    fs.cpSync(options.seededFrom, dataDir, { recursive: true });
  }
  let databaseUrl: string | undefined;
  let dropDatabase = async () => undefined as void;
  if (dialect === 'postgresql') {
    const scratch = await createScratchDatabase(options.databaseServerUrl ?? process.env.DATABASE_URL!, 'weft_test');
    databaseUrl = scratch.url;
    dropDatabase = scratch.drop;
  }
  const auth = options.auth ?? testTokens();
  const settings: SubgraphSettings = {
    ...DEFAULT_SUBGRAPH_SETTINGS,
    // The tests' webhook receivers listen on 127.0.0.1: allowed here, unless a test says otherwise.
    webhooks: { allowPrivate: true },
    ...options.settings,
    notify: { ...DEFAULT_SUBGRAPH_SETTINGS.notify, ...options.settings?.notify },
    allocation: { ...DEFAULT_SUBGRAPH_SETTINGS.allocation, ...options.settings?.allocation },
  };
  // A small pool per part: three Jest workers' hubs share one PostgreSQL (100 connections).
  const location: DatabaseLocation = { databaseUrl, dataDir, poolMax: 3 };
  const start = (seedDemo: boolean) =>
    startHub({
      location,
      gatewayPort: options.gatewayPort ?? 0,
      subgraphPort: () => 0,
      seedDemo,
      auth,
      busSettings: options.busSettings,
      limits: options.limits,
      production: options.production,
      rateLimits: options.rateLimits,
      trustedProxies: options.trustedProxies,
      metricsRoute: true,
      live: options.live,
      web: options.web,
      settings,
    });
  let hub = await start(!options.seededFrom && (options.seedDemo ?? false));
  const defaultPrincipal = options.actingAs ?? staff('moyun-studio');
  return {
    get hub() {
      return hub;
    },
    tokens: auth,
    location,
    gql: async (query, variables, request = {}) => {
      const as = request.as === undefined ? defaultPrincipal : request.as;
      const token = as === null ? undefined : typeof as === 'string' ? as : await auth.sign(as, 600);
      return postGraphQL(request.url ?? hub.gateway.url, query, variables, token);
    },
    token: (principal, ttlSeconds = 600) => auth.sign(principal, ttlSeconds),
    restart: async () => {
      await hub.close();
      hub = await start(false);
    },
    close: async () => {
      await hub.close();
      await dropDatabase();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export async function postGraphQL(url: string, query: string, variables?: Record<string, unknown>, token?: string): Promise<any> {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (token) headers.authorization = `Bearer ${token}`;
  const response = await fetch(url, { method: 'POST', headers, body: JSON.stringify({ query, variables }) });
  const text = await response.text();
  try {
    return JSON.parse(text);
  } catch {
    // Say what came back instead of a bare JSON error.
    throw new Error(`HTTP ${response.status} from ${url}: ${text.slice(0, 300) || '(an empty body)'}`);
  }
}
