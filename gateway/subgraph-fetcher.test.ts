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

const request = (body: string, authorization: string): FetcherRequestInit => ({
  method: 'POST',
  body,
  headers: Object.fromEntries(new Headers({ 'content-type': 'application/json', authorization })),
});
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

  it('never shares between viewers, subgraphs or variables, and always sends mutations', async () => {
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
      return new Response(JSON.stringify({ data: { n: sent } }), {
        status: 200,
        headers: { 'content-type': 'application/json', ...headers() },
      });
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

  it("keeps nothing private, uncacheable or unmarked, and forgets a subgraph's answers when its version changes", async () => {
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

describe('entities kept one representation at a time', () => {
  const ENTITY_QUERY =
    'query Q__network__1($representations:[_Any!]!){_entities(representations:$representations){...on Enterprise{nameEn}}}';
  const entityFetch = (ids: string[]) =>
    JSON.stringify({ query: ENTITY_QUERY, variables: { representations: ids.map((id) => ({ __typename: 'Enterprise', id })) } });

  /** A directory subgraph: answers each representation with its name, or an error for "bad". */
  function directory(cacheControl = 'max-age=60, public') {
    const asked: string[][] = [];
    const send = (async (_url: string, init?: FetcherRequestInit) => {
      const representations = JSON.parse(String(init!.body)).variables.representations as { id: string }[];
      asked.push(representations.map(({ id }) => id));
      const errors = representations.flatMap(({ id }, index) =>
        id === 'bad' ? [{ message: 'no such', path: ['_entities', index, 'nameEn'] }] : [],
      );
      const body = {
        data: { _entities: representations.map(({ id }) => (id === 'bad' ? null : { nameEn: `name of ${id}` })) },
        ...(errors.length ? { errors } : {}),
      };
      return new Response(JSON.stringify(body), {
        status: 200,
        headers: { 'content-type': 'application/json', 'cache-control': cacheControl },
      });
    }) as unknown as Fetcher;
    return { send, asked };
  }

  it('asks only for the representations it has not kept, and answers in the order asked', async () => {
    const subgraph = directory();
    const fetcher = subgraphFetcher({ send: subgraph.send });
    await fetcher('http://network/graphql', request(entityFetch(['a', 'b']), 'Bearer x'));
    const answer = await fetcher('http://network/graphql', request(entityFetch(['c', 'b', 'a', 'd']), 'Bearer y'));
    expect(subgraph.asked).toEqual([
      ['a', 'b'],
      ['c', 'd'],
    ]);
    expect(await answer.json()).toEqual({
      data: { _entities: [{ nameEn: 'name of c' }, { nameEn: 'name of b' }, { nameEn: 'name of a' }, { nameEn: 'name of d' }] },
    });
    const kept = await fetcher('http://network/graphql', request(entityFetch(['d', 'a']), 'Bearer z'));
    expect(subgraph.asked).toHaveLength(2);
    expect(await kept.json()).toEqual({ data: { _entities: [{ nameEn: 'name of d' }, { nameEn: 'name of a' }] } });
  });

  it("moves an error's path back to the representation it belongs to, and keeps nothing of an answer with errors", async () => {
    const subgraph = directory();
    const fetcher = subgraphFetcher({ send: subgraph.send });
    await fetcher('http://network/graphql', request(entityFetch(['a']), 'Bearer x'));
    const answer = await fetcher('http://network/graphql', request(entityFetch(['a', 'bad', 'e']), 'Bearer x'));
    expect(subgraph.asked).toEqual([['a'], ['bad', 'e']]);
    expect(await answer.json()).toEqual({
      data: { _entities: [{ nameEn: 'name of a' }, null, { nameEn: 'name of e' }] },
      errors: [{ message: 'no such', path: ['_entities', 1, 'nameEn'] }],
    });
    await fetcher('http://network/graphql', request(entityFetch(['e']), 'Bearer x'));
    expect(subgraph.asked).toEqual([['a'], ['bad', 'e'], ['e']]);
  });

  it('keeps no entity of a subgraph that does not say public, and forgets a subgraph on a change', async () => {
    const private_ = directory('no-store');
    const fetcher = subgraphFetcher({ send: private_.send });
    await fetcher('http://orders/graphql', request(entityFetch(['a']), 'Bearer x'));
    await fetcher('http://orders/graphql', request(entityFetch(['a']), 'Bearer x'));
    expect(private_.asked).toHaveLength(2);

    const subgraph = directory();
    const cache = new PublicAnswerCache();
    const cached = subgraphFetcher({ send: subgraph.send, cache });
    await cached('http://network/graphql', request(entityFetch(['a']), 'Bearer x'));
    cache.forget('http://network/graphql');
    await cached('http://network/graphql', request(entityFetch(['a']), 'Bearer x'));
    expect(subgraph.asked).toEqual([['a'], ['a']]);
    // An answer asked for before the change is not kept.
    const before = cache.generation('http://network/graphql');
    cache.forget('http://network/graphql');
    cache.offer(
      'http://network/graphql',
      entityFetch(['f']),
      {
        status: 200,
        statusText: 'OK',
        headers: [['cache-control', 'max-age=60, public']],
        body: '{"data":{"_entities":[{"nameEn":"old"}]}}',
      },
      before,
    );
    await cached('http://network/graphql', request(entityFetch(['f']), 'Bearer x'));
    expect(subgraph.asked).toEqual([['a'], ['a'], ['f']]);
  });
});
