import { Entity, Enum, OptionalProps, PrimaryKey, Property, Unique } from '@mikro-orm/core';
import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { enumOf } from '../../../platform/graphql/enums';

export const WORK_CENTER_KINDS = [
  'KILN',
  'OVEN',
  'CUTTING_TABLE',
  'SEWING_STATION',
  'WORKBENCH',
  'PAINTING_DESK',
  'PACKING_TABLE',
  'OTHER',
] as const;
export type WorkCenterKind = (typeof WORK_CENTER_KINDS)[number];
export const WorkCenterKindEnum = enumOf(WORK_CENTER_KINDS);
registerEnumType(WorkCenterKindEnum, { name: 'WorkCenterKind', description: 'What a work center is' });

/** A place work is done in batches: a kiln fires N pieces a firing, an oven bakes M trays. */
@ObjectType({ description: "A studio's work center (a kiln, an oven, a cutting table)" })
@Entity({ tableName: 'work_center' })
@Unique({ properties: ['enterpriseId', 'code'] })
export class WorkCenter {
  [OptionalProps]?: 'version';

  @Field(() => ID)
  @PrimaryKey({ type: 'string', length: 40 })
  id!: string;

  @Field(() => ID)
  @Property({ type: 'string', length: 80 })
  enterpriseId!: string;

  @Field({ description: "The studio's own code for it, unique in the studio" })
  @Property({ type: 'string', length: 40 })
  code!: string;

  @Field()
  @Property({ type: 'string', length: 80 })
  nameZh!: string;

  @Field()
  @Property({ type: 'string', length: 80 })
  nameEn!: string;

  @Field(() => WorkCenterKindEnum)
  @Enum({ items: [...WORK_CENTER_KINDS], type: 'string' })
  kind!: WorkCenterKind;

  @Field(() => Int, { description: 'Pieces (or trays) one batch takes' })
  @Property({ type: 'integer' })
  capacityPerBatch!: number;

  @Field(() => Int, { description: 'Working minutes one batch runs' })
  @Property({ type: 'integer' })
  batchMinutes!: number;

  @Field(() => Int, { description: 'Working minutes to set up before a batch' })
  @Property({ type: 'integer' })
  setupMinutes!: number;

  @Field()
  @Property({ type: 'datetime' })
  updatedAt!: Date;

  @Property({ type: 'integer', version: true })
  version!: number;
}
