import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { launchHubProcess, startHubProcess, type HubProcess } from './support/hub-process';

/**
 * The image runs `processes/start-hub.js` with WEFT_ENV=production on 0.0.0.0: it must not hand
 * out tokens to whoever reaches its port, nor start on a secret nobody chose.
 */
describe('the hub in production (WEFT_ENV=production), as the image runs it', () => {
  it('refuses to start without AUTH_SECRET, saying what to set', async () => {
    const hub = await launchHubProcess({ WEFT_ENV: 'production', SEED_DEMO: '' });
    expect(await hub.exited).toBe(1);
    expect(hub.output()).toContain('The hub failed to start: WEFT_ENV=production needs AUTH_SECRET');
  });

  describe('with AUTH_SECRET', () => {
    let hub: HubProcess;
    beforeAll(async () => {
      // SEED_DEMO empty: the entrance's own default, as in the image.
      hub = await startHubProcess({
        WEFT_ENV: 'production',
        AUTH_SECRET: randomBytes(32).toString('base64url'),
        SEED_DEMO: '',
        // Prints each connection beyond loopback the hub opens (see the file).
        NODE_OPTIONS: `--require ${path.join(__dirname, 'support', 'outbound-guard.js')}`,
      });
    }, 90_000);
    afterAll(() => hub?.stop());

    const base = () => `http://127.0.0.1:${hub.ports.GATEWAY}`;

    it('has no demo sign-in: /demo/sign-in answers 404 for every role, and the web app offers none', async () => {
      for (const role of ['HUB_ADMIN', 'STUDIO_ADMIN']) {
        const response = await fetch(`${base()}/demo/sign-in`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ role, org: role === 'HUB_ADMIN' ? null : 'moyun-studio' }),
        });
        expect(response.status).toBe(404);
        expect(JSON.stringify(await response.json())).not.toContain('token');
      }
      expect(await (await fetch(`${base()}/app-config.json`)).json()).toMatchObject({ demoSignIn: false });
    });

    it('seeds no demo network', async () => {
      const response = await fetch(hub.gatewayUrl, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: '{ enterprises { id } }' }),
      });
      expect(await response.json()).toEqual({ data: { enterprises: [] } });
    });

    it('opens no connection beyond loopback, stopping included: nothing goes to Apollo or to a cloud metadata address', async () => {
      // Apollo's gateway reports usage to usage-reporting.api.apollographql.com and probes cloud
      // metadata addresses for it when it stops, unless told not to.
      await hub.stop();
      expect(hub.output()).toContain('Stopping the hub');
      expect(hub.output().match(/^\[outbound\] .*$/gm) ?? []).toEqual([]);
    });
  });
});
