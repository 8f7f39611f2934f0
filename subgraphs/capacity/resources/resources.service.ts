import type { EntityManager } from '@mikro-orm/core';
import {
  addWorkingMinutes,
  ALWAYS_WORKING,
  calendarProblems,
  chinaHolidays,
  isWorking,
  leaveProblems,
  RESOURCE_EVENTS,
  VOCABULARY,
  WorkingTimeError,
  type CalendarClosure,
  type LeaveDays,
  type WorkingCalendar,
  type WorkingHours,
} from '../../../contracts';
import type { RequestContext } from '../../../platform/access/context';
import { badInput, failedPrecondition, notFound } from '../../../platform/base/errors';
import { newId, requireEnterpriseId } from '../../../platform/data/ids';
import { idempotent, inTransaction } from '../../../platform/data/transactions';
import { recordEvent } from '../../../platform/events/outbox';
import { WorkingCalendarRow } from './calendar.entity';
import {
  RESOURCE_LIMITS,
  type CalendarClosureInput,
  type LeaveDaysInput,
  type StudioOperatorInput,
  type WorkCenterInput,
  type WorkingCalendarInput,
} from './inputs';
import { StudioOperator } from './operator.entity';
import { WorkCenter } from './work-center.entity';

export const SOURCE = 'capacity';
export const ID_PREFIX = { workCenter: 'wct', operator: 'opr' } as const;
/** The years whose public holidays ship (contracts/china-holidays.ts): a new calendar starts with them. */
const SHIPPED_YEARS = [2026];

type Context = RequestContext<unknown>;

/** The first problem of a calendar (or leave) as a coded refusal naming its field. */
function refuseProblems(problems: { field: string; message: string }[], prefix = ''): void {
  if (problems.length > 0) throw badInput(problems[0].message, { field: `${prefix}${problems[0].field}`, problems: problems.slice(0, 20) });
}

const hoursOf = (hours: readonly WorkingHours[]): WorkingHours[] => hours.map(({ weekday, start, end }) => ({ weekday, start, end }));
const closureOf = (closure: CalendarClosureInput | CalendarClosure): CalendarClosure => ({
  from: closure.from,
  to: closure.to,
  ...(closure.nameZh ? { nameZh: closure.nameZh } : {}),
  ...(closure.nameEn ? { nameEn: closure.nameEn } : {}),
  makeUpDays: [...closure.makeUpDays],
});
const byFrom = (a: CalendarClosure, b: CalendarClosure) => a.from.localeCompare(b.from);

/** An operator's skills are stage codes of the vocabulary (the studio's own extensions included) and its shift a valid week. */
export function checkOperator(input: Pick<StudioOperatorInput, 'enterpriseId' | 'skills' | 'shiftHours'>): void {
  input.skills.forEach((code, index) => {
    const entry = VOCABULARY.findStatus(code);
    // A studio's extension codes are its own: another studio's is as unknown as a made-up one.
    if (!entry || (entry.enterpriseId && entry.enterpriseId !== input.enterpriseId))
      throw badInput(`Unknown stage status code "${code}"`, { field: `input.skills.${index}`, reason: 'UNKNOWN_STAGE_CODE' });
  });
  if (input.shiftHours.length > 0) refuseProblems(calendarProblems({ hours: hoursOf(input.shiftHours), closures: [] }), 'input.shift');
}

/** The fields of an operator as stored (skills once each). */
export const operatorFields = (input: StudioOperatorInput) => ({
  penName: input.penName,
  realName: input.realName,
  skills: [...new Set(input.skills)],
  shiftHours: hoursOf(input.shiftHours),
});

/**
 * A studio's resources: its working calendar, work centers and operators, each change written
 * with an outbox event carrying its actor. The working-time answers use contracts/working-time.ts;
 * a studio without a calendar works around the clock (as due dates were planned before calendars).
 */
export class ResourcesService {
  constructor(private readonly clock: () => Date = () => new Date()) {}

  calendarOf(em: EntityManager, enterpriseId: string): Promise<WorkingCalendarRow | null> {
    return em.findOne(WorkingCalendarRow, { enterpriseId });
  }

  async setCalendar(ctx: Context, input: WorkingCalendarInput, idempotencyKey: string): Promise<WorkingCalendarRow> {
    requireEnterpriseId(input.enterpriseId, 'enterpriseId');
    const proposed = { hours: hoursOf(input.hours), closures: input.closures?.map(closureOf), makeUpWeekday: input.makeUpWeekday };
    refuseProblems(calendarProblems({ ...proposed, closures: proposed.closures ?? [] }), 'input.');
    await inTransaction(ctx, (em) =>
      idempotent(em, ctx.viewer, 'setWorkingCalendar', idempotencyKey, input, async () => {
        const existing = await this.calendarOf(em, input.enterpriseId);
        const closures = proposed.closures ?? existing?.closures ?? SHIPPED_YEARS.flatMap(chinaHolidays);
        const row = existing ?? em.create(WorkingCalendarRow, { enterpriseId: input.enterpriseId, updatedAt: this.clock() });
        row.hours = proposed.hours;
        row.closures = [...closures].sort(byFrom);
        row.makeUpWeekday = proposed.makeUpWeekday;
        this.calendarChanged(em, ctx, row);
        return row.enterpriseId;
      }),
    );
    return ctx.em.fork().findOneOrFail(WorkingCalendarRow, { enterpriseId: input.enterpriseId });
  }

  /** Adds a closure, or replaces the one starting the same day (how a studio adjusts a shipped holiday). */
  upsertClosure(ctx: Context, enterpriseId: string, closure: CalendarClosureInput, idempotencyKey: string): Promise<WorkingCalendarRow> {
    return this.editClosures(ctx, enterpriseId, 'upsertCalendarClosure', { closure }, idempotencyKey, (closures) => [
      ...closures.filter((kept) => kept.from !== closure.from),
      closureOf(closure),
    ]);
  }

  removeClosure(ctx: Context, enterpriseId: string, from: string, idempotencyKey: string): Promise<WorkingCalendarRow> {
    return this.editClosures(ctx, enterpriseId, 'removeCalendarClosure', { from }, idempotencyKey, (closures) => {
      if (!closures.some((closure) => closure.from === from)) throw notFound('Calendar closure', from);
      return closures.filter((closure) => closure.from !== from);
    });
  }

  private async editClosures(
    ctx: Context,
    enterpriseId: string,
    operation: string,
    request: object,
    idempotencyKey: string,
    edit: (closures: CalendarClosure[]) => CalendarClosure[],
  ): Promise<WorkingCalendarRow> {
    requireEnterpriseId(enterpriseId, 'enterpriseId');
    await inTransaction(ctx, (em) =>
      idempotent(em, ctx.viewer, operation, idempotencyKey, { enterpriseId, ...request }, async () => {
        const row = await this.calendarOf(em, enterpriseId);
        if (!row) throw failedPrecondition('NO_CALENDAR', 'The studio has no working calendar yet: set it first');
        const closures = edit(row.closures).sort(byFrom);
        refuseProblems(
          calendarProblems({ hours: row.hours, closures, makeUpWeekday: row.makeUpWeekday }).map((problem) =>
            problem.field.startsWith('closures[') ? { ...problem, field: problem.field.replace(/^closures\[\d+\]/, 'closure') } : problem,
          ),
        );
        row.closures = closures;
        this.calendarChanged(em, ctx, row);
        return row.enterpriseId;
      }),
    );
    return ctx.em.fork().findOneOrFail(WorkingCalendarRow, { enterpriseId });
  }

  private calendarChanged(em: EntityManager, ctx: Context, row: WorkingCalendarRow): void {
    row.updatedAt = this.clock();
    recordEvent(em, SOURCE, {
      type: RESOURCE_EVENTS.CALENDAR_CHANGED,
      subject: { type: 'WorkingCalendar', id: row.enterpriseId },
      actor: ctx.actor,
      occurredAt: row.updatedAt,
      payload: {
        studioId: row.enterpriseId,
        calendar: { hours: hoursOf(row.hours), closures: row.closures.map(closureOf), makeUpWeekday: row.makeUpWeekday },
      },
    });
  }

  async upsertWorkCenter(ctx: Context, input: WorkCenterInput, idempotencyKey: string): Promise<WorkCenter> {
    requireEnterpriseId(input.enterpriseId, 'enterpriseId');
    const id = await inTransaction(ctx, (em) =>
      idempotent(em, ctx.viewer, 'upsertWorkCenter', idempotencyKey, input, async () => {
        let center = await em.findOne(WorkCenter, { enterpriseId: input.enterpriseId, code: input.code });
        if (!center) {
          const count = await em.count(WorkCenter, { enterpriseId: input.enterpriseId });
          if (count >= RESOURCE_LIMITS.workCenters)
            throw badInput(`A studio has at most ${RESOURCE_LIMITS.workCenters} work centers`, { field: 'input.code' });
          center = em.create(WorkCenter, { id: newId(ID_PREFIX.workCenter), ...input, updatedAt: this.clock() });
        } else em.assign(center, { ...input, updatedAt: this.clock() });
        this.workCenterChanged(em, ctx, center, false);
        return center.id;
      }),
    );
    return ctx.em.fork().findOneOrFail(WorkCenter, { id });
  }

  async removeWorkCenter(ctx: Context, enterpriseId: string, code: string, idempotencyKey: string): Promise<string> {
    requireEnterpriseId(enterpriseId, 'enterpriseId');
    return inTransaction(ctx, (em) =>
      idempotent(em, ctx.viewer, 'removeWorkCenter', idempotencyKey, { enterpriseId, code }, async () => {
        const center = await em.findOne(WorkCenter, { enterpriseId, code });
        if (!center) throw notFound('Work center', code);
        this.workCenterChanged(em, ctx, center, true);
        em.remove(center);
        return center.id;
      }),
    );
  }

  private workCenterChanged(em: EntityManager, ctx: Context, center: WorkCenter, removed: boolean): void {
    recordEvent(em, SOURCE, {
      type: RESOURCE_EVENTS.WORK_CENTER_CHANGED,
      subject: { type: 'WorkCenter', id: center.id },
      actor: ctx.actor,
      occurredAt: this.clock(),
      payload: {
        studioId: center.enterpriseId,
        workCenterId: center.id,
        code: center.code,
        removed,
        kind: center.kind,
        capacityPerBatch: center.capacityPerBatch,
        batchMinutes: center.batchMinutes,
        setupMinutes: center.setupMinutes,
      },
    });
  }

  async upsertOperator(ctx: Context, input: StudioOperatorInput, idempotencyKey: string): Promise<StudioOperator> {
    requireEnterpriseId(input.enterpriseId, 'enterpriseId');
    checkOperator(input);
    const id = await inTransaction(ctx, (em) =>
      idempotent(em, ctx.viewer, 'upsertStudioOperator', idempotencyKey, input, async () => {
        const fields = { ...input, ...operatorFields(input), updatedAt: this.clock() };
        let operator = await em.findOne(StudioOperator, { enterpriseId: input.enterpriseId, code: input.code });
        if (!operator) {
          const count = await em.count(StudioOperator, { enterpriseId: input.enterpriseId });
          if (count >= RESOURCE_LIMITS.operators)
            throw badInput(`A studio has at most ${RESOURCE_LIMITS.operators} operators`, { field: 'input.code' });
          operator = em.create(StudioOperator, { id: newId(ID_PREFIX.operator), ...fields });
        } else em.assign(operator, fields);
        this.operatorChanged(em, ctx, operator, false);
        return operator.id;
      }),
    );
    return ctx.em.fork().findOneOrFail(StudioOperator, { id });
  }

  async removeOperator(ctx: Context, enterpriseId: string, code: string, idempotencyKey: string): Promise<string> {
    requireEnterpriseId(enterpriseId, 'enterpriseId');
    return inTransaction(ctx, (em) =>
      idempotent(em, ctx.viewer, 'removeStudioOperator', idempotencyKey, { enterpriseId, code }, async () => {
        const operator = await em.findOne(StudioOperator, { enterpriseId, code });
        if (!operator) throw notFound('Operator', code);
        this.operatorChanged(em, ctx, operator, true);
        em.remove(operator);
        return operator.id;
      }),
    );
  }

  async addLeave(ctx: Context, enterpriseId: string, code: string, leave: LeaveDaysInput, idempotencyKey: string): Promise<StudioOperator> {
    requireEnterpriseId(enterpriseId, 'enterpriseId');
    refuseProblems(leaveProblems([leave], 'leave').map((problem) => ({ ...problem, field: problem.field.replace('leave[0]', 'leave') })));
    const id = await inTransaction(ctx, (em) =>
      idempotent(em, ctx.viewer, 'addOperatorLeave', idempotencyKey, { enterpriseId, code, leave }, async () => {
        const operator = await em.findOne(StudioOperator, { enterpriseId, code });
        if (!operator) throw notFound('Operator', code);
        if (operator.leave.length >= RESOURCE_LIMITS.leave)
          throw badInput(`An operator keeps at most ${RESOURCE_LIMITS.leave} leave rows`, { field: 'leave' });
        operator.leave = [...operator.leave, { from: leave.from, to: leave.to }].sort((a, b) => a.from.localeCompare(b.from));
        operator.updatedAt = this.clock();
        this.operatorChanged(em, ctx, operator, false);
        return operator.id;
      }),
    );
    return ctx.em.fork().findOneOrFail(StudioOperator, { id });
  }

  private operatorChanged(em: EntityManager, ctx: Context, operator: StudioOperator, removed: boolean): void {
    recordEvent(em, SOURCE, {
      type: RESOURCE_EVENTS.OPERATOR_CHANGED,
      subject: { type: 'StudioOperator', id: operator.id },
      actor: ctx.actor,
      occurredAt: this.clock(),
      payload: {
        studioId: operator.enterpriseId,
        operatorId: operator.id,
        code: operator.code,
        removed,
        skills: [...operator.skills],
        leave: operator.leave.map(({ from, to }) => ({ from, to })),
      },
    });
  }

  /** The calendar a resource works by: the studio's (or around the clock), an operator's shift hours and leave on it. */
  async resourceCalendar(
    em: EntityManager,
    enterpriseId: string,
    operatorCode?: string | null,
  ): Promise<{ calendar: WorkingCalendar; leave: LeaveDays[] }> {
    requireEnterpriseId(enterpriseId, 'enterpriseId');
    const row = await this.calendarOf(em, enterpriseId);
    const studio: WorkingCalendar = row ? { hours: row.hours, closures: row.closures, makeUpWeekday: row.makeUpWeekday } : ALWAYS_WORKING;
    if (operatorCode == null) return { calendar: studio, leave: [] };
    const operator = await em.findOne(StudioOperator, { enterpriseId, code: operatorCode });
    if (!operator) throw notFound('Operator', operatorCode);
    return {
      calendar: operator.shiftHours.length > 0 ? { ...studio, hours: operator.shiftHours } : studio,
      leave: operator.leave,
    };
  }

  async isWorking(em: EntityManager, enterpriseId: string, at: Date, operatorCode?: string | null): Promise<boolean> {
    const { calendar, leave } = await this.resourceCalendar(em, enterpriseId, operatorCode);
    return workingTime(() => isWorking(calendar, at, leave));
  }

  async nextWorkingMinutes(
    em: EntityManager,
    enterpriseId: string,
    from: Date,
    minutes: number,
    operatorCode?: string | null,
  ): Promise<Date> {
    if (!Number.isInteger(minutes) || minutes < 0 || minutes > 1_000_000)
      throw badInput('minutes must be a whole number from 0 to 1,000,000', { field: 'minutes' });
    const { calendar, leave } = await this.resourceCalendar(em, enterpriseId, operatorCode);
    return workingTime(() => addWorkingMinutes(calendar, from, minutes, leave));
  }
}

/** The arithmetic's refusals as coded errors: no working time is the calendar's state, not the caller's input. */
function workingTime<T>(compute: () => T): T {
  try {
    return compute();
  } catch (error) {
    if (error instanceof WorkingTimeError)
      throw error.code === 'NO_WORKING_TIME'
        ? failedPrecondition('NO_WORKING_TIME', error.message)
        : badInput(error.message, { field: 'minutes' });
    throw error;
  }
}

export const resourcesService = new ResourcesService();
