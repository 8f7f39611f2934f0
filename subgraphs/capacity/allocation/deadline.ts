/**
 * One deadline per allocation call (ALLOCATION_DEADLINE_SECONDS): an absolute time (epoch
 * milliseconds, the same clock on every thread) that waiting for the solver, every group's solve
 * and every re-solve share, instead of a time limit per group that adds up without bound.
 */
export class SolveDeadlineError extends Error {
  constructor(message = 'The allocation could not be solved before its deadline') {
    super(message);
    this.name = 'SolveDeadlineError';
  }
}

/** Seconds left before the deadline (0 when it has passed; Infinity without one). */
export function secondsLeft(deadline: number | undefined, now = Date.now()): number {
  if (deadline === undefined) return Number.POSITIVE_INFINITY;
  return Math.max(0, (deadline - now) / 1000);
}
