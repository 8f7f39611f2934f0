import { ORDER_STATUSES, SHIPMENT_STATUSES, STAGE_STATUSES, type OrderStatus, type ShipmentStatus, type StageStatus } from './states';

/**
 * A state machine declared as data: its states, where each starts, which are final, and the
 * moves allowed from each. transition.ts is the one function that moves a subject along one.
 */
export interface StateMachine<S extends string> {
  /** What it is the state of: the reason of a refused move (`INVALID_<SUBJECT>_TRANSITION`). */
  subject: 'order' | 'stage' | 'shipment';
  /** How messages name one, and the field of the error's extensions that carries its id. */
  noun: string;
  idField: string;
  states: readonly S[];
  initial: S;
  terminal: readonly S[];
  transitions: Readonly<Record<S, readonly S[]>>;
}

export const ORDER_MACHINE: StateMachine<OrderStatus> = {
  subject: 'order',
  noun: 'Order',
  idField: 'orderId',
  states: ORDER_STATUSES,
  initial: 'RECEIVED',
  terminal: ['DELIVERED', 'CANCELLED'],
  transitions: {
    RECEIVED: ['IN_PRODUCTION', 'READY_TO_SHIP', 'CANCELLED'],
    IN_PRODUCTION: ['READY_TO_SHIP', 'CANCELLED'],
    // A route change that adds work to a made order puts it back in production.
    READY_TO_SHIP: ['IN_PRODUCTION', 'SHIPPED', 'CANCELLED'],
    // A second parcel of the same order keeps it shipped.
    SHIPPED: ['SHIPPED', 'DELIVERED'],
    DELIVERED: [],
    CANCELLED: [],
  },
};

export const STAGE_MACHINE: StateMachine<StageStatus> = {
  subject: 'stage',
  noun: 'Stage run',
  idField: 'stageRunId',
  states: STAGE_STATUSES,
  initial: 'PENDING',
  terminal: ['DONE', 'CANCELLED'],
  transitions: {
    PENDING: ['IN_PROGRESS', 'CANCELLED'],
    IN_PROGRESS: ['DONE', 'BLOCKED', 'CANCELLED'],
    // A failed QC blocks the stage; a later passing result (after rework) resumes it.
    BLOCKED: ['IN_PROGRESS', 'CANCELLED'],
    DONE: [],
    CANCELLED: [],
  },
};

/** Carriers report in any order and repeat themselves; delivered and returned are final. */
const CARRIER_MOVES: readonly ShipmentStatus[] = ['IN_TRANSIT', 'OUT_FOR_DELIVERY', 'DELIVERED', 'EXCEPTION', 'RETURNED'];
export const SHIPMENT_MACHINE: StateMachine<ShipmentStatus> = {
  subject: 'shipment',
  noun: 'Shipment',
  idField: 'shipmentId',
  states: SHIPMENT_STATUSES,
  initial: 'CREATED',
  terminal: ['DELIVERED', 'RETURNED'],
  transitions: {
    CREATED: ['CREATED', ...CARRIER_MOVES],
    IN_TRANSIT: CARRIER_MOVES,
    OUT_FOR_DELIVERY: CARRIER_MOVES,
    EXCEPTION: CARRIER_MOVES,
    DELIVERED: [],
    RETURNED: [],
  },
};

export const allows = <S extends string>(machine: StateMachine<S>, from: S, to: S): boolean => machine.transitions[from].includes(to);

/**
 * What is wrong with a machine's declaration, as Vendure checks its order process at start:
 * a move to or from an undeclared state, a state nothing reaches from the initial one, a final
 * state with a way out, a state that is not final and has none.
 */
export function machineProblems<S extends string>(machine: StateMachine<S>): string[] {
  const problems: string[] = [];
  const declared = new Set<string>(machine.states);
  for (const [from, targets] of Object.entries(machine.transitions) as [S, readonly S[]][]) {
    if (!declared.has(from)) problems.push(`${machine.subject}: moves from undeclared state ${from}`);
    for (const to of targets) if (!declared.has(to)) problems.push(`${machine.subject}: ${from} moves to undeclared state ${to}`);
  }
  for (const state of machine.states) if (!machine.transitions[state]) problems.push(`${machine.subject}: no moves declared for ${state}`);
  const reached = new Set<S>([machine.initial]);
  for (const queue = [machine.initial]; queue.length > 0;) {
    for (const to of machine.transitions[queue.shift()!] ?? []) if (!reached.has(to)) queue.push(reached.add(to) && to);
  }
  for (const state of machine.states)
    if (!reached.has(state)) problems.push(`${machine.subject}: ${state} cannot be reached from ${machine.initial}`);
  for (const state of machine.states) {
    const exits = machine.transitions[state] ?? [];
    if (machine.terminal.includes(state) && exits.length > 0) problems.push(`${machine.subject}: final state ${state} has moves out`);
    if (!machine.terminal.includes(state) && exits.length === 0)
      problems.push(`${machine.subject}: ${state} is not final but has no move out`);
  }
  return problems;
}

export const MACHINES = [ORDER_MACHINE, STAGE_MACHINE, SHIPMENT_MACHINE] as const;

// Checked when the orders subgraph loads: a broken table never serves a request.
const problems = MACHINES.flatMap((machine) => machineProblems<string>(machine as StateMachine<string>));
if (problems.length > 0) throw new Error(`The orders lifecycle tables are inconsistent:\n- ${problems.join('\n- ')}`);
