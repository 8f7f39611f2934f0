import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { AuthOptions, MIN_SECRET_LENGTH } from '../platform/access/tokens';
import type { DatabaseLocation } from '../platform/data/database';
import { DEFAULT_LIMITS, type OperationLimits } from '../gateway/limits';
import { DEFAULT_LIVE_SETTINGS, type LiveSettings } from '../gateway/live/settings';
import type { BusSettings } from '../platform/events/open-bus';
import { boundUrl, PublicUrl } from '../platform/runtime/public-url';
import type { WebAppSettings } from '../gateway/web-app';

/**
 * All configuration comes from the environment (see docs/operations.md). Defaults run the
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
  /** WEFT_ENV=production: no generated secrets, no introspection on the audience endpoints. */
  production: boolean;
  limits: OperationLimits;
  /** NATS_URL / NATS_STREAM: the cross-process bus (absent: the in-process bus). */
  busSettings: BusSettings;
  /** Live updates over graphql-ws (see gateway/live). */
  live: LiveSettings;
  /** Token settings; reads (and in embedded mode creates) the hub secret. */
  auth(): AuthOptions;
  /** PUBLIC_URL: where people reach the hub; every link it sends derives from it. */
  publicUrl: PublicUrl;
  /** The web app the gateway serves: sign-in (OpenID Connect, demo picker). */
  web: WebAppSettings;
}

const envName = (name: string) => name.toUpperCase().replace(/[^A-Z0-9]/g, '_');

export function readConfig(env: NodeJS.ProcessEnv = process.env, defaults: { seedDemo?: boolean; demoSignIn?: boolean } = {}): HubConfig {
  const number = (value: string | undefined, fallback: number) => {
    if (value === undefined || value === '') return fallback;
    const parsed = Number(value);
    if (!Number.isInteger(parsed) || parsed < 0 || parsed > 65535) throw new Error(`Invalid port "${value}"`);
    return parsed;
  };
  const positive = (name: string, fallback: number) => {
    const value = env[name];
    if (value === undefined || value === '') return fallback;
    const parsed = Number(value);
    if (!Number.isInteger(parsed) || parsed < 1) throw new Error(`${name} must be a positive whole number, not "${value}"`);
    return parsed;
  };
  const host = env.HOST ?? '127.0.0.1';
  const dataDir = path.resolve(env.DATA_DIR ?? 'data');
  const production = env.WEFT_ENV === 'production';
  const flag = (name: string, fallback: boolean) => {
    const value = env[name];
    if (value === undefined || value === '') return fallback;
    if (['true', '1', 'on'].includes(value)) return true;
    if (['false', '0', 'off'].includes(value)) return false;
    throw new Error(`${name} must be true or false, not "${value}"`);
  };
  const gatewayPort = number(env.GATEWAY_PORT ?? env.PORT, 4000);
  // Configured, it is final; otherwise the gateway's address (settled again once it has bound a
  // port). A subgraph's own PORT is not the gateway's: separate processes read GATEWAY_PORT.
  const publicUrl = new PublicUrl(env.PUBLIC_URL || undefined);
  if (!env.PUBLIC_URL) publicUrl.settle(boundUrl(host, number(env.GATEWAY_PORT, 4000)));
  if (env.OIDC_CLIENT_ID && !(env.OIDC_ISSUER || env.AUTH_ISSUER)) throw new Error('OIDC_CLIENT_ID needs OIDC_ISSUER or AUTH_ISSUER (the identity provider the studio console signs in with)');
  const demoSignIn = flag('DEMO_SIGN_IN', defaults.demoSignIn ?? false);
  if (demoSignIn && production) throw new Error('DEMO_SIGN_IN is for the demo: it cannot be on with WEFT_ENV=production');
  return {
    location: { databaseUrl: env.DATABASE_URL || undefined, dataDir },
    host,
    gatewayPort,
    subgraphPort: (name, defaultPort) => number(env[`${envName(name)}_PORT`] ?? env.PORT, defaultPort),
    subgraphUrl: (name, defaultPort) => env[`${envName(name)}_URL`] ?? `http://127.0.0.1:${number(env[`${envName(name)}_PORT`], defaultPort)}/graphql`,
    seedDemo: env.SEED_DEMO === undefined ? (defaults.seedDemo ?? false) : env.SEED_DEMO === 'true' || env.SEED_DEMO === '1',
    production,
    limits: {
      maxDepth: positive('MAX_DEPTH', DEFAULT_LIMITS.maxDepth),
      maxCost: positive('MAX_COST', DEFAULT_LIMITS.maxCost),
      maxAliases: positive('MAX_ALIASES', DEFAULT_LIMITS.maxAliases),
      maxTokens: positive('MAX_TOKENS', DEFAULT_LIMITS.maxTokens),
      maxDirectives: positive('MAX_DIRECTIVES', DEFAULT_LIMITS.maxDirectives),
      maxBatch: positive('MAX_BATCH', DEFAULT_LIMITS.maxBatch),
    },
    busSettings: { natsUrl: env.NATS_URL || undefined, natsStream: env.NATS_STREAM || undefined, retentionMs: positive('BUS_RETENTION_DAYS', 7) * 24 * 3600_000 },
    live: {
      maxQueue: positive('LIVE_MAX_QUEUE', DEFAULT_LIVE_SETTINGS.maxQueue),
      maxReplay: positive('LIVE_MAX_REPLAY', DEFAULT_LIVE_SETTINGS.maxReplay),
      keepAliveMs: positive('LIVE_KEEPALIVE_SECONDS', DEFAULT_LIVE_SETTINGS.keepAliveMs / 1000) * 1000,
    },
    auth: () => ({
      hubSecret: hubSecret(env, dataDir, production),
      jwksUrl: env.AUTH_JWKS_URL || undefined,
      issuer: env.AUTH_ISSUER || undefined,
      audience: env.AUTH_AUDIENCE || undefined,
      customerTokenTtlSeconds: positive('CUSTOMER_TOKEN_TTL_SECONDS', 900),
      publicUrl,
    }),
    publicUrl,
    web: {
      demoSignIn,
      oidc: env.OIDC_CLIENT_ID
        ? {
            authority: env.OIDC_ISSUER || env.AUTH_ISSUER || '',
            clientId: env.OIDC_CLIENT_ID,
            redirectUri: env.OIDC_REDIRECT_URI || undefined,
            scope: env.OIDC_SCOPES || 'openid profile',
          }
        : undefined,
    },
  };
}

/**
 * The key of the tokens the hub signs: AUTH_SECRET, or in embedded mode a random one kept in
 * <DATA_DIR>/auth-secret (created on first start, readable by this user only), so that
 * `npm run token` and the running hub agree without any setup.
 */
function hubSecret(env: NodeJS.ProcessEnv, dataDir: string, production: boolean): string {
  if (env.AUTH_SECRET) {
    if (env.AUTH_SECRET.length < MIN_SECRET_LENGTH) throw new Error(`AUTH_SECRET must be at least ${MIN_SECRET_LENGTH} characters`);
    return env.AUTH_SECRET;
  }
  if (production) throw new Error('WEFT_ENV=production needs AUTH_SECRET (the key of the tokens the hub signs)');
  const file = path.join(dataDir, 'auth-secret');
  fs.mkdirSync(dataDir, { recursive: true });
  try {
    fs.writeFileSync(file, randomBytes(32).toString('base64url'), { flag: 'wx', mode: 0o600 });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  }
  return fs.readFileSync(file, 'utf8').trim();
}
