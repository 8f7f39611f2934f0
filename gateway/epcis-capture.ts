import { createHash } from 'node:crypto';
import { CAPTURE_LIMITS, EPCIS_SENDERS, RECEIPT_DETAIL_CHARS, VOCABULARY, type CaptureIntent } from '../contracts';
import { logger } from '../platform/base/logger';
import type { PublicUrl } from '../platform/base/public-url';
import { BodyTooLargeError, readBody, sendJson, type GraphQLEndpoint, type RouteHandler } from '../platform/runtime/http-server';
import type { GatewayContext } from './context';
import { isId } from '../platform/data/ids';
import { decoded, EPCIS_HEADERS, epcisRoute, EpcisProblem, executeGraphQL, problemOf } from './epcis';
import type { CaptureReading } from './epcis-capture-document';
import { CaptureReadFailed, CaptureThreadBusy, type CaptureThread } from './epcis-capture-thread';

/**
 * GS1 EPCIS 2.0's capture interface over its REST binding: `POST /epcis/capture` takes an
 * EPCISDocument (or EPCISQueryDocument) from a supplier's or partner's system under its token,
 * `GET /epcis/capture/{captureID}` answers the capture job, `OPTIONS /epcis/capture` its limits.
 *
 * Who sends is settled before the body is read. The document is then read on the capture thread
 * (epcis-capture-document.ts, off the event loop): one past a bound (CAPTURE_LIMITS) is answered
 * 413 or 400, one GS1's schema refuses 400 with the problems, and nothing of it is kept; each
 * event without an eventID gets its CBV event hash ID there. Each is then carried out as its intent
 * (contracts/epcis-capture.ts) by a GraphQL mutation through this gateway's planner under the
 * sender's token, its eventID the idempotency key — so the subgraphs' rules decide, and another
 * enterprise's purchase order is as missing as one that never was — and finally the traceability
 * subgraph keeps the events (once per eventID) and the job with each event's outcome. Only then
 * is the capture answered 202: a document the hub did not acknowledge can be sent again, and
 * sending it again changes nothing twice.
 */

/** How the hub captures: each event on its own (an event refused does not undo the others). */
const ERROR_BEHAVIOUR = 'proceed';
const CAPTURE_HEADERS = {
  ...EPCIS_HEADERS,
  'GS1-EPCIS-Capture-Limit': String(CAPTURE_LIMITS.events),
  'GS1-Capture-Error-Behaviour': ERROR_BEHAVIOUR,
};

/** Refusals a mutation answers for one event (it is kept, REFUSED); anything else means the hub cannot answer now. */
const REFUSALS = new Set(['NOT_FOUND', 'FAILED_PRECONDITION', 'BAD_USER_INPUT', 'FORBIDDEN', 'CONFLICT']);

const SHIP = `mutation EpcisShip($id: ID!, $input: ShipPurchaseOrderInput!, $key: String!) { shipPurchaseOrder(purchaseOrderId: $id, input: $input, idempotencyKey: $key) { id status } }`;
const RECEIVE = `mutation EpcisReceive($id: ID!) { receivePurchaseOrder(purchaseOrderId: $id) { id status } }`;
const STAGES = `query EpcisStages($id: ID!) { order(id: $id) { id stages { id position code status assignedTo { id } } } }`;
const START = `mutation EpcisStart($id: ID!) { startStage(stageRunId: $id) { id code status } }`;
const COMPLETE = `mutation EpcisComplete($id: ID!, $input: CompleteStageInput) { completeStage(stageRunId: $id, input: $input) { id code status } }`;
const KNOWN = `query EpcisKnown($ids: [String!]!) { capturedEventIds(eventIds: $ids) }`;
const RECORD = `mutation EpcisRecord($input: RecordCaptureInput!) { recordCapture(input: $input) { id } }`;
const JOB = `query EpcisJob($id: ID!) { captureJob(id: $id) { id createdAt finishedAt receipts { eventId outcome detail errorCode } } }`;

interface Receipt {
  eventId: string;
  outcome: 'APPLIED' | 'KEPT' | 'REFUSED' | 'DUPLICATE';
  detail: string | null;
  errorCode: string | null;
}

/** An idempotency key the subgraphs accept for any eventID (long ones by their digest). */
const keyOf = (eventId: string) => (eventId.length <= 120 ? eventId : `sha256:${createHash('sha256').update(eventId).digest('hex')}`);

export interface EpcisCaptureOptions {
  endpoint: GraphQLEndpoint<GatewayContext>;
  publicUrl: PublicUrl;
  maxBodyBytes?: number;
  /** Where documents are read (the gateway's one capture thread). */
  thread: CaptureThread;
}

export function epcisCaptureRoutes(options: EpcisCaptureOptions): Record<string, RouteHandler> {
  const validation = (title: string, extensions: Record<string, unknown> = {}) =>
    new EpcisProblem(400, 'epcisException:ValidationException', title, {}, extensions);

  /** One operation's data, or the refusal it answered (anything else: the hub cannot answer now, and nothing is acknowledged). */
  const attempt = async <Data>(
    context: GatewayContext,
    query: string,
    variables: Record<string, unknown>,
  ): Promise<{ data: Data } | { refused: Omit<Receipt, 'eventId'> }> => {
    const { data, errors } = await executeGraphQL<Data>(options.endpoint, context, query, variables);
    if (!errors.length) return { data };
    const code = typeof errors[0].extensions?.code === 'string' ? errors[0].extensions.code : '';
    if (!REFUSALS.has(code)) throw problemOf(errors[0]);
    return { refused: { outcome: 'REFUSED', detail: errors[0].message, errorCode: code } };
  };

  /** The sender's stage of an order at a business step: the first it holds that is still to start (or, to complete, running). */
  const stageProgress = async (
    context: GatewayContext,
    intent: Extract<CaptureIntent, { kind: 'STAGE_PROGRESS' }>,
  ): Promise<Omit<Receipt, 'eventId'>> => {
    const found = await attempt<{
      order: {
        id: string;
        stages: { id: string; position: number; code: string; status: string; assignedTo: { id: string } | null }[];
      } | null;
    }>(context, STAGES, { id: intent.orderId });
    if ('refused' in found) return found.refused;
    const order = found.data.order;
    const missing = { outcome: 'REFUSED' as const, errorCode: 'NOT_FOUND' };
    if (!order) return { ...missing, detail: `Order "${intent.orderId}" was not found` };
    // The next one to move first; failing that, one already moved (the mutation then answers it as it is).
    const preference = intent.step === 'STARTED' ? ['PENDING', 'IN_PROGRESS'] : ['IN_PROGRESS', 'DONE'];
    const held = [...order.stages]
      .sort((a, b) => a.position - b.position)
      .filter(
        (candidate) =>
          candidate.assignedTo?.id === context.principal?.org && VOCABULARY.findStatus(candidate.code)?.bizStep === intent.bizStep,
      );
    const stage = preference.map((status) => held.find((candidate) => candidate.status === status)).find(Boolean);
    if (!stage)
      return {
        ...missing,
        detail: `Order "${order.id}" has no stage at business step ${intent.bizStep} that you hold and that can be ${intent.step === 'STARTED' ? 'started' : 'completed'}`,
      };
    type Moved = { id: string; code: string; status: string };
    const done = await attempt<{ startStage?: Moved; completeStage?: Moved }>(
      context,
      intent.step === 'STARTED' ? START : COMPLETE,
      intent.step === 'STARTED'
        ? { id: stage.id }
        : { id: stage.id, input: intent.readings.length ? { environment: intent.readings } : null },
    );
    if ('refused' in done) return done.refused;
    const moved = (done.data.startStage ?? done.data.completeStage)!;
    return { outcome: 'APPLIED', detail: `Stage ${moved.code} (${moved.id}) of order ${order.id} is ${moved.status}`, errorCode: null };
  };

  /** Carries one event's intent out under the sender's token, and says what it did. */
  const carryOut = async (context: GatewayContext, eventId: string, intent: CaptureIntent): Promise<Omit<Receipt, 'eventId'>> => {
    switch (intent.kind) {
      case 'NONE':
        return { outcome: 'KEPT', detail: intent.reason, errorCode: null };
      case 'MALFORMED':
        return { outcome: 'REFUSED', detail: intent.reason, errorCode: 'BAD_USER_INPUT' };
      case 'STAGE_PROGRESS':
        return stageProgress(context, intent);
      case 'SHIP_PURCHASE_ORDER':
      case 'RECEIVE_PURCHASE_ORDER': {
        type Moved = { id: string; status: string };
        const done =
          intent.kind === 'SHIP_PURCHASE_ORDER'
            ? await attempt<{ shipPurchaseOrder: Moved }>(context, SHIP, {
                id: intent.purchaseOrderId,
                input: { lots: intent.lots, shippedAt: intent.shippedAt },
                key: keyOf(eventId),
              })
            : await attempt<{ receivePurchaseOrder: Moved }>(context, RECEIVE, { id: intent.purchaseOrderId });
        if ('refused' in done) return done.refused;
        const order = 'shipPurchaseOrder' in done.data ? done.data.shipPurchaseOrder : done.data.receivePurchaseOrder;
        return { outcome: 'APPLIED', detail: `Purchase order ${order.id} is ${order.status}`, errorCode: null };
      }
    }
  };

  const capture = epcisRoute(options.endpoint, ['POST', 'OPTIONS'], async (request, response, context) => {
    if (request.method === 'OPTIONS') {
      response.writeHead(204, { ...CAPTURE_HEADERS, allow: 'POST, OPTIONS' });
      response.end();
      return;
    }
    // Who sends is settled before anything they sent is read: a caller who may not capture costs no parsing, hashing or validating.
    const sender = context.principal;
    if (!sender)
      throw new EpcisProblem(401, 'epcisException:SecurityException', 'Capturing events needs a token (Authorization: Bearer …)');
    if (!sender.roles.some((role) => EPCIS_SENDERS.includes(role)))
      throw new EpcisProblem(
        403,
        'epcisException:SecurityException',
        'Events are captured by the network’s enterprises: this token may not capture',
      );
    if (!sender.org)
      throw new EpcisProblem(403, 'epcisException:SecurityException', 'A capture is sent by an enterprise: this token names none');
    const type = String(request.headers['content-type'] ?? '')
      .split(';')[0]
      .trim()
      .toLowerCase();
    if (type !== 'application/json' && type !== 'application/ld+json')
      throw new EpcisProblem(
        415,
        'epcisException:UnsupportedMediaTypeException',
        'Send the document as application/json or application/ld+json',
      );
    const behaviour = request.headers['gs1-capture-error-behaviour'];
    if (behaviour !== undefined && behaviour !== ERROR_BEHAVIOUR)
      throw validation(
        `This hub captures each event on its own (GS1-Capture-Error-Behaviour: ${ERROR_BEHAVIOUR}), not "${String(behaviour)}"`,
      );
    let raw: string;
    try {
      raw = await readBody(request, options.maxBodyBytes);
    } catch (error) {
      if (error instanceof BodyTooLargeError) throw new EpcisProblem(413, 'epcisException:CaptureLimitExceededException', error.message);
      throw error;
    }
    const base = options.publicUrl.base;
    // JSON, bounds, GS1's schema and event hashes on the capture thread: the event loop stays free.
    let reading: CaptureReading;
    try {
      reading = (await options.thread.read(raw, base)).reading;
    } catch (error) {
      if (error instanceof CaptureThreadBusy)
        throw new EpcisProblem(503, 'epcisException:ImplementationException', `${error.message}: send it again in a moment`, {
          'retry-after': '1',
        });
      if (error instanceof CaptureReadFailed) {
        logger.warn({ err: error }, 'EPCIS capture: a document could not be read');
        throw validation('The hub could not read this document');
      }
      // The thread stopped under it (it is started again for the next one): nothing was done.
      throw new EpcisProblem(503, 'epcisException:ImplementationException', 'The hub could not read the document now: send it again', {
        'retry-after': '1',
      });
    }
    if ('refusal' in reading) {
      const { status, type, title, problems } = reading.refusal;
      throw new EpcisProblem(status, type, title, {}, problems ? { problems } : {});
    }
    const { context: documentContext, events } = reading;
    const eventIds = events.map((event) => event.eventId);
    // Events captured before change nothing again: the repository records them as duplicates.
    const known = await executeGraphQL<{ capturedEventIds: string[] }>(options.endpoint, context, KNOWN, { ids: [...new Set(eventIds)] });
    if (known.errors.length) throw problemOf(known.errors[0]);
    const seen = new Set<string>(known.data.capturedEventIds);
    const captured = [];
    for (const event of events) {
      const receipt: Omit<Receipt, 'eventId'> = seen.has(event.eventId)
        ? { outcome: 'DUPLICATE', detail: null, errorCode: null }
        : await carryOut(context, event.eventId, event.intent);
      seen.add(event.eventId);
      captured.push({
        eventId: event.eventId,
        eventType: event.eventType,
        eventTime: event.eventTime,
        bizStep: event.bizStep,
        document: event.document,
        outcome: receipt.outcome,
        // Within what the job keeps (a refusal may quote what was sent), so recording it cannot fail.
        detail: receipt.detail === null ? undefined : receipt.detail.slice(0, RECEIPT_DETAIL_CHARS),
        errorCode: receipt.errorCode ?? undefined,
      });
    }
    const { data, errors } = await executeGraphQL<{ recordCapture: { id: string } }>(options.endpoint, context, RECORD, {
      input: { events: captured, ...(documentContext === null ? {} : { context: documentContext }) },
    });
    if (errors.length) throw problemOf(errors[0]);
    const location = `${base}/epcis/capture/${encodeURIComponent(data.recordCapture.id)}`;
    sendJson(response, 202, { captureID: data.recordCapture.id }, { ...CAPTURE_HEADERS, location, 'content-type': 'application/json' });
  });

  const job = epcisRoute(options.endpoint, ['GET', 'HEAD'], async (_request, response, context, url) => {
    const id = decoded(url.pathname.slice('/epcis/capture/'.length));
    const missing = new EpcisProblem(404, 'epcisException:NoSuchResourceException', `No capture job "${id}" that you sent`);
    if (!isId('cap', id)) throw missing;
    const { data, errors } = await executeGraphQL<{
      captureJob: { id: string; createdAt: string; finishedAt: string | null; receipts: Receipt[] } | null;
    }>(options.endpoint, context, JOB, { id });
    if (errors.length) throw problemOf(errors[0]);
    const found = data.captureJob;
    if (!found) throw missing;
    const refused = found.receipts.filter((receipt) => receipt.outcome === 'REFUSED');
    sendJson(
      response,
      200,
      {
        captureID: found.id,
        createdAt: found.createdAt,
        finishedAt: found.finishedAt,
        running: found.finishedAt === null,
        success: refused.length === 0,
        captureErrorBehaviour: ERROR_BEHAVIOUR,
        errors: refused.map((receipt) => ({
          type: 'epcisException:ValidationException',
          title: receipt.detail,
          status: 400,
          instance: receipt.eventId,
          'weft:errorCode': receipt.errorCode,
        })),
        // What the hub did with each event (the binding's job says only whether something failed).
        'weft:events': found.receipts,
      },
      { ...CAPTURE_HEADERS, 'content-type': 'application/json' },
    );
  });

  return { '/epcis/capture': capture, '/epcis/capture/*': job };
}
