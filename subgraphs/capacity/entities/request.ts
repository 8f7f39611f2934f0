import { Entity, Enum, Index, OptionalProps, PrimaryKey, Property } from '@mikro-orm/core';
import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { enumOf } from '../../../platform/graphql/enums';

const REQUEST_STATUSES = ['OPEN', 'PARTIAL', 'ALLOCATED', 'CANCELLED'] as const;
export type RequestStatus = (typeof REQUEST_STATUSES)[number];
export const RequestStatusEnum = enumOf(REQUEST_STATUSES);
registerEnumType(RequestStatusEnum, { name: 'OverflowRequestStatus' });

const UNMET_REASONS = ['NO_OFFER', 'NOT_SHARED', 'QUALITY', 'PRICE_CAP', 'DATES', 'CAPACITY'] as const;
export const UnmetReasonEnum = enumOf(UNMET_REASONS);
registerEnumType(UnmetReasonEnum, {
  name: 'UnmetReason',
  description: 'The condition no offer met, from the broadest down; CAPACITY: eligible offers were full',
});

const ALLOCATION_STATUSES = ['ACTIVE', 'DECLINED', 'RELEASED'] as const;
export type AllocationStatus = (typeof ALLOCATION_STATUSES)[number];
export const AllocationStatusEnum = enumOf(ALLOCATION_STATUSES);
registerEnumType(AllocationStatusEnum, { name: 'AllocationStatus' });

/** Work a studio cannot do itself in time: an order stage (whole) or kitchen boxes (splittable). */
@ObjectType({ description: 'Overflow work a studio asks the network to take' })
@Entity({ tableName: 'overflow_request' })
@Index({ properties: ['studioId', 'status'] })
export class OverflowRequest {
  [OptionalProps]?: 'version' | 'status' | 'unmetUnits' | 'unmetReason';

  @Field(() => ID)
  @PrimaryKey({ type: 'string', length: 40 })
  id!: string;

  @Field(() => ID)
  @Property({ type: 'string', length: 80 })
  studioId!: string;

  @Field()
  @Property({ type: 'string', length: 40 })
  capability!: string;

  @Field(() => Int)
  @Property({ type: 'integer' })
  units!: number;

  @Field({ description: 'An order stage: goes whole to one partner on one day' })
  @Property({ type: 'boolean' })
  indivisible!: boolean;

  @Field(() => ID, { nullable: true })
  @Property({ type: 'string', length: 40, nullable: true })
  orderId?: string | null;

  @Field(() => ID, { nullable: true })
  @Property({ type: 'string', length: 40, nullable: true })
  stageRunId?: string | null;

  @Field()
  @Property({ type: 'string', length: 10 })
  earliestStart!: string;

  @Field()
  @Property({ type: 'string', length: 10 })
  dueDate!: string;

  @Field(() => Int, { description: 'Most it may cost per unit, in fen' })
  @Property({ type: 'integer' })
  priceCapCents!: number;

  @Field({ description: 'Least quality score an offer must have' })
  @Property({ type: 'double' })
  minQuality!: number;

  @Field(() => RequestStatusEnum)
  @Enum({ items: [...REQUEST_STATUSES], type: 'string' })
  status: RequestStatus = 'OPEN';

  @Field(() => Int, { description: 'Units the last allocation could not place' })
  @Property({ type: 'integer' })
  unmetUnits: number = 0;

  @Field(() => UnmetReasonEnum, { nullable: true })
  @Property({ type: 'string', length: 20, nullable: true })
  unmetReason?: string | null = null;

  /** The surge (by its idempotency key) this request came from. */
  @Property({ type: 'string', length: 200, nullable: true })
  surgeKey?: string | null;

  @Field()
  @Property({ type: 'datetime' })
  createdAt!: Date;

  @Property({ type: 'integer', version: true })
  version!: number;
}

/** Units of a request placed on an offer's day. */
@ObjectType({ description: 'Units of an overflow request placed with a partner on a day' })
@Entity({ tableName: 'allocation' })
@Index({ properties: ['requestId'] })
@Index({ properties: ['enterpriseId', 'status'] })
@Index({ properties: ['orderId'] })
export class Allocation {
  [OptionalProps]?: 'started';

  @Field(() => ID)
  @PrimaryKey({ type: 'string', length: 40 })
  id!: string;

  @Field(() => ID)
  @Property({ type: 'string', length: 40 })
  requestId!: string;

  @Field(() => ID)
  @Property({ type: 'string', length: 40 })
  offerId!: string;

  /** The partner or kitchen doing the work. */
  @Field(() => ID)
  @Property({ type: 'string', length: 80 })
  enterpriseId!: string;

  @Field(() => ID)
  @Property({ type: 'string', length: 80 })
  studioId!: string;

  @Field(() => ID, { nullable: true })
  @Property({ type: 'string', length: 40, nullable: true })
  orderId?: string | null;

  @Field(() => ID, { nullable: true })
  @Property({ type: 'string', length: 40, nullable: true })
  stageRunId?: string | null;

  @Field()
  @Property({ type: 'string', length: 40 })
  capability!: string;

  @Field()
  @Property({ type: 'string', length: 10 })
  day!: string;

  @Field(() => Int)
  @Property({ type: 'integer' })
  units!: number;

  @Field(() => Int)
  @Property({ type: 'integer' })
  unitPriceCents!: number;

  @Field(() => Int, { description: 'Days after the due date' })
  @Property({ type: 'integer' })
  daysLate!: number;

  @Field(() => AllocationStatusEnum)
  @Enum({ items: [...ALLOCATION_STATUSES], type: 'string' })
  status!: AllocationStatus;

  /** The partner started the stage: it can no longer decline. */
  @Field()
  @Property({ type: 'boolean' })
  started: boolean = false;

  @Field()
  @Property({ type: 'datetime' })
  createdAt!: Date;
}
