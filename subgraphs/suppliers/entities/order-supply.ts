import { Entity, Enum, Index, OptionalProps, PrimaryKey, Property, Unique } from '@mikro-orm/core';
import { Directive, Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { STATUS, VISIBILITY_TIERS, type VisibilityTier } from '../../../contracts';
import { enumOf } from '../../../platform/graphql/enums';

/** How safe an order's material is, worst last. */
const MATERIAL_STATUSES = ['AVAILABLE', 'ON_ORDER', 'LOW', 'SHORT'] as const;
export type MaterialStatus = (typeof MATERIAL_STATUSES)[number];
export const MaterialStatusEnum = enumOf(MATERIAL_STATUSES);
registerEnumType(MaterialStatusEnum, {
  name: 'MaterialStatus',
  description:
    'AVAILABLE: reserved in full; LOW: reserved, but stock is below safety stock; ON_ORDER: short, covered by an open purchase order; SHORT: not enough stock',
});

export const worstStatus = (statuses: readonly MaterialStatus[]): MaterialStatus | null =>
  statuses.reduce<MaterialStatus | null>(
    (worst, status) => (worst === null || MATERIAL_STATUSES.indexOf(status) > MATERIAL_STATUSES.indexOf(worst) ? status : worst),
    null,
  );

/**
 * What this subgraph knows of an order, learnt from the orders subgraph's events: whose it is,
 * the customer tier cap (for customers' row rules here), and whether it is still open.
 */
@Directive('@key(fields: "id")')
@ObjectType('Order')
@Entity({ tableName: 'order_supply' })
export class OrderSupply {
  [OptionalProps]?: 'open';

  @Field(() => ID)
  @PrimaryKey({ type: 'string', length: 40 })
  id!: string;

  @Property({ type: 'string', length: 80 })
  studioId!: string;

  @Enum({ items: [...VISIBILITY_TIERS], type: 'string' })
  customerTierMax!: VisibilityTier;

  @Property({ type: 'boolean' })
  open: boolean = true;

  @Property({ type: 'datetime' })
  createdAt!: Date;
}

/** One material of one order: what its bill of materials needs, and how much is held. */
@ObjectType({ description: 'A material an order needs, and how safe it is' })
@Entity({ tableName: 'order_material' })
@Unique({ properties: ['orderId', 'sku'] })
@Index({ properties: ['sku', 'open'] })
export class OrderMaterial {
  [OptionalProps]?: 'reserved' | 'consumed' | 'open' | 'expectedAt' | 'stageCode';

  @PrimaryKey({ type: 'string', length: 40 })
  id!: string;

  @Property({ type: 'string', length: 40 })
  orderId!: string;

  @Property({ type: 'string', length: 80 })
  studioId!: string;

  @Field()
  @Property({ type: 'string', length: 60 })
  sku!: string;

  @Field(() => Int)
  @Property({ type: 'integer' })
  required!: number;

  @Field({ description: 'The stage whose completion consumes it (from the bill of materials the order was imported under)' })
  @Property({ type: 'string', length: 20, default: STATUS.MATERIAL_PREPARATION })
  stageCode: string = STATUS.MATERIAL_PREPARATION;

  @Field(() => Int)
  @Property({ type: 'integer' })
  reserved: number = 0;

  @Field(() => Int)
  @Property({ type: 'integer' })
  consumed: number = 0;

  @Field(() => MaterialStatusEnum)
  @Enum({ items: [...MATERIAL_STATUSES], type: 'string' })
  status!: MaterialStatus;

  @Field(() => Date, { nullable: true, description: 'When an open purchase order is expected to bring it (ON_ORDER)' })
  @Property({ type: 'datetime', nullable: true })
  expectedAt?: Date | null = null;

  /** Still needed: the order is open and the material not yet consumed. */
  @Property({ type: 'boolean' })
  open: boolean = true;

  @Property({ type: 'datetime' })
  createdAt!: Date;
}
