import { canOrderTransition, canTransition, RouteStageView, STAGE_STATUSES, STAGE_TRANSITIONS, startBlocker } from './stage-rules';

const stage = (position: number, status: RouteStageView['status'], extra: Partial<RouteStageView> = {}): RouteStageView => ({
  id: `s${position}`,
  position,
  status,
  qcCheckpoint: false,
  ...extra,
});

describe('stage state machine', () => {
  it('declares every status, and DONE / CANCELLED are final', () => {
    expect(Object.keys(STAGE_TRANSITIONS).sort()).toEqual([...STAGE_STATUSES].sort());
    for (const to of STAGE_STATUSES) {
      expect(canTransition('DONE', to)).toBe(false);
      expect(canTransition('CANCELLED', to)).toBe(false);
    }
    expect(canTransition('PENDING', 'DONE')).toBe(false);
    expect(canTransition('IN_PROGRESS', 'DONE')).toBe(true);
    expect(canTransition('BLOCKED', 'IN_PROGRESS')).toBe(true);
  });

  it('lets a stage start only after every earlier stage is settled', () => {
    const route = [stage(1, 'DONE'), stage(2, 'IN_PROGRESS'), stage(3, 'PENDING')];
    expect(startBlocker(route, route[2])).toEqual({ reason: 'STAGE_OUT_OF_ORDER', stageId: 's2' });
    const skipped = [stage(1, 'DONE'), stage(2, 'CANCELLED'), stage(3, 'PENDING')];
    expect(startBlocker(skipped, skipped[2])).toBeNull();
  });

  it('blocks later stages behind a QC checkpoint without a passing result', () => {
    const missing = [stage(1, 'DONE', { qcCheckpoint: true, qcResult: null }), stage(2, 'PENDING')];
    expect(startBlocker(missing, missing[1])).toEqual({ reason: 'QC_NOT_PASSED', stageId: 's1' });
    const failed = [stage(1, 'DONE', { qcCheckpoint: true, qcResult: 'FAIL' }), stage(2, 'PENDING')];
    expect(startBlocker(failed, failed[1])?.reason).toBe('QC_NOT_PASSED');
    const passed = [stage(1, 'DONE', { qcCheckpoint: true, qcResult: 'PASS' }), stage(2, 'PENDING')];
    expect(startBlocker(passed, passed[1])).toBeNull();
  });

  it('keeps orders moving forward only', () => {
    expect(canOrderTransition('SHIPPED', 'CANCELLED')).toBe(false);
    expect(canOrderTransition('RECEIVED', 'CANCELLED')).toBe(true);
    expect(canOrderTransition('DELIVERED', 'IN_PRODUCTION')).toBe(false);
  });
});
