import { parentPort, threadId } from 'node:worker_threads';
import { readCaptureDocument } from './epcis-capture-document';

/** The capture thread: documents' texts in, their readings out, one at a time (epcis-capture-thread.ts). */
parentPort!.on('message', ({ id, raw, publicBase }: { id: number; raw: string; publicBase: string }) => {
  try {
    parentPort!.postMessage({ id, reading: readCaptureDocument(raw, publicBase), threadId });
  } catch (error) {
    parentPort!.postMessage({ id, error: (error as Error).message });
  }
});
