import { EPCIS_SENDERS } from '../../contracts';
import type { AccessPolicy } from '../../platform/access/policy';

/** Whoever may send EPCIS events: the network's enterprises (not customers, nor hub admins, who write only the directory). */
const SENDERS = EPCIS_SENDERS;
/** Who may read capture jobs: their senders, and hub admins (every job). */
const READERS = [...SENDERS, 'HUB_ADMIN'] as const;
const sentBy = (viewer: { org?: string | null }) => ({ capturedBy: viewer.org! });

/** A capture job is its sender's: a studio's staff, a partner or a supplier sees the jobs its own enterprise sent. */
export const traceabilityAccess: AccessPolicy = {
  operations: {
    'Mutation.recordCapture': SENDERS,
    'Query.captureJob': READERS,
    'Query.capturedEventIds': READERS,
    'Query.capturedEvents': READERS,
  },
  types: {
    CaptureJob: {
      entity: 'CaptureJob',
      ownership: { studio: 'capturedBy', partner: sentBy, supplier: sentBy },
      fields: { hub: true, partner: true, supplier: true },
    },
    CapturedEvent: { entity: 'CapturedEvent', rowsOnly: true, ownership: { studio: 'capturedBy', partner: sentBy, supplier: sentBy } },
  },
};
