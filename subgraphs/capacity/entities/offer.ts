import { Entity, Enum, Index, OptionalProps, PrimaryKey, Property } from '@mikro-orm/core';
import { Field, Float, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { enumOf } from '../../../platform/graphql/enums';

const OFFER_STATUSES = ['ACTIVE', 'WITHDRAWN'] as const;
export type OfferStatus = (typeof OFFER_STATUSES)[number];
const OfferStatusEnum = enumOf(OFFER_STATUSES);
registerEnumType(OfferStatusEnum, { name: 'CapacityOfferStatus' });

/**
 * Idle capacity an enterprise shares: a capability (a stage status code, or a kitchen
 * capability) between two dates. What it can spare each day is what it can make at most less
 * what it makes anyway (max − base).
 */
@ObjectType({ description: 'Capacity an enterprise shares with the network' })
@Entity({ tableName: 'capacity_offer' })
@Index({ properties: ['capability', 'status'] })
export class CapacityOffer {
  [OptionalProps]?: 'version' | 'status' | 'spareUnitsPerDay';

  @Field(() => ID)
  @PrimaryKey({ type: 'string', length: 40 })
  id!: string;

  @Field(() => ID)
  @Property({ type: 'string', length: 80 })
  enterpriseId!: string;

  @Field({ description: 'A stage status code (e.g. C50) or a kitchen capability' })
  @Property({ type: 'string', length: 40 })
  capability!: string;

  @Field(() => Int, { description: 'Units a day it makes anyway' })
  @Property({ type: 'integer' })
  baseUnitsPerDay!: number;

  @Field(() => Int, { description: 'Units a day it can make at most' })
  @Property({ type: 'integer' })
  maxUnitsPerDay!: number;

  @Field({ description: 'First day (yyyy-mm-dd)' })
  @Property({ type: 'string', length: 10 })
  availableFrom!: string;

  @Field({ description: 'Last day (yyyy-mm-dd)' })
  @Property({ type: 'string', length: 10 })
  availableTo!: string;

  @Field(() => Int, { description: 'Price per unit in fen' })
  @Property({ type: 'integer' })
  unitPriceCents!: number;

  @Field(() => Float, { description: 'Quality score, 0–5' })
  @Property({ type: 'double' })
  qualityScore!: number;

  @Field()
  @Property({ type: 'string', length: 40 })
  region!: string;

  @Field(() => [String], { description: 'Alliances whose members may use it' })
  @Property({ type: 'json' })
  shareWithAlliances: string[] = [];

  @Field(() => [ID], { description: 'Enterprises that may use it besides' })
  @Property({ type: 'json' })
  shareWithEnterprises: string[] = [];

  @Field(() => OfferStatusEnum)
  @Enum({ items: [...OFFER_STATUSES], type: 'string' })
  status: OfferStatus = 'ACTIVE';

  @Field()
  @Property({ type: 'datetime' })
  createdAt!: Date;

  @Property({ type: 'integer', version: true })
  version!: number;

  /** Units it can spare a day. */
  get spareUnitsPerDay(): number {
    return this.maxUnitsPerDay - this.baseUnitsPerDay;
  }
}

/** What is booked of one offer on one day (the rest is free). */
@Entity({ tableName: 'offer_booking' })
export class OfferBooking {
  @PrimaryKey({ type: 'string', length: 40 })
  offerId!: string;

  @PrimaryKey({ type: 'string', length: 10 })
  day!: string;

  @Property({ type: 'integer' })
  bookedUnits!: number;
}

/** Alliance membership, as the network declares it: who an offer shared with an alliance reaches. */
@Entity({ tableName: 'alliance_member' })
export class AllianceMember {
  @PrimaryKey({ type: 'string', length: 80 })
  alliance!: string;

  @PrimaryKey({ type: 'string', length: 80 })
  enterpriseId!: string;
}
