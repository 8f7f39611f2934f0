import { randomUUID } from 'node:crypto';
import { MAX_IMPORT_PART_BYTES } from '../../contracts';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginInlineTraceDisabled } from '@apollo/server/plugin/disabled';
import { assertPublicThroughout, publicAnswerPlugins, type PublicAnswers } from '../graphql/public-answers';
import type { EntityManager } from '@mikro-orm/core';
import type { GraphQLSchema } from 'graphql';
import { ROW_FILTER, rowFilter } from '../access/enforce';
import type { AccessPolicy } from '../access/policy';
import { Viewer } from '../access/viewer';
import { DEFAULT_SUBGRAPH_SETTINGS, type SubgraphSettings } from '../base/settings';
import type { TokenService } from '../access/tokens';
import type { GraphQLContext } from '../access/context';
import { RequestContext } from '../access/context';
import { inputGuardPlugin } from '../graphql/input-guard';
import { DEFAULT_LIMITS, operationRules, subgraphLimits, type OperationLimits } from '../graphql/limits';
import { metricsPlugin, readInto, serveMetrics, stopReading } from './metrics';
import { CSRF_PROOF_HEADERS, formatError, requestErrorsPlugin, requestIdOf } from '../graphql/request-errors';
import type { Database, DatabaseDefinition, DatabaseLocation } from '../data/database';
import { openDatabase } from '../data/database';
import type { BusSubscription, EventBus } from '../events/bus';
import { consumeOnce, type EventConsumer } from '../events/consumer';
import { OutboxEvent, OutboxRelay } from '../events/outbox';
import type { RunningHttpServer } from './http-server';
import { sendJson, serveApollo, type Drain } from './http-server';
import { logger } from '../base/logger';

/**
 * Up to this many events a consumer applies in one transaction (where the bus hands them over
 * together): one commit instead of one per event, while a batch stays short enough not to hold
 * its locks for long.
 */
const CONSUMER_BATCH = 50;

/** Everything the hub needs to know to run, compose and seed one subgraph. */
export interface SubgraphDefinition<TLoaders = unknown> {
  name: string;
  defaultPort: number;
  /** The subgraph's own tables; absent for a subgraph that serves only code-defined data. */
  database?: Omit<DatabaseDefinition, 'name' | 'filters'>;
  /** Who may see and do what: enforced on operations, rows and fields (see platform/access). */
  access: AccessPolicy;
  /** The subgraph schema, with the access policy enforced and its audience tags applied. */
  buildSchema(): Promise<GraphQLSchema>;
  createLoaders?(em: EntityManager): TLoaders;
  /** What this subgraph does when other subgraphs' events arrive (each applied once). */
  consumers?: readonly EventConsumer[];
  /** Work on a timer in every instance (each must be safe to run anywhere, any number of times). */
  timers?: readonly { name: string; intervalMs(settings: SubgraphSettings): number; run(runtime: SubgraphRuntime): Promise<unknown> }[];
  /** Starts what the subgraph holds beyond its database (a solver thread, say) before it serves, so no request waits for it. */
  start?(): void;
  /** Releases what the subgraph holds beyond its database (a solver thread, say). */
  close?(): Promise<void>;
  /** Gauges of its own, read when Prometheus scrapes (see platform/runtime/metrics.ts); each answers its readings. */
  gauges?: readonly {
    name: string;
    help: string;
    labelNames: string[];
    read(runtime: SubgraphRuntime): Promise<{ labels: Record<string, string>; value: number }[]>;
  }[];
  /**
   * Every answer of this subgraph is the same for every viewer (its access policy is public
   * throughout, checked at start): answers say so (`Cache-Control: max-age=…, public`) with the
   * data's version (`x-weft-answer-version`), and the gateway may keep them for everyone.
   */
  publicAnswers?: PublicAnswers;
  /** Fills an empty database with the demo network; must be a no-op on a seeded one. */
  seed?(runtime: SubgraphRuntime): Promise<void>;
}

export interface SubgraphRuntime {
  definition: SubgraphDefinition<any>;
  database?: Database;
  relay?: OutboxRelay;
  http: RunningHttpServer;
  url: string;
  /** A request context outside any HTTP request (seeding, event handlers). */
  systemContext<T = unknown>(): RequestContext<T>;
  /** Starts the event consumers and the relay of a subgraph started with `holdConsumers` (a no-op otherwise). */
  startConsumers(): void;
  /** Publishes the outbox; answers whether every consumer has then seen all the bus holds and no timer is running. */
  settled(): Promise<boolean>;
  /** Stops the timers from ticking (a tick in progress finishes), until `resumeTimers`; tests pause them to hold the data still. */
  pauseTimers(): Promise<void>;
  resumeTimers(): void;
  /** Runs every timer once now (paused or not), one after another. */
  runTimers(): Promise<void>;
  close(drain?: Drain): Promise<void>;
}

export interface SubgraphOptions {
  port: number;
  host?: string;
  location: DatabaseLocation;
  /** Verifies the bearer token of every request (the gateway forwards the caller's). */
  auth: TokenService;
  /**
   * Where the outbox relay publishes. Without a bus no relay runs: events wait in the outbox
   * table (nothing is marked published that no bus accepted) until a process with a bus starts.
   */
  bus?: EventBus;
  /**
   * Start the event consumers (and the outbox relay) only when `startConsumers()` is called: the
   * demo seed writes weeks of history in seconds, and consumers that evaluate the present (delay
   * alerts, forecasts) must see it once it is written, not halfway (a stage "running" since last week).
   */
  holdConsumers?: boolean;
  /** The process's settings (processes/config.ts); the defaults otherwise. */
  settings?: SubgraphSettings;
  /** The largest request body it reads (MAX_BODY_BYTES). */
  maxBodyBytes?: number;
  /** Serve /metrics on the subgraph's own port (not in production: METRICS_PORT serves it there). */
  metricsRoute?: boolean;
  /** The gateway's abuse limits (MAX_DEPTH …): the subgraph applies them with room for the planner's fetches (subgraphLimits). */
  limits?: OperationLimits;
  /** WEFT_ENV=production: no introspection, no suggestions in errors, as at the gateway. */
  production?: boolean;
}

async function databaseAnswers(database: Database | undefined): Promise<boolean> {
  if (!database) return true;
  try {
    await Promise.race([
      database.orm.em.getConnection().execute('select 1'),
      new Promise((_, reject) => setTimeout(() => reject(new Error('timeout')), 2000).unref()),
    ]);
    return true;
  } catch {
    return false;
  }
}

export async function startSubgraph<TLoaders>(
  definition: SubgraphDefinition<TLoaders>,
  options: SubgraphOptions,
): Promise<SubgraphRuntime> {
  const filter = rowFilter(definition.access);
  const database = definition.database
    ? await openDatabase({ name: definition.name, ...definition.database, filters: filter ? [filter] : [] }, options.location)
    : undefined;
  const writesEvents = definition.database?.entities.includes(OutboxEvent) ?? false;
  const relay =
    database && writesEvents && options.bus ? new OutboxRelay(database.orm, database.dialect, definition.name, options.bus) : undefined;
  // Held with the consumers: the seed's history is then published in batches, not event by event.
  if (!options.holdConsumers) relay?.start();
  const schema = await definition.buildSchema();
  definition.start?.();
  if (definition.publicAnswers) assertPublicThroughout(definition.name, definition.access, definition.publicAnswers.private);
  const contextFor = (requestId: string, viewer: Viewer): RequestContext<TLoaders> => {
    const em = database?.orm.em.fork();
    em?.setFilterParams(ROW_FILTER, { viewer });
    return new RequestContext(
      em,
      viewer,
      (definition.createLoaders && em ? definition.createLoaders(em) : undefined) as TLoaders,
      requestId,
      options.auth,
      options.settings ?? DEFAULT_SUBGRAPH_SETTINGS,
    );
  };
  // A subgraph may be reached without the gateway (containers bind it on 0.0.0.0): the same
  // limits and production rules as the gateway's, with room for what its planner adds to a fetch.
  // `_service { sdl }` and `_entities` are plain fields, not introspection: they keep working.
  const limits = subgraphLimits(options.limits ?? DEFAULT_LIMITS);
  const rules = operationRules<GraphQLContext<TLoaders>>(limits, options.production ?? false);
  const apollo = new ApolloServer<GraphQLContext<TLoaders>>({
    schema,
    formatError,
    includeStacktraceInErrorResponses: false,
    introspection: rules.introspection,
    parseOptions: rules.parseOptions,
    validationRules: rules.validationRules,
    csrfPrevention: { requestHeaders: CSRF_PROOF_HEADERS },
    // The process owns signal handling (it closes databases and relays in order), not Apollo.
    stopOnTerminationSignals: false,
    plugins: [
      ...rules.plugins,
      ApolloServerPluginInlineTraceDisabled(),
      ...publicAnswerPlugins(definition.publicAnswers),
      metricsPlugin(definition.name),
      inputGuardPlugin(),
      requestErrorsPlugin<GraphQLContext<TLoaders>>(({ ctx }) => ctx.requestId),
    ],
  });
  const http = await serveApollo({
    port: options.port,
    host: options.host,
    // The gateway carries an import's rows to the owning subgraph in one request (all or nothing):
    // a subgraph reads up to MAX_IMPORT_PART_BYTES; the public limit stays at the gateway.
    maxBodyBytes: Math.max(options.maxBodyBytes ?? 0, MAX_IMPORT_PART_BYTES),
    maxBatch: limits.maxBatch,
    endpoints: {
      '/graphql': {
        apollo,
        // A bad token fails the whole request (UNAUTHENTICATED); no token is an anonymous viewer.
        context: async (request) => {
          const principal = await options.auth.principalOf(request.headers.authorization);
          return { ctx: contextFor(requestIdOf(request), Viewer.of(principal)) };
        },
      },
    },
    routes: {
      ...(options.metricsRoute ? { '/metrics': serveMetrics } : {}),
      '/healthz': (_request, response) => sendJson(response, 200, { status: 'ok', subgraph: definition.name }),
      // Ready when its database answers (a subgraph without one is ready once it listens).
      '/readyz': async (_request, response) => {
        const ready = await databaseAnswers(database);
        sendJson(response, ready ? 200 : 503, {
          status: ready ? 'ready' : 'not ready',
          subgraph: definition.name,
          database: database ? (ready ? 'ok' : 'unreachable') : 'none',
        });
      },
    },
  });
  const systemContext = <T>() => contextFor(`system-${randomUUID()}`, Viewer.system()) as unknown as RequestContext<T>;
  // Each consumer is durable under its own name: the bus keeps its position across
  // restarts, and every instance of the subgraph shares it. What it already applied it skips.
  const subscriptions: BusSubscription[] = [];
  const startConsumers = () => {
    relay?.start();
    if (subscriptions.length > 0 || !database || !options.bus) return;
    for (const consumer of definition.consumers ?? []) {
      subscriptions.push(
        options.bus.subscribeInBatches({ durable: consumer.name, types: consumer.types }, CONSUMER_BATCH, (events) =>
          consumeOnce(systemContext(), consumer, events).catch((error) => {
            logger.warn(
              {
                err: error,
                consumer: consumer.name,
                eventIds: events.map((event) => event.id),
                types: [...new Set(events.map((event) => event.type))],
              },
              'event consumer failed; the events will be retried',
            );
            throw error;
          }),
        ),
      );
    }
  };
  if (!options.holdConsumers) startConsumers();
  logger.info({ subgraph: definition.name, url: `${http.url}/graphql`, dialect: database?.dialect ?? 'none' }, 'subgraph ready');
  const timers: NodeJS.Timeout[] = [];
  const ticking = new Set<Promise<void>>();
  const runs: (() => Promise<void>)[] = [];
  let paused = false;
  const runtime: SubgraphRuntime = {
    definition,
    database,
    relay,
    http,
    url: `${http.url}/graphql`,
    systemContext,
    startConsumers,
    settled: async () => {
      await relay?.flush();
      if (ticking.size > 0) return false;
      for (const subscription of subscriptions) if (!(await subscription.caughtUp())) return false;
      return true;
    },
    pauseTimers: async () => {
      paused = true;
      await Promise.all(ticking);
    },
    resumeTimers: () => {
      paused = false;
    },
    runTimers: async () => {
      await Promise.all(ticking);
      for (const run of runs) await run();
    },
    close: async (drain?: Drain) => {
      for (const read of readers) stopReading(read);
      for (const timer of timers) clearInterval(timer);
      await Promise.all(ticking);
      for (const subscription of subscriptions) subscription.close();
      await http.close(drain);
      await relay?.stop();
      await definition.close?.();
      await database?.close();
    },
  };
  // What Prometheus reads of this part when it scrapes: outbox lag, each consumer's lag, its own gauges.
  const service = { service: definition.name };
  const readers: (() => Promise<{ labels: Record<string, string>; value: number }[]>)[] = [];
  const read = (name: string, help: string, labelNames: string[], reader: (typeof readers)[number]) => {
    readers.push(reader);
    readInto(name, help, labelNames, reader);
  };
  if (relay)
    read('weft_outbox_lag_seconds', 'Age of the oldest event its outbox has not published yet (0: none waits)', ['service'], async () => [
      { labels: service, value: await relay.lagSeconds() },
    ]);
  read('weft_consumer_lag_events', 'Events on the bus after what each durable consumer has applied', ['service', 'consumer'], async () =>
    Promise.all(
      (definition.consumers ?? [])
        .slice(0, subscriptions.length)
        .map(async (consumer, index) => ({ labels: { ...service, consumer: consumer.name }, value: await subscriptions[index].pending() })),
    ),
  );
  if (database) for (const gauge of definition.gauges ?? []) read(gauge.name, gauge.help, gauge.labelNames, () => gauge.read(runtime));
  for (const timer of database ? (definition.timers ?? []) : []) {
    let running = false;
    const tick = async () => {
      if (running) return; // never overlapping itself
      running = true;
      try {
        await timer.run(runtime);
      } catch (error) {
        logger.warn({ err: error, subgraph: definition.name, timer: timer.name }, 'timer failed; it runs again at its next tick');
      } finally {
        running = false;
      }
    };
    runs.push(tick);
    const handle = setInterval(
      () => {
        if (paused) return;
        const run = tick();
        ticking.add(run);
        void run.finally(() => ticking.delete(run));
      },
      timer.intervalMs(options.settings ?? DEFAULT_SUBGRAPH_SETTINGS),
    );
    handle.unref();
    timers.push(handle);
  }
  return runtime;
}
