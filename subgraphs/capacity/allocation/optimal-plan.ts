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
import { unmetReason } from './reasons';

type Highs = {
  solve(problem: string, options?: Record<string, unknown>): { Status: string; Columns: Record<string, { Primal?: number }> };
};
let loaded: Promise<Highs> | undefined;
// eslint-disable-next-line @typescript-eslint/no-require-imports
const loadHighs = (): Promise<Highs> => (loaded ??= (require('highs') as () => Promise<Highs>)());

/**
 * Solves an instance to proven optimality (a relative MIP gap of 0), one independent group at a
 * time. Synchronous per group: run it in a worker (see solver-thread.ts), never on a server's event loop.
 */
export async function solveInstance(
  instance: AllocationInstance,
  /** `acceptTimeLimit` (benchmarks): keep the best plan found when a group runs out of time. */
  options: { timeLimitSeconds?: number; acceptTimeLimit?: boolean } = {},
): Promise<AllocationPlan> {
  const highs = await loadHighs();
  const candidates = candidatesOf(instance);
  const allocations: PlannedAllocation[] = [];
  const unmetUnits = new Map(instance.requests.map((request) => [request.id, request.units]));
  const statuses: string[] = [];
  for (const group of components(candidates)) {
    // A time limit guards the transaction waiting on this solve: no plan rather than a stuck lock.
    const solution = highs.solve(modelOf(group), {
      mip_rel_gap: 0,
      output_flag: false,
      presolve: 'on',
      time_limit: options.timeLimitSeconds ?? 30,
    });
    statuses.push(solution.Status);
    const usable =
      solution.Status === 'Optimal' ||
      (options.acceptTimeLimit && solution.Status === 'Time limit reached' && Object.keys(solution.Columns).length > 0);
    if (!usable) throw new Error(`Allocation model not solved to optimality: ${solution.Status}`);
    group.forEach((candidate: Candidate, index) => {
      const value = Math.round(solution.Columns[`x${index}`]?.Primal ?? 0);
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
