import http from 'node:http';
import https from 'node:https';
import nodeFetch, { Headers, Response } from 'node-fetch';
import type { Fetcher, FetcherResponse } from '@apollo/utils.fetcher';

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

/**
 * Identical subgraph queries in flight at once are sent once, and each asker gets the answer:
 * the same subgraph, the same document and variables, and the same `authorization` — so one
 * viewer's answer never reaches another, and what a subgraph's rules decide is decided for each
 * viewer as before. Many clients following the same order, a page asked by several tabs, or the
 * same entity in many live events, cost one fetch. Mutations are always sent.
 */
export function deduplicatingFetcher(send: Fetcher = keepAliveFetcher): Fetcher {
  const inFlight = new Map<string, Promise<Answer>>();
  return (async (url, init) => {
    if (!isQuery(init?.body)) return send(url, init);
    const headers = new Headers(init?.headers as Record<string, string> | undefined);
    const key = `${url}\n${headers.get('authorization') ?? ''}\n${init.body}`;
    let answer = inFlight.get(key);
    if (!answer) {
      answer = (async () => {
        const response = await send(url, init);
        return { status: response.status, statusText: response.statusText, headers: [...(response.headers as unknown as Headers).entries()], body: await response.text() };
      })();
      inFlight.set(key, answer);
      const settled = () => inFlight.delete(key);
      answer.then(settled, settled);
    }
    const { status, statusText, headers: answerHeaders, body } = await answer;
    return new Response(body, { status, statusText, headers: answerHeaders }) as unknown as FetcherResponse;
  }) as Fetcher;
}
