import { SUBGRAPHS } from '../subgraphs/registry';
import type { DatabaseLocation } from '../subgraphs/shared/database';
import { EventBus, InProcessEventBus } from '../subgraphs/shared/events/bus';
import { startSubgraph, SubgraphRuntime } from '../subgraphs/shared/subgraph';
import { RunningGateway, startGateway } from '../gateway/gateway';
import type { OperationLimits } from '../gateway/limits';
import type { TokenService } from '../subgraphs/shared/auth';

export interface HubOptions {
  location: DatabaseLocation;
  host?: string;
  /** Port per part; 0 picks a free one (tests). */
  gatewayPort: number;
  subgraphPort: (name: string, defaultPort: number) => number;
  seedDemo: boolean;
  auth: TokenService;
  limits?: OperationLimits;
  production?: boolean;
  bus?: EventBus;
}

export interface RunningHub {
  gateway: RunningGateway;
  subgraphs: Record<string, SubgraphRuntime>;
  bus: EventBus;
  close(): Promise<void>;
}

/** The whole hub in one process: every subgraph on its own port, one bus, the gateway in front. */
export async function startHub(options: HubOptions): Promise<RunningHub> {
  const bus = options.bus ?? new InProcessEventBus();
  const subgraphs: Record<string, SubgraphRuntime> = {};
  try {
    for (const definition of SUBGRAPHS) {
      subgraphs[definition.name] = await startSubgraph(definition, {
        port: options.subgraphPort(definition.name, definition.defaultPort),
        host: options.host,
        location: options.location,
        auth: options.auth,
        bus,
      });
    }
    if (options.seedDemo) {
      for (const runtime of Object.values(subgraphs)) await runtime.definition.seed?.(runtime);
    }
    const gateway = await startGateway({
      port: options.gatewayPort,
      host: options.host,
      auth: options.auth,
      limits: options.limits,
      production: options.production,
      subgraphUrls: Object.fromEntries(Object.entries(subgraphs).map(([name, runtime]) => [name, runtime.url])),
    });
    return {
      gateway,
      subgraphs,
      bus,
      close: async () => {
        await gateway.close();
        for (const runtime of Object.values(subgraphs).reverse()) await runtime.close();
        await bus.close();
      },
    };
  } catch (error) {
    for (const runtime of Object.values(subgraphs).reverse()) await runtime.close().catch(() => undefined);
    throw error;
  }
}
