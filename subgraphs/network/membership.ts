import { Entity, Index, PrimaryKey, Property, OptionalProps, Unique } from '@mikro-orm/core';
import { Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import { ROLES, type Role } from '../../contracts';
import { enumOf } from '../../platform/graphql/enums';

export const RoleEnum = enumOf(ROLES);
registerEnumType(RoleEnum, { name: 'Role', description: 'What a member may do in the hub (contracts/identity.ts)' });

/**
 * A person's place in an enterprise: the identity the provider vouches for (issuer + subject)
 * bound to the enterprise with roles. The hub's tokens take `org` and `roles` from here (the
 * token exchange, docs/access-control.md), not from claims the provider would have to add.
 * The display name is personal data: shown to the enterprise's admins, never in events or logs.
 * Not an entity (no @key): no other subgraph stores a membership's id or adds fields to it, and a
 * reference resolver would be a second door to its personal data to guard; events carry its id.
 */
@ObjectType({ description: "A member of an enterprise: a signed-in identity with the enterprise's roles" })
@Entity({ tableName: 'membership' })
@Unique({ properties: ['enterpriseId', 'issuer', 'subject'] })
@Index({ properties: ['issuer', 'subject'] })
export class Membership {
  [OptionalProps]?: 'createdAt' | 'updatedAt' | 'displayName' | 'invitationId';

  @Field(() => ID)
  @PrimaryKey({ type: 'string', length: 40 })
  id!: string;

  @Field(() => ID)
  @Property({ type: 'string', length: 80 })
  enterpriseId!: string;

  @Field({ description: 'The identity provider that vouches for the member (its issuer URL)' })
  @Property({ type: 'string', length: 300 })
  issuer!: string;

  @Field({ description: "The member's subject at that provider" })
  @Property({ type: 'string', length: 255 })
  subject!: string;

  @Field(() => String, { nullable: true, description: 'The name the admin gave the invitation (personal data: admins only, never logged)' })
  @Property({ type: 'string', length: 200, nullable: true })
  displayName: string | null = null;

  @Field(() => [RoleEnum])
  @Property({ type: 'json' })
  roles!: Role[];

  /** The invitation it was accepted from; null for an applicant made its enterprise's first admin on approval. */
  @Property({ type: 'string', length: 40, nullable: true })
  invitationId: string | null = null;

  @Field({ description: 'When the invitation was accepted (or the application approved, for its first admin)' })
  @Property({ type: 'datetime' })
  createdAt: Date = new Date();

  @Field(() => Date, { nullable: true, description: 'When its roles last changed' })
  @Property({ type: 'datetime', nullable: true })
  updatedAt: Date | null = null;
}
