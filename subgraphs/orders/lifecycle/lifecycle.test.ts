import { allows, machineProblems, MACHINES, ORDER_MACHINE, SHIPMENT_MACHINE, STAGE_MACHINE, type StateMachine } from './machines';
import { startBlocker, type RouteStageView } from './route';
import { STAGE_STATUSES } from './states';

const stage = (position: number, status: RouteStageView['status'], extra: Partial<RouteStageView> = {}): RouteStageView => ({
  id: `s${position}`,
  position,
  status,
  qcCheckpoint: false,
  ...extra,
});

describe('order lifecycle tables', () => {
  it('are consistent: every state reachable from the initial one, final states without moves out, no dead ends', () => {
    for (const machine of MACHINES)
      expect({ machine: machine.subject, problems: machineProblems<string>(machine as StateMachine<string>) }).toEqual({
        machine: machine.subject,
        problems: [],
      });
  });

  it('name what is wrong with a broken table', () => {
    const broken: StateMachine<'A' | 'B' | 'C' | 'D'> = {
      subject: 'stage',
      noun: 'Stage run',
      idField: 'stageRunId',
      states: ['A', 'B', 'C', 'D'],
      initial: 'A',
      terminal: ['B'],
      transitions: { A: ['B'], B: ['A'], C: ['B'], D: [] },
    };
    expect(machineProblems(broken)).toEqual([
      'stage: C cannot be reached from A',
      'stage: D cannot be reached from A',
      'stage: final state B has moves out',
      'stage: D is not final but has no move out',
    ]);
  });

  it('let stages run forward only, DONE and CANCELLED final, a failed QC blocking and a pass resuming', () => {
    expect(Object.keys(STAGE_MACHINE.transitions).sort()).toEqual([...STAGE_STATUSES].sort());
    for (const to of STAGE_STATUSES) {
      expect(allows(STAGE_MACHINE, 'DONE', to)).toBe(false);
      expect(allows(STAGE_MACHINE, 'CANCELLED', to)).toBe(false);
    }
    expect(allows(STAGE_MACHINE, 'PENDING', 'DONE')).toBe(false);
    expect(allows(STAGE_MACHINE, 'IN_PROGRESS', 'DONE')).toBe(true);
    expect(allows(STAGE_MACHINE, 'IN_PROGRESS', 'BLOCKED')).toBe(true);
    expect(allows(STAGE_MACHINE, 'BLOCKED', 'IN_PROGRESS')).toBe(true);
  });

  it('keep orders moving forward only, a second parcel keeping an order shipped', () => {
    expect(allows(ORDER_MACHINE, 'SHIPPED', 'CANCELLED')).toBe(false);
    expect(allows(ORDER_MACHINE, 'RECEIVED', 'CANCELLED')).toBe(true);
    expect(allows(ORDER_MACHINE, 'DELIVERED', 'IN_PRODUCTION')).toBe(false);
    expect(allows(ORDER_MACHINE, 'SHIPPED', 'SHIPPED')).toBe(true);
    expect(allows(ORDER_MACHINE, 'READY_TO_SHIP', 'IN_PRODUCTION')).toBe(true);
  });

  it('take carriers’ reports in any order until delivered or returned', () => {
    expect(allows(SHIPMENT_MACHINE, 'EXCEPTION', 'IN_TRANSIT')).toBe(true);
    expect(allows(SHIPMENT_MACHINE, 'IN_TRANSIT', 'IN_TRANSIT')).toBe(true);
    expect(allows(SHIPMENT_MACHINE, 'DELIVERED', 'IN_TRANSIT')).toBe(false);
    expect(allows(SHIPMENT_MACHINE, 'RETURNED', 'DELIVERED')).toBe(false);
  });
});

describe('the route', () => {
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
});
