import http from 'node:http';
import https from 'node:https';
import nodeFetch, { Headers, Response } from 'node-fetch';
import type { Fetcher, FetcherRequestInit, FetcherResponse } from '@apollo/utils.fetcher';
import { ANSWER_VERSION_HEADER } from '../platform/graphql/public-answers';
import { subgraphAnswersShared } from '../platform/runtime/metrics';

/**
 * How the gateway reaches its subgraphs.
 *
 * Keep-alive connections, through node-fetch: undici's fetch (Apollo's default) spent most of
 * its time in web streams, which showed as the gateway's largest cost under live load.
 */
const agents = { http: new http.Agent({ keepAlive: true, maxSockets: 64 }), https: new https.Agent({ keepAlive: true, maxSockets: 64 }) };
const keepAliveFetcher: Fetcher = (url, init) =>
  nodeFetch(url, {
    ...(init as nodeFetch.RequestInit),
    agent: (parsed: URL) => (parsed.protocol === 'http:' ? agents.http : agents.https),
  });

interface Answer {
  status: number;
  statusText: string;
  headers: [string, string][];
  body: string;
}

/** A query the gateway planned (Apollo writes `{"query":"query …` or `{"query":"{ …`); mutations never match. */
const isQuery = (body: unknown): body is string =>
  typeof body === 'string' && (body.startsWith('{"query":"query') || body.startsWith('{"query":"{'));

/** `max-age` of a `Cache-Control: …, public` answer; 0 when it may not be kept for everyone. */
function publicMaxAge(cacheControl: string | undefined): number {
  if (!cacheControl || !/(?:^|[\s,])public(?:[\s,]|$)/.test(cacheControl) || /no-store|private/.test(cacheControl)) return 0;
  const maxAge = /max-age=(\d+)/.exec(cacheControl);
  return maxAge ? Number(maxAge[1]) : 0;
}

const header = (answer: Answer, name: string) => answer.headers.find(([key]) => key.toLowerCase() === name)?.[1];

/** A planned entity fetch: `_entities(representations: $representations)` and its other variables. */
interface EntityFetch {
  parsed: { query: string; variables: Record<string, unknown> & { representations: unknown[] } } & Record<string, unknown>;
  /** What each representation's kept entity is filed under, in order. */
  keys: string[];
}

/** The planner's `_entities` request body: a query string and variables with a representations array. */
function isEntityFetchBody(parsed: unknown): parsed is EntityFetch['parsed'] {
  if (typeof parsed !== 'object' || parsed === null) return false;
  const { query, variables } = parsed as { query?: unknown; variables?: unknown };
  if (typeof query !== 'string' || typeof variables !== 'object' || variables === null) return false;
  return Array.isArray((variables as { representations?: unknown }).representations);
}

function entityFetchOf(url: string, body: string): EntityFetch | null {
  if (!body.includes('_entities(representations:$representations)')) return null;
  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch {
    return null;
  }
  if (!isEntityFetchBody(parsed)) return null;
  const representations = parsed.variables.representations;
  const { representations: _all, ...others } = parsed.variables;
  const prefix = `${url}\n${parsed.query}\n${JSON.stringify(others)}\n`;
  return { parsed, keys: representations.map((representation) => prefix + JSON.stringify(representation)) };
}

interface KeptEntity {
  entity: unknown;
  cacheControl: string;
}

/**
 * Answers a subgraph marked public (`Cache-Control: max-age=…, public`, see
 * platform/graphql/public-answers.ts), kept for everyone until they expire: whole answers per
 * subgraph and document with its variables, and entity fetches (`_entities`) per
 * representation, so a page of orders of three studios asks the directory only for a studio it
 * has not seen. A subgraph's kept answers go when an answer of another version arrives
 * (`x-weft-answer-version`) or when the gateway hears that its data changed (`forget`, on the
 * events in contracts' PUBLIC_DATA_CHANGES); an answer asked for before that is not kept.
 * Bounded: the least recently used goes first. Nothing else is kept: a subgraph whose rows or
 * fields depend on the viewer never says public.
 */
export class PublicAnswerCache {
  private readonly kept = new Map<string, { value: Answer | KeptEntity; expiresAt: number }>();
  private readonly versions = new Map<string, string | undefined>();
  private readonly generations = new Map<string, number>();
  private readonly publicUrls = new Set<string>();
  hits = 0;
  misses = 0;

  constructor(private readonly maxEntries = 5_000) {}

  private take<T extends Answer | KeptEntity>(key: string): T | undefined {
    const kept = this.kept.get(key);
    if (kept && kept.expiresAt > Date.now()) {
      this.kept.delete(key);
      this.kept.set(key, kept);
      this.hits += 1;
      return kept.value as T;
    }
    if (kept) this.kept.delete(key);
    this.misses += 1;
    return undefined;
  }

  private keep(key: string, value: Answer | KeptEntity, maxAge: number): void {
    this.kept.set(key, { value, expiresAt: Date.now() + maxAge * 1000 });
    if (this.kept.size > this.maxEntries) this.kept.delete(this.kept.keys().next().value!);
  }

  /** Forgets every answer kept of the subgraph at `url` (its data changed). */
  forget(url: string): void {
    this.generations.set(url, this.generation(url) + 1);
    for (const key of [...this.kept.keys()]) if (key.startsWith(`${url}\n`)) this.kept.delete(key);
  }

  /** Taken before asking: an answer asked for before a `forget` is not kept. */
  generation(url: string): number {
    return this.generations.get(url) ?? 0;
  }

  /** The kept answer of a query, or undefined. */
  get(url: string, body: string): Answer | undefined {
    return this.take<Answer>(`${url}\n${body}`);
  }

  /** The kept entity of each representation, or undefined where none is kept. */
  entities(fetch: EntityFetch): (KeptEntity | undefined)[] {
    return fetch.keys.map((key) => this.take<KeptEntity>(key));
  }

  /** Reads an answer's version; answers whether (and how long) it may be kept. */
  private admit(url: string, answer: Answer, generation: number): number {
    const version = header(answer, ANSWER_VERSION_HEADER);
    // Asked for before a change was heard of: not kept. An answer of a new version is itself current.
    const current = generation === this.generation(url);
    if (this.versions.has(url) && this.versions.get(url) !== version) this.forget(url);
    this.versions.set(url, version);
    if (!current || answer.status !== 200) return 0;
    return publicMaxAge(header(answer, 'cache-control'));
  }

  /** Whether the subgraph at `url` has marked an answer public: only then are its entity fetches looked into. */
  keepsAnswersOf(url: string): boolean {
    return this.publicUrls.has(url);
  }

  /** Keeps an answer marked public: whole, or an entity fetch's entities one by one (none when it has errors; no null). */
  offer(url: string, body: string, answer: Answer, generation = this.generation(url), entityFetch = entityFetchOf(url, body)): void {
    const maxAge = this.admit(url, answer, generation);
    if (!maxAge) return;
    this.publicUrls.add(url);
    if (!entityFetch) return this.keep(`${url}\n${body}`, answer, maxAge);
    let parsed: unknown;
    try {
      parsed = JSON.parse(answer.body);
    } catch {
      return;
    }
    const { data, errors } = (parsed ?? {}) as { data?: { _entities?: unknown } | null; errors?: unknown };
    const entities = data?._entities;
    if ((Array.isArray(errors) && errors.length) || !Array.isArray(entities) || entities.length !== entityFetch.keys.length) return;
    const cacheControl = header(answer, 'cache-control')!;
    entities.forEach((entity, index) => {
      if (entity !== null) this.keep(entityFetch.keys[index], { entity, cacheControl }, maxAge);
    });
  }
}

/**
 * One answer of an entity fetch from the entities kept and the subgraph's answer for the rest
 * (`missing`: the original positions of the representations it was asked for), its errors'
 * paths moved back to the original positions.
 */
function mergedEntities(kept: (KeptEntity | undefined)[], missing: number[], answer: Answer | null): Answer {
  const entities: unknown[] = kept.map((entry) => entry?.entity ?? null);
  let errors: { path?: (string | number)[] }[] | undefined;
  if (answer) {
    const parsed = JSON.parse(answer.body) as { data?: { _entities?: unknown[] } | null; errors?: { path?: (string | number)[] }[] };
    if (answer.status !== 200 || !parsed.data) return answer;
    (parsed.data._entities ?? []).forEach((entity, index) => (entities[missing[index]] = entity));
    errors = parsed.errors?.map((error) =>
      error.path?.[0] === '_entities' && typeof error.path[1] === 'number'
        ? { ...error, path: ['_entities', missing[error.path[1]], ...error.path.slice(2)] }
        : error,
    );
  }
  const cacheControl = kept.find((entry) => entry)?.cacheControl;
  return {
    status: 200,
    statusText: 'OK',
    headers: [
      ['content-type', 'application/json'],
      ...(cacheControl && !answer ? [['cache-control', cacheControl] as [string, string]] : []),
    ],
    body: JSON.stringify(errors?.length ? { data: { _entities: entities }, errors } : { data: { _entities: entities } }),
  };
}

/**
 * The gateway's fetcher for its subgraphs.
 *
 * - Identical subgraph queries in flight at once are sent once, and each asker gets the answer:
 *   the same subgraph, the same document and variables, and the same `authorization` — so one
 *   viewer's answer never reaches another, and what a subgraph's rules decide is decided for
 *   each viewer as before. Many clients following the same order, a page asked by several tabs,
 *   or the same entity in many live events, cost one fetch.
 * - Answers a subgraph marked public are kept (PublicAnswerCache), unless `cache` is null.
 * - Mutations are always sent, and nothing of theirs is kept.
 */
export function subgraphFetcher(options: { send?: Fetcher; cache?: PublicAnswerCache | null } = {}): Fetcher {
  const send = options.send ?? keepAliveFetcher;
  const cache = options.cache === undefined ? new PublicAnswerCache() : options.cache;
  const inFlight = new Map<string, Promise<Answer>>();
  const toResponse = ({ status, statusText, headers, body }: Answer) =>
    new Response(body, { status, statusText, headers }) as unknown as FetcherResponse;

  /** Sends a query once for every identical one in flight; `keep` offers its answer to the cache. */
  const ask = (url: string, init: FetcherRequestInit, body: string, keep: (answer: Answer) => void): Promise<Answer> => {
    const headers = new Headers(init.headers);
    const key = `${url}\n${headers.get('authorization') ?? ''}\n${body}`;
    const asked = inFlight.get(key);
    if (asked) {
      subgraphAnswersShared.inc({ how: 'in_flight' });
      return asked;
    }
    const answer = (async () => {
      const response = await send(url, { ...init, body });
      const received: Answer = {
        status: response.status,
        statusText: response.statusText,
        headers: [...(response.headers as unknown as Headers).entries()],
        body: await response.text(),
      };
      keep(received);
      return received;
    })();
    inFlight.set(key, answer);
    const settled = () => inFlight.delete(key);
    answer.then(settled, settled);
    return answer;
  };

  return async (url, init) => {
    const body = init?.body;
    if (!isQuery(body)) return send(url, init);
    const generation = cache?.generation(url) ?? 0;
    const entityFetch = cache?.keepsAnswersOf(url) ? entityFetchOf(url, body) : null;
    if (!cache || !entityFetch) {
      const kept = cache?.get(url, body);
      if (kept) {
        subgraphAnswersShared.inc({ how: 'kept' });
        return toResponse(kept);
      }
      return toResponse(await ask(url, init!, body, (answer) => cache?.offer(url, body, answer, generation)));
    }
    // An entity fetch: only the representations without a kept entity are sent.
    const kept = cache.entities(entityFetch);
    const missing = kept.flatMap((entry, index) => (entry ? [] : [index]));
    if (!missing.length) {
      subgraphAnswersShared.inc({ how: 'kept' });
      return toResponse(mergedEntities(kept, missing, null));
    }
    const subset: EntityFetch | null =
      missing.length === kept.length
        ? null
        : {
            parsed: {
              ...entityFetch.parsed,
              variables: {
                ...entityFetch.parsed.variables,
                representations: missing.map((index) => entityFetch.parsed.variables.representations[index]),
              },
            },
            keys: missing.map((index) => entityFetch.keys[index]),
          };
    const asked = subset ? JSON.stringify(subset.parsed) : body;
    const answer = await ask(url, init!, asked, (received) => cache.offer(url, asked, received, generation, subset ?? entityFetch));
    return toResponse(missing.length === kept.length ? answer : mergedEntities(kept, missing, answer));
  };
}
