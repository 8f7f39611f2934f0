import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { exportJWK, generateKeyPair, SignJWT } from 'jose';
import { GraphQLError } from 'graphql';
import { TokenService } from '../platform/access/tokens';
import { customer, staff } from './support/principals';

const SECRET = 'a-test-secret-that-is-long-enough-for-hs256';

async function rejection(promise: Promise<unknown>): Promise<{ code: unknown; message: string }> {
  try {
    await promise;
  } catch (error) {
    expect(error).toBeInstanceOf(GraphQLError);
    return { code: (error as GraphQLError).extensions.code, message: (error as Error).message };
  }
  throw new Error('expected a rejection');
}

describe('tokens', () => {
  const tokens = new TokenService({ hubSecret: SECRET });

  it('round-trips staff and customer principals', async () => {
    expect(await tokens.verify(await tokens.sign(staff('moyun-studio', 'OPERATOR'), 60))).toEqual(staff('moyun-studio', 'OPERATOR'));
    const follower = customer(['ord_01M6A7GRP02MF6GCH46PHS6GKC'], 'BASIC');
    expect(await tokens.verify(await tokens.sign(follower, 60))).toEqual(follower);
    expect(await tokens.principalOf(undefined)).toBeNull();
  });

  it('verifies a token once and answers it from memory until it expires, then refuses it', async () => {
    jest.useFakeTimers({ doNotFake: ['nextTick', 'setImmediate', 'queueMicrotask'] });
    try {
      const token = await tokens.sign(staff('moyun-studio'), 2);
      const first = await tokens.verify(token);
      expect(await tokens.verify(token)).toBe(first);
      expect(Object.isFrozen(first)).toBe(true);
      // A forgery of the same claims is not the same token: verified, and refused.
      const [header, payload] = token.split('.');
      expect((await rejection(tokens.verify(`${header}.${payload}.${'A'.repeat(43)}`))).code).toBe('UNAUTHENTICATED');
      jest.setSystemTime(Date.now() + 10_000);
      expect(await rejection(tokens.verify(token))).toMatchObject({ code: 'UNAUTHENTICATED', message: 'Token expired' });
    } finally {
      jest.useRealTimers();
    }
  });

  it('refuses expired, forged, malformed and unsigned tokens as UNAUTHENTICATED', async () => {
    const expired = await tokens.sign(staff('moyun-studio'), -60);
    expect(await rejection(tokens.verify(expired))).toEqual({ code: 'UNAUTHENTICATED', message: 'Token expired' });
    const forged = await new TokenService({ hubSecret: 'another-secret-that-is-also-long-enough' }).sign(staff('moyun-studio'), 60);
    expect((await rejection(tokens.verify(forged))).code).toBe('UNAUTHENTICATED');
    expect((await rejection(tokens.verify('not.a.token'))).code).toBe('UNAUTHENTICATED');
    const [, payload] = (await tokens.sign(staff('moyun-studio'), 60)).split('.');
    const unsigned = `${Buffer.from(JSON.stringify({ alg: 'none', typ: 'JWT' })).toString('base64url')}.${payload}.`;
    expect((await rejection(tokens.verify(unsigned))).code).toBe('UNAUTHENTICATED');
    expect((await rejection(tokens.principalOf('Basic dXNlcjpwYXNz'))).code).toBe('UNAUTHENTICATED');
  });

  it('refuses signed tokens whose claims do not make a principal', async () => {
    const secret = new TextEncoder().encode(SECRET);
    const sign = (claims: Record<string, unknown>) =>
      new SignJWT(claims)
        .setProtectedHeader({ alg: 'HS256' })
        .setIssuer('weft-hub')
        .setAudience('weft')
        .setExpirationTime('1m')
        .sign(secret);
    expect((await rejection(tokens.verify(await sign({ sub: 'x', roles: ['WIZARD'], org: 'moyun-studio' })))).code).toBe('UNAUTHENTICATED');
    expect((await rejection(tokens.verify(await sign({ sub: 'x', roles: ['OPERATOR'] })))).message).toMatch(/org/);
    expect((await rejection(tokens.verify(await sign({ sub: 'x', roles: ['CUSTOMER'], orders: ['ord_1'] })))).message).toMatch(/tier/);
    const wrongAudience = await new SignJWT({ sub: 'x', roles: ['HUB_ADMIN'] })
      .setProtectedHeader({ alg: 'HS256' })
      .setIssuer('weft-hub')
      .setAudience('other')
      .setExpirationTime('1m')
      .sign(secret);
    expect((await rejection(tokens.verify(wrongAudience))).code).toBe('UNAUTHENTICATED');
  });

  it('keeps customer links and access tokens apart', async () => {
    const link = await tokens.signLink({ linkId: 'lnk_1', orderId: 'ord_1', tier: 'BASIC', expiresAt: new Date(Date.now() + 60_000) });
    expect(await tokens.verifyLink(link)).toMatchObject({ linkId: 'lnk_1', orderId: 'ord_1', tier: 'BASIC' });
    expect((await rejection(tokens.verify(link))).message).toMatch(/exchange it first/);
    expect((await rejection(tokens.verifyLink(await tokens.sign(staff('moyun-studio'), 60)))).message).toMatch(/Not a customer link/);
    const expiredLink = await tokens.signLink({
      linkId: 'lnk_2',
      orderId: 'ord_1',
      tier: 'BASIC',
      expiresAt: new Date(Date.now() - 60_000),
    });
    expect((await rejection(tokens.verifyLink(expiredLink))).code).toBe('UNAUTHENTICATED');
  });

  describe('production: an identity provider with a JWKS', () => {
    let server: http.Server;
    let jwksUrl: string;
    const keys: Record<string, Awaited<ReturnType<typeof generateKeyPair>>> = {};

    beforeAll(async () => {
      keys.ES256 = await generateKeyPair('ES256');
      keys.RS256 = await generateKeyPair('RS256');
      const jwks = {
        keys: await Promise.all(
          Object.entries(keys).map(async ([alg, pair]) => ({ ...(await exportJWK(pair.publicKey)), kid: `key-${alg}`, alg, use: 'sig' })),
        ),
      };
      server = http.createServer((_request, response) => {
        response.writeHead(200, { 'content-type': 'application/json' });
        response.end(JSON.stringify(jwks));
      });
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
      jwksUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/.well-known/jwks.json`;
    });
    afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

    const idpToken = (alg: 'ES256' | 'RS256', claims: Record<string, unknown>, issuer = 'https://id.example.com') =>
      new SignJWT(claims)
        .setProtectedHeader({ alg, kid: `key-${alg}` })
        .setIssuer(issuer)
        .setAudience('weft-hub')
        .setExpirationTime('5m')
        .sign(keys[alg].privateKey);

    it('verifies RS256 and ES256 staff tokens against the JWKS, with issuer and audience', async () => {
      const verifier = new TokenService({ hubSecret: SECRET, jwksUrl, issuer: 'https://id.example.com', audience: 'weft-hub' });
      for (const alg of ['ES256', 'RS256'] as const) {
        expect(await verifier.verify(await idpToken(alg, { sub: 'li.wei', roles: ['SUPERVISOR'], org: 'moyun-studio' }))).toEqual({
          subject: 'li.wei',
          org: 'moyun-studio',
          roles: ['SUPERVISOR'],
          // Who vouches for the subject: accepting an invitation binds issuer + subject.
          identityProvider: 'https://id.example.com',
        });
      }
      expect(
        (await rejection(verifier.verify(await idpToken('ES256', { sub: 'x', roles: ['HUB_ADMIN'] }, 'https://evil.example.com')))).code,
      ).toBe('UNAUTHENTICATED');
      // The hub still signs its own customer tokens; they verify beside the provider's.
      expect(await verifier.verify(await verifier.sign(customer(['ord_1'], 'MINIMAL'), 60))).toMatchObject({ roles: ['CUSTOMER'] });
    });

    it('refuses provider tokens when no JWKS is configured', async () => {
      expect((await rejection(tokens.verify(await idpToken('ES256', { sub: 'x', roles: ['HUB_ADMIN'] })))).code).toBe('UNAUTHENTICATED');
    });
  });
});
