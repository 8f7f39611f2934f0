import { Headers, Response } from 'node-fetch';
import type { Fetcher, FetcherRequestInit } from '@apollo/utils.fetcher';
import { PublicAnswerCache, subgraphFetcher } from './subgraph-fetcher';

/** A subgraph that answers after a tick and counts what it was sent. */
function countingSubgraph() {
  const sent: FetcherRequestInit[] = [];
  const send = (async (_url: string, init?: FetcherRequestInit) => {
    sent.push(init!);
    await new Promise((resolve) => setTimeout(resolve, 10));
    return new Response(JSON.stringify({ data: { n: sent.length } }), { status: 200, headers: { 'content-type': 'application/json' } });
  }) as unknown as Fetcher;
  return { sent, send };
}

const request = (body: string, authorization: string): FetcherRequestInit => ({ method: 'POST', body, headers: Object.fromEntries(new Headers({ 'content-type': 'application/json', authorization })) });
const QUERY = '{"query":"query($id:ID!){order(id:$id){id}}","variables":{"id":"o1"}}';

describe('the subgraph fetcher', () => {
  it('sends identical queries in flight once, and gives each asker the answer', async () => {
    const subgraph = countingSubgraph();
    const fetcher = subgraphFetcher({ send: subgraph.send, cache: null });
    const answers = await Promise.all([1, 2, 3].map(() => fetcher('http://orders/graphql', request(QUERY, 'Bearer a'))));
    expect(subgraph.sent).toHaveLength(1);
    expect(await Promise.all(answers.map((answer) => answer.json()))).toEqual([{ data: { n: 1 } }, { data: { n: 1 } }, { data: { n: 1 } }]);
    expect(answers[0].headers.get('content-type')).toBe('application/json');
    // Once answered, the next one is sent again.
    await fetcher('http://orders/graphql', request(QUERY, 'Bearer a'));
    expect(subgraph.sent).toHaveLength(2);
  });

  it("never shares between viewers, subgraphs or variables, and always sends mutations", async () => {
    const subgraph = countingSubgraph();
    const fetcher = subgraphFetcher({ send: subgraph.send, cache: null });
    const mutation = '{"query":"mutation{cancelOrder(id:\\"o1\\"){id}}"}';
    await Promise.all([
      fetcher('http://orders/graphql', request(QUERY, 'Bearer a')),
      fetcher('http://orders/graphql', request(QUERY, 'Bearer b')),
      fetcher('http://network/graphql', request(QUERY, 'Bearer a')),
      fetcher('http://orders/graphql', request(QUERY.replace('o1', 'o2'), 'Bearer a')),
      fetcher('http://orders/graphql', request(mutation, 'Bearer a')),
      fetcher('http://orders/graphql', request(mutation, 'Bearer a')),
    ]);
    expect(subgraph.sent).toHaveLength(6);
  });
});

describe('answers kept for everyone', () => {
  /** A subgraph whose answers carry the given headers. */
  function subgraphAnswering(headers: () => Record<string, string>) {
    let sent = 0;
    const send = (async () => {
      sent += 1;
      return new Response(JSON.stringify({ data: { n: sent } }), { status: 200, headers: { 'content-type': 'application/json', ...headers() } });
    }) as unknown as Fetcher;
    return { send, sent: () => sent };
  }

  it('keeps an answer marked public, for every viewer, until it expires', async () => {
    jest.useFakeTimers({ doNotFake: ['nextTick', 'setImmediate', 'queueMicrotask'] });
    try {
      const subgraph = subgraphAnswering(() => ({ 'cache-control': 'max-age=60, public', 'x-weft-answer-version': '1' }));
      const cache = new PublicAnswerCache();
      const fetcher = subgraphFetcher({ send: subgraph.send, cache });
      await fetcher('http://vocabulary/graphql', request(QUERY, 'Bearer a'));
      const again = await fetcher('http://vocabulary/graphql', request(QUERY, 'Bearer b'));
      expect(await again.json()).toEqual({ data: { n: 1 } });
      expect(subgraph.sent()).toBe(1);
      expect([cache.hits, cache.misses]).toEqual([1, 1]);
      // Other variables are another answer.
      await fetcher('http://vocabulary/graphql', request(QUERY.replace('o1', 'o2'), 'Bearer a'));
      expect(subgraph.sent()).toBe(2);
      jest.setSystemTime(Date.now() + 61_000);
      await fetcher('http://vocabulary/graphql', request(QUERY, 'Bearer a'));
      expect(subgraph.sent()).toBe(3);
    } finally {
      jest.useRealTimers();
    }
  });

  it('keeps nothing private, uncacheable or unmarked, and forgets a subgraph\'s answers when its version changes', async () => {
    for (const cacheControl of ['no-store', 'max-age=60, private', 'max-age=0, public', '']) {
      const subgraph = subgraphAnswering((): Record<string, string> => (cacheControl ? { 'cache-control': cacheControl } : {}));
      const fetcher = subgraphFetcher({ send: subgraph.send });
      await fetcher('http://orders/graphql', request(QUERY, 'Bearer a'));
      await fetcher('http://orders/graphql', request(QUERY, 'Bearer a'));
      expect(`${cacheControl}: ${subgraph.sent()}`).toBe(`${cacheControl}: 2`);
    }
    let version = '1';
    const subgraph = subgraphAnswering(() => ({ 'cache-control': 'max-age=60, public', 'x-weft-answer-version': version }));
    const fetcher = subgraphFetcher({ send: subgraph.send });
    const other = QUERY.replace('o1', 'o2');
    await fetcher('http://vocabulary/graphql', request(QUERY, 'Bearer a'));
    version = '2';
    await fetcher('http://vocabulary/graphql', request(other, 'Bearer a'));
    // The answer of version 1 went when version 2 arrived.
    await fetcher('http://vocabulary/graphql', request(QUERY, 'Bearer a'));
    expect(subgraph.sent()).toBe(3);
    await fetcher('http://vocabulary/graphql', request(other, 'Bearer a'));
    expect(subgraph.sent()).toBe(3);
  });
});
