import {
  candidatesOf,
  components,
  modelOf,
  type AllocationInstance,
  type AllocationPlan,
  type Candidate,
  type PlannedAllocation,
  UNMET_PENALTY_CENTS,
} from './model';
import { SolveDeadlineError, secondsLeft } from './deadline';
import { unmetReason } from './reasons';

type Highs = {
  solve(
    problem: string,
    options?: Record<string, unknown>,
  ): { Status: string; ObjectiveValue: number; Columns: Record<string, { Primal?: number }> };
};
let loaded: Promise<Highs> | undefined;
// eslint-disable-next-line @typescript-eslint/no-require-imports
const loadHighs = (): Promise<Highs> => (loaded ??= (require('highs') as () => Promise<Highs>)());

/** The share of the time left that HiGHS's own time limit gets. */
const SEARCH_SHARE = 0.75;

/** Loads HiGHS (its WebAssembly) ahead of the first solve, so no call's deadline pays for it. */
export const loadSolver = (): Promise<void> => loadHighs().then(() => undefined);

/**
 * Solves an instance to proven optimality (a relative MIP gap of 0), one independent group at a
 * time. Synchronous per group: run it in a worker (see solver-thread.ts), never on a server's event
 * loop. With a `deadline` (epoch ms) the groups share it: each gets the time left, a group stopped
 * by it keeps the best plan HiGHS found (checked against the model here; its status says it is not
 * proven optimal), and a group without one — or a deadline already passed — is a SolveDeadlineError.
 */
export async function solveInstance(instance: AllocationInstance, options: { deadline?: number } = {}): Promise<AllocationPlan> {
  const highs = await loadHighs();
  if (secondsLeft(options.deadline) <= 0) throw new SolveDeadlineError();
  const candidates = candidatesOf(instance);
  const allocations: PlannedAllocation[] = [];
  const unmetUnits = new Map(instance.requests.map((request) => [request.id, request.units]));
  const statuses: string[] = [];
  for (const group of components(candidates)) {
    const left = secondsLeft(options.deadline);
    if (left <= 0) throw new SolveDeadlineError();
    const solution = highs.solve(modelOf(group), {
      mip_rel_gap: 0,
      output_flag: false,
      presolve: 'on',
      // HiGHS's clock leaves out part of reading and presolving the model: a share is kept for them.
      ...(Number.isFinite(left) ? { time_limit: left * SEARCH_SHARE } : {}),
    });
    statuses.push(solution.Status);
    // Stopped by its limit, a solve may hold the best plan found so far, or none (an infinite objective).
    const found = solution.Status === 'Optimal' || (solution.Status === 'Time limit reached' && Number.isFinite(solution.ObjectiveValue));
    const values = found ? planOf(group, solution.Columns) : null;
    if (!values) {
      if (solution.Status === 'Time limit reached') throw new SolveDeadlineError();
      throw new Error(`Allocation model not solved: ${solution.Status}`);
    }
    group.forEach((candidate: Candidate, index) => {
      const value = values[index];
      if (value <= 0) return;
      const units = candidate.request.indivisible ? candidate.request.units : value;
      allocations.push({
        requestId: candidate.request.id,
        offerId: candidate.offer.id,
        day: candidate.day,
        units,
        unitPriceCents: candidate.offer.unitPriceCents,
        daysLate: candidate.daysLate,
      });
      unmetUnits.set(candidate.request.id, unmetUnits.get(candidate.request.id)! - units);
    });
  }
  const unmet = instance.requests
    .filter((request) => unmetUnits.get(request.id)! > 0)
    .map((request) => ({ requestId: request.id, units: unmetUnits.get(request.id)!, reason: unmetReason(request, instance, candidates) }));
  const objectiveCents =
    allocations.reduce(
      (sum, allocation) => sum + allocation.units * (allocation.unitPriceCents + allocation.daysLate * instance.latenessPenaltyCents),
      0,
    ) + unmet.reduce((sum, entry) => sum + entry.units * UNMET_PENALTY_CENTS, 0);
  allocations.sort((a, b) => a.requestId.localeCompare(b.requestId) || a.day.localeCompare(b.day) || a.offerId.localeCompare(b.offerId));
  return { allocations, unmet, objectiveCents, statuses, mipGap: 0 };
}

/**
 * The whole units of each candidate in HiGHS's answer, or null when it holds no plan that keeps
 * to the model: a solve stopped by its time limit may carry the best plan found, or nothing usable.
 */
function planOf(group: Candidate[], columns: Record<string, { Primal?: number }>): number[] | null {
  const values: number[] = [];
  const perRequest = new Map<string, number>();
  const perOfferDay = new Map<string, number>();
  for (const [index, candidate] of group.entries()) {
    const primal = columns[`x${index}`]?.Primal;
    if (primal === undefined || !Number.isFinite(primal)) return null;
    const value = Math.round(primal);
    const upper = candidate.request.indivisible ? 1 : candidate.request.units;
    if (Math.abs(primal - value) > 1e-6 || value < 0 || value > upper) return null;
    values.push(value);
    const units = candidate.request.indivisible ? candidate.request.units * value : value;
    perRequest.set(candidate.request.id, (perRequest.get(candidate.request.id) ?? 0) + units);
    const key = `${candidate.offer.id}|${candidate.day}`;
    perOfferDay.set(key, (perOfferDay.get(key) ?? 0) + units);
  }
  for (const candidate of group) {
    if (perRequest.get(candidate.request.id)! > candidate.request.units) return null;
    if (perOfferDay.get(`${candidate.offer.id}|${candidate.day}`)! > candidate.offer.free[candidate.day]) return null;
  }
  return values;
}
