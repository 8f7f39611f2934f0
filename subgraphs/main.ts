import 'reflect-metadata';
import { readConfig } from '../hub/config';
import { InProcessEventBus } from './shared/events/bus';
import { startSubgraph } from './shared/subgraph';
import { subgraphNamed } from './registry';

/**
 * `npm run start:subgraph -- <name>`: one subgraph in its own process. Until the NATS bus lands,
 * its outbox relays to an in-process bus (events stay in the outbox table, never lost).
 */
async function main(): Promise<void> {
  const name = process.argv[2] ?? process.env.SUBGRAPH;
  if (!name) throw new Error('Usage: npm run start:subgraph -- <name>');
  const definition = subgraphNamed(name);
  const config = readConfig();
  const bus = new InProcessEventBus();
  const runtime = await startSubgraph(definition, { port: config.subgraphPort(name, definition.defaultPort), host: config.host, location: config.location, bus });
  if (config.seedDemo) await definition.seed?.(runtime);
  const stop = async () => {
    await runtime.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop());
  process.on('SIGTERM', () => void stop());
}

main().catch((error) => {
  console.error('The subgraph failed to start:', error);
  process.exit(1);
});
