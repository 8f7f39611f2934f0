import { createHash } from 'node:crypto';
import type http from 'node:http';
import { captureIntentOf, contextNamespaces, eventHashPreimage, VOCABULARY, type CaptureIntent } from '../contracts';
import type { PublicUrl } from '../platform/base/public-url';
import { BodyTooLargeError, readBody, sendJson, type GraphQLEndpoint, type RouteHandler } from '../platform/runtime/http-server';
import type { GatewayContext } from './context';
import { isId } from '../platform/data/ids';
import { decoded, EPCIS_HEADERS, epcisRoute, EpcisProblem, executeGraphQL, problemOf } from './epcis';
import { epcisSchemaProblems } from './epcis-schema';

/**
 * GS1 EPCIS 2.0's capture interface over its REST binding: `POST /epcis/capture` takes an
 * EPCISDocument (or EPCISQueryDocument) from a supplier's or partner's system under its token,
 * `GET /epcis/capture/{captureID}` answers the capture job, `OPTIONS /epcis/capture` its limits.
 *
 * A document GS1's schema refuses is answered 400 with the problems, and nothing is kept. Each
 * event without an eventID gets its CBV event hash ID. Each is then carried out as its intent
 * (contracts/epcis-capture.ts) by a GraphQL mutation through this gateway's planner under the
 * sender's token, its eventID the idempotency key — so the subgraphs' rules decide, and another
 * enterprise's purchase order is as missing as one that never was — and finally the traceability
 * subgraph keeps the events (once per eventID) and the job with each event's outcome. Only then
 * is the capture answered 202: a document the hub did not acknowledge can be sent again, and
 * sending it again changes nothing twice.
 */

/** Events per capture (GS1-EPCIS-Capture-Limit): what one request carries out in well under a second or two. */
export const CAPTURE_EVENT_LIMIT = 500;
/** How the hub captures: each event on its own (an event refused does not undo the others). */
const ERROR_BEHAVIOUR = 'proceed';
const CAPTURE_HEADERS = {
  ...EPCIS_HEADERS,
  'GS1-EPCIS-Capture-Limit': String(CAPTURE_EVENT_LIMIT),
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

/** The CBV 2.0 event hash ID of an event: SHA-256 of its pre-hash string. */
export function eventHashId(event: Record<string, unknown>, namespaces: Record<string, string>): string {
  return `ni:///sha-256;${createHash('sha256').update(eventHashPreimage(event, namespaces), 'utf8').digest('hex')}?ver=CBV2.0`;
}

/** An idempotency key the subgraphs accept for any eventID (long ones by their digest). */
const keyOf = (eventId: string) => (eventId.length <= 120 ? eventId : `sha256:${createHash('sha256').update(eventId).digest('hex')}`);

export interface EpcisCaptureOptions {
  endpoint: GraphQLEndpoint<GatewayContext>;
  publicUrl: PublicUrl;
  maxBodyBytes?: number;
}

export function epcisCaptureRoutes(options: EpcisCaptureOptions): Record<string, RouteHandler> {
  const validation = (title: string, extensions: Record<string, unknown> = {}) =>
    new EpcisProblem(400, 'epcisException:ValidationException', title, {}, extensions);

  /** One operation's data, or the refusal it answered (anything else: the hub cannot answer now, and nothing is acknowledged). */
  const attempt = async (
    context: GatewayContext,
    query: string,
    variables: Record<string, unknown>,
  ): Promise<{ data: Record<string, any> } | { refused: Omit<Receipt, 'eventId'> }> => {
    const { data, errors } = await executeGraphQL(options.endpoint, context, query, variables);
    if (!errors.length) return { data };
    const code = String(errors[0].extensions?.code ?? '');
    if (!REFUSALS.has(code)) throw problemOf(errors[0]);
    return { refused: { outcome: 'REFUSED', detail: errors[0].message, errorCode: code } };
  };

  /** The sender's stage of an order at a business step: the first it holds that is still to start (or, to complete, running). */
  const stageProgress = async (
    context: GatewayContext,
    intent: Extract<CaptureIntent, { kind: 'STAGE_PROGRESS' }>,
  ): Promise<Omit<Receipt, 'eventId'>> => {
    const found = await attempt(context, STAGES, { id: intent.orderId });
    if ('refused' in found) return found.refused;
    const order = found.data.order as {
      id: string;
      stages: { id: string; position: number; code: string; status: string; assignedTo: { id: string } | null }[];
    } | null;
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
    const done = await attempt(
      context,
      intent.step === 'STARTED' ? START : COMPLETE,
      intent.step === 'STARTED'
        ? { id: stage.id }
        : { id: stage.id, input: intent.readings.length ? { environment: intent.readings } : null },
    );
    if ('refused' in done) return done.refused;
    const moved = done.data.startStage ?? done.data.completeStage;
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
        const done =
          intent.kind === 'SHIP_PURCHASE_ORDER'
            ? await attempt(context, SHIP, {
                id: intent.purchaseOrderId,
                input: { lots: intent.lots, shippedAt: intent.shippedAt },
                key: keyOf(eventId),
              })
            : await attempt(context, RECEIVE, { id: intent.purchaseOrderId });
        if ('refused' in done) return done.refused;
        const order = done.data.shipPurchaseOrder ?? done.data.receivePurchaseOrder;
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
    if (!context.principal)
      throw new EpcisProblem(401, 'epcisException:SecurityException', 'Capturing events needs a token (Authorization: Bearer …)');
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
    let document: Record<string, any>;
    try {
      document = JSON.parse(raw);
    } catch {
      throw validation('The body is not JSON');
    }
    const problems = epcisSchemaProblems(document);
    if (problems.length)
      throw validation(`GS1's EPCIS 2.0 schema refuses the document: ${problems[0]}`, { problems: problems.slice(0, 50) });
    const body = document.epcisBody;
    const events: Record<string, unknown>[] = body?.eventList ?? body?.queryResults?.resultsBody?.eventList ?? [];
    if (events.length > CAPTURE_EVENT_LIMIT)
      throw new EpcisProblem(
        413,
        'epcisException:CaptureLimitExceededException',
        `At most ${CAPTURE_EVENT_LIMIT} events per capture (this one holds ${events.length})`,
      );
    if (!events.length) throw validation('The document holds no events');

    const namespaces = contextNamespaces(document['@context']);
    const base = options.publicUrl.base;
    const eventIds = events.map((event) => (typeof event.eventID === 'string' ? event.eventID : eventHashId(event, namespaces)));
    const tooLong = eventIds.find((eventId) => eventId.length > 200);
    if (tooLong) throw validation(`eventID "${tooLong.slice(0, 40)}…" is longer than the 200 characters this hub keeps`);
    // Events captured before change nothing again: the repository records them as duplicates.
    const known = await executeGraphQL(options.endpoint, context, KNOWN, { ids: [...new Set(eventIds)] });
    if (known.errors.length) throw problemOf(known.errors[0]);
    const seen = new Set<string>(known.data.capturedEventIds);
    const captured = [];
    for (const [index, event] of events.entries()) {
      const eventId = eventIds[index];
      const receipt: Omit<Receipt, 'eventId'> = seen.has(eventId)
        ? { outcome: 'DUPLICATE', detail: null, errorCode: null }
        : await carryOut(context, eventId, captureIntentOf(event, base));
      seen.add(eventId);
      captured.push({
        eventId,
        eventType: String(event.type),
        eventTime: String(event.eventTime),
        bizStep: typeof event.bizStep === 'string' ? event.bizStep.slice(0, 200) : undefined,
        // Kept as it came, with the eventID it is known by, and the @context it was written in.
        document: JSON.stringify({ '@context': document['@context'], ...event, eventID: eventId }),
        outcome: receipt.outcome,
        detail: receipt.detail ?? undefined,
        errorCode: receipt.errorCode ?? undefined,
      });
    }
    const { data, errors } = await executeGraphQL(options.endpoint, context, RECORD, { input: { events: captured } });
    if (errors.length) throw problemOf(errors[0]);
    const location = `${base}/epcis/capture/${encodeURIComponent(data.recordCapture.id)}`;
    sendJson(response, 202, { captureID: data.recordCapture.id }, { ...CAPTURE_HEADERS, location, 'content-type': 'application/json' });
  });

  const job = epcisRoute(options.endpoint, ['GET', 'HEAD'], async (_request, response, context, url) => {
    const id = decoded(url.pathname.slice('/epcis/capture/'.length));
    const missing = new EpcisProblem(404, 'epcisException:NoSuchResourceException', `No capture job "${id}" that you sent`);
    if (!isId('cap', id)) throw missing;
    const { data, errors } = await executeGraphQL(options.endpoint, context, JOB, { id });
    if (errors.length) throw problemOf(errors[0]);
    const found = data.captureJob as { id: string; createdAt: string; finishedAt: string | null; receipts: Receipt[] } | null;
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
