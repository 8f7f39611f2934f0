import { Entity, Enum, Index, OptionalProps, PrimaryKey, Property } from '@mikro-orm/core';
import { Field, Float, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { enumOf } from '../../../platform/graphql/enums';

export const ABC_CLASSES = ['A', 'B', 'C'] as const;
export type AbcClass = (typeof ABC_CLASSES)[number];
export const AbcClassEnum = enumOf(ABC_CLASSES);
registerEnumType(AbcClassEnum, { name: 'AbcClass', description: 'A: few materials, most of the value; C: many, little' });

/** STOCKED: kept in stock against a safety stock. MADE_TO_ORDER: locked at sale and bought per order ("pre-sale lock + buy on demand"). */
export const STOCKING_POLICIES = ['STOCKED', 'MADE_TO_ORDER'] as const;
export type StockingPolicy = (typeof STOCKING_POLICIES)[number];
export const StockingPolicyEnum = enumOf(STOCKING_POLICIES);
registerEnumType(StockingPolicyEnum, {
  name: 'StockingPolicy',
  description: 'STOCKED: kept against a safety stock and reordered; MADE_TO_ORDER: bought per order, no safety stock, no replenishment',
});

@ObjectType({ description: 'A material that may stand in for another, and how much of it replaces one unit' })
export class MaterialSubstitute {
  @Field()
  sku!: string;

  @Field(() => Float, { description: 'Units of the substitute that replace one unit of the material' })
  ratio!: number;
}

/**
 * A material of one studio's catalogue. Its SKU is unique within the studio and is also the code
 * suppliers publish stock under: studios naming the same SKU draw on the same suppliers' lots.
 * Quantities are whole numbers of its unit (g, sheet, piece).
 */
@ObjectType({ description: "A material of a studio's catalogue" })
@Entity({ tableName: 'studio_material' })
@Index({ properties: ['sku'] })
export class Material {
  [OptionalProps]?: 'stockingPolicy' | 'substitutes' | 'retiredAt' | 'revision' | 'name';

  @Field(() => ID, { description: 'The studio whose material it is' })
  @PrimaryKey({ type: 'string', length: 80 })
  studioId!: string;

  @Field()
  @PrimaryKey({ type: 'string', length: 60 })
  sku!: string;

  @Field()
  @Property({ type: 'string', length: 200 })
  nameZh!: string;

  @Field()
  @Property({ type: 'string', length: 200 })
  nameEn!: string;

  @Field({ description: 'The English and the Chinese name together', deprecationReason: 'Use nameEn and nameZh' })
  get name(): string {
    return `${this.nameEn} ${this.nameZh}`;
  }

  @Field({ description: 'Unit of every quantity of this material, e.g. g, sheet, piece' })
  @Property({ type: 'string', length: 20 })
  unit!: string;

  // The studio's terms (this and the next four): null, with FORBIDDEN, to anyone outside the studio and the hub (access-policy.ts).
  @Field(() => AbcClassEnum, { nullable: true })
  @Enum({ items: [...ABC_CLASSES], type: 'string' })
  abcClass!: AbcClass;

  @Field(() => Int, {
    nullable: true,
    description: "Catalogue cost per unit in fen; a lot may carry its own (the studio's and the hub's only)",
  })
  @Property({ type: 'integer' })
  unitCostCents!: number;

  @Field(() => Int, {
    nullable: true,
    description:
      "Available stock below this flags every open order that needs the material (0 when made to order; the studio's and the hub's only)",
  })
  @Property({ type: 'integer' })
  safetyStock!: number;

  @Field(() => StockingPolicyEnum, { nullable: true })
  @Enum({ items: [...STOCKING_POLICIES], type: 'string' })
  stockingPolicy: StockingPolicy = 'STOCKED';

  @Field(() => [MaterialSubstitute], {
    nullable: true,
    description: "Other materials of the studio that may stand in for it (the studio's and the hub's only)",
  })
  @Property({ type: 'json' })
  substitutes: MaterialSubstitute[] = [];

  @Field(() => Date, { nullable: true, description: 'When it was retired: no new bill of materials may name it' })
  @Property({ type: 'datetime', nullable: true })
  retiredAt?: Date | null = null;

  @Field(() => Int, { description: 'Grows by one with every change' })
  @Property({ type: 'integer' })
  revision: number = 1;

  @Field()
  @Property({ type: 'datetime' })
  updatedAt!: Date;
}

/** A product's bill of materials: which version is used for orders imported from now on. */
@ObjectType({ description: "A product's bill of materials: the version new orders use" })
@Entity({ tableName: 'bill_of_materials' })
export class BillOfMaterials {
  @PrimaryKey({ type: 'string', length: 80 })
  studioId!: string;

  @Field()
  @PrimaryKey({ type: 'string', length: 80 })
  productCode!: string;

  @Field(() => Int, { description: 'Grows by one each time the bill is set; orders keep what they reserved under theirs' })
  @Property({ type: 'integer' })
  version!: number;

  @Field()
  @Property({ type: 'datetime' })
  updatedAt!: Date;
}

/** One line of one version of a product's bill of materials: the studio's own recipe. */
@ObjectType({ description: 'How much of a material one unit of a product needs, and at which stage' })
@Entity({ tableName: 'bom_item' })
export class BomLine {
  @PrimaryKey({ type: 'string', length: 80 })
  studioId!: string;

  @Field()
  @PrimaryKey({ type: 'string', length: 80 })
  productCode!: string;

  @Field(() => Int)
  @PrimaryKey({ type: 'integer' })
  version!: number;

  @Field()
  @PrimaryKey({ type: 'string', length: 60 })
  sku!: string;

  @Field(() => Int)
  @Property({ type: 'integer' })
  quantityPerUnit!: number;

  @Field({ description: 'The stage status code whose completion consumes it' })
  @Property({ type: 'string', length: 20 })
  stageCode!: string;
}
