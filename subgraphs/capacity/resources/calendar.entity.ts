import { Entity, OptionalProps, PrimaryKey, Property } from '@mikro-orm/core';
import { Field, ID, Int, ObjectType } from 'type-graphql';
import type { CalendarClosure, LeaveDays, WorkingCalendar, WorkingHours } from '../../../contracts';

@ObjectType('WorkingHours', { description: 'A working period of one weekday, China time (UTC+8)' })
export class WorkingHoursType implements WorkingHours {
  @Field(() => Int, { description: 'ISO weekday: 1 Monday … 7 Sunday' })
  weekday!: number;

  @Field({ description: 'HH:MM, inclusive' })
  start!: string;

  @Field({ description: 'HH:MM, exclusive; 24:00 is midnight' })
  end!: string;
}

@ObjectType('CalendarClosure', { description: 'Days closed (a holiday) and the normally closed days worked instead (调休)' })
export class CalendarClosureType implements CalendarClosure {
  @Field({ description: 'First closed day, yyyy-mm-dd (China date)' })
  from!: string;

  @Field({ description: 'Last closed day, inclusive' })
  to!: string;

  @Field(() => String, { nullable: true })
  nameZh?: string;

  @Field(() => String, { nullable: true })
  nameEn?: string;

  @Field(() => [String], { description: "Make-up working days, worked with the hours of the calendar's makeUpWeekday" })
  makeUpDays!: string[];
}

@ObjectType('LeaveDays', { description: 'Days a resource does not work, inclusive (China dates)' })
export class LeaveDaysType implements LeaveDays {
  @Field()
  from!: string;

  @Field()
  to!: string;
}

/**
 * A studio's working calendar: its weekday hours and its closures (the shipped public holidays,
 * as the studio adjusted them, and its own). One per studio; the arithmetic is contracts/working-time.ts.
 */
@ObjectType('WorkingCalendar', { description: "A studio's working calendar, China time" })
@Entity({ tableName: 'working_calendar' })
export class WorkingCalendarRow implements WorkingCalendar {
  [OptionalProps]?: 'version' | 'hours' | 'closures' | 'makeUpWeekday';

  @Field(() => ID)
  @PrimaryKey({ type: 'string', length: 80 })
  enterpriseId!: string;

  @Field(() => [WorkingHoursType])
  @Property({ type: 'json' })
  hours: WorkingHours[] = [];

  @Field(() => [CalendarClosureType], { description: 'Oldest first' })
  @Property({ type: 'json' })
  closures: CalendarClosure[] = [];

  @Field(() => Int, { description: 'Whose hours a make-up day works (ISO weekday)' })
  @Property({ type: 'integer' })
  makeUpWeekday = 1;

  @Field()
  @Property({ type: 'datetime' })
  updatedAt!: Date;

  @Property({ type: 'integer', version: true })
  version!: number;
}
