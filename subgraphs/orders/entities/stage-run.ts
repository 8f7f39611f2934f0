import { Entity, Enum, Index, PrimaryKey, Property, OptionalProps } from '@mikro-orm/core';
import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { enumOf } from '../../../platform/graphql/enums';
import { QC_RESULTS, QcResult, STAGE_STATUSES, StageStatus } from '../lifecycle/states';

export const StageStatusEnum = enumOf(STAGE_STATUSES);
export const QcResultEnum = enumOf(QC_RESULTS);
registerEnumType(StageStatusEnum, { name: 'StageStatus' });
registerEnumType(QcResultEnum, { name: 'QcResult' });

@ObjectType({ description: 'A reading taken while a stage ran, e.g. kiln temperature or humidity' })
export class EnvironmentReading {
  @Field()
  name!: string;

  @Field()
  value!: number;

  @Field()
  unit!: string;

  @Field()
  recordedAt!: Date;
}

@ObjectType({ description: 'A process parameter; trade-secret ones never leave the studio' })
export class ProcessParameter {
  @Field()
  name!: string;

  @Field()
  value!: string;

  @Field()
  tradeSecret!: boolean;
}

/** One stage of one order's route, as it actually ran. */
@ObjectType({ description: 'One stage of an order route, as planned and as it ran' })
@Entity({ tableName: 'stage_run' })
@Index({ properties: ['orderId', 'position'] })
@Index({ properties: ['studioId', 'status'] })
// A holder's running stages are counted at every start and forecast (its load).
@Index({ properties: ['assignedToId', 'status'] })
export class StageRun {
  [OptionalProps]?: 'environment' | 'processParameters' | 'photoUrls' | 'qcCheckpoint' | 'status' | 'partnerAllowed';

  @Field(() => ID)
  @PrimaryKey({ type: 'string', length: 40 })
  id!: string;

  @Property({ type: 'string', length: 40 })
  orderId!: string;

  /** The studio that owns the order (denormalised for the kanban and row rules). */
  @Property({ type: 'string', length: 80 })
  studioId!: string;

  @Field(() => Int, { description: 'Place in the route, from 1' })
  @Property({ type: 'integer' })
  position!: number;

  @Field({ description: 'The status code this stage reaches, e.g. C50' })
  @Property({ type: 'string', length: 20 })
  code!: string;

  @Field(() => Int)
  @Property({ type: 'integer' })
  standardMinutes!: number;

  @Field(() => StageStatusEnum)
  @Enum({ items: [...STAGE_STATUSES], type: 'string' })
  status: StageStatus = 'PENDING';

  @Field(() => Date, { nullable: true, description: 'When the stage is planned to be done' })
  @Property({ type: 'datetime', nullable: true })
  dueAt?: Date | null;

  @Field(() => Date, { nullable: true })
  @Property({ type: 'datetime', nullable: true })
  startedAt?: Date | null;

  @Field(() => Date, { nullable: true })
  @Property({ type: 'datetime', nullable: true })
  finishedAt?: Date | null;

  @Field(() => String, { nullable: true, description: "The operator's real name: shown inside the studio only" })
  @Property({ type: 'string', length: 120, nullable: true })
  operatorName?: string | null;

  @Field(() => String, { nullable: true, description: "The operator's pen name: what partners and customers (DETAILED) see" })
  @Property({ type: 'string', length: 120, nullable: true })
  operatorPenName?: string | null;

  /** The holder's stages in progress when this one started: the load the forecasts learn waits from. */
  @Property({ type: 'integer', nullable: true })
  loadAtStart?: number | null;

  /** The enterprise that holds the stage: the studio, unless allocated to a partner. */
  @Property({ type: 'string', length: 80 })
  assignedToId!: string;

  @Field(() => [EnvironmentReading])
  @Property({ type: 'json' })
  environment: EnvironmentReading[] = [];

  @Field(() => [ProcessParameter], { nullable: true, description: 'Trade-secret parameters never leave the studio' })
  @Property({ type: 'json' })
  processParameters: ProcessParameter[] = [];

  @Field(() => [String])
  @Property({ type: 'json' })
  photoUrls: string[] = [];

  @Field()
  @Property({ type: 'boolean' })
  qcCheckpoint: boolean = false;

  /** Copied from the route version at import (or given to changeRoute): never looked up again. */
  @Field(() => String, { nullable: true, description: 'The work center the stage needs (copied from its route)' })
  @Property({ type: 'string', length: 40, nullable: true })
  workCenterCode?: string | null;

  @Field(() => String, { nullable: true, description: 'The stage code an operator must have among their skills to work it' })
  @Property({ type: 'string', length: 20, nullable: true })
  skill?: string | null;

  @Field(() => Boolean, { nullable: true, description: 'Whether the studio may hand the stage to a partner workshop' })
  @Property({ type: 'boolean' })
  partnerAllowed: boolean = true;

  @Field(() => QcResultEnum, { nullable: true })
  @Enum({ items: [...QC_RESULTS], type: 'string', nullable: true })
  qcResult?: QcResult | null;

  @Field(() => String, { nullable: true })
  @Property({ type: 'string', length: 1000, nullable: true })
  qcNote?: string | null;

  @Field(() => String, { nullable: true, description: 'Why the stage was skipped or cancelled' })
  @Property({ type: 'string', length: 500, nullable: true })
  cancelReason?: string | null;
}
