import fs from 'node:fs';
import type http from 'node:http';
import path from 'node:path';
import { ApolloServer } from '@apollo/server';
import { ApolloGateway, RemoteGraphQLDataSource } from '@apollo/gateway';
import type { GatewayContext } from './context';
import { AUDIENCES, type Audience } from '../platform/access/policy';
import type { TokenService } from '../platform/access/tokens';
import type { GraphQLEndpoint, RunningHttpServer } from '../platform/runtime/http-server';
import { sendJson, serveApollo, type Drain } from '../platform/runtime/http-server';
import { logger } from '../platform/base/logger';
import { CSRF_PROOF_HEADERS, formatError, requestErrorsPlugin, requestIdOf } from '../platform/graphql/request-errors';
import { hubError } from '../platform/base/errors';
import { inputGuardPlugin } from '../platform/graphql/input-guard';
import { DEFAULT_LIMITS, operationRules, type OperationLimits } from '../platform/graphql/limits';
import { PublicAnswerCache, subgraphFetcher } from './subgraph-fetcher';
import { PUBLIC_DATA_CHANGES, productTypeLabel, type EventType } from '../contracts';
import { metricsPlugin, readInto, serveMetrics, stopReading, subgraphFetches } from '../platform/runtime/metrics';
import { clientAddressOf, RateLimits, type RateLimitSettings } from './rate-limits';
import type { EventBus } from '../platform/events/bus';
import { SUSPENSIONS_POLL_SECONDS, SuspendedEnterprises } from './suspensions';
import { tokenExchangeRoutes } from './token-exchange';
import { LiveFeed } from './live/feed';
import { LiveOperations, type LiveEndpoint } from './live/live-operations';
import type { RunningLiveServer } from './live/server';
import { serveLive } from './live/server';
import { serveSse, type RunningSse } from './live/sse';
import { DEFAULT_LIVE_SETTINGS, type LiveSettings } from './live/settings';
import { boundUrl } from '../platform/base/public-url';
import { webApp, type ShareAnswer, type ShareSummary, type WebAppSettings } from './web-app';
import { digitalLinkRoutes } from './digital-link';
import { epcisRoutes } from './epcis';
import { epcisCaptureRoutes } from './epcis-capture';
import { CaptureThread } from './epcis-capture-thread';
import { masterDataImportRoutes } from './master-data-import';
import { SpreadsheetThread } from './spreadsheet-thread';
import {
  buildASTSchema,
  Kind,
  parse,
  printSchema,
  type EnumTypeDefinitionNode,
  type GraphQLFormattedError,
  type GraphQLSchema,
} from 'graphql';

const SCHEMA_DIR = path.resolve(__dirname, '..', '..', 'schema');
export const SUPERGRAPH_PATH = path.join(SCHEMA_DIR, 'supergraph.graphql');
const contractPath = (audience: Audience) => path.join(SCHEMA_DIR, 'contracts', `${audience}.graphql`);

/**
 * The subgraphs a supergraph composes, by name, with the URL composition recorded for each (the
 * default; configuration says where each really is). The gateway knows subgraphs only thus.
 */
export function subgraphsOfSupergraph(supergraphSdl: string): { name: string; url: string }[] {
  const graphs = parse(supergraphSdl).definitions.find(
    (definition): definition is EnumTypeDefinitionNode =>
      definition.kind === Kind.ENUM_TYPE_DEFINITION && definition.name.value === 'join__Graph',
  );
  return (graphs?.values ?? []).map((value) => {
    const graph = value.directives?.find((directive) => directive.name.value === 'join__graph');
    const argument = (name: string) => {
      const found = graph?.arguments?.find((candidate) => candidate.name.value === name)?.value;
      return found?.kind === Kind.STRING ? found.value : '';
    };
    return { name: argument('name'), url: argument('url') };
  });
}

export interface GatewayOptions {
  port: number;
  host?: string;
  /** Subgraph name → URL; the committed supergraph's URLs are only defaults. */
  subgraphUrls: Record<string, string>;
  auth: TokenService;
  limits?: OperationLimits;
  /** Production: introspection off, no field suggestions in errors. */
  production?: boolean;
  /** Where live updates come from; without one, subscriptions are refused. */
  bus?: EventBus;
  live?: LiveSettings;
  /** The web app's sign-in settings (no demo sign-in, no OIDC when absent). */
  web?: WebAppSettings;
  /** Where the built web app is (tests may point elsewhere); default web/dist. */
  webDist?: string;
  /** The largest request body it reads (MAX_BODY_BYTES). */
  maxBodyBytes?: number;
  /** Operations a minute per principal and per address (RATE_LIMITS); none when absent. */
  rateLimits?: RateLimitSettings;
  /** The proxies whose X-Forwarded-For tells a caller's address (TRUSTED_PROXIES); none by default. */
  trustedProxies?: readonly string[];
  /** Serve /metrics on the public port (not in production: METRICS_PORT serves it there). */
  metricsRoute?: boolean;
  /** Keep answers subgraphs mark public (default true; see subgraph-fetcher.ts). */
  cacheAnswers?: boolean;
}

export interface RunningGateway {
  http: RunningHttpServer;
  url: string;
  /** The audience endpoints: /graphql/customer, /graphql/partner, /graphql/supplier. */
  audienceUrls: Record<Audience, string>;
  /** graphql-ws on the same paths: ws://…/graphql and ws://…/graphql/<audience>. */
  live: RunningLiveServer;
  /** GraphQL over SSE on <path>/stream: /graphql/stream and /graphql/<audience>/stream. */
  sse: RunningSse;
  feed?: LiveFeed;
  close(drain?: Drain): Promise<void>;
}

/** Clients get a subgraph's codes and messages; an HTTP error's URL and raw body stay out of the answer. */
function formatGatewayError(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError {
  const { response: _response, ...extensions } = (formatted.extensions ?? {}) as Record<string, unknown>;
  return formatError({ ...formatted, extensions }, error);
}

type SubgraphResponse = { url?: string; status?: number; body?: unknown };

/**
 * Passes the caller's own token (and request id) to every subgraph, which verifies it again and
 * applies its rules. A subgraph that refuses a request says why in a GraphQL error (a variable it
 * cannot read: BAD_USER_INPUT naming it): the caller gets that code and message, logged here
 * once at warn. A subgraph that cannot answer at all is SERVICE_UNAVAILABLE, naming it.
 */
class AuthenticatedDataSource extends RemoteGraphQLDataSource<GatewayContext> {
  constructor(
    readonly serviceName: string,
    options: ConstructorParameters<typeof RemoteGraphQLDataSource<GatewayContext>>[0],
  ) {
    super(options);
  }

  override willSendRequest({
    request,
    context,
  }: Parameters<NonNullable<RemoteGraphQLDataSource<GatewayContext>['willSendRequest']>>[0]): void {
    request.http?.headers.set('accept', 'application/json');
    // A health check's context is Apollo's untyped record: read the two headers as unknown.
    const authorization: unknown = context.authorization;
    const requestId: unknown = context.requestId;
    if (typeof authorization === 'string' && authorization) request.http?.headers.set('authorization', authorization);
    if (typeof requestId === 'string' && requestId) request.http?.headers.set('x-request-id', requestId);
  }

  override async process(
    options: Parameters<RemoteGraphQLDataSource<GatewayContext>['process']>[0],
  ): ReturnType<RemoteGraphQLDataSource<GatewayContext>['process']> {
    const done = subgraphFetches.startTimer({ subgraph: this.serviceName });
    try {
      const response = await super.process(options);
      done({ outcome: response.errors?.length ? 'error' : 'ok' });
      return response;
    } catch (error) {
      done({ outcome: 'error' });
      throw error;
    }
  }

  override didEncounterError(error: Error, _fetchRequest: unknown, _fetchResponse: unknown, context?: GatewayContext): void {
    const response = (error as { extensions?: { response?: SubgraphResponse } }).extensions?.response;
    const body = response?.body as { errors?: GraphQLFormattedError[] } | undefined;
    const first = Array.isArray(body?.errors) ? body.errors[0] : undefined;
    const code = first?.extensions?.code;
    if (first && typeof code === 'string' && code !== 'INTERNAL_SERVER_ERROR') {
      // Logged with the rest of the request's errors (requestErrorsPlugin).
      throw hubError(code as Parameters<typeof hubError>[0], first.message, { ...first.extensions, serviceName: this.serviceName });
    }
    logger.warn(
      { subgraph: this.serviceName, status: response?.status, err: response ? undefined : error, requestId: context?.requestId },
      'subgraph could not answer',
    );
    throw hubError('SERVICE_UNAVAILABLE', `The ${this.serviceName} part of the hub could not answer; try again shortly`, {
      serviceName: this.serviceName,
    });
  }
}

const SHARE_SUMMARY = `query ShareSummary($shareId: ID!) {
  sharedOrder(shareId: $shareId) { productFamily productNameZh productNameEn completedAt imageUrl studio { nameZh nameEn } lines { productCode quantity } }
}`;

interface SharedOrderPreview {
  productFamily: string;
  productNameZh: string | null;
  productNameEn: string | null;
  completedAt: string;
  imageUrl: string;
  studio: { nameZh: string; nameEn: string };
  lines: { productCode: string; quantity: number }[];
}

/** The title and description a shared link previews with, in the reader's language. */
function sharePreview(shared: SharedOrderPreview, language: 'zh' | 'en'): ShareSummary {
  // The product as the studio's catalogue named it; orders from before names, by their family.
  const label = productTypeLabel(shared.productFamily);
  const product = { zh: shared.productNameZh ?? label.labelZh, en: shared.productNameEn ?? label.phraseEn };
  const day = new Intl.DateTimeFormat(language === 'zh' ? 'zh-CN' : 'en-GB', { dateStyle: 'long', timeZone: 'Asia/Shanghai' }).format(
    new Date(shared.completedAt),
  );
  return language === 'zh'
    ? {
        title: `${shared.studio.nameZh}为我制作的${product.zh}`,
        description: `${day}完成，一步步见证它的诞生。`,
        imageUrl: shared.imageUrl,
      }
    : {
        title: `${product.en[0].toUpperCase()}${product.en.slice(1)}, made by ${shared.studio.nameEn}`,
        description: `Finished on ${day}: see every step of how it was made.`,
        imageUrl: shared.imageUrl,
      };
}

async function subgraphReady(url: string): Promise<boolean> {
  try {
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'apollo-require-preflight': 'true' },
      body: JSON.stringify({ query: '{ __typename }' }),
      signal: AbortSignal.timeout(2000),
    });
    return response.ok;
  } catch {
    return false;
  }
}

/**
 * The federated gateway: the whole supergraph at /graphql and each audience contract at
 * /graphql/<audience>, all over the same subgraphs, plus /healthz and /readyz. Tokens are
 * verified here (a bad one never reaches a subgraph) and again in every subgraph.
 */
export async function startGateway(options: GatewayOptions): Promise<RunningGateway> {
  const limits = options.limits ?? DEFAULT_LIMITS;
  const production = options.production ?? false;
  const rules = operationRules<GatewayContext>(limits, production);
  const rateLimits = options.rateLimits ? new RateLimits(options.rateLimits) : undefined;
  const trustedProxies = options.trustedProxies ?? [];
  // Members of a suspended enterprise are refused here, before any subgraph (see suspensions.ts).
  const suspended = new SuspendedEnterprises();
  const context = async (request: http.IncomingMessage): Promise<GatewayContext> => {
    const authorization = request.headers.authorization;
    return {
      principal: suspended.admit(await options.auth.principalOf(authorization)),
      authorization,
      requestId: requestIdOf(request),
      clientAddress: clientAddressOf(request, trustedProxies),
    };
  };
  // Public answers are the same on every endpoint: one cache for all, forgotten per subgraph on its change events.
  const answers = options.cacheAnswers === false ? null : new PublicAnswerCache();
  const subgraphTargets = new Map<string, string>();
  const endpointFor = (supergraphSdl: string): GraphQLEndpoint<GatewayContext> & LiveEndpoint => {
    let apiSchema: GraphQLSchema | undefined;
    // One fetcher for every subgraph: identical queries in flight are sent once, public answers kept (see the file).
    const fetcher = subgraphFetcher({ cache: answers });
    // Apollo's gateway otherwise sends its own metrics to usage-reporting.api.apollographql.com,
    // probing cloud metadata addresses (169.254.169.254 …) for them, at least on every stop: the
    // hub talks only to what its operator configured (docs/operations.md).
    process.env.APOLLO_TELEMETRY_DISABLED = 'true';
    const gateway = new ApolloGateway({
      supergraphSdl,
      // Composition validated it (npm run compose; the supergraph test holds the committed files
      // to what the subgraphs compose), so a start need not again: the image never did
      // (NODE_ENV=production turns Apollo's check off); elsewhere it was a sixth of a hub's start.
      validateSupergraph: false,
      buildService: ({ name, url }) => {
        const target = options.subgraphUrls[name] ?? url;
        if (!target) throw new Error(`No URL for subgraph "${name}"`);
        subgraphTargets.set(name, target);
        return new AuthenticatedDataSource(name, { url: target, fetcher });
      },
    });
    // Live events are executed over a resolver-free copy: Apollo Server instruments the schema
    // it serves in place (every field gets a resolver), which would bypass the live resolvers.
    gateway.onSchemaLoadOrUpdate(
      ({ apiSchema: loaded }) => (apiSchema = buildASTSchema(parse(printSchema(loaded)), { assumeValidSDL: true })),
    );
    const apollo = new ApolloServer<GatewayContext>({
      gateway,
      formatError: formatGatewayError,
      includeStacktraceInErrorResponses: false,
      // The limits, and in production no introspection and no suggestions (the same rules as every subgraph's).
      // Apollo's own token limit: a document past it is a 400 GRAPHQL_PARSE_FAILED, like any syntax error.
      introspection: rules.introspection,
      parseOptions: rules.parseOptions,
      validationRules: rules.validationRules,
      csrfPrevention: { requestHeaders: CSRF_PROOF_HEADERS },
      allowBatchedHttpRequests: true,
      stopOnTerminationSignals: false,
      plugins: [
        ...rules.plugins,
        metricsPlugin('gateway'),
        ...(rateLimits ? [rateLimits.plugin()] : []),
        inputGuardPlugin(),
        requestErrorsPlugin<GatewayContext>((context) => context.requestId ?? 'none'),
      ],
    });
    return {
      apollo,
      context,
      schema: () => {
        if (!apiSchema) throw new Error('The gateway has not loaded its schema yet');
        return apiSchema;
      },
    };
  };
  const endpoints: Record<string, GraphQLEndpoint & LiveEndpoint> = { '/graphql': endpointFor(fs.readFileSync(SUPERGRAPH_PATH, 'utf8')) };
  for (const audience of AUDIENCES) endpoints[`/graphql/${audience}`] = endpointFor(fs.readFileSync(contractPath(audience), 'utf8'));
  const publicUrl = options.auth.publicUrl;
  // The share page's preview is read from the graph as anyone would: the public sharedOrder,
  // counted against the page request's address like any call without a token.
  const shareSummary = async (shareId: string, language: 'zh' | 'en', request: http.IncomingMessage): Promise<ShareAnswer> => {
    const result = await endpoints['/graphql'].apollo.executeOperation(
      { query: SHARE_SUMMARY, variables: { shareId } },
      { contextValue: { principal: null, requestId: requestIdOf(request), clientAddress: clientAddressOf(request, trustedProxies) } },
    );
    if (result.body.kind !== 'single') return null;
    const refused = result.body.singleResult.errors?.find((error) => error.extensions?.code === 'RATE_LIMITED');
    if (refused) return { retryAfterSeconds: Number(refused.extensions?.retryAfterSeconds) || 60 };
    const shared = result.body.singleResult.data?.sharedOrder as SharedOrderPreview | null | undefined;
    return shared ? sharePreview(shared, language) : null;
  };
  const feed = options.bus ? await LiveFeed.start(options.bus) : undefined;
  // Heard from the bus from now on; what was suspended before is asked of the network subgraph.
  feed?.watch((event) => suspended.hear(event));
  if (options.subgraphUrls.network) {
    await suspended.load(options.subgraphUrls.network, options.auth);
    // No bus, no events: asked again as often as the directory's kept answers expire.
    if (!feed) suspended.poll(options.subgraphUrls.network, options.auth, SUSPENSIONS_POLL_SECONDS * 1000);
  }
  // Set once the server runs; the health answer reads it before then.
  let live: RunningLiveServer | undefined = undefined;
  // One set of live operations per path, whichever transport carries them (graphql-ws or SSE).
  const liveSettings = options.live ?? DEFAULT_LIVE_SETTINGS;
  const operations = Object.fromEntries(
    Object.entries(endpoints).map(([path, endpoint]) => [
      path,
      new LiveOperations(endpoint, {
        validationRules: rules.validationRules,
        maxTokens: limits.maxTokens,
        feed,
        settings: liveSettings,
        rateLimits,
      }),
    ]),
  );
  const sse: RunningSse = serveSse({
    operations,
    auth: options.auth,
    settings: liveSettings,
    rateLimits,
    trustedProxies,
    maxBodyBytes: options.maxBodyBytes,
    suspended,
  });
  // Capture documents are read on a thread of their own (epcis-capture-thread.ts).
  const captureThread = new CaptureThread();
  // Spreadsheets are read and written on a thread of their own too (spreadsheet-thread.ts).
  const spreadsheetThread = new SpreadsheetThread();
  const http = await serveApollo({
    endpoints,
    port: options.port,
    host: options.host,
    maxBatch: limits.maxBatch,
    maxBodyBytes: options.maxBodyBytes,
    fallback: webApp({
      publicUrl,
      settings: options.web ?? { demoSignIn: false },
      auth: options.auth,
      shareSummary,
      distDir: options.webDist,
    }),
    routes: {
      ...(options.metricsRoute ? { '/metrics': serveMetrics } : {}),
      ...sse.routes,
      ...epcisRoutes({ endpoint: endpoints['/graphql'], publicUrl }),
      ...epcisCaptureRoutes({ endpoint: endpoints['/graphql'], publicUrl, maxBodyBytes: options.maxBodyBytes, thread: captureThread }),
      ...digitalLinkRoutes({ endpoint: endpoints['/graphql'], publicUrl }),
      // The identity provider's token for the hub's own, with the membership's org and roles.
      ...(options.subgraphUrls.network
        ? tokenExchangeRoutes({
            auth: options.auth,
            networkUrl: options.subgraphUrls.network,
            trustedProxies,
            perAddressPerMinute: options.rateLimits?.exchangesPerAddressPerMinute,
          })
        : {}),
      ...masterDataImportRoutes({ endpoint: endpoints['/graphql'], thread: spreadsheetThread }),
      '/healthz': (_request, response) =>
        sendJson(response, 200, {
          status: 'ok',
          live: { enabled: !!feed, connections: live?.connections() ?? 0, streams: sse.streams(), followers: feed?.followers ?? 0 },
        }),
      '/readyz': async (_request, response) => {
        const checks = await Promise.all(
          Object.entries(options.subgraphUrls).map(async ([name, url]) => [name, await subgraphReady(url)] as const),
        );
        const ready = checks.every(([, ok]) => ok);
        sendJson(response, ready ? 200 : 503, { status: ready ? 'ready' : 'not ready', subgraphs: Object.fromEntries(checks) });
      },
    },
  });
  // Links the hub sends point here unless PUBLIC_URL says otherwise.
  publicUrl.settle(boundUrl(options.host, http.port));
  // Without a bus, kept public answers last their max-age; with one, a change event ends them at once.
  feed?.watch((event) => {
    const changed = PUBLIC_DATA_CHANGES[event.type as EventType];
    const target = changed && subgraphTargets.get(changed);
    if (target) answers?.forget(target);
  });
  const running = serveLive({
    server: http.server,
    operations,
    auth: options.auth,
    keepAliveMs: liveSettings.keepAliveMs,
    connectionsPerAddress: liveSettings.connectionsPerAddress,
    trustedProxies,
    suspended,
  });
  const url = `${http.url}/graphql`;
  live = running;
  const liveReadings = async () => [
    { labels: { service: 'gateway', measure: 'connections' }, value: running.connections() },
    { labels: { service: 'gateway', measure: 'streams' }, value: sse.streams() },
    { labels: { service: 'gateway', measure: 'subscriptions' }, value: feed?.followers ?? 0 },
    { labels: { service: 'gateway', measure: 'queued_events' }, value: feed?.queued ?? 0 },
  ];
  readInto(
    'weft_live',
    'Live updates now: open graphql-ws connections and SSE streams, subscriptions, and events queued for them',
    ['service', 'measure'],
    liveReadings,
  );
  logger.info({ url, live: feed ? 'graphql-ws and SSE' : 'off (no bus)' }, 'gateway ready');
  return {
    http,
    url,
    audienceUrls: Object.fromEntries(AUDIENCES.map((audience) => [audience, `${url}/${audience}`])) as Record<Audience, string>,
    live: running,
    sse,
    feed,
    close: async (drain?: Drain) => {
      stopReading(liveReadings);
      feed?.close();
      suspended.close();
      await Promise.all([running.close(), sse.close()]);
      await http.close(drain);
      await Promise.all([rateLimits?.close(), captureThread.close(), spreadsheetThread.close()]);
    },
  };
}
