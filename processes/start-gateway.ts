// First: type-graphql and MikroORM read decorator metadata as the modules below load.
import 'reflect-metadata';
import fs from 'node:fs';
import { startGateway, subgraphsOfSupergraph, SUPERGRAPH_PATH } from '../gateway/gateway';
import { TokenService } from '../platform/access/tokens';
import { boot, openProcessBus } from './boot';

/** `npm run start:gateway`: the gateway alone, in front of subgraphs at <NAME>_URL; it loads no subgraph code. */
boot({
  what: 'gateway',
  serviceName: () => 'weft-gateway',
  async start(config) {
    // Live updates read the hub's events from NATS; without NATS_URL the gateway serves queries and
    // mutations only (subscriptions answer that live updates are unavailable).
    const bus = await openProcessBus(config, 'weft-gateway');
    if (!bus) console.warn('No NATS_URL: this gateway serves no live updates (subscriptions).');
    const gateway = await startGateway({
      bus,
      live: config.live,
      port: config.gatewayPort,
      host: config.host,
      auth: new TokenService(config.auth()),
      limits: config.limits,
      production: config.production,
      web: config.web,
      maxBodyBytes: config.maxBodyBytes,
      rateLimits: config.rateLimits,
      trustedProxies: config.trustedProxies,
      metricsRoute: config.metricsRoute,
      cacheAnswers: config.cacheAnswers,
      // Which subgraphs there are comes from the supergraph; where each runs, from <NAME>_URL / <NAME>_PORT.
      subgraphUrls: Object.fromEntries(
        subgraphsOfSupergraph(fs.readFileSync(SUPERGRAPH_PATH, 'utf8')).map(({ name, url }) => [
          name,
          config.subgraphUrl(name, Number(new URL(url).port)),
        ]),
      ),
    });
    return {
      async close(drain) {
        await gateway.close(drain);
        await bus?.close();
      },
    };
  },
});
