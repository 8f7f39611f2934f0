import { SolveDeadlineError } from './deadline';
import type { AllocationInstance } from './model';
import { candidatesOf, placementsOf, UNMET_PENALTY_CENTS } from './model';
import { solveInstance } from './optimal-plan';
import { AllocationSolver } from './solver-thread';

/**
 * A small instance whose optimum is worked out by hand:
 * - R1 needs 5 boxes by day 1 at quality ≥ 3: the cheapest way is O2's 2 (at 80) and O1's 3 (at
 *   100) on day 1 = 460.
 * - R2 is an order stage (whole, one place) needing quality 4, due day 2: only O1 qualifies. On
 *   day 1 it would push one of R1's boxes to day 2, late (100 + 30 penalty), for 590 in all; on
 *   day 2 it costs 100, for 560. Optimum: 560.
 * - R3 asks quality 5, which nobody offers: unmet, QUALITY. R4's only offer is not shared with
 *   its studio: unmet, NOT_SHARED.
 */
const instance: AllocationInstance = {
  latenessPenaltyCents: 30,
  latenessHorizonDays: 3,
  offers: [
    {
      id: 'O1',
      enterpriseId: 'k1',
      capability: 'KITCHEN_BAKING',
      unitPriceCents: 100,
      qualityScore: 4,
      free: { '2026-12-01': 3, '2026-12-02': 3 },
      sharedWith: 'ALL',
    },
    {
      id: 'O2',
      enterpriseId: 'k2',
      capability: 'KITCHEN_BAKING',
      unitPriceCents: 80,
      qualityScore: 3,
      free: { '2026-12-01': 2 },
      sharedWith: 'ALL',
    },
    {
      id: 'O3',
      enterpriseId: 'k3',
      capability: 'KITCHEN_BAKING',
      unitPriceCents: 50,
      qualityScore: 2,
      free: { '2026-12-01': 10 },
      sharedWith: 'ALL',
    },
    {
      id: 'O4',
      enterpriseId: 'p1',
      capability: 'C50',
      unitPriceCents: 100,
      qualityScore: 5,
      free: { '2026-12-01': 5 },
      sharedWith: new Set(['studio-y']),
    },
  ],
  requests: [
    {
      id: 'R1',
      studioId: 'studio-x',
      capability: 'KITCHEN_BAKING',
      units: 5,
      indivisible: false,
      earliestStart: '2026-12-01',
      dueDate: '2026-12-01',
      priceCapCents: 150,
      minQuality: 3,
    },
    {
      id: 'R2',
      studioId: 'studio-x',
      capability: 'KITCHEN_BAKING',
      units: 1,
      indivisible: true,
      earliestStart: '2026-12-01',
      dueDate: '2026-12-02',
      priceCapCents: 200,
      minQuality: 4,
    },
    {
      id: 'R3',
      studioId: 'studio-x',
      capability: 'KITCHEN_BAKING',
      units: 4,
      indivisible: false,
      earliestStart: '2026-12-01',
      dueDate: '2026-12-03',
      priceCapCents: 500,
      minQuality: 5,
    },
    {
      id: 'R4',
      studioId: 'studio-x',
      capability: 'C50',
      units: 1,
      indivisible: true,
      earliestStart: '2026-12-01',
      dueDate: '2026-12-03',
      priceCapCents: 500,
      minQuality: 1,
    },
  ],
};

describe('overflow allocation', () => {
  it('finds the optimum worked out by hand, with the binding reason of every unmet unit', async () => {
    const plan = await solveInstance(instance);
    expect(plan.statuses.every((status) => status === 'Optimal')).toBe(true);
    expect(plan.allocations.map((a) => `${a.requestId}:${a.offerId}:${a.day}:${a.units}`)).toEqual([
      'R1:O1:2026-12-01:3',
      'R1:O2:2026-12-01:2',
      'R2:O1:2026-12-02:1',
    ]);
    expect(plan.unmet).toEqual([
      { requestId: 'R3', units: 4, reason: 'QUALITY' },
      { requestId: 'R4', units: 1, reason: 'NOT_SHARED' },
    ]);
    expect(plan.objectiveCents).toBe(560 + 5 * UNMET_PENALTY_CENTS);
  });

  it('is deterministic, and solves off the event loop in a worker', async () => {
    const solver = new AllocationSolver();
    try {
      const [first, second] = await Promise.all([solver.solve(instance), solver.solve(instance)]);
      expect(second).toEqual(first);
      expect(first).toEqual(await solveInstance(instance));
    } finally {
      await solver.close();
    }
  });

  it('never splits an order stage and never books more than is free', async () => {
    const crowded: AllocationInstance = {
      ...instance,
      offers: [
        {
          id: 'O1',
          enterpriseId: 'k1',
          capability: 'C50',
          unitPriceCents: 100,
          qualityScore: 5,
          free: { '2026-12-01': 2 },
          sharedWith: 'ALL',
        },
      ],
      requests: ['A', 'B', 'C'].map((id) => ({
        id,
        studioId: 's',
        capability: 'C50',
        units: 1,
        indivisible: true,
        earliestStart: '2026-12-01',
        dueDate: '2026-12-01',
        priceCapCents: 200,
        minQuality: 1,
      })),
    };
    const plan = await solveInstance(crowded);
    expect(plan.allocations).toHaveLength(2);
    expect(plan.unmet).toEqual([{ requestId: 'C', units: 1, reason: 'CAPACITY' }]);
  });

  it('counts each request’s placements (the model’s variables) without building them', () => {
    const perRequest = new Map<string, number>();
    for (const candidate of candidatesOf(instance)) perRequest.set(candidate.request.id, (perRequest.get(candidate.request.id) ?? 0) + 1);
    expect(placementsOf(instance)).toEqual(new Map(instance.requests.map((request) => [request.id, perRequest.get(request.id) ?? 0])));
    expect([...placementsOf(instance).values()].reduce((sum, count) => sum + count, 0)).toBe(candidatesOf(instance).length);
  });

  it('stops at the deadline the call gives, on this thread and on the solver thread', async () => {
    await expect(solveInstance(instance, { deadline: Date.now() - 1 })).rejects.toBeInstanceOf(SolveDeadlineError);
    const solver = new AllocationSolver();
    try {
      await expect(solver.solve(instance, Date.now() - 1)).rejects.toBeInstanceOf(SolveDeadlineError);
      // The thread goes on serving the next call.
      expect((await solver.solve(instance, Date.now() + 60_000)).statuses.every((status) => status === 'Optimal')).toBe(true);
    } finally {
      await solver.close();
    }
  });
});
