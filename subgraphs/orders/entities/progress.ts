import { Entity, Enum, Index, PrimaryKey, Property, OptionalProps } from '@mikro-orm/core';
import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { enumOf } from '../../../platform/graphql/enums';
import { SHIPMENT_STATUSES, ShipmentStatus } from '../lifecycle/states';

/** The order's own append-only history: what the customer's timeline is drawn from. */
@ObjectType({ description: 'An entry of the order progress log (append-only)' })
@Entity({ tableName: 'progress_event' })
@Index({ properties: ['orderId', 'sequence'] })
export class ProgressEvent {
  @Field(() => ID)
  @PrimaryKey({ type: 'string', length: 40 })
  id!: string;

  @Field(() => ID)
  @Property({ type: 'string', length: 40 })
  orderId!: string;

  /** The studio that owns the order: what the row rule checks. */
  @Property({ type: 'string', length: 80 })
  studioId!: string;

  /**
   * Where it happened: the workshop holding the stage when the entry was written (a partner's,
   * or the studio's own). A partner sees the entries written at its workshop; EPCIS readPoint.
   */
  @Index()
  @Property({ type: 'string', length: 80, nullable: true })
  workshopId?: string | null;

  @Field(() => Int, { description: 'Position in this order log, from 1' })
  @Property({ type: 'integer' })
  sequence!: number;

  @Field({ description: 'Event type, e.g. order.stage.completed' })
  @Property({ type: 'string', length: 80 })
  type!: string;

  @Property({ type: 'string', length: 20, nullable: true })
  statusCodeValue?: string | null;

  @Field(() => ID, { nullable: true })
  @Property({ type: 'string', length: 40, nullable: true })
  stageRunId?: string | null;

  @Field(() => String, { nullable: true })
  @Property({ type: 'string', length: 1000, nullable: true })
  note?: string | null;

  @Field()
  @Property({ type: 'datetime' })
  occurredAt!: Date;

  /** When the hub wrote it (occurredAt may be a carrier's or an operator's earlier time): what pages are ordered by. */
  @Index()
  @Property({ type: 'datetime', nullable: true })
  recordedAt?: Date | null;

  /** The outbox event written with this entry (same id on the bus): how live events find it. */
  @Field(() => ID, { description: 'The hub event written with this entry (its EPCIS eventID is urn:uuid:<eventId>)' })
  @Index()
  @Property({ type: 'string', length: 36 })
  eventId!: string;
}

const EXCEPTION_STATUSES = ['OPEN', 'RESOLVED'] as const;
const ExceptionStatusEnum = enumOf(EXCEPTION_STATUSES);
registerEnumType(ExceptionStatusEnum, { name: 'ExceptionStatus' });

@ObjectType({ description: 'An exception reported on an order, coded by the taxonomy' })
@Entity({ tableName: 'order_exception' })
export class OrderException {
  [OptionalProps]?: 'status';

  @Field(() => ID)
  @PrimaryKey({ type: 'string', length: 40 })
  id!: string;

  @Index()
  @Property({ type: 'string', length: 40 })
  orderId!: string;

  @Property({ type: 'string', length: 80 })
  studioId!: string;

  @Field(() => ID, { nullable: true })
  @Property({ type: 'string', length: 40, nullable: true })
  stageRunId?: string | null;

  @Property({ type: 'string', length: 20 })
  code!: string;

  @Field(() => String, { nullable: true })
  @Property({ type: 'string', length: 1000, nullable: true })
  note?: string | null;

  @Field(() => ExceptionStatusEnum)
  @Enum({ items: [...EXCEPTION_STATUSES], type: 'string' })
  status: (typeof EXCEPTION_STATUSES)[number] = 'OPEN';

  @Field()
  @Property({ type: 'datetime' })
  reportedAt!: Date;

  @Field(() => Date, { nullable: true })
  @Property({ type: 'datetime', nullable: true })
  resolvedAt?: Date | null;

  @Field(() => String, { nullable: true })
  @Property({ type: 'string', length: 1000, nullable: true })
  resolution?: string | null;
}

export const ShipmentStatusEnum = enumOf(SHIPMENT_STATUSES);
registerEnumType(ShipmentStatusEnum, { name: 'ShipmentStatus' });

@ObjectType({ description: 'A parcel sent to the customer' })
@Entity({ tableName: 'shipment' })
export class Shipment {
  [OptionalProps]?: 'status';

  @Field(() => ID)
  @PrimaryKey({ type: 'string', length: 40 })
  id!: string;

  @Index()
  @Property({ type: 'string', length: 40 })
  orderId!: string;

  /** The studio that owns the order: what the row rule checks. */
  @Property({ type: 'string', length: 80 })
  studioId!: string;

  @Field()
  @Property({ type: 'string', length: 80 })
  carrier!: string;

  @Field()
  @Property({ type: 'string', length: 80 })
  trackingNumber!: string;

  @Field(() => ShipmentStatusEnum)
  @Enum({ items: [...SHIPMENT_STATUSES], type: 'string' })
  status: ShipmentStatus = 'CREATED';

  @Field()
  @Property({ type: 'datetime' })
  createdAt!: Date;
}

@ObjectType({ description: "A carrier's tracking event" })
@Entity({ tableName: 'shipment_event' })
@Index({ properties: ['shipmentId', 'occurredAt'] })
export class ShipmentEvent {
  @Field(() => ID)
  @PrimaryKey({ type: 'string', length: 40 })
  id!: string;

  @Property({ type: 'string', length: 40 })
  shipmentId!: string;

  /** The shipment's order and its studio: what the row rule checks. */
  @Property({ type: 'string', length: 40 })
  orderId!: string;

  @Property({ type: 'string', length: 80 })
  studioId!: string;

  @Field(() => ShipmentStatusEnum)
  @Enum({ items: [...SHIPMENT_STATUSES], type: 'string' })
  status!: ShipmentStatus;

  @Field()
  @Property({ type: 'datetime' })
  occurredAt!: Date;

  @Field(() => String, { nullable: true })
  @Property({ type: 'string', length: 200, nullable: true })
  location?: string | null;

  @Field(() => String, { nullable: true })
  @Property({ type: 'string', length: 500, nullable: true })
  description?: string | null;
}
