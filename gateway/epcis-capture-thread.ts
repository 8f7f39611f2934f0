import path from 'node:path';
import { Worker } from 'node:worker_threads';
import type { CaptureReading } from './epcis-capture-document';

/** Documents waiting for the capture thread, past which a capture is answered "busy" (each may hold MAX_BODY_BYTES). */
const QUEUE_LIMIT = 16;
/** The memory the capture thread may use: a document at the body limit needs a few tens of MB. */
const THREAD_HEAP_MB = 256;

/** The capture thread is reading as many documents as it takes: send again in a moment. */
export class CaptureThreadBusy extends Error {}
/** Reading the document threw (what it holds, not the thread, is at fault). */
export class CaptureReadFailed extends Error {}

/**
 * Reads capture documents (epcis-capture-document.ts: JSON, bounds, GS1's schema, event hashes)
 * on a thread of their own, so however large a document within the limits is, the gateway's
 * event loop goes on answering. One worker, one document at a time; at most QUEUE_LIMIT wait.
 * A worker that stops (out of its memory, say) fails what it held and is started again.
 */
export class CaptureThread {
  private worker?: Worker;
  private nextId = 1;
  private readonly pending = new Map<number, { resolve: (answer: ThreadAnswer) => void; reject: (error: Error) => void }>();

  read(raw: string, publicBase: string): Promise<ThreadAnswer> {
    if (this.pending.size >= QUEUE_LIMIT) return Promise.reject(new CaptureThreadBusy('The hub is reading other captures now'));
    const worker = this.start();
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      worker.postMessage({ id, raw, publicBase });
    });
  }

  private start(): Worker {
    if (this.worker) return this.worker;
    const worker = new Worker(path.join(__dirname, 'epcis-capture-worker.js'), {
      resourceLimits: { maxOldGenerationSizeMb: THREAD_HEAP_MB },
    });
    worker.unref();
    worker.on(
      'message',
      ({ id, reading, threadId, error }: { id: number; reading?: CaptureReading; threadId?: number; error?: string }) => {
        const waiting = this.pending.get(id);
        this.pending.delete(id);
        if (error !== undefined) waiting?.reject(new CaptureReadFailed(error));
        else waiting?.resolve({ reading: reading!, threadId: threadId! });
      },
    );
    worker.on('error', (error) => this.failAll(error));
    worker.on('exit', () => {
      if (this.worker === worker) this.worker = undefined;
      this.failAll(new Error('The capture thread stopped'));
    });
    this.worker = worker;
    return worker;
  }

  private failAll(error: Error): void {
    for (const waiting of this.pending.values()) waiting.reject(error);
    this.pending.clear();
  }

  async close(): Promise<void> {
    const worker = this.worker;
    this.worker = undefined;
    await worker?.terminate();
  }
}

/** A reading, and the thread that made it (never the event loop's). */
export interface ThreadAnswer {
  reading: CaptureReading;
  threadId: number;
}
