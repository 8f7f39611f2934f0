import { createHmac } from 'node:crypto';
import type { JWTPayload } from 'jose';
import { createRemoteJWKSet, decodeProtectedHeader, errors as joseErrors, jwtVerify, SignJWT } from 'jose';
import type { Principal, VisibilityTier } from '../../contracts';
import {
  CLAIMS,
  ClaimsError,
  claimsOf,
  HUB_AUDIENCE,
  HUB_ISSUER,
  isVisibilityTier,
  LINK_TOKEN_TYPE,
  principalFromClaims,
} from '../../contracts';
import { hubError } from '../base/errors';
import { PublicUrl } from '../base/public-url';
import { Sealer } from './sealed';

export interface AuthOptions {
  /** HS256 key of the tokens the hub signs itself: embedded staff tokens, customer tokens, links. */
  hubSecret: string;
  /**
   * Production: staff tokens come from an identity provider and are verified (RS256 / ES256)
   * against its JSON Web Key Set, with its issuer and audience.
   */
  jwksUrl?: string;
  issuer?: string;
  audience?: string;
  /** Lifetime of a customer session token minted from a link (default 15 minutes). */
  customerTokenTtlSeconds?: number;
  /** The hub's public base URL, which customer links point into (PUBLIC_URL). */
  publicUrl?: PublicUrl;
}

export const MIN_SECRET_LENGTH = 32;
const ASYMMETRIC = ['RS256', 'ES256'];
const CLOCK_TOLERANCE_SECONDS = 5;
const VERIFIED_TOKENS_KEPT = 10_000;

/** No valid identity for what was asked (a resolver's answer; the response stays HTTP 200). */
export const unauthenticated = (message: string) => hubError('UNAUTHENTICATED', message);
/** A token that fails verification fails the whole request with HTTP 401, before any resolver. */
const invalidToken = (message: string) => hubError('UNAUTHENTICATED', message, { http: { status: 401 } });

export interface CustomerLinkClaims {
  linkId: string;
  orderId: string;
  /** The most detailed tier the link offers. */
  tier: VisibilityTier;
  expiresAt: Date;
}

/**
 * Signs and verifies every token the hub sees. The key is chosen by the token's algorithm and
 * issuer: HS256 only for the hub's own tokens, RS256/ES256 only from the configured JWKS. A
 * token that fails any check is UNAUTHENTICATED, with no hint of which check failed beyond
 * "expired".
 */
export class TokenService {
  private readonly secret: Uint8Array;
  private readonly jwks?: ReturnType<typeof createRemoteJWKSet>;
  /**
   * Access tokens verified already, keyed by the whole token, each until it expires: a page or
   * a gateway sends the same token on every request, and every part verified it every time.
   * Bounded (least recently used goes first); a token's claims cannot change, so nothing is stale.
   */
  private readonly verified = new Map<string, { principal: Principal; expiresAtMs: number }>();

  readonly customerTokenTtlSeconds: number;
  /** Seals personal data one part of the hub passes another through an event (see sealed.ts). */
  readonly sealer: Sealer;
  /** Where the links the hub sends point (customer links, share pages). */
  readonly publicUrl: PublicUrl;

  constructor(private readonly options: AuthOptions) {
    this.customerTokenTtlSeconds = options.customerTokenTtlSeconds ?? 900;
    this.publicUrl = options.publicUrl ?? new PublicUrl();
    if (options.hubSecret.length < MIN_SECRET_LENGTH) throw new Error(`The hub secret must be at least ${MIN_SECRET_LENGTH} characters`);
    this.secret = new TextEncoder().encode(options.hubSecret);
    this.sealer = new Sealer(options.hubSecret);
    if (options.jwksUrl) {
      if (!options.issuer || !options.audience) throw new Error('AUTH_JWKS_URL needs AUTH_ISSUER and AUTH_AUDIENCE');
      this.jwks = createRemoteJWKSet(new URL(options.jwksUrl), { cooldownDuration: 30_000, cacheMaxAge: 600_000 });
    }
  }

  /** The principal of an `Authorization` header; null when there is none (an anonymous caller). */
  async principalOf(authorization: string | undefined | null): Promise<Principal | null> {
    if (!authorization) return null;
    const match = /^Bearer\s+(\S+)$/i.exec(authorization.trim());
    if (!match) throw invalidToken('The Authorization header must be "Bearer <token>"');
    return this.verify(match[1]);
  }

  async verify(token: string): Promise<Principal> {
    const known = this.verified.get(token);
    if (known && Date.now() < known.expiresAtMs) {
      // Most recently used last: the map's first entry is the one to drop.
      this.verified.delete(token);
      this.verified.set(token, known);
      return known.principal;
    }
    if (known) this.verified.delete(token);
    const payload = await this.verifyJwt(token, 'access');
    let principal: Principal;
    try {
      // Only the hub vouches for an identity it exchanged: a provider's token naming `idp` is refused.
      if (payload[CLAIMS.identityProvider] !== undefined && payload.iss !== HUB_ISSUER)
        throw new ClaimsError('idp is a claim of the hub’s own tokens');
      principal = principalFromClaims(payload);
      // A provider's token names its own issuer: accepting an invitation binds issuer + subject.
      if (payload.iss !== HUB_ISSUER && typeof payload.iss === 'string') principal.identityProvider = payload.iss;
    } catch (error) {
      if (error instanceof ClaimsError) throw invalidToken(`Invalid token: ${error.message}`);
      throw error;
    }
    if (payload.exp) {
      // Frozen: one principal object now answers every request that carries this token.
      Object.freeze(principal.roles);
      Object.freeze(principal);
      this.verified.set(token, { principal, expiresAtMs: payload.exp * 1000 });
      if (this.verified.size > VERIFIED_TOKENS_KEPT) this.verified.delete(this.verified.keys().next().value!);
    }
    return principal;
  }

  /** A hub-signed access token for a principal (embedded mode, `npm run token`, customer sessions). */
  sign(principal: Principal, ttlSeconds: number): Promise<string> {
    return new SignJWT(claimsOf(principal))
      .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
      .setIssuer(HUB_ISSUER)
      .setAudience(HUB_AUDIENCE)
      .setIssuedAt()
      .setExpirationTime(Math.floor(Date.now() / 1000) + ttlSeconds)
      .sign(this.secret);
  }

  /**
   * The link token of an invitation: derived from its id under the hub's key, so the hub keeps
   * only its hash and an idempotent retry of the invitation shows the same link again.
   */
  invitationToken(invitationId: string): string {
    return createHmac('sha256', this.secret).update(`weft-invitation:${invitationId}`).digest('base64url');
  }

  /** Whether tokens of an identity provider are accepted (AUTH_JWKS_URL is set): the token exchange needs one. */
  get acceptsProviderTokens(): boolean {
    return !!this.jwks;
  }

  /**
   * Verifies an identity provider's token (RS256/ES256 against the JWKS, its issuer and audience)
   * for the token exchange: who it names (issuer + subject), whatever other claims it carries.
   * The hub's own tokens are not accepted here. UNAUTHENTICATED (no hint why) when it fails.
   */
  async verifyProviderToken(token: string): Promise<{ issuer: string; subject: string }> {
    let header;
    try {
      header = decodeProtectedHeader(token);
    } catch {
      throw unauthenticated('Malformed token');
    }
    if (!this.jwks || !header.alg || !ASYMMETRIC.includes(header.alg) || header.typ === LINK_TOKEN_TYPE)
      throw unauthenticated('Not a token of the identity provider');
    try {
      const { payload } = await jwtVerify(token, this.jwks, {
        algorithms: ASYMMETRIC,
        issuer: this.options.issuer,
        audience: this.options.audience,
        clockTolerance: CLOCK_TOLERANCE_SECONDS,
      });
      if (typeof payload.sub !== 'string' || !payload.sub || payload.sub.length > 255) throw unauthenticated('Invalid token');
      return { issuer: this.options.issuer!, subject: payload.sub };
    } catch (error) {
      if (error instanceof joseErrors.JWTExpired) throw unauthenticated('Token expired');
      if (error instanceof joseErrors.JOSEError) throw unauthenticated('Invalid token');
      throw error;
    }
  }

  /** A customer link: a credential for one order, exchanged for short-lived customer tokens. */
  signLink(link: CustomerLinkClaims): Promise<string> {
    return new SignJWT({ ord: link.orderId, tier: link.tier })
      .setProtectedHeader({ alg: 'HS256', typ: LINK_TOKEN_TYPE })
      .setJti(link.linkId)
      .setIssuer(HUB_ISSUER)
      .setAudience(HUB_AUDIENCE)
      .setIssuedAt()
      .setExpirationTime(Math.floor(link.expiresAt.getTime() / 1000))
      .sign(this.secret);
  }

  async verifyLink(token: string): Promise<CustomerLinkClaims> {
    const payload = await this.verifyJwt(token, 'link');
    if (typeof payload.jti !== 'string' || typeof payload.ord !== 'string' || !isVisibilityTier(payload.tier) || !payload.exp) {
      throw unauthenticated('Invalid customer link');
    }
    return { linkId: payload.jti, orderId: payload.ord, tier: payload.tier, expiresAt: new Date(payload.exp * 1000) };
  }

  private async verifyJwt(token: string, kind: 'access' | 'link'): Promise<JWTPayload> {
    // A bad bearer token fails the request (401); a bad link is the answer of a mutation.
    const fail = kind === 'access' ? invalidToken : unauthenticated;
    let header;
    try {
      header = decodeProtectedHeader(token);
    } catch {
      throw fail(kind === 'link' ? 'Malformed customer link' : 'Malformed token');
    }
    // A link is not a bearer token and a bearer token is not a link: the `typ` keeps them apart.
    const isLink = header.typ === LINK_TOKEN_TYPE;
    if (isLink !== (kind === 'link'))
      throw fail(kind === 'link' ? 'Not a customer link' : 'A customer link is not an access token: exchange it first');
    try {
      if (header.alg === 'HS256') {
        const { payload } = await jwtVerify(token, this.secret, {
          algorithms: ['HS256'],
          issuer: HUB_ISSUER,
          audience: HUB_AUDIENCE,
          clockTolerance: CLOCK_TOLERANCE_SECONDS,
        });
        return payload;
      }
      if (this.jwks && kind === 'access' && header.alg && ASYMMETRIC.includes(header.alg)) {
        const { payload } = await jwtVerify(token, this.jwks, {
          algorithms: ASYMMETRIC,
          issuer: this.options.issuer,
          audience: this.options.audience,
          clockTolerance: CLOCK_TOLERANCE_SECONDS,
        });
        return payload;
      }
    } catch (error) {
      if (error instanceof joseErrors.JWTExpired) throw fail('Token expired');
      if (error instanceof joseErrors.JOSEError) throw fail('Invalid token');
      throw error;
    }
    throw fail(`Tokens signed with ${header.alg ?? 'no algorithm'} are not accepted`);
  }
}
