import { parentPort } from 'node:worker_threads';
import type { AllocationInstance } from './model';
import { solveInstance } from './optimal-plan';
import { reviveInstance, type WireInstance } from './wire';

/** The solver's thread: instances in, plans out, one at a time. */
parentPort!.on('message', async ({ id, instance }: { id: number; instance: WireInstance }) => {
  try {
    const plan = await solveInstance(reviveInstance(instance) as AllocationInstance);
    parentPort!.postMessage({ id, plan });
  } catch (error) {
    parentPort!.postMessage({ id, error: (error as Error).message });
  }
});
