import path from 'node:path';
import { Worker } from 'node:worker_threads';
import type { ImportSheet } from '../contracts';
import type { SpreadsheetReading } from './spreadsheet';

/** Files waiting for the spreadsheet thread, past which an import is answered "busy" (each may hold MAX_IMPORT_FILE_BYTES). */
const QUEUE_LIMIT = 4;
/** The memory the thread may use: the benchmark's workbook (27,200 rows) needs about 200 MB while exceljs reads it. */
const THREAD_HEAP_MB = 768;

export type SpreadsheetJob =
  | { kind: 'read'; bytes: Uint8Array; csvSheet: string | null }
  | { kind: 'write'; sheets: Partial<Record<ImportSheet, Record<string, string>[]>>; format: 'xlsx' | 'csv' };

/** The thread is reading as many files as it takes: send again in a moment. */
export class SpreadsheetThreadBusy extends Error {}
/** Reading or writing threw (the file, not the thread, is at fault), or the thread stopped under it (out of its memory). */
export class SpreadsheetFailed extends Error {}

/**
 * Reads and writes spreadsheets (spreadsheet.ts) on a thread of its own, as the EPCIS capture
 * thread reads documents: unzipping and parsing a 10 MB workbook takes seconds, and the gateway's
 * event loop goes on answering meanwhile. One worker, one file at a time; a worker that stops is
 * started again for the next file.
 */
export class SpreadsheetThread {
  private worker?: Worker;
  private nextId = 1;
  private readonly pending = new Map<number, { resolve: (answer: unknown) => void; reject: (error: Error) => void }>();

  read(bytes: Uint8Array, csvSheet: string | null): Promise<{ reading: SpreadsheetReading; threadId: number }> {
    return this.run({ kind: 'read', bytes, csvSheet }).then(({ answer, threadId }) => ({
      reading: answer as SpreadsheetReading,
      threadId,
    }));
  }

  async write(sheets: Partial<Record<ImportSheet, Record<string, string>[]>>, format: 'xlsx' | 'csv'): Promise<Buffer> {
    const { answer } = await this.run({ kind: 'write', sheets, format });
    const bytes = answer as Uint8Array;
    return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  }

  private run(job: SpreadsheetJob): Promise<{ answer: unknown; threadId: number }> {
    if (this.pending.size >= QUEUE_LIMIT) return Promise.reject(new SpreadsheetThreadBusy('The hub is reading other spreadsheets now'));
    const worker = this.start();
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve: resolve as (answer: unknown) => void, reject });
      worker.postMessage({ id, job });
    });
  }

  private start(): Worker {
    if (this.worker) return this.worker;
    const worker = new Worker(path.join(__dirname, 'spreadsheet-worker.js'), {
      resourceLimits: { maxOldGenerationSizeMb: THREAD_HEAP_MB },
    });
    worker.unref();
    worker.on('message', ({ id, answer, threadId, error }: { id: number; answer?: unknown; threadId?: number; error?: string }) => {
      const waiting = this.pending.get(id);
      this.pending.delete(id);
      if (error !== undefined) waiting?.reject(new SpreadsheetFailed(error));
      else waiting?.resolve({ answer, threadId: threadId! });
      // Idle: ended, so the memory a large workbook took goes back (imports are rare; a start costs ~0.1 s).
      if (this.pending.size === 0 && this.worker === worker) {
        this.worker = undefined;
        // Its exit is no failure: whatever waits now waits on the next worker.
        worker.removeAllListeners();
        void worker.terminate();
      }
    });
    worker.on('error', (error) => this.failAll(new SpreadsheetFailed(error.message)));
    worker.on('exit', () => {
      if (this.worker === worker) this.worker = undefined;
      this.failAll(new SpreadsheetFailed('The spreadsheet thread stopped'));
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
