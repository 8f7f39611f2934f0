/**
 * `npm run bench:allocation [-- [--deadline <s>] <requests>x<offers>x<days> …]`: how the overflow
 * allocation scales. For each size it generates an instance with realistic eligibility (a request
 * matches a few percent of the offers: same capability, shared with its studio, quality and price
 * cap met), solves it with HiGHS by one deadline (ALLOCATION_DEADLINE_SECONDS's default unless
 * given), and compares it with a greedy first-fit on the same instance. It prints solve time,
 * memory, objective, gap, unmet units and the improvement over greedy. The first size by default
 * is the largest one call may pose under the default bounds; a benchmark, not a test, but it exits
 * 1 when an instance within the bounds is not solved to optimality by the deadline (its budget).
 */
import {
  candidatesOf,
  placementsOf,
  UNMET_PENALTY_CENTS,
  type AllocationInstance,
  type AllocationOffer,
  type AllocationRequest,
} from '../subgraphs/capacity/allocation/model';
import { SolveDeadlineError } from '../subgraphs/capacity/allocation/deadline';
import { loadSolver, solveInstance } from '../subgraphs/capacity/allocation/optimal-plan';
import { DEFAULT_SUBGRAPH_SETTINGS } from '../platform/base/settings';
import { dayOf, daysAfter } from '../platform/data/days';
import { seededRandom } from '../platform/data/seeded-random';

const START = Date.UTC(2026, 11, 1);
const { maxRequests, maxOffers, maxPlacements, deadlineMs } = DEFAULT_SUBGRAPH_SETTINGS.allocation;
const dayAt = (offset: number) => dayOf(daysAfter(START, offset));

/** An instance of the given size: 12 capabilities, 8 alliances, 150 studios, a window of `days`. */
export function generate(requestCount: number, offerCount: number, days: number, seed = 1): AllocationInstance {
  const random = seededRandom(seed);
  const pick = <T>(items: readonly T[]) => items[Math.floor(random() * items.length)];
  const capabilities = Array.from({ length: 12 }, (_, index) => `CAP-${index}`);
  const studios = Array.from({ length: 150 }, (_, index) => ({ id: `studio-${index}`, alliance: `alliance-${index % 8}` }));
  const offers: AllocationOffer[] = Array.from({ length: offerCount }, (_, index) => {
    const from = Math.floor(random() * days * 0.3);
    const to = Math.min(days - 1, from + 4 + Math.floor(random() * days));
    const spare = 1 + Math.floor(random() * 20);
    const free: Record<string, number> = {};
    for (let day = from; day <= to; day += 1) free[dayAt(day)] = spare;
    // Most offers are shared with two or three alliances; some with everyone.
    const sharedAlliances = new Set(Array.from({ length: 2 + Math.floor(random() * 2) }, () => `alliance-${Math.floor(random() * 8)}`));
    return {
      id: `offer-${String(index).padStart(6, '0')}`,
      enterpriseId: `partner-${index}`,
      capability: pick(capabilities),
      unitPriceCents: 1_000 + Math.floor(random() * 9_000),
      qualityScore: Math.round((2.5 + random() * 2.5) * 10) / 10,
      free,
      sharedWith:
        random() < 0.15 ? 'ALL' : new Set(studios.filter((studio) => sharedAlliances.has(studio.alliance)).map((studio) => studio.id)),
    };
  });
  const requests: AllocationRequest[] = Array.from({ length: requestCount }, (_, index) => {
    const indivisible = random() < 0.4;
    const earliest = Math.floor(random() * days * 0.6);
    const due = Math.min(days - 1, earliest + 1 + Math.floor(random() * 6));
    return {
      id: `request-${String(index).padStart(6, '0')}`,
      studioId: pick(studios).id,
      capability: pick(capabilities),
      units: indivisible ? 1 : 1 + Math.floor(random() * 25),
      indivisible,
      earliestStart: dayAt(earliest),
      dueDate: dayAt(due),
      priceCapCents: 4_000 + Math.floor(random() * 8_000),
      minQuality: Math.round(random() * 4 * 10) / 10,
    };
  });
  return { requests, offers, latenessPenaltyCents: 2_000, latenessHorizonDays: 3 };
}

/**
 * As large an instance as one call may pose under the default bounds: the most requests and
 * offers, all of one capability and shared with everyone, so every request may go to every offer
 * running in its window; 40 % order stages, capacity scarce. Requests are kept, oldest first, as
 * long as their placements fit ALLOCATION_MAX_PLACEMENTS (as a round takes them).
 */
export function atTheBounds(seed = 7): AllocationInstance {
  const random = seededRandom(seed);
  const offers: AllocationOffer[] = Array.from({ length: maxOffers }, (_, index) => {
    const from = Math.floor(random() * 50);
    const free: Record<string, number> = {};
    for (let day = from, spare = 1 + Math.floor(random() * 3); day <= Math.min(59, from + 5 + Math.floor(random() * 15)); day += 1)
      free[dayAt(day)] = spare;
    return {
      id: `offer-${String(index).padStart(6, '0')}`,
      enterpriseId: `partner-${index}`,
      capability: 'CAP-0',
      unitPriceCents: 1_000 + Math.floor(random() * 9_000),
      qualityScore: 4 + Math.round(random() * 10) / 10,
      free,
      sharedWith: 'ALL',
    };
  });
  const requests: AllocationRequest[] = Array.from({ length: maxRequests }, (_, index) => {
    const indivisible = random() < 0.4;
    const earliest = Math.floor(random() * 50);
    return {
      id: `request-${String(index).padStart(6, '0')}`,
      studioId: `studio-${index % 10}`,
      capability: 'CAP-0',
      units: indivisible ? 1 : 1 + Math.floor(random() * 10),
      indivisible,
      earliestStart: dayAt(earliest),
      dueDate: dayAt(earliest + Math.floor(random() * 7)),
      priceCapCents: 100_000,
      minQuality: 0,
    };
  });
  const instance: AllocationInstance = { requests, offers, latenessPenaltyCents: 2_000, latenessHorizonDays: 7 };
  const placements = placementsOf(instance);
  let total = 0;
  return { ...instance, requests: requests.filter((request) => (total += placements.get(request.id)!) <= maxPlacements) };
}

/** Greedy first-fit: requests by due date, each taking the first eligible offer-days in offer and day order. */
export function greedy(instance: AllocationInstance): { objectiveCents: number; unmetUnits: number } {
  const free = new Map(instance.offers.map((offer) => [offer.id, { ...offer.free }]));
  const byRequest = new Map<string, ReturnType<typeof candidatesOf>>();
  for (const candidate of candidatesOf(instance)) {
    const list = byRequest.get(candidate.request.id);
    if (list) list.push(candidate);
    else byRequest.set(candidate.request.id, [candidate]);
  }
  let objectiveCents = 0;
  let unmetUnits = 0;
  for (const request of [...instance.requests].sort((a, b) => a.dueDate.localeCompare(b.dueDate) || a.id.localeCompare(b.id))) {
    let needed = request.units;
    for (const candidate of byRequest.get(request.id) ?? []) {
      if (needed === 0) break;
      const left = free.get(candidate.offer.id)!;
      const take = request.indivisible ? (left[candidate.day] >= needed ? needed : 0) : Math.min(needed, left[candidate.day]);
      if (take === 0) continue;
      left[candidate.day] -= take;
      needed -= take;
      objectiveCents += take * candidate.unitCost;
    }
    unmetUnits += needed;
    objectiveCents += needed * UNMET_PENALTY_CENTS;
  }
  return { objectiveCents, unmetUnits };
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const at = args.indexOf('--deadline');
  const deadlineSeconds = at >= 0 ? Number(args.splice(at, 2)[1]) : deadlineMs / 1000;
  // `bounds`: the largest instance one call may pose (see atTheBounds).
  const sizes = args.length ? args : ['bounds', '100x50x14', '1000x200x14', '10000x1000x14'];
  console.log(
    `One deadline per solve: ${deadlineSeconds} s (ALLOCATION_DEADLINE_SECONDS; --deadline <s>). A call may pose at most ${maxRequests} requests, ` +
      `${maxOffers} offers and ${maxPlacements} placements (the defaults); larger sizes show what the bounds keep out.`,
  );
  console.log(
    'size                 eligible   vars  solve s  rss MB  objective (fen)                gap  unmet  greedy objective (fen)  greedy unmet  better than greedy  groups',
  );
  // Loaded first, as a running hub has it loaded before any call (its deadline does not pay for it).
  await loadSolver();
  let overBudget = false;
  for (const size of sizes) {
    const instance = size === 'bounds' ? atTheBounds() : generate(...(size.split('x').map(Number) as [number, number, number]));
    const [requests, offers] = [instance.requests.length, instance.offers.length];
    const candidates = candidatesOf(instance);
    // Share of (request, offer) pairs that are eligible on some day.
    const eligible = new Set(candidates.map((candidate) => `${candidate.request.id}|${candidate.offer.id}`)).size / (requests * offers);
    const within = requests <= maxRequests && offers <= maxOffers && candidates.length <= maxPlacements;
    const rssBefore = process.memoryUsage().rss;
    const started = process.hrtime.bigint();
    // The groups share the deadline; one stopped by it keeps its best plan, one without a plan ends the solve.
    const plan = await solveInstance(instance, { deadline: Date.now() + deadlineSeconds * 1000 }).catch((error: unknown) => {
      if (error instanceof SolveDeadlineError) return null;
      throw error;
    });
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    const rss = Math.max(process.memoryUsage().rss, rssBefore) / 2 ** 20;
    const label = (size === 'bounds' ? `bounds ${requests}x${offers}x60` : `${size}${within ? '' : ' (over)'}`).padEnd(18);
    if (!plan) {
      if (within) overBudget = true;
      console.log(
        [
          label,
          `${(eligible * 100).toFixed(2)}%`.padStart(10),
          String(candidates.length).padStart(7),
          seconds.toFixed(2).padStart(8),
          rss.toFixed(0).padStart(7),
          '  no plan by the deadline',
        ].join(' '),
      );
      continue;
    }
    const baseline = greedy(instance);
    const unmet = plan.unmet.reduce((sum, entry) => sum + entry.units, 0);
    const stopped = plan.statuses.filter((status) => status !== 'Optimal').length;
    if (within && stopped > 0) overBudget = true;
    const improvement = ((baseline.objectiveCents - plan.objectiveCents) / baseline.objectiveCents) * 100;
    console.log(
      [
        label,
        `${(eligible * 100).toFixed(2)}%`.padStart(10),
        String(candidates.length).padStart(7),
        seconds.toFixed(2).padStart(8),
        rss.toFixed(0).padStart(7),
        String(plan.objectiveCents).padStart(16),
        (stopped === 0 ? '0 (optimal)' : `${stopped} stopped at the deadline`).padStart(18),
        String(unmet).padStart(6),
        String(baseline.objectiveCents).padStart(23),
        String(baseline.unmetUnits).padStart(13),
        `${improvement.toFixed(2)}%`.padStart(19),
        String(plan.statuses.length).padStart(7),
      ].join(' '),
    );
  }
  // The budget: an instance within the bounds is solved to optimality by the deadline.
  if (overBudget) {
    console.error('An instance within the bounds was not solved to optimality by the deadline: lower the bounds or raise the deadline.');
    process.exitCode = 1;
  }
}

if (require.main === module) {
  main().catch((error) => {
    console.error(error);
    process.exit(1);
  });
}
