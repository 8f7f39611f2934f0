import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import schema from './standards/EPCIS-JSON-Schema.json';
import {
  epcisIdentifiers,
  epcisQueryDocument,
  EPCIS_OBJECT_EVENT_TYPES,
  objectEventOf,
  transformationEventOf,
  type ProgressFact,
} from './epcis';
import { ORDER_EVENTS } from './events';
import { STATUS } from './status-codes';
import { VOCABULARY } from './vocabulary';

const BASE = 'https://hub.example.com/';
// GS1's bundled schema, offline (draft-07; `strict: false` as GS1 documents it).
const ajv = new Ajv({ strict: false, allErrors: true });
addFormats(ajv);
const validate = ajv.compile(schema);
const problems = () => (validate.errors ?? []).map((error) => `${error.instancePath} ${error.message}`);

const studio = { enterpriseId: 'moyun-studio', gln: '6901234000017' };
const kiln = { enterpriseId: 'jingdezhen-kiln' };

/** One progress entry of each kind the hub records, with the status code it carries. */
const FACTS: ProgressFact[] = EPCIS_OBJECT_EVENT_TYPES.map((type, index) => ({
  eventId: `00000000-0000-4000-8000-${String(index).padStart(12, '0')}`,
  type,
  statusCode:
    type === ORDER_EVENTS.IMPORTED
      ? STATUS.ORDER_RECEIVED
      : type === ORDER_EVENTS.CANCELLED
        ? STATUS.CANCELLED
        : type === ORDER_EVENTS.SHIPMENT_ADDED || type === ORDER_EVENTS.SHIPMENT_EVENT
          ? STATUS.SHIPPED
          : type === ORDER_EVENTS.DELIVERED
            ? STATUS.DELIVERED
            : 'C40',
  occurredAt: '2026-11-20T08:00:00.000Z',
  recordedAt: '2026-11-20T08:00:01.000Z',
  orderId: 'ord_01M6A7GRP02MF6GCH46PHS6GKC',
  at: type === ORDER_EVENTS.STAGE_ASSIGNED ? kiln : studio,
  products: [ORDER_EVENTS.SHIPMENT_ADDED, ORDER_EVENTS.DELIVERED, ORDER_EVENTS.TRACE_CODES_ISSUED].includes(type as never)
    ? [{ gtin: '06901234000024', serial: 'WT01M8VM1QWHCPMCWVJJ72WVA59Y' }, { serial: 'WT01M8VM1QXJ3M563242H165G999' }]
    : [],
  readings:
    type === ORDER_EVENTS.STAGE_COMPLETED
      ? [
          { name: 'kiln temperature', value: 1300, unit: '°C', recordedAt: '2026-11-20T07:00:00.000Z' },
          { name: 'humidity', value: 60, unit: '%' },
          { name: 'glaze thickness', value: 0.4, unit: 'mm' },
        ]
      : undefined,
  handover: type === ORDER_EVENTS.STAGE_ASSIGNED ? { from: studio, to: kiln } : undefined,
}));

describe('the hub in EPCIS 2.0', () => {
  it('writes every kind of progress entry as an ObjectEvent, and materials into products as a TransformationEvent, in a document GS1’s schema accepts', () => {
    const events = FACTS.map((fact) => objectEventOf(fact, BASE));
    events.push(
      transformationEventOf(
        {
          eventId: '00000000-0000-4000-8000-999999999999',
          occurredAt: '2026-11-21T08:00:00.000Z',
          recordedAt: '2026-11-21T08:00:00.000Z',
          orderId: 'ord_1',
          statusCode: '',
          at: studio,
          lots: [{ supplierId: 'jingdezhen-clay', lotCode: 'JDZ-K-2611A', sku: 'CLAY-KAOLIN' }],
          products: [{ serial: 'WT1' }],
        },
        BASE,
      ),
    );
    const document = epcisQueryDocument(events, { creationDate: '2026-11-21T09:00:00.000Z' });
    expect([validate(document), problems()]).toEqual([true, []]);
    // Issuing the codes has no status code of its own: its serials are commissioned.
    expect([events[FACTS.length].bizStep, events[FACTS.length].disposition]).toEqual(['commissioning', 'active']);
    for (const event of events.slice(0, FACTS.length)) {
      const status = VOCABULARY.findStatus(String(event['weft:statusCode']))!;
      expect([event.bizStep, event.disposition]).toEqual([status.bizStep, status.disposition]);
    }
  });

  it('refuses, through the same schema, what is not EPCIS (so the check above can fail)', () => {
    const event = { ...objectEventOf(FACTS[1], BASE), action: 'JUMP' };
    expect(validate(epcisQueryDocument([event], { creationDate: '2026-11-21T09:00:00.000Z' }))).toBe(false);
    expect(problems().join('\n')).toContain('action');
  });

  it('names products by GS1 Digital Link only where they have a GTIN, places by GLN where they have one, all under the public base URL', () => {
    const ids = epcisIdentifiers('https://hub.example.com/');
    expect(ids.product({ gtin: '06901234000024', serial: 'WT1' })).toBe('https://hub.example.com/01/06901234000024/21/WT1');
    expect(ids.product({ serial: 'WT1' })).toBe('https://hub.example.com/id/product/WT1');
    expect(ids.location(studio)).toBe('https://hub.example.com/414/6901234000017');
    expect(ids.location(kiln)).toBe('https://hub.example.com/id/enterprise/jingdezhen-kiln');
    const handover = objectEventOf(
      FACTS.find((fact) => fact.type === ORDER_EVENTS.STAGE_ASSIGNED)!,
      BASE,
    );
    expect(handover.destinationList).toEqual([
      { type: 'possessing_party', destination: 'https://hub.example.com/id/enterprise/jingdezhen-kiln' },
    ]);
    const fired = objectEventOf(
      FACTS.find((fact) => fact.type === ORDER_EVENTS.STAGE_COMPLETED)!,
      BASE,
    ) as { sensorElementList: { sensorReport: object[] }[] };
    expect(fired.sensorElementList[0].sensorReport).toEqual([
      { type: 'Temperature', value: 1300, uom: 'CEL', time: '2026-11-20T07:00:00.000Z' },
      { type: 'RelativeHumidity', value: 60, uom: 'P1' },
      { type: 'https://vocab.weft.dev/cbv/measurement/glaze_thickness', value: 0.4, stringValue: 'mm' },
    ]);
  });
});
