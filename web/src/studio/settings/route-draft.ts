import type { RouteStepShape } from './route-diff';

/**
 * A route being edited, checked in the browser the way the hub checks it (subgraphs/orders/
 * catalogue-rules.ts), so the common mistakes are named before saving; the hub's answer is still
 * the one that counts, and a refusal it sends is named the same way (`refusedStep`).
 */
export const ROUTE_LIMITS = { steps: 50, minMinutes: 1, maxMinutes: 86_400 } as const;

/** One thing wrong with the draft: the hub's reason, and the stage (from 0) it is about, if any. */
export interface DraftProblem {
  reason: 'NO_STAGES' | 'TOO_MANY_STAGES' | 'MISSING' | 'UNKNOWN_STATUS_CODE' | 'DUPLICATE_STAGE' | 'INVALID';
  step: number | null;
  attribute?: 'statusCode' | 'standardMinutes' | 'skill';
}

export function draftProblems(steps: readonly RouteStepShape[], known: ReadonlySet<string>): DraftProblem[] {
  if (steps.length === 0) return [{ reason: 'NO_STAGES', step: null }];
  if (steps.length > ROUTE_LIMITS.steps) return [{ reason: 'TOO_MANY_STAGES', step: null }];
  const problems: DraftProblem[] = [];
  const seen = new Set<string>();
  steps.forEach((step, index) => {
    if (!step.statusCode) problems.push({ reason: 'MISSING', step: index, attribute: 'statusCode' });
    else if (!known.has(step.statusCode)) problems.push({ reason: 'UNKNOWN_STATUS_CODE', step: index, attribute: 'statusCode' });
    else if (seen.has(step.statusCode)) problems.push({ reason: 'DUPLICATE_STAGE', step: index, attribute: 'statusCode' });
    seen.add(step.statusCode);
    const minutes = step.standardMinutes;
    if (!Number.isInteger(minutes) || minutes < ROUTE_LIMITS.minMinutes || minutes > ROUTE_LIMITS.maxMinutes)
      problems.push({ reason: 'INVALID', step: index, attribute: 'standardMinutes' });
    if (step.skill && !known.has(step.skill)) problems.push({ reason: 'UNKNOWN_STATUS_CODE', step: index, attribute: 'skill' });
  });
  return problems;
}

/**
 * The part of the input a hub refusal names (`extensions.field`): `input.steps[2].standardMinutes`
 * is stage 2 (from 0) and its attribute; `input.nameZh` is a field of the route or product.
 */
export function refusedField(field: string | null | undefined): { step: number | null; name: string } | null {
  if (!field) return null;
  const step = /^input\.steps\[(\d+)\](?:\.(\w+))?$/.exec(field);
  if (step) return { step: Number(step[1]), name: step[2] ?? 'statusCode' };
  const plain = /^input\.(\w+)(?:\[\d+\])?$/.exec(field);
  return plain ? { step: null, name: plain[1] } : { step: null, name: field };
}
