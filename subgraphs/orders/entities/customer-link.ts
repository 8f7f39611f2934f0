import { Entity, Enum, Index, PrimaryKey, Property } from '@mikro-orm/core';
import { Field, ID, ObjectType } from 'type-graphql';
import { VISIBILITY_TIERS, type VisibilityTier } from '../../../contracts';
import { VisibilityTierEnum } from '../../../platform/graphql/enums';

/**
 * A signed link a studio gives a customer for one order (the "my order" button of a WeChat
 * menu). The link itself is a JWT naming this row; only the row knows whether it was revoked.
 */
@ObjectType({ description: "A customer's signed link to follow one order" })
@Entity({ tableName: 'customer_link' })
@Index({ properties: ['orderId'] })
export class CustomerLink {
  @Field(() => ID)
  @PrimaryKey({ type: 'string', length: 40 })
  id!: string;

  @Field(() => ID)
  @Property({ type: 'string', length: 40 })
  orderId!: string;

  @Property({ type: 'string', length: 80 })
  studioId!: string;

  @Field(() => VisibilityTierEnum, { description: 'The most detailed tier the link offers (the order cap still applies)' })
  @Enum({ items: [...VISIBILITY_TIERS], type: 'string' })
  tier!: VisibilityTier;

  @Field()
  @Property({ type: 'datetime' })
  expiresAt!: Date;

  @Field(() => Date, { nullable: true })
  @Property({ type: 'datetime', nullable: true })
  revokedAt?: Date | null;

  @Field()
  @Property({ type: 'datetime' })
  createdAt!: Date;

  /** Who minted it (token subject). */
  @Property({ type: 'string', length: 200 })
  createdBy!: string;
}
