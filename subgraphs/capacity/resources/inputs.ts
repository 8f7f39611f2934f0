import { ArrayMaxSize, IsOptional, Length, Max, Min } from 'class-validator';
import { Field, ID, InputType, Int } from 'type-graphql';
import { CALENDAR_LIMITS } from '../../../contracts';
import { WorkCenterKindEnum, type WorkCenterKind } from './work-center.entity';

/** Size limits of a studio's resources: rows per studio and per input. */
export const RESOURCE_LIMITS = { workCenters: 200, operators: 500, skills: 60, leave: 100 } as const;

@InputType()
export class WorkingHoursInput {
  @Field(() => Int, { description: 'ISO weekday: 1 Monday … 7 Sunday' }) weekday!: number;
  @Field({ description: 'HH:MM, China time' }) @Length(1, 5) start!: string;
  @Field({ description: 'HH:MM, after start; 24:00 is midnight' }) @Length(1, 5) end!: string;
}

@InputType()
export class CalendarClosureInput {
  @Field({ description: 'First closed day, yyyy-mm-dd' }) @Length(1, 10) from!: string;
  @Field({ description: 'Last closed day, inclusive' }) @Length(1, 10) to!: string;
  @Field(() => String, { nullable: true }) @IsOptional() nameZh?: string;
  @Field(() => String, { nullable: true }) @IsOptional() nameEn?: string;
  @Field(() => [String], { defaultValue: [], description: 'Normally closed days worked instead (调休)' })
  @ArrayMaxSize(CALENDAR_LIMITS.makeUpDaysPerClosure)
  makeUpDays!: string[];
}

@InputType()
export class WorkingCalendarInput {
  @Field(() => ID) enterpriseId!: string;
  @Field(() => [WorkingHoursInput], { description: 'Every working period of the week; a weekday without one is closed' })
  @ArrayMaxSize(CALENDAR_LIMITS.hours)
  hours!: WorkingHoursInput[];
  @Field(() => [CalendarClosureInput], {
    nullable: true,
    description: "All closures, replacing the calendar's; absent: kept (a new calendar starts with the shipped public holidays)",
  })
  @IsOptional()
  @ArrayMaxSize(CALENDAR_LIMITS.closures)
  closures?: CalendarClosureInput[] | null;
  @Field(() => Int, { defaultValue: 1, description: 'Whose hours a make-up day works (ISO weekday)' }) makeUpWeekday!: number;
}

@InputType()
export class LeaveDaysInput {
  @Field() @Length(1, 10) from!: string;
  @Field() @Length(1, 10) to!: string;
}

@InputType()
export class WorkCenterInput {
  @Field(() => ID) enterpriseId!: string;
  @Field({ description: 'Unique in the studio: the same code updates it' }) @Length(1, 40) code!: string;
  @Field() @Length(1, 80) nameZh!: string;
  @Field() @Length(1, 80) nameEn!: string;
  @Field(() => WorkCenterKindEnum) kind!: WorkCenterKind;
  @Field(() => Int) @Min(1, { message: 'capacityPerBatch must be at least 1' }) @Max(100_000) capacityPerBatch!: number;
  @Field(() => Int) @Min(1, { message: 'batchMinutes must be at least 1' }) @Max(100_000) batchMinutes!: number;
  @Field(() => Int, { defaultValue: 0 }) @Min(0, { message: 'setupMinutes must not be negative' }) @Max(100_000) setupMinutes!: number;
}

@InputType()
export class StudioOperatorInput {
  @Field(() => ID) enterpriseId!: string;
  @Field({ description: 'Unique in the studio: the same code updates the operator' }) @Length(1, 40) code!: string;
  @Field({ description: 'Shown to customers' }) @Length(1, 40) penName!: string;
  @Field({ description: 'Kept to the studio' }) @Length(1, 80) realName!: string;
  @Field(() => [String], { description: 'Stage status codes the operator may work' })
  @ArrayMaxSize(RESOURCE_LIMITS.skills)
  skills!: string[];
  @Field(() => [WorkingHoursInput], { defaultValue: [], description: "Own weekday hours; empty: the studio calendar's" })
  @ArrayMaxSize(CALENDAR_LIMITS.hours)
  shiftHours!: WorkingHoursInput[];
}

/** One row of the operators sheet, its cells as text (read and checked as upsertStudioOperator checks its input). */
@InputType({ description: 'A row of the operators sheet, its cells as text' })
export class OperatorRowInput {
  @Field(() => Int, { description: 'The row as the spreadsheet numbers it (the header is row 1)' }) row!: number;
  @Field(() => String, { nullable: true }) code?: string | null;
  @Field(() => String, { nullable: true }) penName?: string | null;
  @Field(() => String, { nullable: true }) realName?: string | null;
  @Field(() => String, { nullable: true, description: 'Stage status codes separated by ";"' }) skills?: string | null;
  @Field(() => String, {
    nullable: true,
    description: '"weekday HH:MM-HH:MM" separated by ";" (1 Monday … 7 Sunday); empty: the studio calendar',
  })
  shiftHours?: string | null;
}

/** One row of the work centers sheet, its cells as text. */
@InputType({ description: 'A row of the work centers sheet, its cells as text' })
export class WorkCenterRowInput {
  @Field(() => Int, { description: 'The row as the spreadsheet numbers it (the header is row 1)' }) row!: number;
  @Field(() => String, { nullable: true }) code?: string | null;
  @Field(() => String, { nullable: true }) nameZh?: string | null;
  @Field(() => String, { nullable: true }) nameEn?: string | null;
  @Field(() => String, { nullable: true, description: 'KILN, OVEN, CUTTING_TABLE …' }) kind?: string | null;
  @Field(() => String, { nullable: true }) capacityPerBatch?: string | null;
  @Field(() => String, { nullable: true }) batchMinutes?: string | null;
  @Field(() => String, { nullable: true, description: 'Empty: 0' }) setupMinutes?: string | null;
}

@InputType({ description: "A studio's operators and work centers from a spreadsheet, checked whole and applied all or nothing" })
export class ResourcesImportInput {
  @Field(() => ID) enterpriseId!: string;
  @Field({ description: 'Only say what would change' }) dryRun!: boolean;
  @Field(() => [OperatorRowInput], { defaultValue: [] }) operators!: OperatorRowInput[];
  @Field(() => [WorkCenterRowInput], { defaultValue: [] }) workCenters!: WorkCenterRowInput[];
}
