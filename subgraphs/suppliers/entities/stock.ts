import { Entity, Enum, Index, OptionalProps, PrimaryKey, Property, Unique } from '@mikro-orm/core';
import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { enumOf } from '../../../platform/graphql/enums';

/**
 * Stock of one lot of one material at one supplier, as the supplier last published it, plus the
 * hub's reservations against it. A lot code belongs to one material per supplier.
 */
@ObjectType({ description: "A lot of a material at a supplier: the supplier's on-hand figure and the hub's reservations" })
@Entity({ tableName: 'stock_lot' })
@Unique({ properties: ['supplierId', 'lotCode'] })
@Index({ properties: ['sku', 'receivedAt'] })
export class StockLot {
  [OptionalProps]?: 'reserved' | 'version' | 'heldForStudioId';

  @Field(() => ID)
  @PrimaryKey({ type: 'string', length: 40 })
  id!: string;

  @Field(() => ID)
  @Property({ type: 'string', length: 80 })
  supplierId!: string;

  @Field()
  @Property({ type: 'string', length: 60 })
  sku!: string;

  @Field()
  @Property({ type: 'string', length: 80 })
  lotCode!: string;

  @Field()
  @Property({ type: 'datetime' })
  receivedAt!: Date;

  @Field(() => Int, { description: 'On hand, as the supplier published it (less what the hub saw consumed since)' })
  @Property({ type: 'integer' })
  onHand!: number;

  @Field(() => Int, { description: "Held by the hub's reservations for open orders" })
  @Property({ type: 'integer' })
  reserved: number = 0;

  @Field(() => Int, { nullable: true, description: 'Cost per unit of this lot in fen, when the supplier gave one' })
  @Property({ type: 'integer', nullable: true })
  unitCostCents?: number | null;

  /**
   * A lot a studio received on its purchase order: it is at that studio, so only that studio's
   * orders reserve from it, and the supplier's publications never set it. Null: at the supplier.
   */
  @Property({ type: 'string', length: 80, nullable: true })
  heldForStudioId?: string | null;

  /** The batch sequence that last set `onHand`: an older batch never overwrites it. */
  @Field(() => Int)
  @Property({ type: 'integer' })
  lastSequence!: number;

  @Property({ type: 'integer', version: true })
  version!: number;
}

/** What a lot can still give: on hand less reserved, never below zero. */
export const freeOf = (lot: Pick<StockLot, 'onHand' | 'reserved'>): number => Math.max(0, lot.onHand - lot.reserved);

/** Whether a studio's orders may draw on a lot: any at a supplier, and those the studio itself received. */
export const usableBy = (lot: Pick<StockLot, 'heldForStudioId'>, studioId: string): boolean =>
  !lot.heldForStudioId || lot.heldForStudioId === studioId;

/** A material's available stock over these lots, lot by lot (what safety stock is measured against). */
export const availableOf = (lots: readonly Pick<StockLot, 'onHand' | 'reserved'>[]): number =>
  lots.reduce((sum, lot) => sum + freeOf(lot), 0);

const RESERVATION_STATUSES = ['RESERVED', 'RELEASED', 'CONSUMED'] as const;
export type ReservationStatus = (typeof RESERVATION_STATUSES)[number];
const ReservationStatusEnum = enumOf(RESERVATION_STATUSES);
registerEnumType(ReservationStatusEnum, { name: 'ReservationStatus' });

/** Material of a lot held for an order: released when the order is cancelled, consumed when material preparation completes. */
@ObjectType('MaterialReservation', { description: 'Material of one lot held for, or consumed by, an order' })
@Entity({ tableName: 'reservation' })
@Index({ properties: ['orderId'] })
@Index({ properties: ['lotId', 'status'] })
export class Reservation {
  @Field(() => ID)
  @PrimaryKey({ type: 'string', length: 40 })
  id!: string;

  @Property({ type: 'string', length: 40 })
  orderId!: string;

  @Property({ type: 'string', length: 80 })
  studioId!: string;

  @Field()
  @Property({ type: 'string', length: 60 })
  sku!: string;

  @Property({ type: 'string', length: 40 })
  lotId!: string;

  @Field()
  @Property({ type: 'string', length: 80 })
  lotCode!: string;

  @Field(() => ID)
  @Property({ type: 'string', length: 80 })
  supplierId!: string;

  @Field(() => Int)
  @Property({ type: 'integer' })
  quantity!: number;

  @Field(() => Int, {
    nullable: true,
    description: 'Cost per unit in fen when reserved (the lot cost, else the catalogue cost): studio only',
  })
  @Property({ type: 'integer' })
  unitCostCents!: number;

  @Field(() => ReservationStatusEnum)
  @Enum({ items: [...RESERVATION_STATUSES], type: 'string' })
  status!: ReservationStatus;

  @Field()
  @Property({ type: 'datetime' })
  createdAt!: Date;
}
