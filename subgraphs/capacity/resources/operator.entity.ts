import { Entity, OptionalProps, PrimaryKey, Property, Unique } from '@mikro-orm/core';
import { Field, ID, ObjectType } from 'type-graphql';
import type { LeaveDays, WorkingHours } from '../../../contracts';
import { LeaveDaysType, WorkingHoursType } from './calendar.entity';

/**
 * A studio's operator. The pen name is what customers see; the real name is personal data, kept
 * to the studio's leads (access-policy.ts), never logged nor put in events.
 */
@ObjectType('StudioOperator', { description: "A studio's operator: who may work which stages, and when" })
@Entity({ tableName: 'studio_operator' })
@Unique({ properties: ['enterpriseId', 'code'] })
export class StudioOperator {
  [OptionalProps]?: 'version' | 'skills' | 'shiftHours' | 'leave';

  @Field(() => ID)
  @PrimaryKey({ type: 'string', length: 40 })
  id!: string;

  @Field(() => ID)
  @Property({ type: 'string', length: 80 })
  enterpriseId!: string;

  @Field({ description: "The studio's own code for the operator, unique in the studio" })
  @Property({ type: 'string', length: 40 })
  code!: string;

  @Field({ description: 'Pen name, shown to customers' })
  @Property({ type: 'string', length: 40 })
  penName!: string;

  @Field(() => String, { nullable: true, description: "Real name: the studio's admins and supervisors only" })
  @Property({ type: 'string', length: 80 })
  realName!: string;

  @Field(() => [String], { description: 'Stage status codes (the vocabulary’s) the operator may work' })
  @Property({ type: 'json' })
  skills: string[] = [];

  @Field(() => [WorkingHoursType], { description: "The operator's shift: own weekday hours; empty: the studio calendar's" })
  @Property({ type: 'json' })
  shiftHours: WorkingHours[] = [];

  @Field(() => [LeaveDaysType], { description: 'Days off, on top of the studio calendar' })
  @Property({ type: 'json' })
  leave: LeaveDays[] = [];

  @Field()
  @Property({ type: 'datetime' })
  updatedAt!: Date;

  @Property({ type: 'integer', version: true })
  version!: number;
}
