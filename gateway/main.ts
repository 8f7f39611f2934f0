import 'reflect-metadata';
import { readConfig } from '../hub/config';
import { SUBGRAPHS } from '../subgraphs/registry';
import { TokenService } from '../subgraphs/shared/auth';
import { startGateway } from './gateway';

/** `npm run start:gateway`: the gateway alone, in front of subgraphs at <NAME>_URL. */
async function main(): Promise<void> {
  const config = readConfig();
  const gateway = await startGateway({
    port: config.gatewayPort,
    host: config.host,
    auth: new TokenService(config.auth()),
    limits: config.limits,
    production: config.production,
    subgraphUrls: Object.fromEntries(SUBGRAPHS.map((subgraph) => [subgraph.name, config.subgraphUrl(subgraph.name, subgraph.defaultPort)])),
  });
  const stop = async () => {
    await gateway.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop());
  process.on('SIGTERM', () => void stop());
}

main().catch((error) => {
  console.error('The gateway failed to start:', error);
  process.exit(1);
});
