import { Entity, PrimaryKey, Property } from '@mikro-orm/core';
import { Field, Int, ObjectType } from 'type-graphql';

@ObjectType({ description: 'The hourly labour rate of one stage code' })
export class StageRate {
  @Field()
  code!: string;

  @Field(() => Int, { description: 'Fen per hour' })
  hourlyRateCents!: number;
}

/** How a studio costs its work: labour per stage hour, overhead as a share of labour. */
@ObjectType({ description: "A studio's costing: labour rates per stage and the overhead share" })
@Entity({ tableName: 'studio_cost_profile' })
export class StudioCostProfile {
  @PrimaryKey({ type: 'string', length: 80 })
  studioId!: string;

  @Field(() => Int, { description: 'Fen per hour for stages without their own rate' })
  @Property({ type: 'integer' })
  defaultHourlyRateCents!: number;

  @Field(() => [StageRate])
  @Property({ type: 'json' })
  stageRates: StageRate[] = [];

  @Field(() => Int, { description: 'Overhead as a percentage of labour' })
  @Property({ type: 'integer' })
  overheadPercent!: number;

  @Field()
  @Property({ type: 'datetime' })
  updatedAt!: Date;
}
