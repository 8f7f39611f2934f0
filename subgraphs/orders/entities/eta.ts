import { Entity, Enum, Index, PrimaryKey, Property } from '@mikro-orm/core';
import { Field, Float, Int, ObjectType, registerEnumType } from 'type-graphql';
import { enumOf } from '../../../platform/graphql/enums';
import type { EtaBasis as ModelBasis, EtaMethod, SampleKind } from '../eta/model';

const ETA_METHODS = ['HISTORY', 'PARTLY_HISTORY', 'STANDARD_DURATIONS'] as const satisfies readonly EtaMethod[];
const EtaMethodEnum = enumOf(ETA_METHODS);
registerEnumType(EtaMethodEnum, {
  name: 'EtaMethod',
  description:
    'HISTORY: every remaining stage from completed runs like it; PARTLY_HISTORY: some from standard durations (history thin); STANDARD_DURATIONS: too little history yet',
});

/**
 * One completed stage run (or one delivery) as the forecasts learn from it: written when the
 * stage completes (or the order is delivered), kept apart from the live rows so the demo and
 * imports can carry history without carrying its orders.
 */
@Entity({ tableName: 'duration_record' })
@Index({ properties: ['studioId', 'finishedAt'] })
export class DurationRecord {
  /** The stage run's id, or `dlv:<order id>` for a delivery. */
  @PrimaryKey({ type: 'string', length: 60 })
  id!: string;

  @Property({ type: 'string', length: 80 })
  studioId!: string;

  @Property({ type: 'string', length: 40 })
  productType!: string;

  @Enum({ items: ['STAGE', 'DELIVERY'], type: 'string' })
  kind!: SampleKind;

  @Property({ type: 'string', length: 20 })
  code!: string;

  /** Who ran it (inside the studio only; never leaves this table). */
  @Property({ type: 'string', length: 120, nullable: true })
  operator?: string | null;

  @Property({ type: 'integer' })
  standardMinutes!: number;

  @Property({ type: 'double' })
  actualMinutes!: number;

  @Property({ type: 'double' })
  waitMinutes!: number;

  @Property({ type: 'integer' })
  load!: number;

  @Property({ type: 'datetime' })
  finishedAt!: Date;
}

/** An order's latest forecast, and the one customers were last told of. */
@Entity({ tableName: 'order_eta' })
export class OrderEta {
  @PrimaryKey({ type: 'string', length: 40 })
  orderId!: string;

  @Property({ type: 'datetime' })
  completionMedian!: Date;

  @Property({ type: 'datetime' })
  completionBound!: Date;

  @Property({ type: 'datetime' })
  deliveryMedian!: Date;

  @Property({ type: 'datetime' })
  deliveryBound!: Date;

  @Property({ type: 'datetime' })
  computedAt!: Date;

  @Property({ type: 'json' })
  basis!: ModelBasis;

  /** What the last `order.eta.changed` said: a new forecast is published when it moves enough. */
  @Property({ type: 'datetime', nullable: true })
  publishedCompletionBound?: Date | null;

  @Property({ type: 'datetime', nullable: true })
  publishedDeliveryBound?: Date | null;
}

@ObjectType({ description: 'When something is likely to happen: the median, and the date it is 90 % likely to happen before' })
export class EtaRange {
  @Field({ description: 'As likely before as after' })
  median!: Date;

  @Field({ description: '90 % likely before this' })
  likelyBefore!: Date;
}

@ObjectType({ description: 'What a forecast rests on' })
export class EtaBasis {
  @Field(() => EtaMethodEnum)
  method!: EtaMethod;

  @Field(() => Int, { description: 'Remaining stages forecast from history' })
  stagesFromHistory!: number;

  @Field(() => Int)
  stagesRemaining!: number;

  @Field(() => Int, { description: 'Completed runs of those stages behind the forecast' })
  samples!: number;

  @Field({ description: 'Adjusted for the pace of the operator working the order' })
  operatorAdjusted!: boolean;

  @Field(() => Float, {
    nullable: true,
    description: "The studio's work in progress now over its usual level (the wait before each stage grows with it)",
  })
  loadFactor!: number | null;

  @Field()
  note!: string;
}

@ObjectType({ description: "An order's predicted completion (its route done) and delivery, re-estimated as it moves" })
export class Eta {
  @Field(() => EtaRange, { description: 'When the last stage of the route is done' })
  completion!: EtaRange;

  @Field(() => EtaRange)
  delivery!: EtaRange;

  @Field(() => Float, { description: 'The confidence of `likelyBefore`: 0.9' })
  confidence!: number;

  @Field()
  computedAt!: Date;

  @Field(() => EtaBasis)
  basis!: EtaBasis;

  @Field({ description: 'For people: "90 % likely delivered before 5 Dec" (dates in China Standard Time)' })
  statement!: string;
}
