import { threadId } from 'node:worker_threads';
import { readCaptureDocument } from './epcis-capture-document';
import { CaptureThread, CaptureThreadBusy } from './epcis-capture-thread';

const BASE = 'https://hub.example.com';
const document = JSON.stringify({
  '@context': ['https://ref.gs1.org/standards/epcis/2.0.0/epcis-context.jsonld'],
  type: 'EPCISDocument',
  schemaVersion: '2.0',
  creationDate: '2026-12-03T08:00:00Z',
  epcisBody: {
    eventList: [
      {
        type: 'ObjectEvent',
        eventTime: '2026-12-03T08:00:00Z',
        eventTimeZoneOffset: '+08:00',
        action: 'OBSERVE',
        epcList: ['https://id.gs1.org/01/09521234543213/21/1'],
      },
    ],
  },
});

describe('the capture thread', () => {
  const thread = new CaptureThread();
  afterAll(() => thread.close());

  it('reads a document off the event loop, as the reading on it would', async () => {
    const answer = await thread.read(document, BASE);
    expect('events' in answer.reading).toBe(true);
    expect(answer.threadId).not.toBe(threadId);
    expect(answer.reading).toEqual(readCaptureDocument(document, BASE));
    expect((await thread.read('{"type": ', BASE)).reading).toEqual({
      refusal: { status: 400, type: 'epcisException:ValidationException', title: 'The body is not JSON' },
    });
  });

  it('keeps at most 16 documents waiting: the next is answered busy at once', async () => {
    const reads = Array.from({ length: 16 }, () => thread.read(document, BASE));
    await expect(thread.read(document, BASE)).rejects.toBeInstanceOf(CaptureThreadBusy);
    expect((await Promise.all(reads)).every((answer) => 'events' in answer.reading)).toBe(true);
    // Room again once they are read.
    expect('events' in (await thread.read(document, BASE)).reading).toBe(true);
  });
});
