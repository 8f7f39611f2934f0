/**
 * What changed between two versions of a route, stage by stage. A status code is a stage's
 * identity (the hub refuses one twice in a route), so a stage is added, removed, moved or has
 * attributes changed. "Moved" is the fewest stages whose moving explains the new order (the
 * others keep their relative order): swapping two neighbours reads as one move, not two.
 */
export interface RouteStepShape {
  statusCode: string;
  standardMinutes: number;
  qcCheckpoint: boolean;
  workCenterCode?: string | null;
  skill?: string | null;
  partnerAllowed: boolean;
}

export const STEP_ATTRIBUTES = ['standardMinutes', 'qcCheckpoint', 'workCenterCode', 'skill', 'partnerAllowed'] as const;
export type StepAttribute = (typeof STEP_ATTRIBUTES)[number];

export type RouteChange =
  | { kind: 'added'; statusCode: string; position: number }
  | { kind: 'removed'; statusCode: string; position: number }
  | { kind: 'moved'; statusCode: string; from: number; to: number }
  | {
      kind: 'changed';
      statusCode: string;
      attribute: StepAttribute;
      from: string | number | boolean | null;
      to: string | number | boolean | null;
    };

/** Indexes (into `values`) of one longest strictly increasing subsequence. */
function longestIncreasing(values: readonly number[]): Set<number> {
  const length = values.map(() => 1);
  const previous = values.map(() => -1);
  let best = -1;
  values.forEach((value, i) => {
    for (let j = 0; j < i; j++)
      if (values[j] < value && length[j] + 1 > length[i]) {
        length[i] = length[j] + 1;
        previous[i] = j;
      }
    if (best < 0 || length[i] > length[best]) best = i;
  });
  const kept = new Set<number>();
  for (let i = best; i >= 0; i = previous[i]) kept.add(i);
  return kept;
}

/** The changes from `before` to `after`, in the new route's order (then the removed ones). */
export function routeChanges(before: readonly RouteStepShape[], after: readonly RouteStepShape[]): RouteChange[] {
  const beforeAt = new Map(before.map((step, index) => [step.statusCode, index]));
  const afterCodes = new Set(after.map((step) => step.statusCode));
  const common = after.filter((step) => beforeAt.has(step.statusCode));
  const stayed = longestIncreasing(common.map((step) => beforeAt.get(step.statusCode)!));
  const movedCodes = new Set(common.filter((_, index) => !stayed.has(index)).map((step) => step.statusCode));
  const changes: RouteChange[] = [];
  after.forEach((step, index) => {
    const was = beforeAt.get(step.statusCode);
    if (was === undefined) {
      changes.push({ kind: 'added', statusCode: step.statusCode, position: index + 1 });
      return;
    }
    if (movedCodes.has(step.statusCode)) changes.push({ kind: 'moved', statusCode: step.statusCode, from: was + 1, to: index + 1 });
    for (const attribute of STEP_ATTRIBUTES) {
      const from = before[was][attribute] ?? null;
      const to = step[attribute] ?? null;
      if (from !== to) changes.push({ kind: 'changed', statusCode: step.statusCode, attribute, from, to });
    }
  });
  before.forEach((step, index) => {
    if (!afterCodes.has(step.statusCode)) changes.push({ kind: 'removed', statusCode: step.statusCode, position: index + 1 });
  });
  return changes;
}
