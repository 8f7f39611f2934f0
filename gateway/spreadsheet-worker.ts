import { parentPort, threadId } from 'node:worker_threads';
import { readSpreadsheet, writeSpreadsheet } from './spreadsheet';
import type { SpreadsheetJob } from './spreadsheet-thread';

/** The spreadsheet thread: files in, rows out (and rows in, files out), one at a time (spreadsheet-thread.ts). */
parentPort!.on('message', ({ id, job }: { id: number; job: SpreadsheetJob }) => void answer(id, job));

async function answer(id: number, job: SpreadsheetJob): Promise<void> {
  try {
    if (job.kind === 'read') parentPort!.postMessage({ id, threadId, answer: await readSpreadsheet(job.bytes, job.csvSheet) });
    else {
      const bytes = await writeSpreadsheet(job.sheets, job.format);
      parentPort!.postMessage({ id, threadId, answer: bytes }, [bytes.buffer as ArrayBuffer]);
    }
  } catch (error) {
    parentPort!.postMessage({ id, error: (error as Error).message });
  }
}
