import { type Cell, errorCode, FIXTURE_CAPTURED_EVENT, mutationOutcome, row } from '../matrix';

/** The traceability subgraph's cells (the EPCIS repository): a capture job is its sender's. */
//                 anon               hub          mAdmin       mSup         mOp          yAdmin       gild         kiln         kitchen      supp         cMin         cBasic       cDet         cOther
export const traceabilityCells: Cell[] = [
  {
    name: 'the capture job jingdezhen-clay sent',
    subgraph: 'traceability',
    query: `query($j: ID!) { captureJob(id: $j) { id capturedBy receipts { eventId outcome } } }`,
    variables: (f) => ({ j: f.captureJob }),
    observe: (result) => errorCode(result) ?? (result.data.captureJob ? `job:${result.data.captureJob.receipts.length}` : 'null'),
    expected: row('UNAUTHENTICATED', 'job:1', 'null', 'null', 'null', 'null', 'null', 'null', 'null', 'job:1', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN'),
  },
  {
    name: 'which eventIDs one has captured before',
    subgraph: 'traceability',
    query: `{ capturedEventIds(eventIds: ["${FIXTURE_CAPTURED_EVENT}"]) }`,
    variables: () => ({}),
    observe: (result) => errorCode(result) ?? `ids:${result.data.capturedEventIds.length}`,
    expected: row('UNAUTHENTICATED', 'ids:1', 'ids:0', 'ids:0', 'ids:0', 'ids:0', 'ids:0', 'ids:0', 'ids:0', 'ids:1', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN'),
  },
  {
    name: 'the events one captured (what /epcis/events serves of them)',
    subgraph: 'traceability',
    query: `{ capturedEvents(first: 10) { nodes { eventId document } } }`,
    variables: () => ({}),
    observe: (result) => errorCode(result) ?? `events:${result.data.capturedEvents.nodes.length}`,
    expected: row('UNAUTHENTICATED', 'events:1', 'events:0', 'events:0', 'events:0', 'events:0', 'events:0', 'events:0', 'events:0', 'events:1', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN'),
  },
  {
    name: 'record a capture job (any enterprise, for itself)',
    subgraph: 'traceability',
    mutation: true,
    query: `mutation { recordCapture(input: { events: [{ eventId: "urn:uuid:1d2e3f4a-5b6c-4d7e-8f9a-0b1c2d3e4f5a", eventType: "ObjectEvent", eventTime: "2026-12-01T00:00:00Z", document: "{}", outcome: KEPT }] }) { id } }`,
    variables: () => ({}),
    observe: mutationOutcome,
    expected: row('UNAUTHENTICATED', 'ALLOWED', 'ALLOWED', 'ALLOWED', 'ALLOWED', 'ALLOWED', 'ALLOWED', 'ALLOWED', 'ALLOWED', 'ALLOWED', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN'),
  },
];
