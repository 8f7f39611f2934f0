import { Entity, Enum, Index, PrimaryKey, Property, Unique, OptionalProps } from '@mikro-orm/core';
import { Directive, Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import type { VisibilityTier } from '../../../contracts';
import { PROMISE_CHANGE_CAUSES, VISIBILITY_TIERS } from '../../../contracts';
import { enumOf, VisibilityTierEnum } from '../../../platform/graphql/enums';
import { ORDER_PHASES, ORDER_STATUSES, OrderStatus } from '../lifecycle/states';

const SHOP_CHANNELS = ['TAOBAO', 'JD', 'SHOPIFY', 'WECHAT', 'DIRECT'] as const;
export type ShopChannel = (typeof SHOP_CHANNELS)[number];

export const OrderStatusEnum = enumOf(ORDER_STATUSES);
export const OrderPhaseEnum = enumOf(ORDER_PHASES);
registerEnumType(OrderPhaseEnum, { name: 'OrderPhase', description: 'In progress, done (made) or cancelled' });
export const ShopChannelEnum = enumOf(SHOP_CHANNELS);
registerEnumType(OrderStatusEnum, { name: 'OrderStatus' });
registerEnumType(ShopChannelEnum, { name: 'ShopChannel', description: 'The online shop an order came from' });
export const PromiseChangeCauseEnum = enumOf(PROMISE_CHANGE_CAUSES);
registerEnumType(PromiseChangeCauseEnum, { name: 'PromiseChangeCause', description: 'Why the date promised to the customer moved' });

@ObjectType({ description: "The customer's details: kept inside the studio that owns the order" })
export class Customer {
  @Field()
  name!: string;

  @Field()
  contact!: string;

  @Field()
  address!: string;
}

/** A customer order of one studio. The table is `shop_order`: `order` is an SQL keyword. */
@Directive('@key(fields: "id")')
@ObjectType({ description: 'A custom order, followed through its route of stages' })
@Entity({ tableName: 'shop_order' })
@Unique({ properties: ['studioId', 'channel', 'externalOrderId'] })
@Index({ properties: ['studioId', 'status', 'id'] })
export class Order {
  [OptionalProps]?: 'version' | 'currency' | 'status' | 'lastSequence' | 'productType';

  @Field(() => ID)
  @PrimaryKey({ type: 'string', length: 40 })
  id!: string;

  @Property({ type: 'string', length: 80 })
  studioId!: string;

  @Field(() => ShopChannelEnum, { nullable: true })
  @Enum({ items: [...SHOP_CHANNELS], type: 'string' })
  channel!: ShopChannel;

  @Field(() => String, { nullable: true, description: "The shop's own order id" })
  @Property({ type: 'string', length: 100 })
  externalOrderId!: string;

  /** SHA-256 of the canonical import payload: a replay must match it exactly. */
  @Property({ type: 'string', length: 64 })
  payloadHash!: string;

  /** The studio's product family of the order's product (catalogue data: a string code). */
  @Field({ description: "The product family of the order's product: a code of the studio's catalogue" })
  @Property({ type: 'string', length: 40 })
  productFamily!: string;

  @Field({ deprecationReason: 'Use productFamily: product types are the studio’s own families now' })
  get productType(): string {
    return this.productFamily;
  }

  /**
   * The catalogue product the order was imported as, and its names then: copied, so a later
   * rename in the catalogue does not rewrite what the customer ordered (null before the catalogue).
   */
  @Property({ type: 'string', length: 80, nullable: true })
  catalogueProductCode?: string | null;

  @Field(() => String, {
    nullable: true,
    description: "The product's Chinese name as the studio's catalogue gave it when the order came in",
  })
  @Property({ type: 'string', length: 200, nullable: true })
  productNameZh?: string | null;

  @Field(() => String, {
    nullable: true,
    description: "The product's English name as the studio's catalogue gave it when the order came in",
  })
  @Property({ type: 'string', length: 200, nullable: true })
  productNameEn?: string | null;

  /** The catalogue route the order was imported on, and its version then (null for orders from before the catalogue). */
  @Field(() => String, { nullable: true, description: 'The catalogue route the order was imported on' })
  @Property({ type: 'string', length: 40, nullable: true })
  routeCode?: string | null;

  @Field(() => Int, { nullable: true, description: 'The version of that route its stages were copied from' })
  @Property({ type: 'integer', nullable: true })
  routeVersion?: number | null;

  @Property({ type: 'string', length: 200 })
  customerName!: string;

  @Property({ type: 'string', length: 200 })
  customerContact!: string;

  @Property({ type: 'string', length: 500 })
  customerAddress!: string;

  @Field(() => Int, { nullable: true, description: 'Price in fen (1/100 CNY): the studio and the customer only' })
  @Property({ type: 'integer' })
  priceCents!: number;

  @Field(() => String, { nullable: true })
  @Property({ type: 'string', length: 3 })
  currency: string = 'CNY';

  @Field(() => VisibilityTierEnum, { nullable: true, description: 'The most detailed tier the studio allows the customer of this order' })
  @Enum({ items: [...VISIBILITY_TIERS], type: 'string' })
  customerTierMax!: VisibilityTier;

  @Field(() => OrderStatusEnum, { nullable: true, description: 'Customers see it from tier BASIC; every viewer sees `phase`' })
  @Enum({ items: [...ORDER_STATUSES], type: 'string' })
  status: OrderStatus = 'RECEIVED';

  /** The latest progress status code reached; resolved to the vocabulary's StatusCode. */
  @Property({ type: 'string', length: 20 })
  statusCodeValue!: string;

  /** The latest code reached that customers see from tier BASIC on (a milestone). */
  @Property({ type: 'string', length: 20 })
  milestoneCodeValue!: string;

  @Field(() => Date, {
    nullable: true,
    description: 'When the last stage is planned to finish: re-planned with every change of the route or pace',
  })
  @Property({ type: 'datetime', nullable: true })
  dueAt?: Date | null;

  @Field(() => Date, {
    nullable: true,
    description:
      'When the studio promised the customer the order would be made: set at intake, moved only by `changePromise` (recorded, with its cause), never by a re-plan',
  })
  @Property({ type: 'datetime', nullable: true })
  promisedAt?: Date | null;

  @Field(() => String, { nullable: true })
  @Property({ type: 'string', length: 500, nullable: true })
  cancelReason?: string | null;

  @Field()
  @Property({ type: 'datetime' })
  createdAt!: Date;

  @Field()
  @Property({ type: 'datetime' })
  updatedAt!: Date;

  /** Sequence of the last progress-log entry. */
  @Property({ type: 'integer' })
  lastSequence: number = 0;

  /**
   * Owned by the suppliers subgraph (`@external`): the gateway passes it in when `cost` is asked
   * for. Not a column.
   */
  @Directive('@external')
  @Field(() => Int, { nullable: true, description: 'Cost of the material held or consumed (suppliers subgraph)' })
  materialCostCents?: number | null;

  /** Optimistic lock: concurrent changes to one order retry instead of overwriting. */
  @Property({ type: 'integer', version: true })
  version!: number;
}

@ObjectType({ description: 'A line of an order' })
@Entity({ tableName: 'order_line' })
export class OrderLine {
  @PrimaryKey({ type: 'string', length: 40 })
  id!: string;

  @Index()
  @Property({ type: 'string', length: 40 })
  orderId!: string;

  /** The studio that owns the order: what the row rule checks. */
  @Property({ type: 'string', length: 80 })
  studioId!: string;

  @Property({ type: 'integer' })
  position!: number;

  @Field()
  @Property({ type: 'string', length: 80 })
  productCode!: string;

  @Field(() => String, { nullable: true, description: "The product's GTIN (14 digits), when the shop gives one" })
  @Property({ type: 'string', length: 14, nullable: true })
  gtin?: string | null;

  @Field(() => Int)
  @Property({ type: 'integer' })
  quantity!: number;

  @Field(() => String, { nullable: true, description: 'Personalisation: the inscription, monogram or message' })
  @Property({ type: 'string', length: 500, nullable: true })
  personalisation?: string | null;
}
