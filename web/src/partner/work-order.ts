/** What the ordering needs of a stage. */
export interface WorkStage {
  status: string;
  ready?: boolean | null;
  dueAt?: string | null;
}

const SHANGHAI_DAY = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' });

/**
 * Today's work first: what is running, then what may start now, then what waits for an earlier
 * stage (each by due time); what is done or cancelled last. "Today" is every stage running,
 * ready, or due by the end of today (China time).
 */
export function partnerWorkOrder<S extends WorkStage>(stages: readonly S[], now: Date): { today: S[]; later: S[]; finished: S[] } {
  const rank = (stage: S) =>
    stage.status === 'IN_PROGRESS' || stage.status === 'BLOCKED' ? 0 : stage.status === 'PENDING' ? (stage.ready ? 1 : 2) : 3;
  const due = (stage: S) => (stage.dueAt ? Date.parse(stage.dueAt) : Number.MAX_SAFE_INTEGER);
  const sorted = [...stages].sort((a, b) => rank(a) - rank(b) || due(a) - due(b));
  const today = SHANGHAI_DAY.format(now);
  const isToday = (stage: S) =>
    rank(stage) < 2 || (stage.dueAt !== null && stage.dueAt !== undefined && SHANGHAI_DAY.format(new Date(stage.dueAt)) <= today);
  return {
    today: sorted.filter((stage) => rank(stage) < 3 && isToday(stage)),
    later: sorted.filter((stage) => rank(stage) < 3 && !isToday(stage)),
    finished: sorted.filter((stage) => rank(stage) === 3),
  };
}
