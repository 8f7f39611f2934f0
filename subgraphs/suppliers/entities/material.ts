import { Entity, Enum, PrimaryKey, Property } from '@mikro-orm/core';
import { Field, Int, ObjectType, registerEnumType } from 'type-graphql';
import { enumOf } from '../../../platform/graphql/enums';

const ABC_CLASSES = ['A', 'B', 'C'] as const;
export type AbcClass = (typeof ABC_CLASSES)[number];
const AbcClassEnum = enumOf(ABC_CLASSES);
registerEnumType(AbcClassEnum, { name: 'AbcClass', description: 'A: few materials, most of the value; C: many, little' });

/** A material of the network's catalogue. Quantities are whole numbers of its unit (g, sheet, piece). */
@ObjectType({ description: 'A material studios build products from' })
@Entity({ tableName: 'material' })
export class Material {
  @Field()
  @PrimaryKey({ type: 'string', length: 60 })
  sku!: string;

  @Field()
  @Property({ type: 'string', length: 200 })
  name!: string;

  @Field({ description: 'Unit of every quantity of this material, e.g. g, sheet, piece' })
  @Property({ type: 'string', length: 20 })
  unit!: string;

  @Field(() => AbcClassEnum)
  @Enum({ items: [...ABC_CLASSES], type: 'string' })
  abcClass!: AbcClass;

  @Field(() => Int, { description: 'Catalogue cost per unit in fen; a lot may carry its own' })
  @Property({ type: 'integer' })
  unitCostCents!: number;

  @Field(() => Int, { description: 'Available stock below this flags every open order that needs the material' })
  @Property({ type: 'integer' })
  safetyStock!: number;
}

/** One line of a product's bill of materials: the studio's own recipe. */
@ObjectType({ description: 'How much of a material one unit of a product needs' })
@Entity({ tableName: 'bom_line' })
export class BomLine {
  @Field()
  @PrimaryKey({ type: 'string', length: 80 })
  productCode!: string;

  @Property({ type: 'string', length: 80 })
  studioId!: string;

  @Field()
  @PrimaryKey({ type: 'string', length: 60 })
  sku!: string;

  @Field(() => Int)
  @Property({ type: 'integer' })
  quantityPerUnit!: number;
}
