import { Entity, Enum, Index, PrimaryKey, Property, OptionalProps } from '@mikro-orm/core';
import { Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import { INVITATION_CHANNELS, INVITATION_STATES, type InvitationChannel, type InvitationState, type Role } from '../../contracts';
import { enumOf } from '../../platform/graphql/enums';
import { RoleEnum } from './membership';

export const InvitationChannelEnum = enumOf(INVITATION_CHANNELS);
registerEnumType(InvitationChannelEnum, {
  name: 'InvitationChannel',
  description: 'How the invitation reaches the person: e-mail or phone',
});
export const InvitationStateEnum = enumOf(INVITATION_STATES);
registerEnumType(InvitationStateEnum, {
  name: 'InvitationState',
  description: 'PENDING (its link works), ACCEPTED (used once), REVOKED, or EXPIRED (past its expiry, never accepted)',
});

/**
 * An enterprise's invitation to someone, with the roles they get: a single-use link that
 * expires. The hub keeps only the hash of the link's token (the token is derived from the id
 * under the hub's key, so the console can show it again). The contact is personal data:
 * admins see it, events and logs never carry it. Not an entity (no @key), as Membership is not:
 * only this subgraph knows invitations, and only an enterprise's admins may read one.
 */
@ObjectType({ description: 'An invitation to join an enterprise with roles: a single-use link that expires' })
@Entity({ tableName: 'invitation' })
@Index({ properties: ['enterpriseId', 'createdAt'] })
export class Invitation {
  [OptionalProps]?: 'createdAt' | 'acceptedAt' | 'revokedAt' | 'membershipId' | 'displayName' | 'state';

  @Field(() => ID)
  @PrimaryKey({ type: 'string', length: 40 })
  id!: string;

  @Field(() => ID)
  @Property({ type: 'string', length: 80 })
  enterpriseId!: string;

  @Field(() => InvitationChannelEnum)
  @Enum({ items: [...INVITATION_CHANNELS], type: 'string' })
  channel!: InvitationChannel;

  @Field({ description: 'The e-mail address or phone number it is for (personal data: admins only)' })
  @Property({ type: 'string', length: 254 })
  contact!: string;

  @Field(() => String, { nullable: true, description: 'The name the member will be listed under' })
  @Property({ type: 'string', length: 200, nullable: true })
  displayName: string | null = null;

  @Field(() => [RoleEnum])
  @Property({ type: 'json' })
  roles!: Role[];

  /** SHA-256 (hex) of the link's token: the token itself is never stored. */
  @Property({ type: 'string', length: 64, unique: true })
  tokenHash!: string;

  @Field()
  @Property({ type: 'datetime' })
  expiresAt!: Date;

  /** The subject of whoever invited (an id, not a name). */
  @Property({ type: 'string', length: 255 })
  invitedBy!: string;

  @Field()
  @Property({ type: 'datetime' })
  createdAt: Date = new Date();

  @Field(() => Date, { nullable: true })
  @Property({ type: 'datetime', nullable: true })
  acceptedAt: Date | null = null;

  @Field(() => Date, { nullable: true })
  @Property({ type: 'datetime', nullable: true })
  revokedAt: Date | null = null;

  /** The membership it became, once accepted. */
  @Property({ type: 'string', length: 40, nullable: true })
  membershipId: string | null = null;

  @Field(() => InvitationStateEnum)
  get state(): InvitationState {
    if (this.acceptedAt) return 'ACCEPTED';
    if (this.revokedAt) return 'REVOKED';
    return this.expiresAt.getTime() <= Date.now() ? 'EXPIRED' : 'PENDING';
  }
}
