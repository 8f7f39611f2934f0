import { CAPTURE_LIMITS } from '../contracts';
import { readCaptureDocument, type CaptureReading } from './epcis-capture-document';

const BASE = 'https://hub.example.com';
const CONTEXT = ['https://ref.gs1.org/standards/epcis/2.0.0/epcis-context.jsonld'];
const EVENT = {
  type: 'ObjectEvent',
  eventTime: '2026-12-03T08:00:00Z',
  eventTimeZoneOffset: '+08:00',
  action: 'OBSERVE',
  epcList: ['https://id.gs1.org/01/09521234543213/21/1'],
};
const documentOf = (events: unknown[], context: unknown = CONTEXT) => ({
  '@context': context,
  type: 'EPCISDocument',
  schemaVersion: '2.0',
  creationDate: '2026-12-03T08:00:00Z',
  epcisBody: { eventList: events },
});
const read = (document: unknown): CaptureReading => readCaptureDocument(JSON.stringify(document), BASE);
const refusalOf = (document: unknown) => {
  const reading = read(document);
  return 'refusal' in reading ? [reading.refusal.status, reading.refusal.type, reading.refusal.title] : ['read', reading.events.length];
};
const epcs = (count: number) => Array.from({ length: count }, (_, index) => `urn:epc:id:sgtin:0614141.107346.${index}`);

describe('reading a capture document within its bounds, before GS1’s schema or the event hash', () => {
  it('reads a document at its bounds: the longest list, the longest value, the deepest nesting', () => {
    // Short URIs: a list at the bound in an event within its own bound.
    const short = Array.from({ length: CAPTURE_LIMITS.arrayItems }, (_, index) => `urn:x:${index}`);
    expect(refusalOf(documentOf([{ ...EVENT, epcList: short }]))).toEqual(['read', 1]);
    const digits = `${'1'.repeat(CAPTURE_LIMITS.stringChars - 1)}x`;
    const hashed = read(documentOf([{ ...EVENT, 'example:lot': digits }], [...CONTEXT, { example: 'https://ns.example.com/' }]));
    expect('events' in hashed && hashed.events[0].eventId).toMatch(/^ni:\/\/\/sha-256;[0-9a-f]{64}\?ver=CBV2\.0$/);
    // The document, epcisBody, eventList, the event and its extension are five levels.
    let nested: Record<string, unknown> = { 'example:leaf': 'x' };
    for (let level = 6; level < CAPTURE_LIMITS.depth; level += 1) nested = { 'example:inner': nested };
    expect(refusalOf(documentOf([{ ...EVENT, 'example:nested': nested }]))).toEqual(['read', 1]);
  });

  it('gives the @context once for the document, not copied into each event', () => {
    const reading = read(documentOf([EVENT, { ...EVENT, eventID: 'urn:uuid:1' }]));
    expect('events' in reading && [reading.context, reading.events.map((event) => '@context' in JSON.parse(event.document))]).toEqual([
      JSON.stringify(CONTEXT),
      [false, false],
    ]);
    const large = [...CONTEXT, { a: 'x'.repeat(CAPTURE_LIMITS.contextChars) }];
    expect(refusalOf(documentOf([EVENT], large)).slice(0, 2)).toEqual([413, 'epcisException:CaptureLimitExceededException']);
  });

  it('refuses a list longer than the bound (413) before GS1’s schema compares its items', () => {
    const [status, type, title] = refusalOf(documentOf([{ ...EVENT, epcList: epcs(CAPTURE_LIMITS.arrayItems + 1) }]));
    expect([status, type, title]).toEqual([
      413,
      'epcisException:CaptureLimitExceededException',
      `/epcisBody/eventList/0/epcList holds ${CAPTURE_LIMITS.arrayItems + 1} items: at most ${CAPTURE_LIMITS.arrayItems} in any one list`,
    ]);
    // The @context too: GS1's schema marks it uniqueItems.
    const context = Array.from({ length: CAPTURE_LIMITS.arrayItems + 1 }, (_, index) => `https://ns.example.com/${index}`);
    expect(refusalOf(documentOf([EVENT], context)).slice(0, 2)).toEqual([413, 'epcisException:CaptureLimitExceededException']);
  });

  it('finds a duplicate in a list at the bound in one pass, as GS1’s schema asks', () => {
    const list = epcs(CAPTURE_LIMITS.arrayItems);
    list[CAPTURE_LIMITS.arrayItems - 1] = list[0];
    const reading = read(documentOf([{ ...EVENT, epcList: list }]));
    expect('refusal' in reading && [reading.refusal.status, reading.refusal.problems?.[0]]).toEqual([
      400,
      `/epcisBody/eventList/0/epcList must NOT have duplicate items (items ## 0 and ${CAPTURE_LIMITS.arrayItems - 1} are identical)`,
    ]);
    // Objects are the same whatever the order of their members.
    const twice = read(
      documentOf(
        [EVENT],
        [
          ...CONTEXT,
          { a: 'https://a.example.com/', b: 'https://b.example.com/' },
          { b: 'https://b.example.com/', a: 'https://a.example.com/' },
        ],
      ),
    );
    expect('refusal' in twice && twice.refusal.problems).toContain(
      '/@context must NOT have duplicate items (items ## 1 and 2 are identical)',
    );
  });

  it('refuses a value or a name longer than the bound (413) before the event hash reads it', () => {
    const long = '1'.repeat(CAPTURE_LIMITS.stringChars + 1);
    expect(refusalOf(documentOf([{ ...EVENT, 'example:lot': `${long}x` }]))).toEqual([
      413,
      'epcisException:CaptureLimitExceededException',
      `/epcisBody/eventList/0/example:lot holds ${CAPTURE_LIMITS.stringChars + 2} characters: at most ${CAPTURE_LIMITS.stringChars} in any one name or value`,
    ]);
    expect(refusalOf(documentOf([{ ...EVENT, [`example:${long}`]: 'x' }])).slice(0, 2)).toEqual([
      413,
      'epcisException:CaptureLimitExceededException',
    ]);
  });

  it('refuses nesting deeper than the bound (400), however deep, without recursing into it', () => {
    const depth = 100_000;
    const raw = `${JSON.stringify(documentOf([{ ...EVENT, 'example:nested': 'HERE' }])).replace('"HERE"', `${'{"example:a":'.repeat(depth)}1${'}'.repeat(depth)}`)}`;
    const reading = readCaptureDocument(raw, BASE);
    expect('refusal' in reading && [reading.refusal.status, reading.refusal.type]).toEqual([400, 'epcisException:ValidationException']);
    expect('refusal' in reading && reading.refusal.title).toMatch(
      /^The document nests deeper than 32 levels \(at \/epcisBody\/eventList\/0\/example:nested(\/example:a)+\)/,
    );
  });

  it('measures every event as the hub keeps it before any is carried out: its size, its type, its time', () => {
    // Each string and list within its bound, the event past its own.
    const large = Object.fromEntries(Array.from({ length: 30 }, (_, index) => [`example:f${index}`, 'x'.repeat(8_000)]));
    expect(refusalOf(documentOf([EVENT, { ...EVENT, ...large }]))).toEqual([
      413,
      'epcisException:CaptureLimitExceededException',
      expect.stringMatching(/^Event 1 is \d+ characters as JSON: at most 200000 per event$/),
    ]);
    expect(refusalOf(documentOf([EVENT, { ...EVENT, type: `https://ns.example.com/${'x'.repeat(40)}` }])).slice(0, 2)).toEqual([
      400,
      'epcisException:ValidationException',
    ]);
    // GS1's schema admits a leap second, which no clock of the hub's holds; other forms are kept as the instant they name.
    expect(refusalOf(documentOf([EVENT, { ...EVENT, eventTime: '2026-12-31T23:59:60Z' }]))).toEqual([
      400,
      'epcisException:ValidationException',
      'Event 1\'s eventTime "2026-12-31T23:59:60Z" is no instant this hub can keep',
    ]);
    const spaced = read(documentOf([{ ...EVENT, eventTime: '2026-12-03 08:00:00.5+0800' }]));
    expect('events' in spaced && spaced.events[0].eventTime).toBe('2026-12-03T00:00:00.500Z');
  });

  it('refuses more events than a capture takes (413) before GS1’s schema reads them', () => {
    const events = Array.from({ length: CAPTURE_LIMITS.events + 1 }, () => ({ broken: true }));
    expect(refusalOf(documentOf(events))).toEqual([
      413,
      'epcisException:CaptureLimitExceededException',
      `At most ${CAPTURE_LIMITS.events} events per capture (this one holds ${CAPTURE_LIMITS.events + 1})`,
    ]);
  });
});
