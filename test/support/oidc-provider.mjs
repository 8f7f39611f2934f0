// A real OpenID Connect provider for the browser tests (oidc-provider, ESM-only, so it runs in
// its own process: Jest here loads CommonJS). Authorization code with PKCE for the public client
// `weft-console`; access tokens are RS256 JWTs for the hub's audience, carrying the `roles` and
// `org` claims the hub reads. Login is oidc-provider's development form (any login, any
// password); the login names the principal: `<role>@<org>`, e.g. `STUDIO_ADMIN@moyun-studio`.
//
// Environment: PORT, REDIRECT_URIS (comma-separated), AUDIENCE, SCOPE (the hub's resource scope).
// Prints `oidc-provider listening on <issuer>` when ready.
import { generateKeyPairSync } from 'node:crypto';
import Provider from 'oidc-provider';

const port = Number(process.env.PORT);
const issuer = `http://127.0.0.1:${port}`;
const audience = process.env.AUDIENCE;
const resourceScope = process.env.SCOPE ?? 'weft:hub';
const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
const jwk = { ...privateKey.export({ format: 'jwk' }), kid: 'weft-test', use: 'sig', alg: 'RS256' };

const principalOf = (accountId) => {
  const [role, org] = accountId.split('@');
  return { roles: [role], org: org || null };
};

const provider = new Provider(issuer, {
  clients: [
    {
      client_id: 'weft-console',
      token_endpoint_auth_method: 'none',
      redirect_uris: process.env.REDIRECT_URIS.split(','),
      grant_types: ['authorization_code'],
      response_types: ['code'],
    },
  ],
  jwks: { keys: [jwk] },
  cookies: { keys: ['weft-test-cookie-key'] },
  pkce: { required: () => true },
  clientBasedCORS: () => true,
  features: {
    devInteractions: { enabled: true },
    resourceIndicators: {
      enabled: true,
      defaultResource: () => audience,
      useGrantedResource: () => true,
      getResourceServerInfo: () => ({
        scope: resourceScope,
        audience,
        accessTokenTTL: 3600,
        accessTokenFormat: 'jwt',
        jwt: { sign: { alg: 'RS256' } },
      }),
    },
  },
  findAccount: (_ctx, accountId) => ({ accountId, claims: () => ({ sub: accountId }) }),
  extraTokenClaims: (_ctx, token) => (token.kind === 'AccessToken' ? principalOf(token.accountId) : {}),
  // The console is a first-party client: grant what it asks without a consent screen.
  async loadExistingGrant(ctx) {
    const existing = ctx.oidc.session.grantIdFor(ctx.oidc.client.clientId);
    if (existing) return ctx.oidc.provider.Grant.find(existing);
    const grant = new ctx.oidc.provider.Grant({ clientId: ctx.oidc.client.clientId, accountId: ctx.oidc.session.accountId });
    grant.addOIDCScope('openid profile');
    grant.addResourceScope(audience, resourceScope);
    await grant.save();
    return grant;
  },
});
provider.proxy = false;
provider.listen(port, '127.0.0.1', () => console.log(`oidc-provider listening on ${issuer}`));
process.on('SIGTERM', () => process.exit(0));
