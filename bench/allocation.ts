/**
 * `npm run bench:allocation [-- <requests>x<offers>x<days> …]`: how the overflow allocation
 * scales. For each size it generates an instance with realistic eligibility (a request matches
 * a few percent of the offers: same capability, shared with its studio, quality and price cap
 * met), solves it to proven optimality with HiGHS, and compares it with a greedy first-fit on
 * the same instance. It prints solve time, memory, objective, gap, unmet units and the
 * improvement over greedy. A benchmark, not a test: nothing here asserts a time.
 */
import {
  candidatesOf,
  UNMET_PENALTY_CENTS,
  type AllocationInstance,
  type AllocationOffer,
  type AllocationRequest,
} from '../subgraphs/capacity/allocation/model';
import { solveInstance } from '../subgraphs/capacity/allocation/optimal-plan';
import { dayOf, daysAfter } from '../platform/data/days';
import { seededRandom } from '../platform/data/seeded-random';

const START = Date.UTC(2026, 11, 1);
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
  const sizes = process.argv.slice(2).length ? process.argv.slice(2) : ['100x50x14', '1000x200x14', '10000x1000x14'];
  console.log(
    'size                 eligible   vars  solve s  rss MB  objective (fen)        gap  unmet  greedy objective (fen)  greedy unmet  better than greedy  groups',
  );
  for (const size of sizes) {
    const [requests, offers, days] = size.split('x').map(Number);
    const instance = generate(requests, offers, days);
    const candidates = candidatesOf(instance);
    // Share of (request, offer) pairs that are eligible on some day.
    const eligible = new Set(candidates.map((candidate) => `${candidate.request.id}|${candidate.offer.id}`)).size / (requests * offers);
    const rssBefore = process.memoryUsage().rss;
    const started = process.hrtime.bigint();
    // Each independent group gets at most a minute; a group stopped by it keeps its best plan.
    const plan = await solveInstance(instance, { timeLimitSeconds: 60, acceptTimeLimit: true });
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    const rss = Math.max(process.memoryUsage().rss, rssBefore) / 2 ** 20;
    const baseline = greedy(instance);
    const unmet = plan.unmet.reduce((sum, entry) => sum + entry.units, 0);
    const optimal = plan.statuses.every((status) => status === 'Optimal');
    const improvement = ((baseline.objectiveCents - plan.objectiveCents) / baseline.objectiveCents) * 100;
    console.log(
      [
        size.padEnd(18),
        `${(eligible * 100).toFixed(2)}%`.padStart(10),
        String(candidates.length).padStart(7),
        seconds.toFixed(2).padStart(8),
        rss.toFixed(0).padStart(7),
        String(plan.objectiveCents).padStart(16),
        (optimal ? '0 (optimal)' : `${plan.statuses.filter((status) => status !== 'Optimal').length} groups timed out`).padStart(12),
        String(unmet).padStart(6),
        String(baseline.objectiveCents).padStart(23),
        String(baseline.unmetUnits).padStart(13),
        `${improvement.toFixed(2)}%`.padStart(19),
        String(plan.statuses.length).padStart(7),
      ].join(' '),
    );
  }
}

if (require.main === module) {
  main().catch((error) => {
    console.error(error);
    process.exit(1);
  });
}
