import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { CAPTURE_LIMITS, type Principal } from '../contracts';
import { eventHashId } from '../gateway/epcis-capture-document';
import { CaptureJob, CapturedEvent } from '../subgraphs/traceability/entities';
import { allEpcisEvents } from './support/epcis';
import type { TestHub } from './support/hub';
import { dialects, startTestHub } from './support/hub';
import { teawareOrder } from './support/orders';
import { customer, hubAdmin, partner, staff } from './support/principals';

/** GS1's 47 example documents of EPCIS 2.0 (contracts/standards/examples). */
const EXAMPLES = path.resolve(__dirname, '..', '..', 'contracts', 'standards', 'examples');
const CONTEXT = ['https://ref.gs1.org/standards/epcis/2.0.0/epcis-context.jsonld'];

const clay = partner('jingdezhen-clay', 'SUPPLIER');
const gilding = partner('gilding-atelier');
const kiln = partner('jingde-kiln-works');
const goldLeaf = partner('nanjing-gold-leaf', 'SUPPLIER');
const studio = staff('moyun-studio');

const documentOf = (events: Record<string, unknown>[]) => ({
  '@context': CONTEXT,
  type: 'EPCISDocument',
  schemaVersion: '2.0',
  creationDate: '2026-12-03T08:00:00Z',
  epcisBody: { eventList: events },
});

describe.each(dialects())('EPCIS 2.0 capture interface at the gateway (%s)', (dialect) => {
  let t: TestHub;
  let base: string;

  async function post(body: unknown, as: Principal | null, headers: Record<string, string> = {}) {
    const response = await fetch(`${t.hub.gateway.http.url}/epcis/capture`, {
      method: 'POST',
      headers: { 'content-type': 'application/ld+json', ...(as ? { authorization: `Bearer ${await t.token(as)}` } : {}), ...headers },
      body: typeof body === 'string' ? body : JSON.stringify(body),
    });
    return { status: response.status, headers: response.headers, body: (await response.json()) as any };
  }

  /** Captures a document and reads its job back by the Location header, as a client would. */
  async function capture(body: unknown, as: Principal) {
    const answer = await post(body, as);
    expect(answer.status).toBe(202);
    const location = answer.headers.get('location')!;
    expect(location).toBe(`${base}/epcis/capture/${answer.body.captureID}`);
    const job = await fetch(`${t.hub.gateway.http.url}${location.slice(base.length)}`, {
      headers: { authorization: `Bearer ${await t.token(as)}` },
    });
    expect(job.status).toBe(200);
    return (await job.json()) as any;
  }

  /**
   * Sends the headers and the start of a body that never ends: the answer has to come without the
   * rest, so it shows the hub decided before reading what was sent.
   */
  async function postUnfinished(as: Principal | null): Promise<{ status: number; body: any }> {
    const headers: Record<string, string> = { 'content-type': 'application/ld+json', 'content-length': '5000000' };
    if (as) headers.authorization = `Bearer ${await t.token(as)}`;
    return new Promise((resolve, reject) => {
      const request = http.request(`${t.hub.gateway.http.url}/epcis/capture`, { method: 'POST', headers });
      request.on('error', reject);
      request.on('response', (response) => {
        let text = '';
        response.setEncoding('utf8');
        response.on('data', (chunk: string) => (text += chunk));
        response.on('end', () => {
          resolve({ status: response.statusCode ?? 0, body: JSON.parse(text) });
          request.destroy();
        });
      });
      request.write('{"@context": ["https://ref.gs1.org/standards/epcis/2.0.0/epcis-context.jsonld"], "type": "EPCISDocument", ');
    });
  }

  const purchaseOrder = async (id: string) =>
    (
      await t.gql(`{ purchaseOrders { id status shippedAt shippedLots { sku lotCode quantity } } }`, {}, { as: studio })
    ).data.purchaseOrders.find((order: any) => order.id === id);
  const known = async (ids: string[], as: Principal) =>
    (await t.gql(`query($ids: [String!]!) { capturedEventIds(eventIds: $ids) }`, { ids }, { as })).data.capturedEventIds;

  beforeAll(async () => {
    t = await startTestHub(dialect);
    for (const name of ['network', 'suppliers']) await t.hub.subgraphs[name].definition.seed!(t.hub.subgraphs[name]);
    // The suppliers subgraph hears from the bus which suppliers the studios name (whom they may order from).
    await t.hub.settle();
    base = t.hub.gateway.http.url.replace('127.0.0.1', 'localhost');
  }, 120_000);
  afterAll(() => t?.close());

  it('accepts every one of GS1’s example documents, keeps each event once, and a second capture changes nothing', async () => {
    const files = fs.readdirSync(EXAMPLES).filter((file) => file.endsWith('.jsonld'));
    expect(files).toHaveLength(47);
    const kept = new Set<string>();
    for (const file of files) {
      const document = JSON.parse(fs.readFileSync(path.join(EXAMPLES, file), 'utf8'));
      const job = await capture(document, clay);
      expect([file, job.running, job.success, job.captureErrorBehaviour, job.errors]).toEqual([file, false, true, 'proceed', []]);
      const events = document.epcisBody.eventList ?? document.epcisBody.queryResults.resultsBody.eventList;
      expect(job['weft:events']).toHaveLength(events.length);
      for (const receipt of job['weft:events']) {
        // None of GS1's examples names the hub's purchase orders: kept, changing nothing (or seen in an earlier example).
        expect([file, receipt.outcome]).toEqual([file, kept.has(receipt.eventId) ? 'DUPLICATE' : 'KEPT']);
        kept.add(receipt.eventId);
      }
    }
    // Events without an eventID are known by their CBV event hash ID.
    const hashed = [...kept].filter((id) => id.startsWith('ni:///sha-256;'));
    expect(hashed.length).toBeGreaterThanOrEqual(7);
    expect((await known([...kept], clay)).sort()).toEqual([...kept].sort());
    // Another enterprise does not learn what this supplier captured.
    expect(await known([...kept], goldLeaf)).toEqual([]);

    // Kept and queryable: the sender's /epcis/events holds every event it captured, each page valid EPCIS; another enterprise's holds none.
    const listed = (await allEpcisEvents(t.hub.gateway.http.url, base, '/epcis/events?perPage=100', await t.token(clay))).events.map(
      (event) => event.eventID,
    );
    expect(listed).toEqual(expect.arrayContaining([...kept]));
    const elsewhere = (await allEpcisEvents(t.hub.gateway.http.url, base, '/epcis/events?perPage=100', await t.token(goldLeaf))).events.map(
      (event) => event.eventID,
    );
    expect(elsewhere.filter((id) => kept.has(id))).toEqual([]);
    // One by its eventID (a hash ID URL-encoded), as the sender; as missing for anyone else.
    const hashedId = hashed[0];
    const one = await fetch(`${t.hub.gateway.http.url}/epcis/events/${encodeURIComponent(hashedId)}`, {
      headers: { authorization: `Bearer ${await t.token(clay)}` },
    });
    expect([
      one.status,
      ((await one.json()) as any).epcisBody.queryResults.resultsBody.eventList.map((event: any) => event.eventID),
    ]).toEqual([200, [hashedId]]);
    const notYours = await fetch(`${t.hub.gateway.http.url}/epcis/events/${encodeURIComponent(hashedId)}`, {
      headers: { authorization: `Bearer ${await t.token(goldLeaf)}` },
    });
    expect(notYours.status).toBe(404);
    const aggregations = (
      await allEpcisEvents(t.hub.gateway.http.url, base, '/epcis/events?eventType=AggregationEvent', await t.token(clay))
    ).events;
    expect(aggregations.length).toBeGreaterThan(0);
    expect(aggregations.every((event) => event.type === 'AggregationEvent')).toBe(true);

    const again = JSON.parse(fs.readFileSync(path.join(EXAMPLES, 'Example_9.6.1-ObjectEvent.jsonld'), 'utf8'));
    const second = await capture(again, clay);
    expect(second['weft:events'].map((receipt: any) => receipt.outcome)).toEqual(again.epcisBody.eventList.map(() => 'DUPLICATE'));
    // 47 documents captured twice, each read on the capture thread: over a minute on a loaded 2-core machine.
  }, 180_000);

  it('refuses a malformed document with the problems and keeps nothing of it', async () => {
    const good = {
      type: 'ObjectEvent',
      eventID: 'urn:uuid:6a9d2bd1-0a9c-4f0c-8f53-6b0c3f1d0001',
      eventTime: '2026-12-03T08:00:00Z',
      eventTimeZoneOffset: '+08:00',
      action: 'OBSERVE',
      epcList: ['https://id.gs1.org/01/09521234543213/21/1'],
    };
    const refusals: [string, unknown, number, string][] = [
      ['not JSON', '{"type": "EPCISDocument", ', 400, 'epcisException:ValidationException'],
      ['not an EPCIS document', { hello: 'world' }, 400, 'epcisException:ValidationException'],
      ['an event without its time', documentOf([{ ...good, eventTime: undefined }]), 400, 'epcisException:ValidationException'],
      ['an unknown action', documentOf([{ ...good, action: 'DESTROY' }]), 400, 'epcisException:ValidationException'],
      ['a malformed eventTime', documentOf([{ ...good, eventTime: 'yesterday' }]), 400, 'epcisException:ValidationException'],
      ['no events', documentOf([]), 400, 'epcisException:ValidationException'],
      ['a wrong document type', { ...documentOf([good]), type: 'EPCISMasterDataDocument' }, 400, 'epcisException:ValidationException'],
    ];
    for (const [what, body, status, type] of refusals) {
      const answer = await post(body, clay);
      expect([what, answer.status, answer.headers.get('content-type'), answer.body.type]).toEqual([
        what,
        status,
        'application/problem+json',
        type,
      ]);
      expect(answer.body.title).toEqual(expect.any(String));
    }
    const invalid = await post(documentOf([{ ...good, action: 'DESTROY' }]), clay);
    expect(invalid.body.problems.join('\n')).toContain('action');
    expect((await post(documentOf([good]), null)).status).toBe(401);
    expect((await post(documentOf([good]), clay, { 'content-type': 'text/plain' })).status).toBe(415);
    expect((await post(documentOf([good]), clay, { 'gs1-capture-error-behaviour': 'rollback' })).status).toBe(400);
    expect(
      (
        await post(
          documentOf(
            Array.from({ length: 501 }, (_, index) => ({
              ...good,
              eventID: `urn:uuid:6a9d2bd1-0a9c-4f0c-8f53-6b0c3f1d${String(index).padStart(4, '0')}`,
            })),
          ),
          clay,
        )
      ).status,
    ).toBe(413);
    expect(await known([good.eventID], clay)).toEqual([]);

    const options = await fetch(`${t.hub.gateway.http.url}/epcis/capture`, { method: 'OPTIONS' });
    expect([options.status, options.headers.get('gs1-epcis-capture-limit'), options.headers.get('gs1-capture-error-behaviour')]).toEqual([
      204,
      '500',
      'proceed',
    ]);
  });

  it('refuses a document past its bounds as a whole before reading it further — long lists, long values, deep nesting — and keeps nothing of it', async () => {
    const event = (index: number, extra: Record<string, unknown> = {}) => ({
      type: 'ObjectEvent',
      eventID: `urn:uuid:7b1e0c2d-5f3a-4c6b-9e8d-1a2b3c4d${String(index).padStart(4, '0')}`,
      eventTime: '2026-12-03T08:00:00Z',
      eventTimeZoneOffset: '+08:00',
      action: 'OBSERVE',
      epcList: ['https://id.gs1.org/01/09521234543213/21/1'],
      ...extra,
    });
    const epcs = (count: number) => Array.from({ length: count }, (_, index) => `urn:epc:id:sgtin:0614141.107346.${index}`);
    const withDuplicate = epcs(CAPTURE_LIMITS.arrayItems);
    withDuplicate.push(withDuplicate[0]);
    withDuplicate.splice(1, 1);
    const deep = 50_000;
    const refusals: [string, unknown, number, string, RegExp][] = [
      [
        'a long @context',
        { ...documentOf([event(1)]), '@context': [...CONTEXT, ...epcs(CAPTURE_LIMITS.arrayItems)] },
        413,
        'epcisException:CaptureLimitExceededException',
        /^\/@context holds 10001 items: at most 10000 in any one list$/,
      ],
      [
        'a long epcList',
        documentOf([event(2, { epcList: epcs(CAPTURE_LIMITS.arrayItems + 1) })]),
        413,
        'epcisException:CaptureLimitExceededException',
        /^\/epcisBody\/eventList\/0\/epcList holds 10001 items/,
      ],
      [
        'an epcList at the bound naming one EPC twice',
        documentOf([event(3, { epcList: withDuplicate })]),
        400,
        'epcisException:ValidationException',
        /epcList must NOT have duplicate items \(items ## 0 and 9999 are identical\)$/,
      ],
      [
        'a long digit run in an event without an eventID',
        documentOf([{ ...event(4), eventID: undefined, 'example:lot': `${'1'.repeat(CAPTURE_LIMITS.stringChars)}x` }]),
        413,
        'epcisException:CaptureLimitExceededException',
        /^\/epcisBody\/eventList\/0\/example:lot holds 8193 characters/,
      ],
      [
        'nesting 50,000 deep',
        JSON.stringify(documentOf([event(5), event(6, { 'example:deep': 'HERE' })])).replace(
          '"HERE"',
          `${'{"example:a":'.repeat(deep)}1${'}'.repeat(deep)}`,
        ),
        400,
        'epcisException:ValidationException',
        /^The document nests deeper than 32 levels \(at \/epcisBody\/eventList\/1\/example:deep\/example:a/,
      ],
    ];
    for (const [what, body, status, type, title] of refusals) {
      const answer = await post(body, clay);
      expect([what, answer.status, answer.headers.get('content-type'), answer.body.type]).toEqual([
        what,
        status,
        'application/problem+json',
        type,
      ]);
      expect([what, answer.body.title]).toEqual([what, expect.stringMatching(title)]);
    }
    expect(
      await known(
        [1, 2, 3, 4, 5, 6].map((index) => event(index).eventID),
        clay,
      ),
    ).toEqual([]);
  });

  it('keeps a document’s @context once, with its job, serves it with each of its events, and refuses one past its bound', async () => {
    const context = [...CONTEXT, { example: 'https://ns.example.com/epcis/' }];
    const events = [1, 2, 3].map((index) => ({
      type: 'ObjectEvent',
      eventID: `urn:uuid:0c5d7e9f-2a4b-4c6d-8e0f-1a2b3c4d${String(index).padStart(4, '0')}`,
      eventTime: '2026-12-03T08:00:00Z',
      eventTimeZoneOffset: '+08:00',
      action: 'OBSERVE',
      epcList: [`https://id.gs1.org/01/09521234543213/21/${index}`],
      'example:lot': `L-${index}`,
    }));
    const ids = events.map((event) => event.eventID);
    const job = await capture({ ...documentOf(events), '@context': context }, clay);
    expect(job['weft:events'].map((receipt: any) => receipt.outcome)).toEqual(['KEPT', 'KEPT', 'KEPT']);
    // Stored: the context once, on the job; the events without a copy of it.
    const em = t.hub.subgraphs.traceability.systemContext().em.fork();
    expect((await em.findOneOrFail(CaptureJob, { id: job.captureID })).context).toEqual(context);
    const stored = await em.find(CapturedEvent, { capturedBy: 'jingdezhen-clay', eventId: { $in: ids } });
    expect(stored.map((event) => [event.eventId, '@context' in event.document, event.document['example:lot']]).sort()).toEqual(
      ids.map((id, index) => [id, false, `L-${index + 1}`]),
    );
    // Served as it came, with the context it was written in.
    const served = await fetch(`${t.hub.gateway.http.url}/epcis/events/${encodeURIComponent(ids[1])}`, {
      headers: { authorization: `Bearer ${await t.token(clay)}` },
    });
    const [event] = ((await served.json()) as any).epcisBody.queryResults.resultsBody.eventList;
    expect([event['@context'], event.eventID, event['example:lot']]).toEqual([context, ids[1], 'L-2']);

    // A context longer than its bound, in names and values each within theirs: refused whole.
    const large = [
      ...CONTEXT,
      ...Array.from({ length: 3 }, (_, index) => ({ [`ns${index}`]: `https://ns.example.com/${'x'.repeat(3000)}` })),
    ];
    const refused = await post(
      { ...documentOf(events.map((one) => ({ ...one, eventID: `${one.eventID.slice(0, -4)}9999` })).slice(0, 1)), '@context': large },
      clay,
    );
    expect([refused.status, refused.body.type, refused.body.title]).toEqual([
      413,
      'epcisException:CaptureLimitExceededException',
      expect.stringMatching(/^The @context is \d+ characters as JSON: at most 8192$/),
    ]);
    expect(await known([`${ids[0].slice(0, -4)}9999`], clay)).toEqual([]);
  });

  it('answers a caller who may not capture before reading what they send: no token 401, a customer or an enterprise-less token 403', async () => {
    const follower = customer(['ord_x'], 'DETAILED');
    const refusals: [string, Principal | null, number][] = [
      ['anonymous', null, 401],
      ['a customer', follower, 403],
      ['a hub admin without an enterprise', hubAdmin(), 403],
    ];
    for (const [who, as, status] of refusals) {
      const answer = await postUnfinished(as);
      expect([who, answer.status, answer.body.type]).toEqual([who, status, 'epcisException:SecurityException']);
    }
    // Whatever the body: a customer's document is not read, so not refused for what it holds.
    const event = { type: 'ObjectEvent', eventTime: '2026-12-03T08:00:00Z', eventTimeZoneOffset: '+08:00', action: 'OBSERVE' };
    for (const body of ['{"type": ', documentOf([event])]) {
      const answer = await post(body, follower);
      expect([answer.status, answer.body.type]).toEqual([403, 'epcisException:SecurityException']);
    }
    // An enterprise's token is read as before.
    expect((await post('{"type": ', clay)).status).toBe(400);
  });

  it('ships a purchase order by its supplier’s shipping event, receives it by the studio’s receiving event, and refuses another supplier as if it were missing', async () => {
    const PLACE = `mutation { placePurchaseOrder(studioId: "moyun-studio", input: { supplierId: "jingdezhen-clay", lines: [{ sku: "CLAY-KAOLIN", quantity: 800 }, { sku: "GLAZE-CELADON", quantity: 50 }] }, idempotencyKey: "epcis-capture-po") { id status } }`;
    const placed = (await t.gql(PLACE, {}, { as: studio })).data.placePurchaseOrder;
    const transaction = [{ type: 'po', bizTransaction: `${base}/id/purchase-order/${placed.id}` }];
    const lot = (sku: string, code: string, quantity: number) => ({
      epcClass: `${base}/id/material/${sku}/lot/${code}`,
      quantity,
      uom: 'KGM',
    });
    const shipping = {
      type: 'ObjectEvent',
      eventTime: '2026-12-03T09:30:00.000+08:00',
      eventTimeZoneOffset: '+08:00',
      action: 'OBSERVE',
      bizStep: 'shipping',
      disposition: 'in_transit',
      readPoint: { id: `${base}/414/6901234000030` },
      bizTransactionList: transaction,
      quantityList: [lot('CLAY-KAOLIN', 'JDZ-K-2612A', 800), lot('GLAZE-CELADON', 'JDZ-G-2612B', 50)],
    };

    // Another supplier's shipping event for it: refused as a missing purchase order, and it stays PLACED.
    const stranger = await capture(documentOf([shipping]), goldLeaf);
    expect([stranger.success, stranger['weft:events'][0].outcome, stranger['weft:events'][0].errorCode]).toEqual([
      false,
      'REFUSED',
      'NOT_FOUND',
    ]);
    expect(stranger.errors).toHaveLength(1);
    expect((await purchaseOrder(placed.id)).status).toBe('PLACED');

    // A shipping event whose lots are not the hub's material lots changes nothing either.
    const unclear = await capture(
      documentOf([
        {
          ...shipping,
          eventTime: '2026-12-03T09:00:00.000+08:00',
          quantityList: [{ epcClass: 'urn:epc:class:lgtin:4012345.012345.998877', quantity: 200, uom: 'KGM' }],
        },
      ]),
      clay,
    );
    expect([unclear['weft:events'][0].outcome, unclear['weft:events'][0].errorCode]).toEqual(['REFUSED', 'BAD_USER_INPUT']);
    expect((await purchaseOrder(placed.id)).status).toBe('PLACED');

    // Its own supplier's event (without an eventID: the hub gives it its event hash ID) ships it, with the lots.
    const shipped = await capture(documentOf([shipping]), clay);
    const [receipt] = shipped['weft:events'];
    expect([shipped.success, receipt.outcome, receipt.eventId]).toEqual([true, 'APPLIED', eventHashId(shipping, {})]);
    expect(await purchaseOrder(placed.id)).toEqual({
      id: placed.id,
      status: 'SHIPPED',
      shippedAt: '2026-12-03T01:30:00.000Z',
      shippedLots: [
        { sku: 'CLAY-KAOLIN', lotCode: 'JDZ-K-2612A', quantity: 800 },
        { sku: 'GLAZE-CELADON', lotCode: 'JDZ-G-2612B', quantity: 50 },
      ],
    });
    // Sent again (a retry): a duplicate, nothing changes.
    const retried = await capture(documentOf([shipping]), clay);
    expect(retried['weft:events'][0].outcome).toBe('DUPLICATE');

    // The studio's receiving event receives it; only the sender reads its capture job.
    const receiving = {
      ...shipping,
      eventID: 'urn:uuid:2f4b9c1e-7d3a-4e55-9a61-0c8d2e6f7a10',
      eventTime: '2026-12-05T10:00:00.000+08:00',
      bizStep: 'receiving',
      disposition: 'in_progress',
      readPoint: { id: `${base}/414/6901234000016` },
    };
    const received = await capture(documentOf([receiving]), studio);
    expect(received['weft:events'][0]).toMatchObject({ eventId: receiving.eventID, outcome: 'APPLIED' });
    expect((await purchaseOrder(placed.id)).status).toBe('RECEIVED');
    const elsewhere = await fetch(`${t.hub.gateway.http.url}/epcis/capture/${received.captureID}`, {
      headers: { authorization: `Bearer ${await t.token(clay)}` },
    });
    expect([elsewhere.status, ((await elsewhere.json()) as any).type]).toEqual([404, 'epcisException:NoSuchResourceException']);
  });

  it('measures the whole document before any event runs: a later event too large or with a time the hub cannot keep leaves the earlier ones undone; a refusal by the rules still proceeds', async () => {
    const PLACE = `mutation { placePurchaseOrder(studioId: "moyun-studio", input: { supplierId: "jingdezhen-clay", lines: [{ sku: "CLAY-KAOLIN", quantity: 300 }] }, idempotencyKey: "epcis-capture-whole") { id status } }`;
    const placed = (await t.gql(PLACE, {}, { as: studio })).data.placePurchaseOrder;
    const shipping = {
      type: 'ObjectEvent',
      eventID: 'urn:uuid:5d8e1f2a-3b4c-4d5e-8f6a-7b8c9d0e0001',
      eventTime: '2026-12-04T09:30:00.000+08:00',
      eventTimeZoneOffset: '+08:00',
      action: 'OBSERVE',
      bizStep: 'shipping',
      disposition: 'in_transit',
      bizTransactionList: [{ type: 'po', bizTransaction: `${base}/id/purchase-order/${placed.id}` }],
      quantityList: [{ epcClass: `${base}/id/material/CLAY-KAOLIN/lot/JDZ-K-2612W`, quantity: 300, uom: 'KGM' }],
    };
    const later = {
      type: 'ObjectEvent',
      eventID: 'urn:uuid:5d8e1f2a-3b4c-4d5e-8f6a-7b8c9d0e0002',
      eventTime: '2026-12-04T10:00:00Z',
      eventTimeZoneOffset: '+08:00',
      action: 'OBSERVE',
      epcList: ['https://id.gs1.org/01/09521234543213/21/7'],
    };
    // Each name, value and list within its bound; the later event, as the hub would keep it, past its own.
    const large = Object.fromEntries(Array.from({ length: 30 }, (_, index) => [`example:note${index}`, 'x'.repeat(8_000)]));
    const refusals: [string, unknown, number, string][] = [
      [
        'a later event too large to keep',
        documentOf([shipping, { ...later, ...large }]),
        413,
        'epcisException:CaptureLimitExceededException',
      ],
      [
        'a later event at a leap second',
        documentOf([shipping, { ...later, eventTime: '2026-12-31T23:59:60Z' }]),
        400,
        'epcisException:ValidationException',
      ],
      [
        'a later event of a long type',
        documentOf([shipping, { ...later, type: `https://ns.example.com/${'x'.repeat(40)}` }]),
        400,
        'epcisException:ValidationException',
      ],
    ];
    for (const [what, body, status, type] of refusals) {
      const answer = await post(body, clay);
      expect([what, answer.status, answer.body.type]).toEqual([what, status, type]);
      expect([what, (await purchaseOrder(placed.id)).status]).toEqual([what, 'PLACED']);
    }
    expect(await known([shipping.eventID, later.eventID], clay)).toEqual([]);

    // A later event the rules refuse, with a long reason, refuses that event alone (proceed): the first ships.
    const odd = `${base}/id/material/${'CLAY'.repeat(200)}`;
    const job = await capture(
      documentOf([shipping, { ...shipping, eventID: later.eventID, quantityList: [{ epcClass: odd, quantity: 1, uom: 'KGM' }] }]),
      clay,
    );
    expect(job['weft:events'].map((receipt: any) => [receipt.outcome, receipt.errorCode])).toEqual([
      ['APPLIED', null],
      ['REFUSED', 'BAD_USER_INPUT'],
    ]);
    expect(job['weft:events'][1].detail).toHaveLength(500);
    expect((await purchaseOrder(placed.id)).status).toBe('SHIPPED');
  });

  it('records a partner’s progress on the stage it holds from its events, readings included, and refuses another partner as if the order were missing', async () => {
    const imported = (
      await t.gql(
        `mutation($input: ShopOrderInput!) { importShopOrder(input: $input) { id stages { id position statusCode { code } } } }`,
        { input: teawareOrder({}) },
        { as: studio },
      )
    ).data.importShopOrder;
    const gild = imported.stages.find((stage: any) => stage.statusCode.code === 'C50');
    expect(
      (
        await t.gql(
          `mutation($id: ID!, $to: ID!) { assignStage(stageRunId: $id, enterpriseId: $to, idempotencyKey: "capture-gild") { id } }`,
          { id: gild.id, to: 'gilding-atelier' },
          { as: studio },
        )
      ).errors,
    ).toBeUndefined();
    for (const stage of imported.stages.filter((candidate: any) => candidate.position < gild.position)) {
      expect(
        (await t.gql(`mutation($id: ID!) { startStage(stageRunId: $id) { id } }`, { id: stage.id }, { as: studio })).errors,
      ).toBeUndefined();
      await t.gql(
        `mutation($id: ID!, $key: String!) { recordQcResult(stageRunId: $id, result: PASS, idempotencyKey: $key) { id } }`,
        { id: stage.id, key: `capture-qc-${stage.id}` },
        { as: studio },
      );
      expect(
        (await t.gql(`mutation($id: ID!) { completeStage(stageRunId: $id) { id } }`, { id: stage.id }, { as: studio })).errors,
      ).toBeUndefined();
    }
    const stageOf = async () =>
      (
        await t.gql(
          `query($id: ID!) { order(id: $id) { stages { id status environment { name value unit } } } }`,
          { id: imported.id },
          { as: studio },
        )
      ).data.order.stages.find((stage: any) => stage.id === gild.id);
    const event = {
      type: 'ObjectEvent',
      eventTime: '2026-12-03T10:00:00.000+08:00',
      eventTimeZoneOffset: '+08:00',
      action: 'OBSERVE',
      epcList: [`${base}/id/order/${imported.id}`],
      bizStep: 'https://vocab.weft.dev/cbv/bizStep/gilding',
      disposition: 'in_progress',
      readPoint: { id: `${base}/414/6901234000054` },
      bizTransactionList: [{ type: 'prodorder', bizTransaction: `${base}/id/order/${imported.id}` }],
    };
    // Another partner holds no stage of the order: refused as missing, and nothing moves.
    const stranger = await capture(documentOf([event]), kiln);
    expect([stranger['weft:events'][0].outcome, stranger['weft:events'][0].errorCode]).toEqual(['REFUSED', 'NOT_FOUND']);
    expect((await stageOf()).status).toBe('PENDING');

    const started = await capture(documentOf([event]), gilding);
    expect(started['weft:events'][0]).toMatchObject({ outcome: 'APPLIED' });
    expect((await stageOf()).status).toBe('IN_PROGRESS');
    const completion = {
      ...event,
      eventTime: '2026-12-03T15:00:00.000+08:00',
      disposition: 'active',
      'weft:hubEventType': 'order.stage.completed',
      sensorElementList: [
        {
          sensorReport: [
            { type: 'Temperature', value: 24.5, uom: 'CEL' },
            { type: 'RelativeHumidity', value: 55, uom: 'P1' },
          ],
        },
      ],
    };
    const completed = await capture(
      { ...documentOf([completion]), '@context': [...CONTEXT, { weft: 'https://vocab.weft.dev/cbv/' }] },
      gilding,
    );
    expect(completed['weft:events'][0]).toMatchObject({ outcome: 'APPLIED' });
    expect(await stageOf()).toMatchObject({
      status: 'DONE',
      environment: [
        { name: 'temperature', value: 24.5, unit: '°C' },
        { name: 'humidity', value: 55, unit: '%' },
      ],
    });
  });
});
