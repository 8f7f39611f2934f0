import 'reflect-metadata';
import { ConfigurationError, readConfig } from '../hub/config';
import { TokenService } from '../platform/access/tokens';
import { openEventBus } from '../platform/events/open-bus';
import { startSubgraph } from '../platform/runtime/subgraph';
import { subgraphNamed } from './registry';
import { configureLogging } from '../platform/runtime/logger';
import { serveMetricsOn } from '../platform/runtime/metrics';
import { SIGNAL_DRAIN } from '../platform/runtime/http-server';
import { startTracing, stopTracing } from '../platform/runtime/tracing';

/**
 * `npm run start:subgraph -- <name>`: one subgraph in its own process. With NATS_URL its outbox
 * relay publishes to NATS JetStream and its consumers read from it. Without NATS_URL there is no
 * bus between processes: events wait in the subgraph's outbox table, never marked published,
 * until the subgraph runs with a bus.
 */
async function main(): Promise<void> {
  const config = readConfig();
  configureLogging(config.logLevel);
  const name = process.argv[2] ?? config.subgraphName;
  if (!name) throw new Error('Usage: npm run start:subgraph -- <name>');
  const definition = subgraphNamed(name);
  startTracing(config.tracing.serviceName ?? `weft-${name}`, config.tracing.endpoint);
  const bus = config.busSettings.natsUrl ? await openEventBus({ ...config.busSettings, name: `weft-${name}` }, config.location) : undefined;
  if (!bus) console.warn(`No NATS_URL: the ${name} subgraph's events stay in its outbox until it runs with a bus.`);
  const runtime = await startSubgraph(definition, {
    port: config.subgraphPort(name, definition.defaultPort),
    host: config.host,
    location: config.location,
    auth: new TokenService(config.auth()),
    bus,
    settings: config.subgraphs,
    maxBodyBytes: config.maxBodyBytes,
    metricsRoute: config.metricsRoute,
  });
  if (config.metricsPort !== undefined) await serveMetricsOn(config.metricsPort, config.host);
  if (config.seedDemo) await definition.seed?.(runtime);
  const stop = async () => {
    await runtime.close(SIGNAL_DRAIN);
    await bus?.close();
    await stopTracing();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop());
  process.on('SIGTERM', () => void stop());
}

main().catch((error) => {
  // A configuration error says what to change; anything else is a bug, with its stack.
  console.error(
    `The subgraph failed to start: ${error instanceof ConfigurationError ? error.message : ((error as Error)?.stack ?? error)}`,
  );
  process.exit(1);
});
