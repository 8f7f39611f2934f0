// First: type-graphql and MikroORM read decorator metadata as the modules below load.
import 'reflect-metadata';
import { TokenService } from '../platform/access/tokens';
import { startSubgraph } from '../platform/runtime/subgraph';
import { subgraphNamed } from '../subgraphs/registry';
import { boot, openProcessBus } from './boot';

/**
 * `npm run start:subgraph -- <name>`: one subgraph in its own process. With NATS_URL its outbox
 * relay publishes to NATS JetStream and its consumers read from it. Without NATS_URL there is no
 * bus between processes: events wait in the subgraph's outbox table, never marked published,
 * until the subgraph runs with a bus.
 */
const nameOf = (subgraphName: string | undefined) => {
  const name = process.argv[2] ?? subgraphName;
  if (!name) throw new Error('Usage: npm run start:subgraph -- <name>');
  return name;
};

boot({
  what: 'subgraph',
  serviceName: (config) => `weft-${nameOf(config.subgraphName)}`,
  async start(config) {
    const name = nameOf(config.subgraphName);
    const definition = subgraphNamed(name);
    const bus = await openProcessBus(config, `weft-${name}`);
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
      limits: config.limits,
      production: config.production,
    });
    if (config.seedDemo) await definition.seed?.(runtime);
    return {
      async close(drain) {
        await runtime.close(drain);
        await bus?.close();
      },
    };
  },
});
