import type http from 'node:http';
import { RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible';
import { ENTERPRISE_SUSPENDED, NOT_A_MEMBER, type EnterpriseStatus, type Principal, type Role } from '../contracts';
import type { TokenService } from '../platform/access/tokens';
import { logger } from '../platform/base/logger';
import { readBody, sendJson, type RouteHandler } from '../platform/runtime/http-server';
import { askNetwork } from './ask-network';
import { clientAddressOf } from './rate-limits';

/**
 * The hub's access tokens from an exchange live this long: removing a member or a role takes
 * effect at the latest when the token they hold expires (the subgraphs keep verified tokens
 * until then, platform/access/tokens.ts). The web app exchanges again before that.
 */
export const EXCHANGED_TOKEN_SECONDS = 300;
/** Who the gateway is when it asks the network subgraph for an identity's memberships. */
const EXCHANGE_PRINCIPAL: Principal = { subject: 'service:token-exchange', org: null, roles: ['HUB_ADMIN'] };
/** A provider's token is a few KB at most: a bigger body is refused before it is read whole. */
const MAX_EXCHANGE_BODY_BYTES = 16 * 1024;
/** Exchanges a minute per client address (each is a signature check and a subgraph call). */
export const EXCHANGES_PER_ADDRESS_PER_MINUTE = 60;

const MEMBER_ACCESS = `query MemberAccess($issuer: String!, $subject: String!) {
  memberAccess(issuer: $issuer, subject: $subject) { enterpriseId status roles }
}`;

interface MemberAccess {
  enterpriseId: string;
  status: EnterpriseStatus;
  roles: Role[];
}

export interface TokenExchangeOptions {
  auth: TokenService;
  /** The network subgraph (the gateway loads no subgraph code: it asks over GraphQL). */
  networkUrl: string;
  trustedProxies: readonly string[];
  perAddressPerMinute?: number;
}

const refuse = (response: http.ServerResponse, status: number, code: string, message: string, extra: Record<string, unknown> = {}) =>
  sendJson(response, status, { error: { code, message }, ...extra }, { 'cache-control': 'no-store' });

/**
 * POST /auth/exchange `{ "token": "<the identity provider's access token>", "enterpriseId"?: "…" }`:
 * the hub's own short-lived access token (HS256, EXCHANGED_TOKEN_SECONDS) carrying the `org` and
 * `roles` of the identity's membership, which the gateway asks the network subgraph for as a
 * service principal. An identity with no membership is refused (403, NOT_A_MEMBER) with an
 * identity-only token beside the refusal, which the policies take only for applying for an
 * enterprise and accepting an invitation. Bounded per client address; logs say what happened,
 * never who (no subject, no token).
 */
export function tokenExchangeRoutes(options: TokenExchangeOptions): Record<string, RouteHandler> {
  const limiter = new RateLimiterMemory({
    points: options.perAddressPerMinute ?? EXCHANGES_PER_ADDRESS_PER_MINUTE,
    duration: 60,
    keyPrefix: 'weft-exchange',
  });
  const exchange: RouteHandler = async (request, response) => {
    if (request.method !== 'POST') return refuse(response, 405, 'METHOD_NOT_ALLOWED', 'POST the provider token as JSON', {});
    try {
      await limiter.consume(clientAddressOf(request, options.trustedProxies), 1);
    } catch (refused) {
      if (!(refused instanceof RateLimiterRes)) throw refused;
      const wait = Math.max(1, Math.ceil(refused.msBeforeNext / 1000));
      response.setHeader('retry-after', String(wait));
      return refuse(response, 429, 'RATE_LIMITED', `Too many exchanges: try again in ${wait} s`, { retryAfterSeconds: wait });
    }
    if (!String(request.headers['content-type'] ?? '').startsWith('application/json'))
      return refuse(response, 415, 'BAD_REQUEST', 'Send the provider token as application/json');
    if (!options.auth.acceptsProviderTokens)
      return refuse(response, 404, 'NOT_CONFIGURED', 'This hub has no identity provider (AUTH_JWKS_URL) to exchange tokens of');
    let body: { token?: unknown; enterpriseId?: unknown };
    try {
      body = JSON.parse(await readBody(request, MAX_EXCHANGE_BODY_BYTES)) as typeof body;
    } catch {
      return refuse(response, 400, 'BAD_REQUEST', `The body must be JSON of at most ${MAX_EXCHANGE_BODY_BYTES} bytes: { "token": "…" }`);
    }
    if (typeof body?.token !== 'string' || !body.token)
      return refuse(response, 400, 'BAD_USER_INPUT', 'token must be the identity provider’s access token', { field: 'token' });
    if (body.enterpriseId !== undefined && (typeof body.enterpriseId !== 'string' || body.enterpriseId.length > 80))
      return refuse(response, 400, 'BAD_USER_INPUT', 'enterpriseId must be an enterprise id', { field: 'enterpriseId' });
    let identity: { issuer: string; subject: string };
    try {
      identity = await options.auth.verifyProviderToken(body.token);
    } catch (error) {
      return refuse(response, 401, 'UNAUTHENTICATED', (error as Error).message);
    }
    let held: MemberAccess[];
    try {
      held = await memberAccess(options, identity);
    } catch (error) {
      logger.warn({ err: (error as Error).message }, 'token exchange: the network subgraph could not answer');
      return refuse(response, 503, 'SERVICE_UNAVAILABLE', 'The hub could not look up your membership; try again shortly');
    }
    // The network subgraph's answer, asked just now, is the truth here: the gateway's own list
    // follows the bus and may not have heard a reinstatement yet (or a suspension: then the
    // token is refused at the next request all the same).
    const active = held.filter((row) => row.status === 'ACTIVE');
    const wanted = typeof body.enterpriseId === 'string' ? body.enterpriseId : undefined;
    const chosen = wanted ? active.find((row) => row.enterpriseId === wanted) : active[0];
    const memberships = active.map(({ enterpriseId, roles }) => ({ enterpriseId, roles }));
    if (!chosen) {
      const suspended = held.find((row) => row.status === 'SUSPENDED');
      if (suspended && (!wanted || suspended.enterpriseId === wanted))
        return refuse(response, 403, ENTERPRISE_SUSPENDED, `Enterprise "${suspended.enterpriseId}" is suspended`);
      // Someone who may apply for an enterprise or accept an invitation, and nothing else.
      const identityToken = await options.auth.sign(
        { subject: identity.subject, org: null, roles: [], identityProvider: identity.issuer },
        EXCHANGED_TOKEN_SECONDS,
      );
      logger.info({ outcome: 'not a member' }, 'token exchange');
      return refuse(
        response,
        403,
        NOT_A_MEMBER,
        wanted
          ? `You are not a member of "${wanted}"`
          : 'You are not a member of any enterprise of this hub yet: accept an invitation or apply',
        { identityToken, expiresIn: EXCHANGED_TOKEN_SECONDS, memberships },
      );
    }
    const accessToken = await options.auth.sign(
      { subject: identity.subject, org: chosen.enterpriseId, roles: chosen.roles, identityProvider: identity.issuer },
      EXCHANGED_TOKEN_SECONDS,
    );
    logger.info({ outcome: 'exchanged', enterpriseId: chosen.enterpriseId }, 'token exchange');
    sendJson(
      response,
      200,
      {
        accessToken,
        tokenType: 'Bearer',
        expiresIn: EXCHANGED_TOKEN_SECONDS,
        enterpriseId: chosen.enterpriseId,
        roles: chosen.roles,
        memberships,
      },
      { 'cache-control': 'no-store' },
    );
  };
  return { '/auth/exchange': exchange };
}

function memberAccess(options: TokenExchangeOptions, identity: { issuer: string; subject: string }): Promise<MemberAccess[]> {
  return askNetwork<MemberAccess[]>(options.networkUrl, options.auth, EXCHANGE_PRINCIPAL, {
    query: MEMBER_ACCESS,
    variables: identity,
    field: 'memberAccess',
  });
}
