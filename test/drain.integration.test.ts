import { randomBytes } from 'node:crypto';
import { LIVE_CLOSE_CODES } from '../contracts';
import { TokenService } from '../platform/access/tokens';
import { staff } from './support/principals';
import { startHubProcess, type HubProcess } from './support/hub-process';
import { liveConnection } from './support/live';
import { waitFor } from './support/wait';

/**
 * SIGTERM drains the hub (a child process, as `npm start` runs it): requests in flight are
 * answered, live connections close with 1001 (going away: reconnect and resume elsewhere), and
 * the process exits cleanly. It prints what it lost: it must be 0.
 */
describe('SIGTERM', () => {
  let hub: HubProcess;

  const secret = randomBytes(32).toString('base64url');
  beforeAll(async () => {
    hub = await startHubProcess({ AUTH_SECRET: secret });
  }, 90_000);
  afterAll(() => hub?.stop());

  it('answers every request in flight, closes live connections with 1001, then exits 0', async () => {
    const token = await new TokenService({ hubSecret: secret }).sign(staff('moyun-studio'), 600);
    const live = liveConnection(hub.gatewayUrl, token);
    live.subscribe('subscription { studioEvents(studioId: "moyun-studio") { cursor } }');
    // Following: what a drain must close, telling it to resume elsewhere.
    await waitFor(
      async () =>
        ((await (await fetch(hub.gatewayUrl.replace('/graphql', '/healthz'))).json()) as { live: { followers: number } }).live.followers ===
        1,
      10_000,
      'the live subscription',
    );
    const query = JSON.stringify({ query: '{ enterprises { id nameEn } statusCodes { code labelEn } exceptionCodes { code } }' });
    // Connections first (the client keeps them alive): the requests below then travel on
    // connections the hub has accepted, whatever the machine's load.
    await Promise.all(
      Array.from({ length: 60 }, () =>
        fetch(hub.gatewayUrl, { method: 'POST', headers: { 'content-type': 'application/json' }, body: query }).then((response) =>
          response.arrayBuffer(),
        ),
      ),
    );
    const inFlight = Array.from({ length: 60 }, () =>
      fetch(hub.gatewayUrl, { method: 'POST', headers: { 'content-type': 'application/json' }, body: query }).then(
        async (response) =>
          response.status === 200 && !((await response.json()) as { errors?: unknown }).errors ? 'answered' : `HTTP ${response.status}`,
        (error: Error) => `lost: ${(error.cause as Error | undefined)?.message ?? error.message}`,
      ),
    );
    // Stop while they are under way.
    await new Promise((resolve) => setTimeout(resolve, 20));
    hub.child.kill('SIGTERM');
    const outcomes = await Promise.all(inFlight);
    const lost = outcomes.filter((outcome) => outcome !== 'answered');
    console.log(`SIGTERM with ${inFlight.length} requests in flight: ${inFlight.length - lost.length} answered, ${lost.length} lost`);
    // Those that reached the gateway before it stopped listening were answered; none was cut.
    expect(lost.filter((outcome) => !/ECONNREFUSED/.test(outcome))).toEqual([]);
    expect(outcomes.filter((outcome) => outcome === 'answered').length).toBeGreaterThan(0);
    await waitFor(() => live.closes.length > 0, 10_000, 'the live connection closed');
    expect(live.closes[0].code).toBe(LIVE_CLOSE_CODES.GOING_AWAY);
    expect(await hub.exited).toBe(0);
    await live.dispose();
  }, 60_000);
});
