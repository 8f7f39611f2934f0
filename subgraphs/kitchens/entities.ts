import { Directive, Field, Float, ID, Int, ObjectType } from 'type-graphql';
import { Entity, Enum, Index, OptionalProps, PrimaryKey, Property, Unique } from '@mikro-orm/core';

/** A cloud kitchen's terms: what it is certified for and how far it delivers. */
@ObjectType({ description: "A cloud kitchen's certifications, cold chain and delivery radius" })
@Entity({ tableName: 'cloud_kitchen' })
export class CloudKitchen {
  @Field(() => ID, { description: 'The enterprise id' })
  @PrimaryKey({ type: 'string', length: 80 })
  id!: string;

  @Field(() => [String])
  @Property({ type: 'json' })
  certifications: string[] = [];

  @Field()
  @Property({ type: 'boolean' })
  coldChain!: boolean;

  @Field(() => Int)
  @Property({ type: 'integer' })
  deliveryRadiusKm!: number;

  @Field()
  @Property({ type: 'string', length: 40 })
  region!: string;
}

/** The network's Enterprise, extended here with its kitchen terms. */
@Directive('@key(fields: "id")')
@ObjectType('Enterprise')
export class EnterpriseKitchen {
  @Field(() => ID)
  id!: string;
}

/** A pastry subscription tier (88 / 168 / 288 CNY a box). */
@ObjectType({ description: 'A subscription plan of a pastry studio' })
@Entity({ tableName: 'subscription_plan' })
export class SubscriptionPlan {
  @Field(() => ID)
  @PrimaryKey({ type: 'string', length: 60 })
  id!: string;

  @Field(() => ID)
  @Property({ type: 'string', length: 80 })
  studioId!: string;

  @Field()
  @Property({ type: 'string', length: 120 })
  name!: string;

  @Field(() => Int, { description: 'Per box, in fen' })
  @Property({ type: 'integer' })
  priceCents!: number;

  @Field(() => [String])
  @Property({ type: 'json' })
  contents: string[] = [];

  @Field(() => Int)
  @Property({ type: 'integer' })
  boxesPerWeek!: number;
}

const SUBSCRIPTION_STATUSES = ['ACTIVE', 'CANCELLED'] as const;

/** One subscriber of a plan (no personal data: the studio keeps who they are). */
@Entity({ tableName: 'subscription' })
@Index({ properties: ['planId', 'status'] })
export class Subscription {
  @PrimaryKey({ type: 'string', length: 40 })
  id!: string;

  @Property({ type: 'string', length: 60 })
  planId!: string;

  @Property({ type: 'string', length: 80 })
  studioId!: string;

  @Enum({ items: [...SUBSCRIPTION_STATUSES], type: 'string' })
  status!: (typeof SUBSCRIPTION_STATUSES)[number];

  @Property({ type: 'string', length: 10 })
  startedOn!: string;

  @Property({ type: 'string', length: 10, nullable: true })
  endedOn?: string | null;
}

/** One production cycle (a week) of a studio's subscription boxes. */
@ObjectType({ description: 'A fulfilment cycle: boxes planned, produced, delivered and wasted' })
@Entity({ tableName: 'fulfillment_cycle' })
@Unique({ properties: ['studioId', 'period'] })
export class FulfillmentCycle {
  [OptionalProps]?: 'fulfilmentRate' | 'wasteRate';

  @Field(() => ID)
  @PrimaryKey({ type: 'string', length: 40 })
  id!: string;

  @Field(() => ID)
  @Property({ type: 'string', length: 80 })
  studioId!: string;

  @Field({ description: 'ISO week, e.g. 2026-W47' })
  @Property({ type: 'string', length: 10 })
  period!: string;

  @Field(() => Int)
  @Property({ type: 'integer' })
  planned!: number;

  @Field(() => Int)
  @Property({ type: 'integer' })
  produced!: number;

  @Field(() => Int)
  @Property({ type: 'integer' })
  delivered!: number;

  @Field(() => Int)
  @Property({ type: 'integer' })
  wasted!: number;

  @Field(() => Float, { nullable: true, description: 'Delivered / planned' })
  get fulfilmentRate(): number | null {
    return this.planned > 0 ? Math.round((this.delivered / this.planned) * 10_000) / 10_000 : null;
  }

  @Field(() => Float, { nullable: true, description: 'Wasted / produced' })
  get wasteRate(): number | null {
    return this.produced > 0 ? Math.round((this.wasted / this.produced) * 10_000) / 10_000 : null;
  }
}

@ObjectType({ description: 'Boxes planned for one weekday' })
export class PlannedDay {
  @Field({ description: 'MON … SUN' })
  day!: string;

  @Field(() => Int)
  boxes!: number;
}

/** The week's production plan, with a flexible day that absorbs surges. */
@ObjectType({ description: "A studio's weekly production plan, with its flexible day" })
@Entity({ tableName: 'weekly_plan' })
export class WeeklyProductionPlan {
  @Field(() => ID)
  @PrimaryKey({ type: 'string', length: 40 })
  id!: string;

  @Field(() => ID)
  @Property({ type: 'string', length: 80 })
  studioId!: string;

  @Field({ description: 'Monday of the week (yyyy-mm-dd)' })
  @Property({ type: 'string', length: 10 })
  weekStart!: string;

  @Field(() => [PlannedDay])
  @Property({ type: 'json' })
  days: PlannedDay[] = [];

  @Field({ description: 'The day opened for surges' })
  @Property({ type: 'string', length: 3 })
  flexibleDay!: string;
}
