import type http from 'node:http';
import { isIP } from 'node:net';
import { HeaderMap, type ApolloServerPlugin } from '@apollo/server';
import { GraphQLError } from 'graphql';
import Redis from 'ioredis';
import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes, type RateLimiterAbstract } from 'rate-limiter-flexible';
import type { GatewayContext } from './context';
import { logger } from '../platform/base/logger';

/**
 * How many operations a minute the gateway takes: per principal (the token's subject), and per
 * client address for calls without a token — the public operations (the directory, the
 * vocabulary, exchanging a customer link, a shared order). Customers behind a carrier's NAT
 * share an address, so that budget is generous. A batch counts each of its operations.
 */
export interface RateLimitSettings {
  perPrincipalPerMinute: number;
  publicPerAddressPerMinute: number;
  /** Token exchanges (POST /auth/exchange) a minute per client address, on each gateway (default 60). */
  exchangesPerAddressPerMinute?: number;
  /** Shared by every gateway when set (REDIS_URL); in memory, per gateway, otherwise. */
  redisUrl?: string;
  /** Keys are kept under this prefix in Redis (tests keep theirs apart). */
  keyPrefix?: string;
}

export const DEFAULT_RATE_LIMITS: RateLimitSettings = Object.freeze({
  perPrincipalPerMinute: 600,
  publicPerAddressPerMinute: 300,
});

const normalise = (address: string) => address.replace(/^::ffff:/, '');

/**
 * The address a request comes from: the socket's peer, or, when that peer is a trusted proxy
 * (TRUSTED_PROXIES), the nearest address in X-Forwarded-For that is not one (read from the right:
 * what the proxies appended, never what the client claimed before them). HTTP operations, page
 * requests and WebSocket upgrades alike: calls without a token are counted per this address.
 */
export function clientAddressOf(request: http.IncomingMessage, trustedProxies: readonly string[]): string {
  const trusted = new Set(trustedProxies.map(normalise));
  let address = normalise(request.socket.remoteAddress ?? 'unknown');
  const forwarded = String(request.headers['x-forwarded-for'] ?? '')
    .split(',')
    .map((hop) => normalise(hop.trim()))
    .filter((hop) => isIP(hop));
  while (trusted.has(address) && forwarded.length > 0) address = forwarded.pop()!;
  return address;
}

/** The refusal of an operation past its caller's budget (HTTP 429 with Retry-After, where HTTP carries it). */
export const rateLimited = (wait: number): GraphQLError =>
  new GraphQLError(`Too many requests: try again in ${wait} s`, {
    extensions: {
      code: 'RATE_LIMITED',
      retryAfterSeconds: wait,
      http: { status: 429, headers: new HeaderMap([['retry-after', String(wait)]]) },
    },
  });

export class RateLimits {
  private readonly redis?: Redis;
  private readonly principals: RateLimiterAbstract;
  private readonly addresses: RateLimiterAbstract;

  constructor(readonly settings: RateLimitSettings) {
    const prefix = settings.keyPrefix ?? 'weft-rate';
    const memory = (points: number, name: string) => new RateLimiterMemory({ points, duration: 60, keyPrefix: `${prefix}:${name}` });
    if (settings.redisUrl) {
      // Commands wait for the connection (the first requests after a start count in Redis too);
      // one retry, then the in-memory insurance below answers.
      this.redis = new Redis(settings.redisUrl, { maxRetriesPerRequest: 1, connectTimeout: 2000 });
      this.redis.on('error', (error) => logger.warn({ err: error }, 'rate limits: Redis unavailable; counting in memory meanwhile'));
      // Redis down: each gateway counts on its own until it is back (never a refusal for Redis's sake).
      const redis = (points: number, name: string) =>
        new RateLimiterRedis({
          storeClient: this.redis,
          points,
          duration: 60,
          keyPrefix: `${prefix}:${name}`,
          insuranceLimiter: memory(points, name),
        });
      this.principals = redis(settings.perPrincipalPerMinute, 'principal');
      this.addresses = redis(settings.publicPerAddressPerMinute, 'address');
    } else {
      this.principals = memory(settings.perPrincipalPerMinute, 'principal');
      this.addresses = memory(settings.publicPerAddressPerMinute, 'address');
    }
  }

  /** Takes one operation from the caller's budget: null when there was room, else the seconds to wait. */
  async take(context: GatewayContext): Promise<number | null> {
    const [limiter, key] = context.principal
      ? [this.principals, context.principal.subject]
      : [this.addresses, context.clientAddress ?? 'unknown'];
    try {
      await limiter.consume(key, 1);
      return null;
    } catch (refused) {
      if (refused instanceof RateLimiterRes) return Math.max(1, Math.ceil(refused.msBeforeNext / 1000));
      throw refused;
    }
  }

  /** Refuses an operation past its caller's budget with RATE_LIMITED: HTTP 429 and Retry-After. */
  plugin(): ApolloServerPlugin<GatewayContext> {
    return {
      requestDidStart: async () => ({
        didResolveOperation: async ({ contextValue }) => {
          if (contextValue.counted) return;
          const wait = await this.take(contextValue);
          if (wait !== null) throw rateLimited(wait);
        },
      }),
    };
  }

  async close(): Promise<void> {
    if (!this.redis) return;
    await this.redis.quit().catch(() => undefined);
    this.redis.disconnect();
  }
}
