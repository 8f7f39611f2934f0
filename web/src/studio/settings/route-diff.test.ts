import { describe, expect, it } from 'vitest';
import { routeChanges, type RouteStepShape } from './route-diff';
import { draftProblems, refusedField } from './route-draft';

const step = (statusCode: string, standardMinutes = 60, more: Partial<RouteStepShape> = {}): RouteStepShape => ({
  statusCode,
  standardMinutes,
  qcCheckpoint: false,
  workCenterCode: null,
  skill: null,
  partnerAllowed: true,
  ...more,
});

describe('routeChanges', () => {
  it('finds nothing between equal routes', () => {
    expect(routeChanges([step('A10'), step('C10')], [step('A10'), step('C10')])).toEqual([]);
  });

  it('names added and removed stages by their place', () => {
    expect(routeChanges([step('A10'), step('C10'), step('E10')], [step('A10'), step('C20'), step('E10')])).toEqual([
      { kind: 'added', statusCode: 'C20', position: 2 },
      { kind: 'removed', statusCode: 'C10', position: 2 },
    ]);
  });

  it('reads a swap of neighbours as one stage moved, and a stage moved to the front as that one', () => {
    expect(routeChanges([step('A10'), step('B10'), step('C10')], [step('A10'), step('C10'), step('B10')])).toEqual([
      { kind: 'moved', statusCode: 'B10', from: 2, to: 3 },
    ]);
    expect(
      routeChanges([step('A10'), step('B10'), step('C10'), step('D10')], [step('D10'), step('A10'), step('B10'), step('C10')]),
    ).toEqual([{ kind: 'moved', statusCode: 'D10', from: 4, to: 1 }]);
  });

  it('does not call stages moved that only shifted because one was added before them', () => {
    expect(routeChanges([step('A10'), step('C10')], [step('B10'), step('A10'), step('C10')])).toEqual([
      { kind: 'added', statusCode: 'B10', position: 1 },
    ]);
  });

  it('lists each attribute that changed on a kept stage', () => {
    expect(
      routeChanges(
        [step('C40', 720, { qcCheckpoint: true })],
        [step('C40', 600, { qcCheckpoint: true, workCenterCode: 'kiln-1', partnerAllowed: false })],
      ),
    ).toEqual([
      { kind: 'changed', statusCode: 'C40', attribute: 'standardMinutes', from: 720, to: 600 },
      { kind: 'changed', statusCode: 'C40', attribute: 'workCenterCode', from: null, to: 'kiln-1' },
      { kind: 'changed', statusCode: 'C40', attribute: 'partnerAllowed', from: true, to: false },
    ]);
  });
});

describe('draftProblems', () => {
  const known = new Set(['A10', 'C10', 'X-MOYUN-01']);

  it('refuses a route with no stage, as the hub does', () => {
    expect(draftProblems([], known)).toEqual([{ reason: 'NO_STAGES', step: null }]);
  });

  it('names the stage with a missing, unknown or repeated code, or minutes out of range', () => {
    expect(draftProblems([step(''), step('Z99'), step('A10'), step('A10', 0)], known)).toEqual([
      { reason: 'MISSING', step: 0, attribute: 'statusCode' },
      { reason: 'UNKNOWN_STATUS_CODE', step: 1, attribute: 'statusCode' },
      { reason: 'DUPLICATE_STAGE', step: 3, attribute: 'statusCode' },
      { reason: 'INVALID', step: 3, attribute: 'standardMinutes' },
    ]);
  });

  it("accepts the studio's own extension codes", () => {
    expect(draftProblems([step('A10'), step('X-MOYUN-01', 90, { skill: 'C10' })], known)).toEqual([]);
  });
});

describe('refusedField', () => {
  it('reads the stage and attribute a refusal names', () => {
    expect(refusedField('input.steps[2].standardMinutes')).toEqual({ step: 2, name: 'standardMinutes' });
    expect(refusedField('input.steps')).toEqual({ step: null, name: 'steps' });
    expect(refusedField('input.shopSkus[1]')).toEqual({ step: null, name: 'shopSkus' });
    expect(refusedField(null)).toBeNull();
  });
});
