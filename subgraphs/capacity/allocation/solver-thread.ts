import path from 'node:path';
import { Worker } from 'node:worker_threads';
import type { AllocationInstance, AllocationPlan } from './model';
import { toWire } from './wire';

/**
 * Runs the allocation model on its own thread, so a solve never blocks the server's event loop.
 * One worker, one instance at a time (HiGHS in WebAssembly is single-threaded); callers queue.
 */
export class AllocationSolver {
  private worker?: Worker;
  private nextId = 1;
  private readonly pending = new Map<number, { resolve: (plan: AllocationPlan) => void; reject: (error: Error) => void }>();

  solve(instance: AllocationInstance): Promise<AllocationPlan> {
    const worker = this.start();
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      worker.postMessage({ id, instance: toWire(instance) });
    });
  }

  private start(): Worker {
    if (this.worker) return this.worker;
    const worker = new Worker(path.join(__dirname, 'solver-worker.js'));
    worker.unref();
    worker.on('message', ({ id, plan, error }: { id: number; plan?: AllocationPlan; error?: string }) => {
      const waiting = this.pending.get(id);
      this.pending.delete(id);
      if (error) waiting?.reject(new Error(error));
      else waiting?.resolve(plan!);
    });
    worker.on('error', (error) => this.failAll(error));
    worker.on('exit', () => {
      this.worker = undefined;
      this.failAll(new Error('The allocation solver stopped'));
    });
    this.worker = worker;
    return worker;
  }

  private failAll(error: Error): void {
    for (const waiting of this.pending.values()) waiting.reject(error);
    this.pending.clear();
  }

  async close(): Promise<void> {
    await this.worker?.terminate();
  }
}
