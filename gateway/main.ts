import 'reflect-metadata';
import { ConfigurationError, readConfig } from '../hub/config';
import fs from 'node:fs';
import { TokenService } from '../platform/access/tokens';
import { openEventBus } from '../platform/events/open-bus';
import { serveMetricsOn } from '../platform/runtime/metrics';
import { SIGNAL_DRAIN } from '../platform/runtime/http-server';
import { startTracing, stopTracing } from '../platform/runtime/tracing';
import { startGateway, subgraphsOfSupergraph, SUPERGRAPH_PATH } from './gateway';
import { configureLogging } from '../platform/runtime/logger';

/** `npm run start:gateway`: the gateway alone, in front of subgraphs at <NAME>_URL; it loads no subgraph code. */
async function main(): Promise<void> {
  const config = readConfig();
  configureLogging(config.logLevel);
  startTracing(config.tracing.serviceName ?? 'weft-gateway', config.tracing.endpoint);
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
    maxBodyBytes: config.maxBodyBytes,
    rateLimits: config.rateLimits,
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
  if (config.metricsPort !== undefined) await serveMetricsOn(config.metricsPort, config.host);
  const stop = async () => {
    await gateway.close(SIGNAL_DRAIN);
    await bus?.close();
    await stopTracing();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop());
  process.on('SIGTERM', () => void stop());
}

main().catch((error) => {
  // A configuration error says what to change; anything else is a bug, with its stack.
  console.error(`The gateway failed to start: ${error instanceof ConfigurationError ? error.message : ((error as Error)?.stack ?? error)}`);
  process.exit(1);
});
