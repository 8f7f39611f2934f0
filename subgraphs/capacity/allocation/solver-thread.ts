import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { SolveDeadlineError } from './deadline';
import type { AllocationInstance, AllocationPlan } from './model';
import { toWire, type WireInstance } from './wire';

/**
 * A solve still running this long after its deadline is stopped by ending the thread: HiGHS keeps
 * to its time limit while it searches, but not while it reads or presolves a model.
 */
const OVERRUN_GRACE_MS = 1_000;

/** What crosses to the solver thread, and back. */
export type SolveMessage = { id: number; instance: WireInstance; deadline?: number };
export type SolveAnswer = { id: number; plan?: AllocationPlan; error?: string; deadline?: boolean };

interface Job {
  message: SolveMessage;
  resolve: (plan: AllocationPlan) => void;
  reject: (error: Error) => void;
  timer?: NodeJS.Timeout;
}

/**
 * Runs the allocation model on its own thread, so a solve never blocks the server's event loop.
 * One worker, one instance at a time (HiGHS in WebAssembly is single-threaded); callers queue.
 * A solve with a deadline answers by it (plus a short grace): one that overruns ends the thread,
 * and the instances queued behind it go to a new one.
 */
export class AllocationSolver {
  private worker?: Worker;
  private nextId = 1;
  /** In the order sent: the first is the one the thread is solving. */
  private readonly pending = new Map<number, Job>();

  solve(instance: AllocationInstance, deadline?: number): Promise<AllocationPlan> {
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      const job: Job = { message: { id, instance: toWire(instance), deadline }, resolve, reject };
      if (deadline !== undefined) {
        job.timer = setTimeout(() => this.overrun(id), Math.max(0, deadline - Date.now()) + OVERRUN_GRACE_MS);
        job.timer.unref();
      }
      this.pending.set(id, job);
      this.start().postMessage(job.message);
    });
  }

  /** Starts the thread (which loads HiGHS at once), so the first call's deadline does not pay for it. */
  warmUp(): void {
    this.start();
  }

  private start(): Worker {
    if (this.worker) return this.worker;
    const worker = new Worker(path.join(__dirname, 'solver-worker.js'));
    worker.unref();
    worker.on('message', ({ id, plan, error, deadline }: SolveAnswer) => {
      const job = this.pending.get(id);
      if (!job) return;
      this.pending.delete(id);
      clearTimeout(job.timer);
      if (error) job.reject(deadline ? new SolveDeadlineError() : new Error(error));
      else job.resolve(plan!);
    });
    worker.on('error', (error) => {
      if (this.worker === worker) this.failAll(error);
    });
    worker.on('exit', () => {
      // A thread ended on purpose (an overrun) has already been replaced.
      if (this.worker !== worker) return;
      this.worker = undefined;
      this.failAll(new Error('The allocation solver stopped'));
    });
    this.worker = worker;
    return worker;
  }

  /** A solve past its deadline and grace: refused; if the thread is on it, the thread is replaced. */
  private overrun(id: number): void {
    const job = this.pending.get(id);
    if (!job) return;
    const solving = this.pending.keys().next().value === id;
    this.pending.delete(id);
    job.reject(new SolveDeadlineError());
    // A queued one is dropped when the thread reaches it (its deadline has passed).
    if (!solving || !this.worker) return;
    const stuck = this.worker;
    this.worker = undefined;
    void stuck.terminate();
    if (this.pending.size === 0) return;
    const fresh = this.start();
    for (const waiting of this.pending.values()) fresh.postMessage(waiting.message);
  }

  private failAll(error: Error): void {
    for (const job of this.pending.values()) {
      clearTimeout(job.timer);
      job.reject(error);
    }
    this.pending.clear();
  }

  async close(): Promise<void> {
    await this.worker?.terminate();
  }
}
