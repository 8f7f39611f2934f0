import { ORDER_EVENTS, VOCABULARY, type Principal } from '../contracts';
import { allEpcisEvents, epcisSchemaProblems } from './support/epcis';
import type { TestHub } from './support/hub';
import { dialects, startTestHub } from './support/hub';
import { teawareOrder } from './support/orders';
import { customer, hubAdmin, partner, staff } from './support/principals';

const IMPORT = `mutation($input: ShopOrderInput!) { importShopOrder(input: $input) { id stages { id position qcCheckpoint statusCode { code } } } }`;
const ASSIGN = `mutation($id: ID!, $to: ID!, $key: String!) { assignStage(stageRunId: $id, enterpriseId: $to, idempotencyKey: $key) { id } }`;
const START = `mutation($id: ID!) { startStage(stageRunId: $id, operator: { name: "王芳", penName: "墨白" }) { id } }`;
const QC = `mutation($id: ID!, $key: String!) { recordQcResult(stageRunId: $id, result: PASS, idempotencyKey: $key) { id } }`;
const COMPLETE = `mutation($id: ID!, $input: CompleteStageInput) { completeStage(stageRunId: $id, input: $input) { id } }`;
const SHIP = `mutation($id: ID!, $key: String!) { addShipment(orderId: $id, input: { carrier: "SF Express", trackingNumber: "SF42" }, idempotencyKey: $key) { id } }`;
const TRACE = `query($id: ID!) { order(id: $id) { traceCodes { code gtin uri } } }`;
/** Hand gilding: the stage the studio hands to the gilding atelier. */
const GILDING = 'C50';

describe.each(dialects())('EPCIS 2.0 query interface at the gateway (%s)', (dialect) => {
  let t: TestHub;
  let base: string;
  let orderId: string;
  let otherOrderId: string;
  let products: { code: string; gtin: string | null; uri: string }[];

  /** GET an EPCIS path as someone (null: no token), with the answer's status, headers and body. */
  async function epcis(path: string, as: Principal | null, headers: Record<string, string> = {}) {
    const response = await fetch(`${t.hub.gateway.http.url}${path}`, {
      headers: { ...(as ? { authorization: `Bearer ${await t.token(as)}` } : {}), ...headers },
    });
    return { status: response.status, headers: response.headers, body: (await response.json()) as any };
  }

  /** Every page of a query, following the Link header; each page must validate against GS1's schema. */
  const allEvents = async (query: string, as: Principal) =>
    allEpcisEvents(t.hub.gateway.http.url, base, `/epcis/events${query}`, await t.token(as));

  /** An order of the studio run from import to shipment, its hand gilding (if any) done by a partner. */
  const runOrder = async (input: Record<string, unknown>, handGildingTo?: string) => {
    const studio = staff(String(input.studioId ?? 'moyun-studio'));
    const imported = await t.gql(IMPORT, { input: teawareOrder(input) }, { as: studio });
    expect(imported.errors).toBeUndefined();
    const order = imported.data.importShopOrder;
    for (const stage of order.stages) {
      const holder = stage.statusCode.code === GILDING && handGildingTo ? partner(handGildingTo) : studio;
      if (holder !== studio)
        expect((await t.gql(ASSIGN, { id: stage.id, to: holder.org, key: `assign-${stage.id}` }, { as: studio })).errors).toBeUndefined();
      expect((await t.gql(START, { id: stage.id }, { as: holder })).errors).toBeUndefined();
      if (stage.qcCheckpoint) expect((await t.gql(QC, { id: stage.id, key: `qc-${stage.id}` }, { as: holder })).errors).toBeUndefined();
      const environment =
        stage.statusCode.code === 'C40'
          ? [
              { name: 'kiln temperature', value: 1280, unit: '°C' },
              { name: 'humidity', value: 40, unit: '%' },
            ]
          : undefined;
      expect((await t.gql(COMPLETE, { id: stage.id, input: environment ? { environment } : null }, { as: holder })).errors).toBeUndefined();
    }
    expect((await t.gql(SHIP, { id: order.id, key: `ship-${order.id}` }, { as: studio })).errors).toBeUndefined();
    return order.id as string;
  };

  beforeAll(async () => {
    t = await startTestHub(dialect);
    // The suppliers' catalogue and stock, so that the orders consume lots (the inputs of their TransformationEvents).
    for (const name of ['network', 'suppliers']) await t.hub.subgraphs[name].definition.seed!(t.hub.subgraphs[name]);
    base = t.hub.gateway.http.url.replace('127.0.0.1', 'localhost');
    orderId = await runOrder({ lines: [{ productCode: 'TEA-CUP-CALLIG', gtin: '06901234001013', quantity: 2 }] }, 'gilding-atelier');
    otherOrderId = await runOrder({ studioId: 'moyun-bakery', lines: [{ productCode: 'PST-BOX-168', quantity: 1 }] });
    await t.hub.settle();
    products = (await t.gql(TRACE, { id: orderId })).data.order.traceCodes;
  }, 120_000);
  afterAll(() => t?.close());

  it('lists a studio its events in pages that each validate against GS1’s EPCIS 2.0 schema, mapped from the vocabulary', async () => {
    const { events, pages } = await allEvents('?perPage=7', staff('moyun-studio'));
    expect(pages).toBeGreaterThan(2);
    const own = events.filter((event) => event.bizTransactionList[0].bizTransaction === `${base}/id/order/${orderId}`);
    // Every stage started and completed, three QC results, the handover, the import, the codes and the shipment.
    const kinds = own.map((event) => event['weft:hubEventType']);
    expect(kinds.filter((kind) => kind === ORDER_EVENTS.STAGE_COMPLETED)).toHaveLength(9);
    expect(kinds).toEqual(
      expect.arrayContaining([
        ORDER_EVENTS.IMPORTED,
        ORDER_EVENTS.STAGE_ASSIGNED,
        ORDER_EVENTS.QC_RECORDED,
        ORDER_EVENTS.TRACE_CODES_ISSUED,
        ORDER_EVENTS.SHIPMENT_ADDED,
      ]),
    );
    expect(new Set(events.map((event) => event.eventID)).size).toBe(events.length);
    for (const event of own.filter((candidate) => candidate['weft:statusCode'])) {
      const status = VOCABULARY.findStatus(event['weft:statusCode'])!;
      expect([event.bizStep, event.disposition]).toEqual([status.bizStep, status.disposition]);
    }
    // Only the studio's own orders: the bakery's are not there.
    expect(events.some((event) => event.bizTransactionList[0].bizTransaction.endsWith(otherOrderId))).toBe(false);
    expect(
      (await allEvents('', staff('moyun-bakery'))).events.every(
        (event) => event.bizTransactionList[0].bizTransaction === `${base}/id/order/${otherOrderId}`,
      ),
    ).toBe(true);
    // Places by GLN (Digital Link, AI 414); products by GTIN + serial once their codes exist.
    const imported = own.find((event) => event['weft:hubEventType'] === ORDER_EVENTS.IMPORTED)!;
    expect(imported).toMatchObject({
      action: 'ADD',
      epcList: [`${base}/id/order/${orderId}`],
      readPoint: { id: `${base}/414/6901234000016` },
    });
    const shipped = own.find((event) => event['weft:hubEventType'] === ORDER_EVENTS.SHIPMENT_ADDED)!;
    expect(shipped.epcList).toEqual(products.map((product) => `${base}/01/06901234001013/21/${product.code}`));
    expect(products.map((product) => product.uri)).toEqual(shipped.epcList);
    // The handover to the partner, and the gilding done at the partner's workshop.
    const handover = own.find((event) => event['weft:hubEventType'] === ORDER_EVENTS.STAGE_ASSIGNED)!;
    expect(handover).toMatchObject({
      sourceList: [{ type: 'possessing_party', source: `${base}/414/6901234000016` }],
      destinationList: [{ type: 'possessing_party', destination: `${base}/414/6901234000054` }],
    });
    // Issuing the codes is where the lots became the products: a TransformationEvent.
    const made = own.filter((event) => event.type === 'TransformationEvent');
    expect(made).toHaveLength(1);
    expect(made[0]).toMatchObject({
      'weft:hubEventType': ORDER_EVENTS.TRACE_CODES_ISSUED,
      bizStep: 'commissioning',
      disposition: 'active',
      outputEPCList: products.map((product) => product.uri),
      transformationID: `${base}/id/order/${orderId}/transformation`,
    });
    expect(made[0].inputEPCList.length).toBeGreaterThan(0);
    expect(made[0].inputEPCList.every((lot: string) => lot.startsWith(`${base}/id/lot/`))).toBe(true);
    expect(made[0].ilmd['weft:materialLots'].map((lot: { sku: string }) => lot.sku)).toEqual(expect.arrayContaining(['CLAY-KAOLIN']));
    expect(own.filter((event) => event.type !== 'TransformationEvent').every((event) => event.type === 'ObjectEvent')).toBe(true);
    const gilded = own.find(
      (event) => event['weft:hubEventType'] === ORDER_EVENTS.STAGE_COMPLETED && event['weft:statusCode'] === GILDING,
    )!;
    expect(gilded.readPoint.id).toBe(`${base}/414/6901234000054`);
    // The firing's readings, as CBV measurements with UN/CEFACT units.
    const fired = own.find((event) => event['weft:hubEventType'] === ORDER_EVENTS.STAGE_COMPLETED && event['weft:statusCode'] === 'C40')!;
    expect(fired.sensorElementList[0].sensorReport).toEqual([
      expect.objectContaining({ type: 'Temperature', value: 1280, uom: 'CEL' }),
      expect.objectContaining({ type: 'RelativeHumidity', value: 40, uom: 'P1' }),
    ]);
  });

  it('filters by the standard parameters, and one event is served by its eventID', async () => {
    const studio = staff('moyun-studio');
    const firing = VOCABULARY.findStatus('C40')!.bizStep;
    const byStep = (await allEvents(`?EQ_bizStep=${encodeURIComponent(firing)}`, studio)).events;
    expect(byStep.length).toBeGreaterThan(0);
    expect(byStep.every((event) => event.bizStep === firing)).toBe(true);
    // MATCH_epc looks in ObjectEvents' epcList, MATCH_outputEPC / MATCH_inputEPC in a TransformationEvent's lists, MATCH_anyEPC in all of them.
    const product = encodeURIComponent(products[0].uri);
    const byProduct = (await allEvents(`?MATCH_epc=${product}`, studio)).events;
    expect(byProduct.map((event) => event['weft:hubEventType'])).toEqual(expect.arrayContaining([ORDER_EVENTS.SHIPMENT_ADDED]));
    expect(byProduct.every((event) => event.type === 'ObjectEvent' && event.epcList.includes(products[0].uri))).toBe(true);
    const made = (await allEvents(`?MATCH_outputEPC=${product}`, studio)).events;
    expect(made.map((event) => event['weft:hubEventType'])).toEqual([ORDER_EVENTS.TRACE_CODES_ISSUED]);
    expect((await allEvents(`?MATCH_anyEPC=${product}`, studio)).events.map((event) => event.eventID).sort()).toEqual(
      [...byProduct, ...made].map((event) => event.eventID).sort(),
    );
    const lot = made[0].inputEPCList[0];
    expect((await allEvents(`?MATCH_inputEPC=${encodeURIComponent(lot)}`, studio)).events.map((event) => event.eventID)).toEqual([
      made[0].eventID,
    ]);
    expect(
      (await allEvents(`?eventType=TransformationEvent&EQ_bizStep=commissioning`, studio)).events.map((event) => event.eventID),
    ).toEqual([made[0].eventID]);
    expect((await allEvents(`?eventType=TransformationEvent&EQ_bizStep=${encodeURIComponent(firing)}`, studio)).events).toEqual([]);
    const transformed = await epcis(`/epcis/events/${encodeURIComponent(made[0].eventID)}`, studio);
    expect(epcisSchemaProblems(transformed.body)).toEqual([]);
    expect(transformed.body.epcisBody.queryResults.resultsBody.eventList).toEqual(made);
    const atPartner = (await allEvents(`?EQ_readPoint=${encodeURIComponent(`${base}/414/6901234000054`)}`, studio)).events;
    expect(atPartner.length).toBeGreaterThan(0);
    expect(atPartner.every((event) => event.readPoint.id === `${base}/414/6901234000054`)).toBe(true);
    const later = byStep.at(-1)!.eventTime;
    const fromThen = (
      await allEvents(
        `?GE_eventTime=${encodeURIComponent(later)}&MATCH_anyEPC=${encodeURIComponent(`${base}/id/order/${orderId}`)}`,
        studio,
      )
    ).events;
    expect(fromThen.every((event) => event.eventTime >= later)).toBe(true);
    expect((await allEvents('?eventType=AggregationEvent', studio)).events).toEqual([]);

    const one = await epcis(`/epcis/events/${encodeURIComponent(fromThen[0].eventID)}`, studio);
    expect(one.status).toBe(200);
    expect(epcisSchemaProblems(one.body)).toEqual([]);
    expect(one.body.epcisBody.queryResults.resultsBody.eventList).toEqual([fromThen[0]]);
  });

  it('gives a partner only what happened at its workshop, a customer their order at their tier, a supplier none of the orders', async () => {
    const gilding = (await allEvents('', partner('gilding-atelier'))).events;
    expect(gilding.length).toBeGreaterThan(0);
    expect(gilding.every((event) => event.readPoint.id === `${base}/414/6901234000054`)).toBe(true);
    expect(gilding.map((event) => event['weft:statusCode'])).toEqual(gilding.map(() => GILDING));
    expect((await allEvents('', partner('jingde-kiln-works'))).events).toEqual([]);
    const supplied = (await allEvents('', partner('jingdezhen-clay', 'SUPPLIER'))).events;
    expect(supplied.some((event) => event.bizTransactionList?.some((entry: any) => entry.type === 'prodorder'))).toBe(false);

    const basic = (await allEvents('', customer([orderId], 'BASIC'))).events;
    expect(basic.length).toBeGreaterThan(0);
    const visible = new Set(VOCABULARY.statusCodesVisibleAt('BASIC'));
    expect(basic.every((event) => visible.has(event['weft:statusCode']))).toBe(true);
    // Who did the work is the studio's: a customer's events are all placed at the studio.
    expect(basic.every((event) => event.readPoint.id === `${base}/414/6901234000016` && !event.sourceList)).toBe(true);
    const detailed = (await allEvents('', customer([orderId], 'DETAILED'))).events;
    expect(detailed.length).toBeGreaterThan(basic.length);
    expect((await allEvents('', customer([orderId], 'MINIMAL'))).events).toEqual([]);
    // Nothing personal anywhere: not the customer's name, contact or the price.
    const everything = JSON.stringify((await allEvents('', hubAdmin())).events);
    for (const secret of ['林小姐', '139 0000', '徐汇区', 'priceCents']) expect(everything).not.toContain(secret);
  });

  it('lists a supplier its lots and its purchase orders shipped and received, the studio its purchase orders, and no one else either', async () => {
    const clay = partner('jingdezhen-clay', 'SUPPLIER');
    const placed = (
      await t.gql(
        `mutation { placePurchaseOrder(studioId: "moyun-studio", input: { supplierId: "jingdezhen-clay", lines: [{ sku: "CLAY-KAOLIN", quantity: 500 }] }, idempotencyKey: "epcis-supply-po") { id } }`,
        {},
        { as: staff('moyun-studio') },
      )
    ).data.placePurchaseOrder;
    const SHIP_PO = `mutation($id: ID!) { shipPurchaseOrder(purchaseOrderId: $id, input: { lots: [{ sku: "CLAY-KAOLIN", lotCode: "JDZ-K-2612Z", quantity: 500 }] }, idempotencyKey: "epcis-supply-ship") { status } }`;
    expect((await t.gql(SHIP_PO, { id: placed.id }, { as: clay })).data.shipPurchaseOrder.status).toBe('SHIPPED');
    expect(
      (
        await t.gql(
          `mutation($id: ID!) { receivePurchaseOrder(purchaseOrderId: $id) { status } }`,
          { id: placed.id },
          { as: staff('moyun-studio') },
        )
      ).data.receivePurchaseOrder.status,
    ).toBe('RECEIVED');
    const po = `${base}/id/purchase-order/${placed.id}`;
    const ofOrder = (events: Record<string, any>[]) =>
      events.filter((event) => event.bizTransactionList?.some((entry: any) => entry.type === 'po' && entry.bizTransaction === po));

    // The supplier: its lots as they came into its stock, then the purchase order leaving it and arriving at the studio.
    const supplied = (await allEvents('?perPage=5', clay)).events;
    const lots = (await t.gql(`{ stockLots(supplierId: "jingdezhen-clay") { sku lotCode } }`, {}, { as: clay })).data.stockLots;
    const commissioned = supplied.filter((event) => event.bizStep === 'commissioning');
    expect(commissioned).toHaveLength(lots.length);
    expect(
      commissioned.every(
        (event) =>
          event.action === 'ADD' &&
          event.readPoint.id === `${base}/414/6901234000078` &&
          event.quantityList[0].epcClass.startsWith(`${base}/id/material/`),
      ),
    ).toBe(true);
    const [shipped, received] = ofOrder(supplied);
    expect(shipped).toMatchObject({
      type: 'ObjectEvent',
      bizStep: 'shipping',
      disposition: 'in_transit',
      quantityList: [{ epcClass: `${base}/id/material/CLAY-KAOLIN/lot/JDZ-K-2612Z`, quantity: 500 }],
      sourceList: [{ type: 'owning_party', source: `${base}/414/6901234000078` }],
      destinationList: [{ type: 'owning_party', destination: `${base}/414/6901234000016` }],
    });
    expect(received).toMatchObject({ bizStep: 'receiving', readPoint: { id: `${base}/414/6901234000016` } });
    expect(new Set(supplied.map((event) => event.eventID)).size).toBe(supplied.length);
    // The studio: its purchase order's shipping and receiving, none of the supplier's lots.
    const studioEvents = (await allEvents('?EQ_bizStep=shipping|receiving', staff('moyun-studio'))).events;
    expect(ofOrder(studioEvents).map((event) => event.eventID)).toEqual([shipped.eventID, received.eventID]);
    expect(
      (await allEvents('?EQ_bizStep=commissioning', staff('moyun-studio'))).events.every((event) => event.type === 'TransformationEvent'),
    ).toBe(true);
    // Another studio, another supplier and a customer see none of it.
    expect(ofOrder((await allEvents('', staff('youcaifeng'))).events)).toEqual([]);
    const goldLeaf = (await allEvents('', partner('nanjing-gold-leaf', 'SUPPLIER'))).events;
    expect(ofOrder(goldLeaf)).toEqual([]);
    expect(goldLeaf.every((event) => event.readPoint.id !== `${base}/414/6901234000078`)).toBe(true);
    expect(ofOrder((await allEvents('', customer([orderId], 'DETAILED'))).events)).toEqual([]);
  });

  it('refuses a GTIN or a GLN whose check digit is wrong, naming the field', async () => {
    const bad = await t.gql(IMPORT, {
      input: teawareOrder({ lines: [{ productCode: 'TEA-CUP-CALLIG', gtin: '06901234001014', quantity: 1 }] }),
    });
    expect(bad.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(JSON.stringify(bad.errors)).toContain('gtin must be a GTIN-8, -12, -13 or -14 with a valid check digit');
    const CHANGE = `mutation($gln: String!) { changeEnterprise(id: "moyun-studio", input: { gln: $gln }, idempotencyKey: "bad-gln") { id gln } }`;
    const badGln = await t.gql(CHANGE, { gln: '6901234000017' });
    expect(badGln.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(JSON.stringify(badGln.errors)).toContain('gln must be 13 digits with a valid GS1 check digit');
    expect((await t.gql(`{ enterprise(id: "moyun-studio") { gln } }`)).data.enterprise.gln).toBe('6901234000016');
  });

  it('answers bad requests with the binding’s problem documents and changes nothing', async () => {
    const studio = staff('moyun-studio');
    const problem = async (path: string, as: Principal | null, status: number, type: string, headers?: Record<string, string>) => {
      const answer = await epcis(path, as, headers);
      expect([answer.status, answer.headers.get('content-type'), answer.body.type, answer.body.status]).toEqual([
        status,
        'application/problem+json',
        type,
        status,
      ]);
      expect(answer.body.title).toEqual(expect.any(String));
    };
    await problem('/epcis/events?EQ_colour=red', studio, 400, 'epcisException:QueryParameterException');
    await problem('/epcis/events?GE_eventTime=yesterday', studio, 400, 'epcisException:QueryParameterException');
    await problem('/epcis/events?eventType=MagicEvent', studio, 400, 'epcisException:QueryParameterException');
    await problem('/epcis/events?perPage=0', studio, 400, 'epcisException:QueryParameterException');
    await problem('/epcis/events?nextPageToken=not-a-token', studio, 400, 'epcisException:QueryParameterException');
    await problem('/epcis/events', null, 401, 'epcisException:SecurityException');
    const forged = await fetch(`${t.hub.gateway.http.url}/epcis/events`, { headers: { authorization: 'Bearer forged.token.here' } });
    expect([forged.status, ((await forged.json()) as any).type]).toEqual([401, 'epcisException:SecurityException']);
    await problem('/epcis/events', studio, 406, 'epcisException:NotAcceptableException', { accept: 'application/xml' });
    await problem('/epcis/events/urn:uuid:00000000-0000-4000-8000-000000000000', studio, 404, 'epcisException:NoSuchResourceException');
    // Malformed percent-escapes are no event and no EPC, never a server error.
    await problem('/epcis/events/%E0%A4%A', studio, 404, 'epcisException:NoSuchResourceException');
    expect((await epcis(`/epcis/events?MATCH_epc=${encodeURIComponent(`${base}/id/order/%E0%A4%A`)}`, studio)).status).toBe(200);
    // Another studio's event is as missing as one that never was.
    const own = (await allEvents('?perPage=1', studio)).events[0];
    await problem(`/epcis/events/${encodeURIComponent(own.eventID)}`, staff('youcaifeng'), 404, 'epcisException:NoSuchResourceException');
  });

  it('resolves a product’s code as a GS1 Digital Link: the story page by default, its trace or EPCIS events by linkType, the link set for all', async () => {
    const gateway = t.hub.gateway.http.url;
    const [product] = products;
    expect(product.uri).toBe(`${base}/01/06901234001013/21/${product.code}`);
    const scan = (path: string, headers: Record<string, string> = {}) => fetch(`${gateway}${path}`, { redirect: 'manual', headers });
    const path = new URL(product.uri).pathname;
    const linkset = `<${product.uri}?linkType=all>; rel="linkset"; type="application/linkset+json"`;

    const person = await scan(path, { accept: 'text/html' });
    expect([person.status, person.headers.get('location'), person.headers.get('link')]).toEqual([
      307,
      `${base}/story/${product.code}`,
      linkset,
    ]);
    const page = await fetch(`${gateway}/story/${product.code}`);
    expect([page.status, page.headers.get('content-type')]).toEqual([200, 'text/html; charset=utf-8']);
    // GS1's CURIE, its full URI and an unknown link type (which falls back to the default link).
    for (const [linkType, target] of [
      ['gs1:traceability', `${base}/trace/${product.code}`],
      ['https://gs1.org/voc/traceability', `${base}/trace/${product.code}`],
      ['gs1:epcis', `${base}/epcis/events?MATCH_anyEPC=${encodeURIComponent(product.uri)}`],
      ['gs1:recipeInfo', `${base}/story/${product.code}`],
    ]) {
      const answer = await scan(`${path}?linkType=${encodeURIComponent(linkType)}`);
      expect([linkType, answer.status, answer.headers.get('location')]).toEqual([linkType, 307, target]);
    }

    // The trace as JSON: the public story, nothing personal, no operator, no partner.
    const trace = await fetch(`${gateway}/trace/${product.code}`);
    expect(trace.status).toBe(200);
    const text = await trace.text();
    const story = JSON.parse(text);
    expect([story.code, story.uri, story.gtin, story.qcPassed, story.studio.id]).toEqual([
      product.code,
      product.uri,
      '06901234001013',
      true,
      'moyun-studio',
    ]);
    expect(story.stages.map((stage: any) => stage.statusCode.code)).toEqual(
      VOCABULARY.statusCodes
        .filter((status) => ['A10', 'B10', 'C10', 'C20', 'C30', 'C40', 'C50', 'C60', 'E10'].includes(status.code))
        .map((status) => status.code),
    );
    for (const secret of ['林小姐', '王芳', '墨白', 'gilding-atelier', 'kiln temperature', 'priceCents'])
      expect(text).not.toContain(secret);

    // The EPCIS link answers the studio its product's events (a token is still needed).
    const epcisLink = (await scan(`${path}?linkType=gs1:epcis`)).headers.get('location')!;
    const { events } = await allEvents(epcisLink.slice(`${base}/epcis/events`.length), staff('moyun-studio'));
    expect(events.length).toBeGreaterThan(0);
    // Where it was made (a TransformationEvent's output) and every observation of it.
    for (const event of events) expect(event.epcList ?? event.outputEPCList).toContain(product.uri);
    expect((await epcis(epcisLink.slice(base.length), null)).status).toBe(401);

    // The link set: by linkType=all, or by asking for its media type.
    for (const answer of [await scan(`${path}?linkType=all`), await scan(path, { accept: 'application/linkset+json' })]) {
      expect([answer.status, answer.headers.get('content-type')]).toEqual([200, 'application/linkset+json']);
      const [set] = ((await answer.json()) as any).linkset;
      expect(set.anchor).toBe(product.uri);
      expect(set['https://gs1.org/voc/defaultLink'][0].href).toBe(`${base}/story/${product.code}`);
      expect(set['https://gs1.org/voc/pip'][0]).toEqual(
        expect.objectContaining({ href: `${base}/story/${product.code}`, type: 'text/html', hreflang: ['zh', 'en'] }),
      );
      expect(set['https://gs1.org/voc/traceability'][0].href).toBe(`${base}/trace/${product.code}`);
      expect(set['https://gs1.org/voc/epcis'][0].href).toBe(epcisLink);
    }

    // A product without a GTIN is the hub's own URI, never a Digital Link.
    const [pastry] = (await t.gql(TRACE, { id: otherOrderId }, { as: staff('moyun-bakery') })).data.order.traceCodes;
    expect(pastry.uri).toBe(`${base}/id/product/${pastry.code}`);
    expect((await scan(`/id/product/${pastry.code}`)).headers.get('location')).toBe(`${base}/story/${pastry.code}`);
    // A GTIN written short is the same GTIN.
    expect((await scan(`/01/6901234001013/21/${product.code}`)).status).toBe(307);

    // What no product carries: another GTIN, a wrong check digit, the other URI form, an unknown or malformed code.
    for (const missing of [
      `/01/06901234002010/21/${product.code}`,
      `/01/06901234001014/21/${product.code}`,
      `/id/product/${product.code}`,
      `/01/${pastry.code}`,
      '/01/06901234001013/21/WT00000000000000000000000000',
      '/id/product/%E0%A4%A',
      '/trace/no-such-code',
    ]) {
      const answer = await scan(missing);
      expect([missing, answer.status, answer.headers.get('content-type')]).toEqual([missing, 404, 'application/problem+json']);
    }
    expect((await scan('/id/product/nothing', { accept: 'text/html' })).headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect((await fetch(`${gateway}${path}`, { method: 'POST' })).status).toBe(405);
    expect((await t.gql(`{ productStory(code: "not a code") { code } }`)).errors![0].extensions!.code).toBe('BAD_USER_INPUT');

    const description = (await (await fetch(`${gateway}/.well-known/gs1resolver`)).json()) as any;
    expect(description).toEqual(expect.objectContaining({ resolverRoot: base, supportedPrimaryKeys: ['01'] }));
  });
});
