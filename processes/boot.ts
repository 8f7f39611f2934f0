import 'reflect-metadata';
import { configureLogging } from '../platform/base/logger';
import { startTracing, stopTracing } from '../platform/base/tracing';
import type { EventBus } from '../platform/events/bus';
import { openEventBus } from '../platform/events/open-bus';
import { SIGNAL_DRAIN, type Drain } from '../platform/runtime/http-server';
import { serveMetricsOn } from '../platform/runtime/metrics';
import { ConfigurationError, readConfig, type ConfigDefaults, type HubConfig } from './config';

/** What a started process hands back: how to stop it. */
export interface RunningProcess {
  close(drain: Drain): Promise<void>;
}

export interface BootOptions {
  /** Said in the one line a failed start prints: "The <what> failed to start: …". */
  what: string;
  /** The tracing service name unless OTEL_SERVICE_NAME sets one. */
  serviceName: (config: HubConfig) => string;
  /** Defaults this entrance applies where the environment is silent (the embedded hub's demo). */
  defaults?: ConfigDefaults;
  start: (config: HubConfig) => Promise<RunningProcess>;
}

/**
 * The one way a process of the hub starts: the configuration read once, logging and tracing set
 * up, the part started, metrics served where configured, a drain on SIGINT or SIGTERM, and on a
 * configuration error one line saying what to change (anything else is a bug, with its stack).
 */
export function boot({ what, serviceName, defaults, start }: BootOptions): void {
  const run = async () => {
    const config = readConfig(process.env, defaults);
    configureLogging(config.logLevel);
    startTracing(config.tracing.serviceName ?? serviceName(config), config.tracing.endpoint);
    const running = await start(config);
    if (config.metricsPort !== undefined) await serveMetricsOn(config.metricsPort, config.host);
    let stopping = false;
    const stop = async () => {
      if (stopping) return;
      stopping = true;
      await running.close(SIGNAL_DRAIN);
      await stopTracing();
      process.exit(0);
    };
    process.on('SIGINT', () => void stop());
    process.on('SIGTERM', () => void stop());
  };
  run().catch((error: unknown) => {
    console.error(`The ${what} failed to start: ${error instanceof ConfigurationError ? error.message : describe(error)}`);
    process.exit(1);
  });
}

const describe = (error: unknown) => (error instanceof Error ? (error.stack ?? error.message) : String(error));

/** The bus between processes (NATS JetStream) when NATS_URL is set; none otherwise, which the caller explains. */
export async function openProcessBus(config: HubConfig, name: string): Promise<EventBus | undefined> {
  return config.busSettings.natsUrl ? openEventBus({ ...config.busSettings, name }, config.location) : undefined;
}
