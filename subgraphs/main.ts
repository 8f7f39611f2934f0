import 'reflect-metadata';
import { readConfig } from '../hub/config';
import { TokenService } from './shared/auth';
import { startSubgraph } from './shared/subgraph';
import { subgraphNamed } from './registry';

/**
 * `npm run start:subgraph -- <name>`: one subgraph in its own process. There is no cross-process
 * bus yet (NATS JetStream lands with live updates), so no relay runs here: events wait in the
 * subgraph's outbox table, never marked published, until a relay with a real bus drains them.
 */
async function main(): Promise<void> {
  const name = process.argv[2] ?? process.env.SUBGRAPH;
  if (!name) throw new Error('Usage: npm run start:subgraph -- <name>');
  const definition = subgraphNamed(name);
  const config = readConfig();
  const runtime = await startSubgraph(definition, { port: config.subgraphPort(name, definition.defaultPort), host: config.host, location: config.location, auth: new TokenService(config.auth()) });
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
