import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import { isIP } from 'node:net';
import path from 'node:path';
import type { AuthOptions } from '../platform/access/tokens';
import { MIN_SECRET_LENGTH } from '../platform/access/tokens';
import type { DatabaseLocation } from '../platform/data/database';
import { ensurePrivateDirectory } from '../platform/data/private-files';
import { DEFAULT_LIMITS, type OperationLimits } from '../platform/graphql/limits';
import { DEFAULT_LIVE_SETTINGS, type LiveSettings } from '../gateway/live/settings';
import { DEFAULT_RATE_LIMITS, type RateLimitSettings } from '../gateway/rate-limits';
import type { BusSettings } from '../platform/events/open-bus';
import { boundUrl, PublicUrl } from '../platform/base/public-url';
import type { WebAppSettings } from '../gateway/web-app';
import { DEFAULT_SUBGRAPH_SETTINGS, type SubgraphSettings } from '../platform/base/settings';
import { z } from 'zod';

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
  /** WEFT_ENV=production: no generated secrets, no introspection or suggestions at the gateway or any subgraph. */
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
  /** What each subgraph process is told (timers, retries, the WeChat account). */
  subgraphs: SubgraphSettings;
  /** SUBGRAPH: which subgraph a single-subgraph process serves (when not named on its command line). */
  subgraphName?: string;
  logLevel: string;
  /** The largest request body the gateway and the subgraphs read. */
  maxBodyBytes: number;
  /** Where `npm start` runs its local WeChat stand-in when no account is configured. */
  wechatStubPort: number;
  /** METRICS_PORT: /metrics on a port of its own; without it, on each part's port unless in production. */
  metricsPort?: number;
  metricsRoute: boolean;
  /** OTEL_EXPORTER_OTLP_ENDPOINT: where traces go (OTLP/HTTP); none are made without it. */
  tracing: { endpoint?: string; serviceName?: string };
  /** Operations a minute per principal and per address (RATE_LIMITS=false turns them off). */
  rateLimits?: RateLimitSettings;
  /** TRUSTED_PROXIES: the proxies whose X-Forwarded-For tells a caller's address (none by default). */
  trustedProxies: readonly string[];
  /** ANSWER_CACHE=false: the gateway keeps no public subgraph answers (benchmarks compare). */
  cacheAnswers: boolean;
}

const envName = (name: string) => name.toUpperCase().replace(/[^A-Z0-9]/g, '_');

/** The variable that gives a subgraph's port in a process that serves it: NETWORK_PORT, ORDERS_PORT … */
export const subgraphPortVariable = (name: string) => `${envName(name)}_PORT`;

/**
 * One variable of the configuration: what it accepts (said in the error when a value does not
 * parse) and its default. Unset and empty both mean the default.
 */
function variable<T>(accepts: string, parse: (raw: string) => T | undefined, fallback: T) {
  return z
    .string()
    .optional()
    .transform((raw, ctx) => {
      if (raw === undefined || raw === '') return fallback;
      const value = parse(raw);
      if (value === undefined) {
        ctx.addIssue({ code: 'custom', message: `must be ${accepts}, not "${raw}"` });
        return z.NEVER;
      }
      return value;
    });
}
const text = (fallback?: string) => variable<string | undefined>('text', (raw) => raw, fallback);
const whole = (min: number) => (raw: string) => (/^\d+$/.test(raw) && Number(raw) >= min ? Number(raw) : undefined);
const positiveWhole = (fallback: number) => variable('a positive whole number', whole(1), fallback);
const seconds = (fallback: number) =>
  variable('a positive number of seconds', (raw) => (/^\d+(?:\.\d+)?$/.test(raw) && Number(raw) > 0 ? Number(raw) : undefined), fallback);
const port = () =>
  variable<number | undefined>(
    'a port number (0–65535)',
    (raw) => (whole(0)(raw) !== undefined && Number(raw) <= 65535 ? Number(raw) : undefined),
    undefined,
  );
const flag = () =>
  variable<boolean | undefined>(
    'true or false',
    (raw) => (['true', '1', 'on'].includes(raw) ? true : ['false', '0', 'off'].includes(raw) ? false : undefined),
    undefined,
  );
const url = (protocols: string[]) =>
  variable<string | undefined>(
    `a ${protocols.join(' or ')} URL`,
    (raw) => {
      try {
        return protocols.includes(new URL(raw).protocol.replace(/:$/, '')) ? raw : undefined;
      } catch {
        return undefined;
      }
    },
    undefined,
  );

/** A URL that may carry a password (WEFT_SMTP_URL): refused without echoing it. */
const credentialUrl = (protocols: string[]) =>
  z
    .string()
    .optional()
    .transform((raw, ctx) => {
      if (raw === undefined || raw === '') return undefined;
      try {
        if (protocols.includes(new URL(raw).protocol.replace(/:$/, ''))) return raw;
      } catch {
        // refused below
      }
      ctx.addIssue({ code: 'custom', message: `must be a ${protocols.join(' or ')} URL (the value is not shown: it may hold a password)` });
      return z.NEVER;
    });

/**
 * Every environment variable the hub reads, declared and validated here and nowhere else (tools
 * under tools/ read their own). docs/operations.md documents each; a test holds the two together.
 * Besides these, `<NAME>_PORT` and `<NAME>_URL` place each subgraph (NETWORK_PORT, ORDERS_URL …).
 */
export const CONFIG_SCHEMA = z.object({
  DATABASE_URL: url(['postgres', 'postgresql']),
  DATA_DIR: text('data'),
  HOST: text('127.0.0.1'),
  GATEWAY_PORT: port(),
  PORT: port(),
  SUBGRAPH: text(),
  SEED_DEMO: flag(),
  DB_POOL_MAX: positiveWhole(10),
  LOG_LEVEL: variable(
    'one of fatal, error, warn, info, debug, trace, silent',
    (raw) => (['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'].includes(raw) ? raw : undefined),
    'info',
  ),
  LOG_SQL: flag(),
  NATS_URL: url(['nats', 'tls']),
  NATS_STREAM: text(),
  BUS_RETENTION_DAYS: positiveWhole(7),
  DELAY_CHECK_SECONDS: seconds(60),
  ETA_REFRESH_SECONDS: seconds(600),
  ETA_MODEL_TTL_SECONDS: seconds(300),
  NOTIFY_POLL_SECONDS: seconds(2),
  NOTIFY_RETRY_BASE_SECONDS: seconds(30),
  NOTIFY_MAX_ATTEMPTS: positiveWhole(8),
  WEBHOOK_ALLOW_PRIVATE: flag(),
  ALLOCATION_MAX_REQUESTS: positiveWhole(DEFAULT_SUBGRAPH_SETTINGS.allocation.maxRequests),
  ALLOCATION_MAX_OFFERS: positiveWhole(DEFAULT_SUBGRAPH_SETTINGS.allocation.maxOffers),
  ALLOCATION_MAX_PLACEMENTS: positiveWhole(DEFAULT_SUBGRAPH_SETTINGS.allocation.maxPlacements),
  ALLOCATION_DEADLINE_SECONDS: seconds(DEFAULT_SUBGRAPH_SETTINGS.allocation.deadlineMs / 1000),
  WECHAT_APP_ID: text(),
  WECHAT_APP_SECRET: text(),
  WECHAT_API_BASE: url(['https', 'http']),
  WECHAT_STUB_PORT: port(),
  WEFT_SMTP_URL: credentialUrl(['smtp', 'smtps']),
  WEFT_SMTP_FROM: text('Weft <no-reply@localhost>'),
  LIVE_MAX_QUEUE: positiveWhole(DEFAULT_LIVE_SETTINGS.maxQueue),
  LIVE_KEEPALIVE_SECONDS: positiveWhole(DEFAULT_LIVE_SETTINGS.keepAliveMs / 1000),
  LIVE_MAX_REPLAY: positiveWhole(DEFAULT_LIVE_SETTINGS.maxReplay),
  LIVE_SSE_RESERVATION_SECONDS: seconds(DEFAULT_LIVE_SETTINGS.sseReservationMs / 1000),
  LIVE_SSE_RESERVATIONS_PER_PRINCIPAL: positiveWhole(DEFAULT_LIVE_SETTINGS.sseReservationsPerPrincipal),
  LIVE_SSE_RESERVATIONS: positiveWhole(DEFAULT_LIVE_SETTINGS.sseReservations),
  LIVE_CONNECTIONS_PER_ADDRESS: positiveWhole(DEFAULT_LIVE_SETTINGS.connectionsPerAddress),
  WEFT_ENV: variable<string | undefined>(
    'production, development or test',
    (raw) => (['production', 'development', 'test'].includes(raw) ? raw : undefined),
    undefined,
  ),
  AUTH_SECRET: text(),
  AUTH_JWKS_URL: url(['https', 'http']),
  AUTH_ISSUER: text(),
  AUTH_AUDIENCE: text(),
  CUSTOMER_TOKEN_TTL_SECONDS: positiveWhole(900),
  PUBLIC_URL: variable<string | undefined>(
    'an http(s) URL',
    (raw) => {
      try {
        return PublicUrl.normalise(raw);
      } catch {
        return undefined;
      }
    },
    undefined,
  ),
  DEMO_SIGN_IN: flag(),
  OIDC_CLIENT_ID: text(),
  OIDC_ISSUER: url(['https', 'http']),
  OIDC_SCOPES: text('openid profile'),
  OIDC_REDIRECT_URI: url(['https', 'http']),
  MAX_DEPTH: positiveWhole(DEFAULT_LIMITS.maxDepth),
  MAX_COST: positiveWhole(DEFAULT_LIMITS.maxCost),
  MAX_ALIASES: positiveWhole(DEFAULT_LIMITS.maxAliases),
  MAX_TOKENS: positiveWhole(DEFAULT_LIMITS.maxTokens),
  MAX_DIRECTIVES: positiveWhole(DEFAULT_LIMITS.maxDirectives),
  MAX_BATCH: positiveWhole(DEFAULT_LIMITS.maxBatch),
  MAX_BODY_BYTES: positiveWhole(1_000_000),
  METRICS_PORT: port(),
  OTEL_EXPORTER_OTLP_ENDPOINT: url(['http', 'https']),
  OTEL_SERVICE_NAME: text(),
  RATE_LIMITS: flag(),
  ANSWER_CACHE: flag(),
  RATE_LIMIT_PER_MINUTE: positiveWhole(DEFAULT_RATE_LIMITS.perPrincipalPerMinute),
  RATE_LIMIT_PUBLIC_PER_MINUTE: positiveWhole(DEFAULT_RATE_LIMITS.publicPerAddressPerMinute),
  REDIS_URL: url(['redis', 'rediss']),
  TRUSTED_PROXIES: variable(
    'a comma-separated list of IP addresses',
    (raw) => {
      const addresses = raw
        .split(',')
        .map((address) => address.trim())
        .filter(Boolean);
      return addresses.every((address) => isIP(address)) ? addresses : undefined;
    },
    [] as string[],
  ),
});

/** The variables that place a subgraph, one pair per subgraph. */
const SUBGRAPH_PLACEMENT = /^[A-Z][A-Z0-9]*_(PORT|URL)$/;

/** A wrong value stops the process: the error names the variable and what it accepts. */
export class ConfigurationError extends Error {}

function parseEnvironment(env: NodeJS.ProcessEnv) {
  const parsed = CONFIG_SCHEMA.safeParse(env);
  const problems = parsed.success ? [] : parsed.error.issues.map((issue) => `${String(issue.path[0])} ${issue.message}`);
  // Each subgraph's placement: a port, or an http(s) URL.
  for (const [name, value] of Object.entries(env)) {
    const placement = SUBGRAPH_PLACEMENT.exec(name);
    if (!placement || name in CONFIG_SCHEMA.shape || !value) continue;
    const ok = placement[1] === 'PORT' ? /^\d+$/.test(value) && Number(value) <= 65535 : /^https?:\/\//.test(value);
    if (!ok) problems.push(`${name} must be ${placement[1] === 'PORT' ? 'a port number (0–65535)' : 'an http(s) URL'}, not "${value}"`);
  }
  if (problems.length > 0 || !parsed.success) throw new ConfigurationError(`Invalid configuration: ${problems.join('; ')}`);
  return parsed.data;
}

/** What an entrance may default where the environment is silent (the embedded hub's demo); ignored in production. */
export interface ConfigDefaults {
  seedDemo?: boolean;
  demoSignIn?: boolean;
}

export function readConfig(env: NodeJS.ProcessEnv = process.env, defaults: ConfigDefaults = {}): HubConfig {
  const vars = parseEnvironment(env);
  const host = vars.HOST!;
  const dataDir = path.resolve(vars.DATA_DIR!);
  const production = vars.WEFT_ENV === 'production';
  const gatewayPort = vars.GATEWAY_PORT ?? vars.PORT ?? 4000;
  // Configured, it is final; otherwise the gateway's address (settled again once it has bound a
  // port). A subgraph's own PORT is not the gateway's: separate processes read GATEWAY_PORT.
  const publicUrl = new PublicUrl(vars.PUBLIC_URL);
  if (!vars.PUBLIC_URL) publicUrl.settle(boundUrl(host, vars.GATEWAY_PORT ?? 4000));
  if (vars.OIDC_CLIENT_ID && !(vars.OIDC_ISSUER || vars.AUTH_ISSUER))
    throw new ConfigurationError(
      'OIDC_CLIENT_ID needs OIDC_ISSUER or AUTH_ISSUER (the identity provider the studio console signs in with)',
    );
  // An entrance's demo defaults (npm start: demo sign-in, demo seed) apply only outside
  // production: a production hub seeds or signs in for the demo only when told so explicitly.
  const fallback: ConfigDefaults = production ? {} : defaults;
  if (production && !vars.AUTH_SECRET)
    throw new ConfigurationError(
      'WEFT_ENV=production needs AUTH_SECRET (32+ random characters, the same on every process of the hub: the key of the tokens it signs)',
    );
  const demoSignIn = vars.DEMO_SIGN_IN ?? fallback.demoSignIn ?? false;
  if (demoSignIn && production) throw new ConfigurationError('DEMO_SIGN_IN is for the demo: it cannot be on with WEFT_ENV=production');
  const placement = (name: string, kind: 'PORT' | 'URL') => env[`${envName(name)}_${kind}`] || undefined;
  return {
    location: { databaseUrl: vars.DATABASE_URL, dataDir, poolMax: vars.DB_POOL_MAX, logSql: vars.LOG_SQL ?? false },
    host,
    gatewayPort,
    subgraphPort: (name, defaultPort) => Number(placement(name, 'PORT') ?? vars.PORT ?? defaultPort),
    subgraphUrl: (name, defaultPort) =>
      placement(name, 'URL') ?? `http://127.0.0.1:${Number(placement(name, 'PORT') ?? defaultPort)}/graphql`,
    subgraphName: vars.SUBGRAPH,
    seedDemo: vars.SEED_DEMO ?? fallback.seedDemo ?? false,
    production,
    logLevel: vars.LOG_LEVEL,
    maxBodyBytes: vars.MAX_BODY_BYTES,
    limits: {
      maxDepth: vars.MAX_DEPTH,
      maxCost: vars.MAX_COST,
      maxAliases: vars.MAX_ALIASES,
      maxTokens: vars.MAX_TOKENS,
      maxDirectives: vars.MAX_DIRECTIVES,
      maxBatch: vars.MAX_BATCH,
    },
    busSettings: { natsUrl: vars.NATS_URL, natsStream: vars.NATS_STREAM, retentionMs: vars.BUS_RETENTION_DAYS * 24 * 3600_000 },
    live: {
      maxQueue: vars.LIVE_MAX_QUEUE,
      maxReplay: vars.LIVE_MAX_REPLAY,
      keepAliveMs: vars.LIVE_KEEPALIVE_SECONDS * 1000,
      sseReservationMs: vars.LIVE_SSE_RESERVATION_SECONDS * 1000,
      sseReservationsPerPrincipal: vars.LIVE_SSE_RESERVATIONS_PER_PRINCIPAL,
      sseReservations: vars.LIVE_SSE_RESERVATIONS,
      connectionsPerAddress: vars.LIVE_CONNECTIONS_PER_ADDRESS,
    },
    subgraphs: {
      delayCheckMs: vars.DELAY_CHECK_SECONDS * 1000,
      etaRefreshMs: vars.ETA_REFRESH_SECONDS * 1000,
      etaModelTtlMs: vars.ETA_MODEL_TTL_SECONDS * 1000,
      notify: {
        pollMs: vars.NOTIFY_POLL_SECONDS * 1000,
        retryBaseMs: vars.NOTIFY_RETRY_BASE_SECONDS * 1000,
        maxAttempts: vars.NOTIFY_MAX_ATTEMPTS,
      },
      allocation: {
        maxRequests: vars.ALLOCATION_MAX_REQUESTS,
        maxOffers: vars.ALLOCATION_MAX_OFFERS,
        maxPlacements: vars.ALLOCATION_MAX_PLACEMENTS,
        deadlineMs: vars.ALLOCATION_DEADLINE_SECONDS * 1000,
      },
      wechat:
        vars.WECHAT_APP_ID && vars.WECHAT_APP_SECRET
          ? {
              baseUrl: (vars.WECHAT_API_BASE ?? 'https://api.weixin.qq.com').replace(/\/$/, ''),
              appId: vars.WECHAT_APP_ID,
              appSecret: vars.WECHAT_APP_SECRET,
            }
          : null,
      mail: vars.WEFT_SMTP_URL ? { smtpUrl: vars.WEFT_SMTP_URL, from: vars.WEFT_SMTP_FROM ?? 'Weft <no-reply@localhost>' } : null,
      webhooks: { allowPrivate: vars.WEBHOOK_ALLOW_PRIVATE ?? false },
    },
    wechatStubPort: vars.WECHAT_STUB_PORT ?? 4090,
    metricsPort: vars.METRICS_PORT,
    metricsRoute: !production && vars.METRICS_PORT === undefined,
    tracing: { endpoint: vars.OTEL_EXPORTER_OTLP_ENDPOINT, serviceName: vars.OTEL_SERVICE_NAME },
    cacheAnswers: vars.ANSWER_CACHE !== false,
    rateLimits:
      vars.RATE_LIMITS === false
        ? undefined
        : {
            perPrincipalPerMinute: vars.RATE_LIMIT_PER_MINUTE,
            publicPerAddressPerMinute: vars.RATE_LIMIT_PUBLIC_PER_MINUTE,
            redisUrl: vars.REDIS_URL,
          },
    trustedProxies: vars.TRUSTED_PROXIES,
    auth: () => ({
      hubSecret: hubSecret(vars.AUTH_SECRET, dataDir),
      jwksUrl: vars.AUTH_JWKS_URL,
      issuer: vars.AUTH_ISSUER,
      audience: vars.AUTH_AUDIENCE,
      customerTokenTtlSeconds: vars.CUSTOMER_TOKEN_TTL_SECONDS,
      publicUrl,
    }),
    publicUrl,
    web: {
      demoSignIn,
      oidc: vars.OIDC_CLIENT_ID
        ? {
            authority: vars.OIDC_ISSUER ?? vars.AUTH_ISSUER ?? '',
            clientId: vars.OIDC_CLIENT_ID,
            redirectUri: vars.OIDC_REDIRECT_URI,
            scope: vars.OIDC_SCOPES!,
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
function hubSecret(configured: string | undefined, dataDir: string): string {
  if (configured) {
    if (configured.length < MIN_SECRET_LENGTH) throw new ConfigurationError(`AUTH_SECRET must be at least ${MIN_SECRET_LENGTH} characters`);
    return configured;
  }
  const file = path.join(dataDir, 'auth-secret');
  ensurePrivateDirectory(dataDir);
  try {
    fs.writeFileSync(file, randomBytes(32).toString('base64url'), { flag: 'wx', mode: 0o600 });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  }
  return fs.readFileSync(file, 'utf8').trim();
}
