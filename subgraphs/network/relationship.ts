import { Entity, Enum, OptionalProps, PrimaryKey, Property } from '@mikro-orm/core';
import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { SUPPLIER_TIERS, type SupplierTier } from '../../contracts';
import { enumOf } from '../../platform/graphql/enums';

export const SupplierTierEnum = enumOf(SUPPLIER_TIERS);
// The same enum as the suppliers subgraph's (composition merges them): the tier a studio gives a supplier.
registerEnumType(SupplierTierEnum, { name: 'SupplierTier' });

/**
 * A studio names a supplier: its tier for the studio and, for a primary, the annual flexible
 * contract (a volume and a band either way). The supplier reads its own relationship and no other
 * supplier's; ending it keeps the row (endedAt) so the history stays and naming it again revives it.
 */
@ObjectType({ description: 'A supplier a studio buys from: its tier and, for a primary, the annual contract' })
@Entity({ tableName: 'supplier_relationship' })
export class SupplierRelationship {
  [OptionalProps]?: 'annualVolumeYuan' | 'flexibleBandPercent' | 'endedAt' | 'revision';

  @Field(() => ID)
  @PrimaryKey({ type: 'string', length: 80 })
  studioId!: string;

  @Field(() => ID)
  @PrimaryKey({ type: 'string', length: 80 })
  supplierId!: string;

  @Field(() => SupplierTierEnum)
  @Enum({ items: [...SUPPLIER_TIERS], type: 'string' })
  tier!: SupplierTier;

  @Field(() => Int, { nullable: true, description: "A primary's contract: the annual volume, in yuan (null for other tiers)" })
  @Property({ type: 'integer', nullable: true })
  annualVolumeYuan: number | null = null;

  @Field(() => Int, {
    nullable: true,
    description: "A primary's contract: how far either way the year's volume may move, in percent (at most 30; null for other tiers)",
  })
  @Property({ type: 'integer', nullable: true })
  flexibleBandPercent: number | null = null;

  @Field({ description: 'When the studio first named it (or named it again after ending it)' })
  @Property({ type: 'datetime' })
  since!: Date;

  @Field(() => Date, { nullable: true, description: 'When the studio ended it; null while it lasts' })
  @Property({ type: 'datetime', nullable: true })
  endedAt: Date | null = null;

  @Field(() => Int, { description: 'Grows by one with every change' })
  @Property({ type: 'integer' })
  revision: number = 1;

  @Field()
  @Property({ type: 'datetime' })
  updatedAt!: Date;
}

/**
 * A studio names a partner workshop or kitchen and the stage codes it may take for the studio:
 * the capacity allocator offers the partner only those (it learns them from this subgraph's events).
 */
@ObjectType({ description: 'A partner workshop or kitchen a studio works with, and the stage codes it may take' })
@Entity({ tableName: 'partner_relationship' })
export class PartnerRelationship {
  [OptionalProps]?: 'endedAt' | 'revision';

  @Field(() => ID)
  @PrimaryKey({ type: 'string', length: 80 })
  studioId!: string;

  @Field(() => ID)
  @PrimaryKey({ type: 'string', length: 80 })
  partnerId!: string;

  @Field(() => [String], { description: 'Stage codes of the vocabulary (or kitchen capabilities) it may take, sorted' })
  @Property({ type: 'json' })
  stageCodes: string[] = [];

  @Field({ description: 'When the studio first named it (or named it again after ending it)' })
  @Property({ type: 'datetime' })
  since!: Date;

  @Field(() => Date, { nullable: true, description: 'When the studio ended it; null while it lasts' })
  @Property({ type: 'datetime', nullable: true })
  endedAt: Date | null = null;

  @Field(() => Int, { description: 'Grows by one with every change' })
  @Property({ type: 'integer' })
  revision: number = 1;

  @Field()
  @Property({ type: 'datetime' })
  updatedAt!: Date;
}
