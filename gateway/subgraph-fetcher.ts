import http from 'node:http';
import https from 'node:https';
import nodeFetch, { Headers, Response } from 'node-fetch';
import type { Fetcher, FetcherResponse } from '@apollo/utils.fetcher';
import { ANSWER_VERSION_HEADER } from '../platform/graphql/public-answers';
import { subgraphAnswersShared } from '../platform/runtime/metrics';

/**
 * How the gateway reaches its subgraphs.
 *
 * Keep-alive connections, through node-fetch: undici's fetch (Apollo's default) spent most of
 * its time in web streams, which showed as the gateway's largest cost under live load.
 */
const agents = { http: new http.Agent({ keepAlive: true, maxSockets: 64 }), https: new https.Agent({ keepAlive: true, maxSockets: 64 }) };
const keepAliveFetcher: Fetcher = (url, init) => nodeFetch(url, { ...(init as nodeFetch.RequestInit), agent: (parsed: URL) => (parsed.protocol === 'http:' ? agents.http : agents.https) }) as unknown as ReturnType<Fetcher>;

interface Answer {
  status: number;
  statusText: string;
  headers: [string, string][];
  body: string;
}

/** A query the gateway planned (Apollo writes `{"query":"query …` or `{"query":"{ …`); mutations never match. */
const isQuery = (body: unknown): body is string => typeof body === 'string' && (body.startsWith('{"query":"query') || body.startsWith('{"query":"{'));

/** `max-age` of a `Cache-Control: …, public` answer; 0 when it may not be kept for everyone. */
function publicMaxAge(cacheControl: string | undefined): number {
  if (!cacheControl || !/(^|[\s,])public([\s,]|$)/.test(cacheControl) || /no-store|private/.test(cacheControl)) return 0;
  const maxAge = /max-age=(\d+)/.exec(cacheControl);
  return maxAge ? Number(maxAge[1]) : 0;
}

const header = (answer: Answer, name: string) => answer.headers.find(([key]) => key.toLowerCase() === name)?.[1];

/**
 * Answers a subgraph marked public (`Cache-Control: max-age=…, public`, see
 * platform/graphql/public-answers.ts), kept for everyone until they expire, per subgraph and
 * document with its variables (an entity fetch's representations among them). An answer of
 * another version (`x-weft-answer-version`) makes the subgraph's kept answers go. Bounded: the
 * least recently used goes first. Nothing else is kept: a subgraph whose rows or fields depend
 * on the viewer never says public.
 */
export class PublicAnswerCache {
  private readonly answers = new Map<string, { answer: Answer; expiresAt: number }>();
  private readonly versions = new Map<string, string | undefined>();
  hits = 0;
  misses = 0;

  constructor(private readonly maxEntries = 5_000) {}

  get(url: string, body: string): Answer | undefined {
    const key = `${url}\n${body}`;
    const kept = this.answers.get(key);
    if (kept && kept.expiresAt > Date.now()) {
      this.answers.delete(key);
      this.answers.set(key, kept);
      this.hits += 1;
      return kept.answer;
    }
    if (kept) this.answers.delete(key);
    this.misses += 1;
    return undefined;
  }

  offer(url: string, body: string, answer: Answer): void {
    const version = header(answer, ANSWER_VERSION_HEADER);
    if (this.versions.has(url) && this.versions.get(url) !== version) {
      for (const key of [...this.answers.keys()]) if (key.startsWith(`${url}\n`)) this.answers.delete(key);
    }
    this.versions.set(url, version);
    const maxAge = answer.status === 200 ? publicMaxAge(header(answer, 'cache-control')) : 0;
    if (!maxAge) return;
    this.answers.set(`${url}\n${body}`, { answer, expiresAt: Date.now() + maxAge * 1000 });
    if (this.answers.size > this.maxEntries) this.answers.delete(this.answers.keys().next().value!);
  }
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
  const toResponse = ({ status, statusText, headers, body }: Answer) => new Response(body, { status, statusText, headers }) as unknown as FetcherResponse;
  return (async (url, init) => {
    const body = init?.body;
    if (!isQuery(body)) return send(url, init);
    const kept = cache?.get(url, body);
    if (kept) {
      subgraphAnswersShared.inc({ how: 'kept' });
      return toResponse(kept);
    }
    const headers = new Headers(init?.headers as Record<string, string> | undefined);
    const key = `${url}\n${headers.get('authorization') ?? ''}\n${body}`;
    let answer = inFlight.get(key);
    if (answer) subgraphAnswersShared.inc({ how: 'in_flight' });
    else {
      answer = (async () => {
        const response = await send(url, init);
        const received: Answer = { status: response.status, statusText: response.statusText, headers: [...(response.headers as unknown as Headers).entries()], body: await response.text() };
        cache?.offer(url, body, received);
        return received;
      })();
      inFlight.set(key, answer);
      const settled = () => inFlight.delete(key);
      answer.then(settled, settled);
    }
    return toResponse(await answer);
  }) as Fetcher;
}
