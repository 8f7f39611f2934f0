import { createHash } from 'node:crypto';
import { CAPTURE_LIMITS } from './epcis-capture';
import { contextNamespaces, eventHashPreimage } from './epcis-hash';

// The single-event example of the CBV 2.0 event hash's reference implementation (GS1 Germany's
// epcis-event-hash-generator, tests/examples/epcisDocWithSingleEvent): its pre-hash string and hash.
const EVENT = {
  type: 'ObjectEvent',
  action: 'OBSERVE',
  bizStep: 'shipping',
  disposition: 'in_transit',
  epcList: ['urn:epc:id:sgtin:0614141.107346.2017', 'urn:epc:id:sgtin:0614141.107346.2018'],
  eventTime: '2022-02-16T20:33:31.116000-06:00',
  eventTimeZoneOffset: '-06:00',
  readPoint: { id: 'urn:epc:id:sgln:0614141.07346.1234' },
  bizTransactionList: [{ type: 'po', bizTransaction: 'http://transaction.acme.com/po/12345678' }],
};
const PREIMAGE =
  'eventType=ObjectEventeventTime=2022-02-17T02:33:31.116ZeventTimeZoneOffset=-06:00epcListepc=https://id.gs1.org/01/10614141073464/21/2017epc=https://id.gs1.org/01/10614141073464/21/2018action=OBSERVEbizStep=https://ref.gs1.org/cbv/BizStep-shippingdisposition=https://ref.gs1.org/cbv/Disp-in_transitreadPointid=https://id.gs1.org/414/0614141073467/254/1234bizTransactionListbizTransaction=http://transaction.acme.com/po/12345678type=https://ref.gs1.org/cbv/BTT-po';

describe('the CBV 2.0 event hash ID', () => {
  it('builds the reference pre-hash string and hash of GS1’s example', () => {
    const preimage = eventHashPreimage(EVENT);
    expect(preimage).toBe(PREIMAGE);
    expect(createHash('sha256').update(preimage, 'utf8').digest('hex')).toBe(
      '3e0f2437f4cb5e8a1b832b769c0eed1bf3e1421f14061132e9800ded03f10182',
    );
  });

  it('is the same for the same event written differently, and differs for a different one', () => {
    const reordered = {
      ...EVENT,
      epcList: [...EVENT.epcList].reverse(),
      eventTime: '2022-02-17T02:33:31.116Z',
      bizStep: 'urn:epcglobal:cbv:bizstep:shipping',
      eventID: 'urn:uuid:1',
      recordTime: '2022-03-01T00:00:00Z',
    };
    expect(eventHashPreimage(reordered)).toBe(PREIMAGE);
    // Digital Link URIs on another host are the same identifiers.
    const linked = {
      ...EVENT,
      epcList: ['https://example.com/01/10614141073464/21/2018?linkType=all', 'https://id.gs1.org/01/10614141073464/21/2017'],
    };
    expect(eventHashPreimage(linked)).toBe(PREIMAGE);
    expect(eventHashPreimage({ ...EVENT, disposition: 'in_progress' })).not.toBe(PREIMAGE);
  });

  it('sorts extensions by their expanded names after the standard fields', () => {
    const namespaces = contextNamespaces([
      'https://ref.gs1.org/standards/epcis/2.0.0/epcis-context.jsonld',
      { example: 'https://ns.example.com/epcis/' },
    ]);
    const preimage = eventHashPreimage({ ...EVENT, 'example:myField': '007', ilmd: { 'example:bestBefore': '2026-12-31' } }, namespaces);
    expect(preimage.startsWith(PREIMAGE)).toBe(true);
    expect(preimage.slice(PREIMAGE.length)).toBe(
      'ilmd{https://ns.example.com/epcis/}bestBefore=2026-12-31{https://ns.example.com/epcis/}myField=7',
    );
  });
});

describe('the event hash’s work on long values', () => {
  const LIMIT = CAPTURE_LIMITS.stringChars;
  const ilmdOf = (value: string) => eventHashPreimage({ ...EVENT, ilmd: { 'example:lot': value } }).slice(PREIMAGE.length);

  it('reads values up to the capture limit with linear patterns: a digit run that is no number, a Digital Link path, a time', () => {
    // The number pattern once backtracked on a long digit run that does not end as a number.
    const digits = `${'1'.repeat(LIMIT - 1)}x`;
    expect(ilmdOf(digits)).toBe(`ilmdexample:lot=${digits}`);
    expect(ilmdOf('+000120.500e1')).toBe('ilmdexample:lot=1205');
    // The Digital Link pattern searched the path for a key segment over every split of it.
    const segments = `https://example.com${'/01'.repeat(Math.floor((LIMIT - 40) / 3))}`;
    expect(ilmdOf(`${segments}?\nx`)).toBe(`ilmdexample:lot=${segments}?\nx`);
    // From the first key after the path's first segment, as the pattern read it (hash IDs stay as they were).
    expect(ilmdOf(`${segments}/x?linkType=all`)).toBe(`ilmdexample:lot=https://id.gs1.org${segments.slice(22)}/x`);
    expect(ilmdOf('https://example.com/shop/01/10614141073464/21/2018#top')).toBe(
      'ilmdexample:lot=https://id.gs1.org/01/10614141073464/21/2018',
    );
    expect(ilmdOf('https://example.com/01/')).toBe('ilmdexample:lot=https://example.com/01/');
    const times = `${'T00:00:00.'.repeat(Math.floor((LIMIT - 40) / 10))}2026-12-03T08:00:00.1234+08:00`;
    expect(eventHashPreimage({ ...EVENT, eventTime: times })).toContain(`eventTime=${times}eventTimeZoneOffset`);
    expect(eventHashPreimage({ ...EVENT, eventTime: '2026-12-03T08:00:00.1235+08:00' })).toContain('eventTime=2026-12-03T00:00:00.124Z');
  });

  it('refuses a value longer than a capture admits instead of reading it', () => {
    expect(() => ilmdOf(`${'1'.repeat(LIMIT)}x`)).toThrow(RangeError);
    expect(() => eventHashPreimage({ ...EVENT, eventTime: `${'1'.repeat(LIMIT)}T00:00:00Z` })).toThrow(RangeError);
  });
});
