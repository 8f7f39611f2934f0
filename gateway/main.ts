import 'reflect-metadata';
import { readConfig } from '../hub/config';
import { SUBGRAPHS } from '../subgraphs/registry';
import { TokenService } from '../platform/access/tokens';
import { openEventBus } from '../platform/events/open-bus';
import { startGateway } from './gateway';

/** `npm run start:gateway`: the gateway alone, in front of subgraphs at <NAME>_URL. */
async function main(): Promise<void> {
  const config = readConfig();
  // Live updates read the hub's events from NATS; without NATS_URL the gateway serves queries and
  // mutations only (subscriptions answer that live updates are unavailable).
  const bus = config.busSettings.natsUrl ? await openEventBus({ ...config.busSettings, name: 'weft-gateway' }, config.location) : undefined;
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
    subgraphUrls: Object.fromEntries(SUBGRAPHS.map((subgraph) => [subgraph.name, config.subgraphUrl(subgraph.name, subgraph.defaultPort)])),
  });
  const stop = async () => {
    await gateway.close();
    await bus?.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop());
  process.on('SIGTERM', () => void stop());
}

main().catch((error) => {
  console.error('The gateway failed to start:', error);
  process.exit(1);
});
