import { parentPort } from 'node:worker_threads';
import { SolveDeadlineError } from './deadline';
import { loadSolver, solveInstance } from './optimal-plan';
import type { SolveAnswer, SolveMessage } from './solver-thread';
import { reviveInstance } from './wire';

// HiGHS loads as the thread starts, before any call waits on it.
void loadSolver().catch(() => undefined);

/** The solver's thread: instances in, plans out, one at a time. */
async function answer({ id, instance, deadline }: SolveMessage): Promise<SolveAnswer> {
  try {
    return { id, plan: await solveInstance(reviveInstance(instance), { deadline }) };
  } catch (error) {
    return { id, error: (error as Error).message, deadline: error instanceof SolveDeadlineError };
  }
}

// answer() never rejects (a failure is an answer), so nothing is left to wait for here.
parentPort!.on('message', (message: SolveMessage) => void answer(message).then((reply) => parentPort!.postMessage(reply)));
