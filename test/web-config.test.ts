import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { readConfig } from '../processes/config';

/** The web app's settings and the one public base URL every link derives from. */
describe('web configuration', () => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'weft-config-'));
  afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));
  const read = (env: Record<string, string>, defaults?: { demoSignIn?: boolean }) => readConfig({ DATA_DIR: dataDir, ...env }, defaults);

  it('derives customer links, share links and share images from PUBLIC_URL', () => {
    const { publicUrl } = read({ PUBLIC_URL: 'https://hub.example.cn/weft/' });
    expect(publicUrl.base).toBe('https://hub.example.cn/weft');
    expect(publicUrl.customerLink('a.b.c')).toBe('https://hub.example.cn/weft/track?link=a.b.c');
    expect(publicUrl.share('s1')).toBe('https://hub.example.cn/weft/share/s1');
    expect(publicUrl.shareImage('PASTRY_BOX')).toBe('https://hub.example.cn/weft/og/pastry-box.png');
    expect(publicUrl.shareImage('青花 瓷')).toBe('https://hub.example.cn/weft/og/%E9%9D%92%E8%8A%B1%20%E7%93%B7.png');
    // Configured, it stays whatever port the gateway binds.
    publicUrl.settle('http://localhost:4999');
    expect(publicUrl.base).toBe('https://hub.example.cn/weft');
  });

  it('defaults to the gateway’s own port, not a subgraph’s PORT, and follows the port the gateway binds', () => {
    expect(read({ GATEWAY_PORT: '4100' }).publicUrl.base).toBe('http://localhost:4100');
    expect(read({ PORT: '4003' }).publicUrl.base).toBe('http://localhost:4000');
    const { publicUrl } = read({});
    publicUrl.settle('http://localhost:38211');
    expect(publicUrl.customerLink('t')).toBe('http://localhost:38211/track?link=t');
  });

  it('turns demo sign-in on only when asked, never in production, and refuses values it does not know', () => {
    expect(read({}).web.demoSignIn).toBe(false);
    expect(read({}, { demoSignIn: true }).web.demoSignIn).toBe(true);
    expect(read({ DEMO_SIGN_IN: 'false' }, { demoSignIn: true }).web.demoSignIn).toBe(false);
    expect(() => read({ DEMO_SIGN_IN: 'maybe' })).toThrow('DEMO_SIGN_IN must be true or false, not "maybe"');
    expect(() => read({ DEMO_SIGN_IN: 'true', WEFT_ENV: 'production', AUTH_SECRET: 'x'.repeat(32) })).toThrow(
      /cannot be on with WEFT_ENV=production/,
    );
    expect(() => read({ PUBLIC_URL: 'ftp://hub' })).toThrow(/PUBLIC_URL must be an http\(s\) URL/);
  });

  it('configures OpenID Connect sign-in from the client id and the issuer', () => {
    expect(read({}).web.oidc).toBeUndefined();
    expect(read({ OIDC_CLIENT_ID: 'weft-console', AUTH_ISSUER: 'https://id.example' }).web.oidc).toEqual({
      authority: 'https://id.example',
      clientId: 'weft-console',
      scope: 'openid profile',
      redirectUri: undefined,
    });
    expect(
      read({
        OIDC_CLIENT_ID: 'c',
        OIDC_ISSUER: 'https://a',
        AUTH_ISSUER: 'https://b',
        OIDC_SCOPES: 'openid weft',
        OIDC_REDIRECT_URI: 'https://hub/studio',
      }).web.oidc,
    ).toEqual({ authority: 'https://a', clientId: 'c', scope: 'openid weft', redirectUri: 'https://hub/studio' });
    expect(() => read({ OIDC_CLIENT_ID: 'weft-console' })).toThrow(/needs OIDC_ISSUER or AUTH_ISSUER/);
  });
});
