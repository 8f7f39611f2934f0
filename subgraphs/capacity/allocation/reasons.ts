import { dayNumber } from '../../../platform/data/days';
import { type AllocationInstance, type AllocationRequest, type Candidate, type UnmetReason } from './model';

/**
 * Why units of a request stayed unmet: the first condition, from the broadest down, that no
 * offer passes; CAPACITY when eligible offers existed but were full (or better used elsewhere).
 */
export function unmetReason(request: AllocationRequest, instance: AllocationInstance, candidates: Candidate[]): UnmetReason {
  if (candidates.some((candidate) => candidate.request.id === request.id)) return 'CAPACITY';
  let pool = instance.offers.filter((offer) => offer.capability === request.capability);
  if (pool.length === 0) return 'NO_OFFER';
  pool = pool.filter((offer) => offer.sharedWith === 'ALL' || offer.sharedWith.has(request.studioId));
  if (pool.length === 0) return 'NOT_SHARED';
  pool = pool.filter((offer) => offer.qualityScore >= request.minQuality);
  if (pool.length === 0) return 'QUALITY';
  pool = pool.filter((offer) => offer.unitPriceCents <= request.priceCapCents);
  if (pool.length === 0) return 'PRICE_CAP';
  const first = dayNumber(request.earliestStart);
  const last = dayNumber(request.dueDate) + instance.latenessHorizonDays;
  const dated = pool.some((offer) => Object.keys(offer.free).some((day) => dayNumber(day) >= first && dayNumber(day) <= last));
  return dated ? 'CAPACITY' : 'DATES';
}
