import { parentPort } from 'node:worker_threads';
import type { AllocationInstance } from './model';
import { SolveDeadlineError } from './deadline';
import { loadSolver, solveInstance } from './optimal-plan';
import type { SolveAnswer, SolveMessage } from './solver-thread';
import { reviveInstance } from './wire';

// HiGHS loads as the thread starts, before any call waits on it.
void loadSolver().catch(() => undefined);

/** The solver's thread: instances in, plans out, one at a time. */
parentPort!.on('message', async ({ id, instance, deadline }: SolveMessage) => {
  let answer: SolveAnswer;
  try {
    answer = { id, plan: await solveInstance(reviveInstance(instance), { deadline }) };
  } catch (error) {
    answer = { id, error: (error as Error).message, deadline: error instanceof SolveDeadlineError };
  }
  parentPort!.postMessage(answer);
});
