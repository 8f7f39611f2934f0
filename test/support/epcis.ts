// The gateway's validator against GS1's EPCIS 2.0 schema: what tests check every answer with.
import { epcisSchemaProblems } from '../../gateway/epcis-schema';

export { epcisSchemaProblems };

/**
 * Every page of an EPCIS query at a gateway, following its `Link: rel="next"` headers (under the
 * hub's public URL `publicBase`; the test reaches the same gateway at `gatewayUrl`). Each page
 * must be a 200 EPCISQueryDocument that GS1's schema accepts.
 */
export async function allEpcisEvents(
  gatewayUrl: string,
  publicBase: string,
  path: string,
  token: string,
): Promise<{ events: Record<string, any>[]; pages: number }> {
  const events: Record<string, any>[] = [];
  let next: string | null = path;
  let pages = 0;
  while (next) {
    const response = await fetch(`${gatewayUrl}${next}`, { headers: { authorization: `Bearer ${token}` } });
    const page = (await response.json()) as any;
    expect([response.status, response.headers.get('gs1-epcis-version'), page.type, epcisSchemaProblems(page)]).toEqual([
      200,
      '2.0.0',
      'EPCISQueryDocument',
      [],
    ]);
    events.push(...page.epcisBody.queryResults.resultsBody.eventList);
    pages += 1;
    next = /^<([^>]+)>; rel="next"$/.exec(response.headers.get('link') ?? '')?.[1]?.slice(publicBase.length) ?? null;
  }
  return { events, pages };
}
