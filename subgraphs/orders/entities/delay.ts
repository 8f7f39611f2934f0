import { Entity, Enum, Index, OptionalProps, PrimaryKey, Property, Unique } from '@mikro-orm/core';
import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { DELAY_CHOICES, type DelayChoice } from '../../../contracts';
import { enumOf } from '../../../platform/graphql/enums';

const DELAY_ALERT_STATUSES = ['OPEN', 'CLOSED'] as const;
export type DelayAlertStatus = (typeof DELAY_ALERT_STATUSES)[number];
export const DelayAlertStatusEnum = enumOf(DELAY_ALERT_STATUSES);
export const DelayChoiceEnum = enumOf(DELAY_CHOICES);
registerEnumType(DelayAlertStatusEnum, { name: 'DelayAlertStatus', description: 'OPEN while the stage runs; CLOSED when it completes' });
registerEnumType(DelayChoiceEnum, {
  name: 'DelayChoice',
  description: 'A customer answer to a delay notice: accept the delay, cancel the rush on this stage, or ask to be contacted',
});

/**
 * A stage running past a threshold of its standard duration: 30 % alerts the studio's
 * supervisors, 50 % is a notice to the customer. One per stage run and threshold, however many
 * evaluations or instances race (the unique key decides).
 */
@ObjectType('Alert', { description: 'A delay alert on a running stage (30 %: supervisors; 50 %: a notice to the customer)' })
@Entity({ tableName: 'delay_alert' })
@Unique({ properties: ['stageRunId', 'threshold'] })
@Index({ properties: ['studioId', 'status'] })
export class DelayAlert {
  [OptionalProps]?: 'status';

  @Field(() => ID)
  @PrimaryKey({ type: 'string', length: 40 })
  id!: string;

  @Property({ type: 'string', length: 80 })
  studioId!: string;

  @Field(() => ID)
  @Index()
  @Property({ type: 'string', length: 40 })
  orderId!: string;

  @Field(() => ID)
  @Property({ type: 'string', length: 40 })
  stageRunId!: string;

  /** The stage's status code (resolved to the vocabulary's StatusCode). */
  @Property({ type: 'string', length: 20 })
  stageCode!: string;

  @Field(() => Int, { description: 'Percent over the standard duration that raised it: 30 or 50' })
  @Property({ type: 'integer' })
  threshold!: number;

  @Field(() => DelayAlertStatusEnum)
  @Enum({ items: () => DELAY_ALERT_STATUSES, default: 'OPEN' })
  status: DelayAlertStatus = 'OPEN';

  @Field()
  @Property({ type: 'datetime' })
  raisedAt!: Date;

  @Field(() => Date, { nullable: true })
  @Property({ type: 'datetime', nullable: true })
  closedAt?: Date | null;

  @Field(() => Int, { description: 'How far over its standard duration the stage was when this was raised, in percent' })
  @Property({ type: 'integer' })
  overrunPercent!: number;

  @Field(() => String, { nullable: true, description: 'The open exception reported on the order, if any: the reason given' })
  @Property({ type: 'string', length: 20, nullable: true })
  reasonCode?: string | null;

  @Field(() => [String], { description: 'What the studio offers for the delay (customer notices)' })
  @Property({ type: 'json' })
  compensationOptions!: string[];

  @Field(() => DelayChoiceEnum, { nullable: true })
  @Enum({ items: () => DELAY_CHOICES, nullable: true })
  customerResponse?: DelayChoice | null;

  @Field(() => Date, { nullable: true })
  @Property({ type: 'datetime', nullable: true })
  respondedAt?: Date | null;

  @Field(() => String, { nullable: true, description: 'The compensation option the customer picked with their answer, if any' })
  @Property({ type: 'string', length: 200, nullable: true })
  chosenCompensation?: string | null;
}

/** What a studio offers customers whose stage runs late (a discount, gift wrap, faster shipping …). */
@ObjectType({ description: "A studio's delay compensation offer" })
@Entity({ tableName: 'delay_policy' })
export class DelayPolicy {
  @Field(() => ID)
  @PrimaryKey({ type: 'string', length: 80 })
  studioId!: string;

  @Field(() => [String])
  @Property({ type: 'json' })
  compensationOptions!: string[];
}
