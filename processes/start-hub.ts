// First: type-graphql and MikroORM read decorator metadata as the modules below load.
import 'reflect-metadata';
import { DEMO_ORDER_ID } from '../demo/orders';
import { startHub } from '../hub/hub';
import { TokenService } from '../platform/access/tokens';
import { boot } from './boot';
import { describeWechatMessage, startWechatStub } from './wechat-stub';

/** `npm start`: the whole hub in one process, on the embedded defaults, with the demo network. */
boot({
  what: 'hub',
  serviceName: () => 'weft-hub',
  defaults: { seedDemo: true, demoSignIn: true },
  async start(config) {
    // Embedded and no WeChat app configured: a local stand-in for the WeChat API receives the
    // customers' messages and prints them (docs/domains/notifications.md).
    const wechat = !config.production && !config.subgraphs.wechat ? await startWechatStub({ port: config.wechatStubPort }) : null;
    if (wechat) wechat.onMessage = (message) => console.log(describeWechatMessage('[wechat stub]', message));
    const settings = wechat
      ? { ...config.subgraphs, wechat: { baseUrl: wechat.url, appId: wechat.appId, appSecret: wechat.appSecret } }
      : config.subgraphs;
    const auth = new TokenService(config.auth());
    const hub = await startHub({ ...config, settings, auth });
    const url = hub.gateway.url.replace('127.0.0.1', 'localhost');
    const web = auth.publicUrl.base;
    const customerPage = config.seedDemo ? await demoCustomerLink(hub.gateway.url, auth) : null;
    console.log(`
Weft hub is running.
  Web app:   ${web}/   (studio console ${web}/studio${config.web.demoSignIn ? ' with demo sign-in' : ''}, partner ${web}/partner, supplier ${web}/supplier)
  The demo order as its customer sees it (what the studio sends in WeChat; open it beside the studio console):
    ${customerPage ?? '(no demo order: mint a link for one of yours in the studio console)'}
  Gateway:   ${url}   (health: /healthz, readiness: /readyz)
  Database:  ${config.location.databaseUrl ? 'PostgreSQL (DATABASE_URL)' : `SQLite files in ${config.location.dataDir}`}
  Subgraphs: ${Object.entries(hub.subgraphs)
    .map(([name, runtime]) => `${name} ${runtime.url}`)
    .join(', ')}

Try (every request but the directory and vocabulary needs a token; mint one for anyone):
  TOKEN=$(npm run --silent token -- --role STUDIO_ADMIN --org moyun-studio)
  curl -s ${url} -H 'content-type: application/json' -H "authorization: Bearer $TOKEN" \\
    -d '{"query":"{ order(id: \\"${DEMO_ORDER_ID}\\") { id studio { nameZh nameEn } statusCode { code labelZh labelEn } stages { position status statusCode { code labelZh labelEn } } } }"}'

  curl -s ${url} -H 'content-type: application/json' -H "authorization: Bearer $TOKEN" \\
    -d '{"query":"{ stageBoard(studioId: \\"moyun-studio\\") { overdueTotal columns { code statusCode { labelEn } waiting inProgress overdue } } }"}'

  The same order as its customer sees it: --role CUSTOMER --order ${DEMO_ORDER_ID} --tier MINIMAL (or DETAILED).

  Live updates (graphql-ws on the same paths, ${url.replace('http', 'ws')}): with TOKEN exported as above,
  npm run --silent follow -- ${DEMO_ORDER_ID}
  follows the order as it moves; complete its current stage to see it (docs/live-updates.md).
  Audience endpoints: ${url}/customer, ${url}/partner, ${url}/supplier
  Notifications: customers' WeChat messages go to ${wechat ? `the local WeChat stub (${wechat.url}); they are printed here as [wechat stub]` : `the WeChat API at ${settings.wechat?.baseUrl ?? '(no account configured: messages are not sent)'}`}.
  Webhooks: registerWebhook, then \`WEBHOOK_SECRET=… npm run --silent webhook-receiver\` (docs/domains/notifications.md).
  Walk-throughs in docs/: access-control.md (who sees what), domains/ (suppliers and material risk; capacity sharing and surges; delays, forecasts and notifications), web.md.

Press Ctrl-C to stop.
`);
    return {
      async close(drain) {
        console.log('\nStopping the hub…');
        await hub.close(drain);
        await wechat?.close();
      },
    };
  },
});

/** A customer link for the demo order, minted as its studio would (the same link on every start). */
async function demoCustomerLink(gatewayUrl: string, auth: TokenService): Promise<string | null> {
  try {
    const response = await fetch(gatewayUrl, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        authorization: `Bearer ${await auth.sign({ subject: 'demo:start', org: 'moyun-studio', roles: ['STUDIO_ADMIN'] }, 60)}`,
      },
      body: JSON.stringify({
        query: `mutation { mintCustomerLink(orderId: "${DEMO_ORDER_ID}", tier: DETAILED, idempotencyKey: "demo-start-link") { url } }`,
      }),
    });
    const body = (await response.json()) as { data?: { mintCustomerLink?: { url: string } } };
    return body.data?.mintCustomerLink?.url ?? null;
  } catch {
    return null;
  }
}
