import { Headers, Response } from 'node-fetch';
import type { Fetcher, FetcherRequestInit } from '@apollo/utils.fetcher';
import { deduplicatingFetcher } from './subgraph-fetcher';

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
    const fetcher = deduplicatingFetcher(subgraph.send);
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
    const fetcher = deduplicatingFetcher(subgraph.send);
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
