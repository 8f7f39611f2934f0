import { dayNumber } from '../../../platform/data/days';

/**
 * The overflow allocation problem, as plain data, and its mixed-integer model.
 *
 * minimise   Σ units·(price + lateness penalty·days late) + UNMET_PENALTY·unmet
 * subject to every request: allocated units + unmet = units asked
 *            every offer and day: allocated units ≤ free capacity
 *            an indivisible request (an order stage) goes whole to one offer on one day
 * over the (request, offer, day) triples that are eligible: same capability, shared with the
 * requesting studio, quality and price cap met, the day inside both windows (from the earliest
 * start; after the due date only as late work, within the lateness horizon).
 */
export interface AllocationOffer {
  id: string;
  enterpriseId: string;
  capability: string;
  unitPriceCents: number;
  qualityScore: number;
  /** Free units per day (yyyy-mm-dd → units), after what is already booked. */
  free: Record<string, number>;
  /** Studios it is shared with (resolved from its alliances and enterprise list). */
  sharedWith: ReadonlySet<string> | 'ALL';
}

export interface AllocationRequest {
  id: string;
  studioId: string;
  capability: string;
  units: number;
  /** An order stage: whole, to one offer on one day. */
  indivisible: boolean;
  earliestStart: string;
  dueDate: string;
  priceCapCents: number;
  minQuality: number;
}

export interface AllocationInstance {
  requests: AllocationRequest[];
  offers: AllocationOffer[];
  /** Cost of one unit one day late, in fen. */
  latenessPenaltyCents: number;
  /** Days after the due date that late work may still be placed. */
  latenessHorizonDays: number;
}

export interface PlannedAllocation {
  requestId: string;
  offerId: string;
  day: string;
  units: number;
  unitPriceCents: number;
  daysLate: number;
}

export type UnmetReason = 'NO_OFFER' | 'NOT_SHARED' | 'QUALITY' | 'PRICE_CAP' | 'DATES' | 'CAPACITY';

export interface AllocationPlan {
  allocations: PlannedAllocation[];
  unmet: { requestId: string; units: number; reason: UnmetReason }[];
  objectiveCents: number;
  /** HiGHS's status per independent sub-problem (all "Optimal" when the plan is provably optimal). */
  statuses: string[];
  mipGap: number;
}

export const UNMET_PENALTY_CENTS = 10_000_000;

export interface Candidate {
  request: AllocationRequest;
  offer: AllocationOffer;
  day: string;
  daysLate: number;
  /** Cost of one unit here, in fen. */
  unitCost: number;
}

/** Every eligible (request, offer, day) with free capacity, in a stable order. */
export function candidatesOf(instance: AllocationInstance): Candidate[] {
  const candidates: Candidate[] = [];
  const byCapability = offersByCapability(instance.offers);
  for (const request of [...instance.requests].sort((a, b) => a.id.localeCompare(b.id))) {
    const due = dayNumber(request.dueDate);
    for (const offer of byCapability.get(request.capability) ?? []) {
      for (const day of eligibleDays(request, offer, instance.latenessHorizonDays)) {
        const daysLate = Math.max(0, dayNumber(day) - due);
        candidates.push({ request, offer, day, daysLate, unitCost: offer.unitPriceCents + daysLate * instance.latenessPenaltyCents });
      }
    }
  }
  return candidates;
}

/**
 * How many (offer, day) placements each request has to weigh: the model's variables, counted
 * without building them, to bound an instance before it goes to the solver.
 */
export function placementsOf(instance: AllocationInstance): Map<string, number> {
  const byCapability = offersByCapability(instance.offers);
  return new Map(
    instance.requests.map((request) => [
      request.id,
      (byCapability.get(request.capability) ?? []).reduce(
        (sum, offer) => sum + eligibleDays(request, offer, instance.latenessHorizonDays).length,
        0,
      ),
    ]),
  );
}

function offersByCapability(offers: AllocationOffer[]): Map<string, AllocationOffer[]> {
  const byCapability = new Map<string, AllocationOffer[]>();
  for (const offer of [...offers].sort((a, b) => a.id.localeCompare(b.id))) {
    const list = byCapability.get(offer.capability);
    if (list) list.push(offer);
    else byCapability.set(offer.capability, [offer]);
  }
  return byCapability;
}

/**
 * The days of an offer (of the request's capability) a request may use, in order: shared with its
 * studio, quality and price cap met, free capacity (all of it for an order stage), from the
 * earliest start to the due date plus the lateness horizon.
 */
function eligibleDays(request: AllocationRequest, offer: AllocationOffer, latenessHorizonDays: number): string[] {
  if (offer.sharedWith !== 'ALL' && !offer.sharedWith.has(request.studioId)) return [];
  if (offer.qualityScore < request.minQuality || offer.unitPriceCents > request.priceCapCents) return [];
  const first = dayNumber(request.earliestStart);
  const last = dayNumber(request.dueDate) + latenessHorizonDays;
  return Object.keys(offer.free)
    .sort()
    .filter((day) => {
      const number = dayNumber(day);
      if (number < first || number > last || offer.free[day] <= 0) return false;
      return !request.indivisible || offer.free[day] >= request.units;
    });
}

/**
 * Requests and offers fall apart into independent groups (one per capability, further split by
 * who can reach whom); each is its own small model, and together they are the whole optimum.
 */
export function components(candidates: Candidate[]): Candidate[][] {
  const parent = new Map<string, string>();
  const find = (key: string): string => {
    const up = parent.get(key) ?? key;
    if (up === key) return key;
    const root = find(up);
    parent.set(key, root);
    return root;
  };
  for (const candidate of candidates) {
    const a = find(`r:${candidate.request.id}`);
    const b = find(`o:${candidate.offer.id}`);
    if (a !== b) parent.set(a < b ? b : a, a < b ? a : b);
  }
  const groups = new Map<string, Candidate[]>();
  for (const candidate of candidates) {
    const root = find(`r:${candidate.request.id}`);
    const group = groups.get(root);
    if (group) group.push(candidate);
    else groups.set(root, [candidate]);
  }
  return [...groups.keys()].sort().map((key) => groups.get(key)!);
}

/** The CPLEX-LP text of one group's model; variable i is candidate i. */
export function modelOf(group: Candidate[]): string {
  const requests = [...new Map(group.map((candidate) => [candidate.request.id, candidate.request])).values()];
  const lines: string[] = ['Minimize', ' obj:'];
  const objective: string[] = [];
  group.forEach((candidate, index) => {
    // A tiny preference for earlier days and lower offer ids makes ties (and so plans) deterministic.
    const tieBreak = (index % 1000) * 1e-7;
    const cost = candidate.request.indivisible ? candidate.unitCost * candidate.request.units : candidate.unitCost;
    objective.push(`${index === 0 ? '' : '+ '}${(cost + tieBreak).toFixed(7)} x${index}`);
  });
  requests.forEach((_, index) => objective.push(`+ ${UNMET_PENALTY_CENTS} u${index}`));
  for (let start = 0; start < objective.length; start += 50) lines.push(`  ${objective.slice(start, start + 50).join(' ')}`);
  lines.push('Subject To');
  const termsByRequest = new Map<string, string[]>(requests.map((request) => [request.id, []]));
  group.forEach((candidate, variable) => {
    termsByRequest
      .get(candidate.request.id)!
      .push(candidate.request.indivisible ? `${candidate.request.units} x${variable}` : `x${variable}`);
  });
  requests.forEach((request, index) =>
    lines.push(` d${index}: ${termsByRequest.get(request.id)!.join(' + ')} + u${index} = ${request.units}`),
  );
  const capacity = new Map<string, { free: number; variables: string[] }>();
  group.forEach((candidate, variable) => {
    const key = `${candidate.offer.id}|${candidate.day}`;
    const entry = capacity.get(key) ?? { free: candidate.offer.free[candidate.day], variables: [] };
    entry.variables.push(candidate.request.indivisible ? `${candidate.request.units} x${variable}` : `x${variable}`);
    capacity.set(key, entry);
  });
  [...capacity.values()].forEach((entry, index) => lines.push(` c${index}: ${entry.variables.join(' + ')} <= ${entry.free}`));
  lines.push('Bounds');
  group.forEach((candidate, variable) =>
    lines.push(
      ` 0 <= x${variable} <= ${candidate.request.indivisible ? 1 : Math.min(candidate.request.units, candidate.offer.free[candidate.day])}`,
    ),
  );
  requests.forEach((request, index) => lines.push(` 0 <= u${index} <= ${request.units}`));
  lines.push('General');
  group.forEach((_, variable) => lines.push(` x${variable}`));
  requests.forEach((_, index) => lines.push(` u${index}`));
  lines.push('End');
  return lines.join('\n');
}
