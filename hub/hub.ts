import { SUBGRAPHS } from '../subgraphs/registry';
import type { DatabaseLocation } from '../platform/data/database';
import type { EventBus } from '../platform/events/bus';
import type { BusSettings } from '../platform/events/open-bus';
import { openEventBus } from '../platform/events/open-bus';
import type { LiveSettings } from '../gateway/live/settings';
import type { SubgraphRuntime } from '../platform/runtime/subgraph';
import { startSubgraph } from '../platform/runtime/subgraph';
import type { Drain } from '../platform/runtime/http-server';
import type { RunningGateway } from '../gateway/gateway';
import { startGateway } from '../gateway/gateway';
import type { OperationLimits } from '../platform/graphql/limits';
import type { RateLimitSettings } from '../gateway/rate-limits';
import type { TokenService } from '../platform/access/tokens';
import type { WebAppSettings } from '../gateway/web-app';
import { settle } from './settle';
import type { SubgraphSettings } from '../platform/base/settings';

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
  /** The bus to use; otherwise one is opened from busSettings (NATS, or the in-process bus). */
  bus?: EventBus;
  busSettings?: BusSettings;
  live?: LiveSettings;
  web?: WebAppSettings;
  /** What each subgraph is told (timers, retries, the WeChat account); the defaults otherwise. */
  settings?: SubgraphSettings;
  maxBodyBytes?: number;
  rateLimits?: RateLimitSettings;
  /** The proxies whose X-Forwarded-For tells a caller's address (TRUSTED_PROXIES). */
  trustedProxies?: readonly string[];
  /** /metrics on every part's port (tests, the embedded hub outside production). */
  metricsRoute?: boolean;
}

export interface RunningHub {
  gateway: RunningGateway;
  subgraphs: Record<string, SubgraphRuntime>;
  bus: EventBus;
  /**
   * Waits until the hub holds still: every outbox published, every consumer and the gateway's
   * live feed at the bus's head, every live subscriber's queue sent on — passes repeated until
   * the bus's head stays put across one (consumers write events of their own). Decided by
   * positions, not by waiting a while; timers keep their schedule unless paused.
   */
  settle(timeoutMs?: number): Promise<void>;
  /** Pauses (or resumes) every subgraph's timers: delay checks, forecast refreshes, notification polls. */
  pauseTimers(): Promise<void>;
  resumeTimers(): void;
  /** Stops the gateway first (draining it), then the subgraphs it asked. */
  close(drain?: Drain): Promise<void>;
}

/** The whole hub in one process: every subgraph on its own port, one bus, the gateway in front. */
export async function startHub(options: HubOptions): Promise<RunningHub> {
  const bus = options.bus ?? (await openEventBus({ ...options.busSettings, name: 'weft-hub' }, options.location));
  const subgraphs: Record<string, SubgraphRuntime> = {};
  let gateway: RunningGateway | undefined;
  try {
    for (const definition of SUBGRAPHS) {
      subgraphs[definition.name] = await startSubgraph(definition, {
        port: options.subgraphPort(definition.name, definition.defaultPort),
        host: options.host,
        location: options.location,
        auth: options.auth,
        bus,
        holdConsumers: options.seedDemo,
        settings: options.settings,
        maxBodyBytes: options.maxBodyBytes,
        metricsRoute: options.metricsRoute,
        limits: options.limits,
        production: options.production,
      });
    }
    if (options.seedDemo) {
      // The demo's history is written first and then consumed, as if it had happened.
      for (const runtime of Object.values(subgraphs)) await runtime.definition.seed?.(runtime);
      for (const runtime of Object.values(subgraphs)) runtime.startConsumers();
    }
    gateway = await startGateway({
      port: options.gatewayPort,
      host: options.host,
      auth: options.auth,
      limits: options.limits,
      production: options.production,
      bus,
      live: options.live,
      web: options.web,
      maxBodyBytes: options.maxBodyBytes,
      rateLimits: options.rateLimits,
      trustedProxies: options.trustedProxies,
      metricsRoute: options.metricsRoute,
      subgraphUrls: Object.fromEntries(Object.entries(subgraphs).map(([name, runtime]) => [name, runtime.url])),
    });
    const running = gateway;
    return {
      gateway: running,
      subgraphs,
      bus,
      settle: (timeoutMs) => settle([...Object.values(subgraphs), ...(running.feed ? [running.feed] : [])], bus, timeoutMs),
      pauseTimers: async () => {
        await Promise.all(Object.values(subgraphs).map((runtime) => runtime.pauseTimers()));
      },
      resumeTimers: () => {
        for (const runtime of Object.values(subgraphs)) runtime.resumeTimers();
      },
      close: async (drain?: Drain) => {
        await running.close(drain);
        for (const runtime of Object.values(subgraphs).reverse()) await runtime.close();
        await bus.close();
      },
    };
  } catch (error) {
    await gateway?.close().catch(() => undefined);
    for (const runtime of Object.values(subgraphs).reverse()) await runtime.close().catch(() => undefined);
    if (!options.bus) await bus.close().catch(() => undefined);
    throw error;
  }
}
