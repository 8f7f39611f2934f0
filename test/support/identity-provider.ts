import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { exportJWK, generateKeyPair, SignJWT } from 'jose';
import { randomBytes } from 'node:crypto';
import { TokenService } from '../../platform/access/tokens';

/** The audience the test provider's tokens are for (the hub's AUTH_AUDIENCE in these tests). */
export const TEST_IDP_AUDIENCE = 'weft-hub';

export interface TestIdentityProvider {
  /** Its issuer (AUTH_ISSUER): http://127.0.0.1:<port>. */
  issuer: string;
  /** Its JSON Web Key Set (AUTH_JWKS_URL). */
  jwksUrl: string;
  /** An access token the provider vouches for: `subject`, plus any claims (ES256 unless RS256 is asked for). */
  token(
    subject: string,
    options?: { claims?: Record<string, unknown>; alg?: 'ES256' | 'RS256'; expiresIn?: string | number },
  ): Promise<string>;
  /** A hub token service that accepts this provider's tokens (as AUTH_JWKS_URL/AUTH_ISSUER/AUTH_AUDIENCE configure one). */
  hubTokens(): TokenService;
  close(): Promise<void>;
}

/**
 * A tiny OpenID Connect provider for the integration tests: jose-generated ES256 and RS256 keys,
 * its JWKS served on 127.0.0.1, and tokens minted for any subject (what a provider's sign-in
 * would hand the web app). The browser tests use the full oidc-provider (oidc-provider.mjs).
 */
export async function startTestIdentityProvider(): Promise<TestIdentityProvider> {
  const keys = { ES256: await generateKeyPair('ES256'), RS256: await generateKeyPair('RS256') };
  const jwks = {
    keys: await Promise.all(
      Object.entries(keys).map(async ([alg, pair]) => ({ ...(await exportJWK(pair.publicKey)), kid: `test-${alg}`, alg, use: 'sig' })),
    ),
  };
  const server = http.createServer((request, response) => {
    if (request.url !== '/jwks') {
      response.writeHead(404).end();
      return;
    }
    response.writeHead(200, { 'content-type': 'application/json' });
    response.end(JSON.stringify(jwks));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    issuer,
    jwksUrl: `${issuer}/jwks`,
    token: (subject, options = {}) => {
      const alg = options.alg ?? 'ES256';
      return new SignJWT(options.claims ?? {})
        .setProtectedHeader({ alg, kid: `test-${alg}` })
        .setSubject(subject)
        .setIssuer(issuer)
        .setAudience(TEST_IDP_AUDIENCE)
        .setIssuedAt()
        .setExpirationTime(options.expiresIn ?? '10m')
        .sign(keys[alg].privateKey);
    },
    hubTokens: () =>
      new TokenService({
        hubSecret: randomBytes(32).toString('base64url'),
        jwksUrl: `${issuer}/jwks`,
        issuer,
        audience: TEST_IDP_AUDIENCE,
      }),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
