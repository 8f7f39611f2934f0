import { Arg, Ctx, ID, Int, Mutation, Query, Resolver } from 'type-graphql';
import type { GraphQLContext } from '../../../platform/access/context';
import type { CapacityLoaders } from '../loaders';
import { WorkingCalendarRow } from './calendar.entity';
import { ImportResult } from '../../../platform/graphql/import-result';
import {
  CalendarClosureInput,
  LeaveDaysInput,
  ResourcesImportInput,
  StudioOperatorInput,
  WorkCenterInput,
  WorkingCalendarInput,
} from './inputs';
import { ResourcesImportService } from './resources-import.service';
import { StudioOperator } from './operator.entity';
import { resourcesService } from './resources.service';
import { WorkCenter } from './work-center.entity';

type Context = GraphQLContext<CapacityLoaders>;

/** A studio's resources: its working calendar, work centers and operators (the capacity subgraph owns them). */
@Resolver()
export class ResourcesResolver {
  constructor(
    private readonly service = resourcesService,
    private readonly imports = new ResourcesImportService(),
  ) {}

  @Mutation(() => ImportResult, {
    description:
      "Imports a spreadsheet's operators and work centers (matched by code): every row checked, every bad one reported (sheet, row, column), and only when none is bad (and it is no dry run) all of it applied at once, one event summing it up",
  })
  importResources(
    @Arg('input', () => ResourcesImportInput) input: ResourcesImportInput,
    @Arg('idempotencyKey') idempotencyKey: string,
    @Ctx() { ctx }: Context,
  ): Promise<ImportResult> {
    return this.imports.import(ctx, input, idempotencyKey);
  }

  @Query(() => WorkingCalendarRow, {
    nullable: true,
    description: "The studio's working calendar; null before it sets one (it then works around the clock)",
  })
  workingCalendar(@Arg('enterpriseId', () => ID) enterpriseId: string, @Ctx() { ctx }: Context): Promise<WorkingCalendarRow | null> {
    return this.service.calendarOf(ctx.em, enterpriseId);
  }

  @Query(() => [WorkCenter], { description: "The studio's work centers, by code" })
  workCenters(@Arg('enterpriseId', () => ID) enterpriseId: string, @Ctx() { ctx }: Context): Promise<WorkCenter[]> {
    return ctx.em.find(WorkCenter, { enterpriseId }, { orderBy: { code: 'asc' } });
  }

  @Query(() => [StudioOperator], { description: "The studio's operators, by code" })
  studioOperators(@Arg('enterpriseId', () => ID) enterpriseId: string, @Ctx() { ctx }: Context): Promise<StudioOperator[]> {
    return ctx.em.find(StudioOperator, { enterpriseId }, { orderBy: { code: 'asc' } });
  }

  @Query(() => Boolean, { description: 'Whether the studio (or one of its operators, by code) works at that instant' })
  isWorking(
    @Arg('enterpriseId', () => ID) enterpriseId: string,
    @Arg('at', () => Date) at: Date,
    @Ctx() { ctx }: Context,
    @Arg('operatorCode', () => String, { nullable: true }) operatorCode?: string | null,
  ): Promise<boolean> {
    return this.service.isWorking(ctx.em, enterpriseId, at, operatorCode);
  }

  @Query(() => Date, {
    description: 'When the next `minutes` working minutes from `from` are used up, on the studio’s (or operator’s) calendar',
  })
  nextWorkingMinutes(
    @Arg('enterpriseId', () => ID) enterpriseId: string,
    @Arg('from', () => Date) from: Date,
    @Arg('minutes', () => Int) minutes: number,
    @Ctx() { ctx }: Context,
    @Arg('operatorCode', () => String, { nullable: true }) operatorCode?: string | null,
  ): Promise<Date> {
    return this.service.nextWorkingMinutes(ctx.em, enterpriseId, from, minutes, operatorCode);
  }

  @Mutation(() => WorkingCalendarRow, { description: "Sets the studio's weekday hours (and, when given, all its closures)" })
  setWorkingCalendar(
    @Arg('input', () => WorkingCalendarInput) input: WorkingCalendarInput,
    @Arg('idempotencyKey') idempotencyKey: string,
    @Ctx() { ctx }: Context,
  ): Promise<WorkingCalendarRow> {
    return this.service.setCalendar(ctx, input, idempotencyKey);
  }

  @Mutation(() => WorkingCalendarRow, { description: 'Adds a holiday closure, or replaces the one starting the same day' })
  upsertCalendarClosure(
    @Arg('enterpriseId', () => ID) enterpriseId: string,
    @Arg('closure', () => CalendarClosureInput) closure: CalendarClosureInput,
    @Arg('idempotencyKey') idempotencyKey: string,
    @Ctx() { ctx }: Context,
  ): Promise<WorkingCalendarRow> {
    return this.service.upsertClosure(ctx, enterpriseId, closure, idempotencyKey);
  }

  @Mutation(() => WorkingCalendarRow, { description: 'Removes the closure starting that day (yyyy-mm-dd)' })
  removeCalendarClosure(
    @Arg('enterpriseId', () => ID) enterpriseId: string,
    @Arg('from') from: string,
    @Arg('idempotencyKey') idempotencyKey: string,
    @Ctx() { ctx }: Context,
  ): Promise<WorkingCalendarRow> {
    return this.service.removeClosure(ctx, enterpriseId, from, idempotencyKey);
  }

  @Mutation(() => WorkCenter, { description: 'Adds a work center, or updates the one with the same code' })
  upsertWorkCenter(
    @Arg('input', () => WorkCenterInput) input: WorkCenterInput,
    @Arg('idempotencyKey') idempotencyKey: string,
    @Ctx() { ctx }: Context,
  ): Promise<WorkCenter> {
    return this.service.upsertWorkCenter(ctx, input, idempotencyKey);
  }

  @Mutation(() => ID, { description: 'Removes a work center by code; answers its id' })
  removeWorkCenter(
    @Arg('enterpriseId', () => ID) enterpriseId: string,
    @Arg('code') code: string,
    @Arg('idempotencyKey') idempotencyKey: string,
    @Ctx() { ctx }: Context,
  ): Promise<string> {
    return this.service.removeWorkCenter(ctx, enterpriseId, code, idempotencyKey);
  }

  @Mutation(() => StudioOperator, { description: 'Adds an operator, or updates the one with the same code' })
  upsertStudioOperator(
    @Arg('input', () => StudioOperatorInput) input: StudioOperatorInput,
    @Arg('idempotencyKey') idempotencyKey: string,
    @Ctx() { ctx }: Context,
  ): Promise<StudioOperator> {
    return this.service.upsertOperator(ctx, input, idempotencyKey);
  }

  @Mutation(() => ID, { description: 'Removes an operator by code; answers its id' })
  removeStudioOperator(
    @Arg('enterpriseId', () => ID) enterpriseId: string,
    @Arg('code') code: string,
    @Arg('idempotencyKey') idempotencyKey: string,
    @Ctx() { ctx }: Context,
  ): Promise<string> {
    return this.service.removeOperator(ctx, enterpriseId, code, idempotencyKey);
  }

  @Mutation(() => StudioOperator, { description: 'Adds days of leave to an operator' })
  addOperatorLeave(
    @Arg('enterpriseId', () => ID) enterpriseId: string,
    @Arg('code') code: string,
    @Arg('leave', () => LeaveDaysInput) leave: LeaveDaysInput,
    @Arg('idempotencyKey') idempotencyKey: string,
    @Ctx() { ctx }: Context,
  ): Promise<StudioOperator> {
    return this.service.addLeave(ctx, enterpriseId, code, leave, idempotencyKey);
  }
}
