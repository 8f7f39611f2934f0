import { Entity, Enum, PrimaryKey, Property } from '@mikro-orm/core';
import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { SUPPLIER_TIERS, type SupplierTier } from '../../../contracts';
import { enumOf } from '../../../platform/graphql/enums';

/** Who is asked first: the annual flexible contract, then the secondary, then the emergency pool (contracts/relationships.ts). */
export { SUPPLIER_TIERS, type SupplierTier };
export const SupplierTierEnum = enumOf(SUPPLIER_TIERS);
registerEnumType(SupplierTierEnum, { name: 'SupplierTier' });

/** What makes a network enterprise a supplier (the Enterprise itself lives in the network subgraph). */
@ObjectType('Supplier', { description: "A supplier's terms: what it supplies, how fast" })
@Entity({ tableName: 'supplier' })
export class Supplier {
  @Field(() => ID, { description: 'The enterprise id' })
  @PrimaryKey({ type: 'string', length: 80 })
  id!: string;

  /** The tier it was given before tiers became each studio's (StudioSupplier): read by nothing here any more. */
  @Field(() => SupplierTierEnum, {
    deprecationReason: "A supplier's tier is each studio's: the network's supplierRelationships, or a reorder suggestion's supplierTier",
  })
  @Enum({ items: [...SUPPLIER_TIERS], type: 'string' })
  tier!: SupplierTier;

  @Field(() => [String], { description: 'Material categories, e.g. clay, gold-leaf' })
  @Property({ type: 'json' })
  categories: string[] = [];

  @Field(() => [String], { description: 'The skus it supplies' })
  @Property({ type: 'json' })
  skus: string[] = [];

  @Field(() => Int)
  @Property({ type: 'integer' })
  leadTimeDays!: number;

  /** The highest inventory batch sequence accepted from this supplier. */
  @Field(() => Int, { description: 'The highest inventory batch sequence published so far' })
  @Property({ type: 'integer' })
  lastSequence: number = 0;
}
