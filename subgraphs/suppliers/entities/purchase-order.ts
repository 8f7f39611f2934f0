import { Entity, Enum, Index, OptionalProps, PrimaryKey, Property } from '@mikro-orm/core';
import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { enumOf } from '../../../platform/graphql/enums';

const PURCHASE_ORDER_STATUSES = ['PLACED', 'CONFIRMED', 'SHIPPED', 'RECEIVED', 'CANCELLED'] as const;
export type PurchaseOrderStatus = (typeof PURCHASE_ORDER_STATUSES)[number];
export const PurchaseOrderStatusEnum = enumOf(PURCHASE_ORDER_STATUSES);
registerEnumType(PurchaseOrderStatusEnum, { name: 'PurchaseOrderStatus' });

/** The purchase-order lifecycle, as data: a supplier may ship without confirming first; goods on their way are no longer cancelled. */
export const PURCHASE_ORDER_TRANSITIONS: Readonly<Record<PurchaseOrderStatus, readonly PurchaseOrderStatus[]>> = Object.freeze({
  PLACED: ['CONFIRMED', 'SHIPPED', 'CANCELLED'],
  CONFIRMED: ['SHIPPED', 'RECEIVED', 'CANCELLED'],
  SHIPPED: ['RECEIVED'],
  RECEIVED: [],
  CANCELLED: [],
});
/** Still to arrive: what counts as on order. */
export const OPEN_PURCHASE_ORDER: readonly PurchaseOrderStatus[] = ['PLACED', 'CONFIRMED', 'SHIPPED'];

@ObjectType({ description: 'A line of a purchase order' })
export class PurchaseOrderLine {
  @Field()
  sku!: string;

  @Field(() => Int)
  quantity!: number;
}

@ObjectType({ description: 'What a supplier shipped against a purchase order: a lot of one of its materials' })
export class ShippedLot {
  @Field()
  sku!: string;

  @Field()
  lotCode!: string;

  @Field(() => Int)
  quantity!: number;
}

/** A studio's order to a supplier; the supplier sees, confirms and ships it. */
@ObjectType({ description: "A studio's purchase order to a supplier" })
@Entity({ tableName: 'purchase_order' })
@Index({ properties: ['studioId', 'status'] })
@Index({ properties: ['supplierId', 'status'] })
export class PurchaseOrder {
  [OptionalProps]?: 'version' | 'confirmedAt' | 'shippedAt' | 'shippedLots' | 'receivedAt';

  @Field(() => ID)
  @PrimaryKey({ type: 'string', length: 40 })
  id!: string;

  @Property({ type: 'string', length: 80 })
  studioId!: string;

  @Property({ type: 'string', length: 80 })
  supplierId!: string;

  @Field(() => PurchaseOrderStatusEnum)
  @Enum({ items: [...PURCHASE_ORDER_STATUSES], type: 'string' })
  status!: PurchaseOrderStatus;

  @Field(() => [PurchaseOrderLine])
  @Property({ type: 'json' })
  lines!: PurchaseOrderLine[];

  @Field({ description: 'When the goods are expected (the supplier may move it on confirming)' })
  @Property({ type: 'datetime' })
  expectedAt!: Date;

  @Field()
  @Property({ type: 'datetime' })
  placedAt!: Date;

  @Field(() => Date, { nullable: true })
  @Property({ type: 'datetime', nullable: true })
  confirmedAt?: Date | null = null;

  @Field(() => Date, { nullable: true, description: 'When the supplier shipped it' })
  @Property({ type: 'datetime', nullable: true })
  shippedAt?: Date | null = null;

  @Field(() => [ShippedLot], { nullable: true, description: 'The lots and quantities shipped (from the supplier’s shipping event)' })
  @Property({ type: 'json', nullable: true })
  shippedLots?: ShippedLot[] | null = null;

  @Field(() => Date, { nullable: true, description: 'When the studio received it' })
  @Property({ type: 'datetime', nullable: true })
  receivedAt?: Date | null = null;

  @Property({ type: 'integer', version: true })
  version!: number;
}
