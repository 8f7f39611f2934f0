import { createHash } from 'node:crypto';
import { CAPTURE_LIMITS, captureIntentOf, contextNamespaces, eventHashPreimage, type CaptureIntent } from '../contracts';
import { firstBoundPassed } from './epcis-document-bounds';
import { epcisSchemaProblems } from './epcis-schema';

/**
 * Reading one capture document, from its text to what the capture route carries out: JSON, then
 * the bounds of the whole document (epcis-document-bounds.ts), its number of events and the
 * size of its @context, GS1's schema, each event's id (its eventID, or its CBV event hash ID) and intent. Pure and bounded
 * by the text's size; the gateway runs it on its capture thread (epcis-capture-thread.ts), off
 * the event loop, and gets back plain data. A document refused here changes nothing.
 */

/** One event as read: what the route needs to carry it out and to keep it. */
export interface ReadEvent {
  eventId: string;
  eventType: string;
  eventTime: string;
  bizStep?: string;
  /** The event as the hub keeps it: as it came, with the eventID it is known by, as JSON text. */
  document: string;
  intent: CaptureIntent;
}

/** A refusal of the whole document, in the binding's terms. */
export interface DocumentRefusal {
  status: 400 | 413;
  type: 'epcisException:ValidationException' | 'epcisException:CaptureLimitExceededException';
  title: string;
  /** GS1's schema's findings, where it refused the document. */
  problems?: string[];
}

export type CaptureReading =
  | {
      /** The document's @context as JSON text (null without one): kept once for all its events, not copied into each. */
      context: string | null;
      events: ReadEvent[];
    }
  | { refusal: DocumentRefusal };

const invalid = (title: string, problems?: string[]): { refusal: DocumentRefusal } => ({
  refusal: { status: 400, type: 'epcisException:ValidationException', title, ...(problems ? { problems } : {}) },
});
const tooLarge = (title: string): { refusal: DocumentRefusal } => ({
  refusal: { status: 413, type: 'epcisException:CaptureLimitExceededException', title },
});

/** The CBV 2.0 event hash ID of an event: SHA-256 of its pre-hash string. */
export function eventHashId(event: Record<string, unknown>, namespaces: Record<string, string>): string {
  return `ni:///sha-256;${createHash('sha256').update(eventHashPreimage(event, namespaces), 'utf8').digest('hex')}?ver=CBV2.0`;
}

/** What is read of a document before GS1's schema checks the whole (any member may be missing or of another type). */
interface CaptureDocumentShape {
  '@context'?: unknown;
  epcisBody?: { eventList?: unknown; queryResults?: { resultsBody?: { eventList?: unknown } | null } | null } | null;
}

export function readCaptureDocument(raw: string, publicBase: string): CaptureReading {
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    return invalid('The body is not JSON');
  }
  // A body that is JSON but no object (`null`, `3`) has no members: the schema below refuses it.
  const document: CaptureDocumentShape = parsed !== null && typeof parsed === 'object' ? parsed : {};
  const passed = firstBoundPassed(parsed);
  if (passed?.bound === 'depth')
    return invalid(`The document nests deeper than ${CAPTURE_LIMITS.depth} levels (at ${passed.path}): this hub reads no deeper`);
  if (passed?.bound === 'arrayItems')
    return tooLarge(`${passed.path} holds ${passed.size} items: at most ${CAPTURE_LIMITS.arrayItems} in any one list`);
  if (passed?.bound === 'stringChars')
    return tooLarge(`${passed.path} holds ${passed.size} characters: at most ${CAPTURE_LIMITS.stringChars} in any one name or value`);
  const body = document.epcisBody;
  const listed: unknown = body?.eventList ?? body?.queryResults?.resultsBody?.eventList;
  if (Array.isArray(listed) && listed.length > CAPTURE_LIMITS.events)
    return tooLarge(`At most ${CAPTURE_LIMITS.events} events per capture (this one holds ${listed.length})`);
  const context = document['@context'] === undefined ? null : JSON.stringify(document['@context']);
  if (context !== null && context.length > CAPTURE_LIMITS.contextChars)
    return tooLarge(`The @context is ${context.length} characters as JSON: at most ${CAPTURE_LIMITS.contextChars}`);
  const problems = epcisSchemaProblems(parsed);
  if (problems.length) return invalid(`GS1's EPCIS 2.0 schema refuses the document: ${problems[0]}`, problems.slice(0, 50));
  const events = (Array.isArray(listed) ? listed : []) as Record<string, unknown>[];
  if (!events.length) return invalid('The document holds no events');

  const namespaces = contextNamespaces(document['@context']);
  const eventIds = events.map((event) => (typeof event.eventID === 'string' ? event.eventID : eventHashId(event, namespaces)));
  // Every event is measured as the hub will keep it before any is carried out: one the hub could
  // not keep refuses the document whole, rather than after the events before it have been applied.
  const read: ReadEvent[] = [];
  for (const [index, event] of events.entries()) {
    const eventId = eventIds[index];
    if (eventId.length > CAPTURE_LIMITS.eventIdChars)
      return invalid(`eventID "${eventId.slice(0, 40)}…" is longer than the ${CAPTURE_LIMITS.eventIdChars} characters this hub keeps`);
    const eventType = String(event.type);
    if (eventType.length > CAPTURE_LIMITS.eventTypeChars)
      return invalid(`Event ${index}'s type is longer than the ${CAPTURE_LIMITS.eventTypeChars} characters this hub keeps`);
    // GS1's schema admits date-times the hub's clock cannot hold (a leap second): kept as the instant they name.
    const time = new Date(String(event.eventTime));
    if (Number.isNaN(time.getTime()))
      return invalid(`Event ${index}'s eventTime "${String(event.eventTime)}" is no instant this hub can keep`);
    // Kept as it came, with the eventID it is known by (its document's @context is kept once, with the job).
    const document = JSON.stringify({ ...event, eventID: eventId });
    if (document.length > CAPTURE_LIMITS.eventChars)
      return tooLarge(`Event ${index} is ${document.length} characters as JSON: at most ${CAPTURE_LIMITS.eventChars} per event`);
    const intent = captureIntentOf(event, publicBase);
    read.push({
      eventId,
      eventType,
      eventTime: time.toISOString(),
      ...(typeof event.bizStep === 'string' ? { bizStep: event.bizStep.slice(0, 200) } : {}),
      document,
      intent: intent.kind === 'SHIP_PURCHASE_ORDER' ? { ...intent, shippedAt: time.toISOString() } : intent,
    });
  }
  return { context, events: read };
}
