import { Entity, Enum, Index, OptionalProps, PrimaryKey, Property } from '@mikro-orm/core';
import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { enumOf } from '../../../platform/graphql/enums';

const PURCHASE_ORDER_STATUSES = ['PLACED', 'CONFIRMED', 'RECEIVED', 'CANCELLED'] as const;
export type PurchaseOrderStatus = (typeof PURCHASE_ORDER_STATUSES)[number];
export const PurchaseOrderStatusEnum = enumOf(PURCHASE_ORDER_STATUSES);
registerEnumType(PurchaseOrderStatusEnum, { name: 'PurchaseOrderStatus' });

/** The purchase-order lifecycle, as data. */
export const PURCHASE_ORDER_TRANSITIONS: Readonly<Record<PurchaseOrderStatus, readonly PurchaseOrderStatus[]>> = Object.freeze({
  PLACED: ['CONFIRMED', 'CANCELLED'],
  CONFIRMED: ['RECEIVED', 'CANCELLED'],
  RECEIVED: [],
  CANCELLED: [],
});
export const OPEN_PURCHASE_ORDER: readonly PurchaseOrderStatus[] = ['PLACED', 'CONFIRMED'];

@ObjectType({ description: 'A line of a purchase order' })
export class PurchaseOrderLine {
  @Field()
  sku!: string;

  @Field(() => Int)
  quantity!: number;
}

/** A studio's order to a supplier; the supplier sees and confirms it. */
@ObjectType({ description: "A studio's purchase order to a supplier" })
@Entity({ tableName: 'purchase_order' })
@Index({ properties: ['studioId', 'status'] })
@Index({ properties: ['supplierId', 'status'] })
export class PurchaseOrder {
  [OptionalProps]?: 'version' | 'confirmedAt';

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

  @Property({ type: 'integer', version: true })
  version!: number;
}
