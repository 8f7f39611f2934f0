import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Ctx, Field, ID, Info, Mutation, ObjectType, Query, Resolver } from 'type-graphql';
import type { EnterpriseKind, EnterpriseStatus, InvitationState, Role } from '../../contracts';
import type { GraphQLContext } from '../../platform/access/context';
import { answeredPrivately } from '../../platform/graphql/public-answers';
import { EnterpriseKindEnum, EnterpriseStatusEnum } from './enterprise';
import { InvitationInput } from './inputs';
import { Invitation, InvitationStateEnum } from './invitation';
import { MembersService } from './members.service';
import { Membership, RoleEnum } from './membership';
import type { NetworkLoaders } from './loaders';

@ObjectType({ description: 'An invitation just made, with its single-use link to copy and send (shown now; the hub keeps only its hash)' })
export class InvitationLink {
  @Field(() => Invitation)
  invitation!: Invitation;
  @Field({ description: 'The link token (what the link carries)' })
  token!: string;
  @Field({ description: 'The page that signs the person in and accepts: send it by e-mail or phone' })
  url!: string;
}

@ObjectType({ description: "What an identity holds in one enterprise: the gateway's answer at a token exchange" })
export class MemberAccess {
  @Field(() => ID)
  enterpriseId!: string;
  @Field(() => EnterpriseKindEnum)
  kind!: EnterpriseKind;
  @Field(() => EnterpriseStatusEnum)
  status!: EnterpriseStatus;
  @Field(() => [RoleEnum])
  roles!: Role[];
}

@Resolver()
export class MembersResolver {
  private readonly members = new MembersService();

  @Query(() => [Membership], { description: "An enterprise's members (its admins and hub admins only), oldest first" })
  enterpriseMembers(
    @Arg('enterpriseId', () => ID) enterpriseId: string,
    @Ctx() { ctx }: GraphQLContext<NetworkLoaders>,
    @Info() info: GraphQLResolveInfo,
  ): Promise<Membership[]> {
    answeredPrivately(info);
    return this.members.members(ctx, enterpriseId);
  }

  @Query(() => [Invitation], {
    description: "An enterprise's invitations (its admins and hub admins only), newest first: PENDING ones by default, null for all",
  })
  memberInvitations(
    @Arg('enterpriseId', () => ID) enterpriseId: string,
    @Ctx() { ctx }: GraphQLContext<NetworkLoaders>,
    @Info() info: GraphQLResolveInfo,
    @Arg('state', () => InvitationStateEnum, { nullable: true, defaultValue: 'PENDING' }) state: InvitationState | null,
  ): Promise<Invitation[]> {
    answeredPrivately(info);
    return this.members.invitations(ctx, enterpriseId, state ?? null);
  }

  @Query(() => [MemberAccess], {
    description: "Hub admins and the gateway's token exchange: the enterprises and roles an identity (issuer + subject) holds",
  })
  memberAccess(
    @Arg('issuer') issuer: string,
    @Arg('subject') subject: string,
    @Ctx() { ctx }: GraphQLContext<NetworkLoaders>,
    @Info() info: GraphQLResolveInfo,
  ): Promise<MemberAccess[]> {
    answeredPrivately(info);
    return this.members.access(ctx, issuer, subject);
  }

  @Mutation(() => InvitationLink, {
    description: "Invites someone by e-mail or phone with roles of the enterprise's kind: answers the single-use link to send",
  })
  inviteMember(
    @Arg('enterpriseId', () => ID) enterpriseId: string,
    @Arg('input', () => InvitationInput) input: InvitationInput,
    @Arg('idempotencyKey') idempotencyKey: string,
    @Ctx() { ctx }: GraphQLContext<NetworkLoaders>,
  ): Promise<InvitationLink> {
    return this.members.invite(ctx, enterpriseId, input, idempotencyKey);
  }

  @Mutation(() => Invitation, { description: 'Revokes a pending invitation: its link stops working' })
  revokeInvitation(
    @Arg('enterpriseId', () => ID) enterpriseId: string,
    @Arg('invitationId', () => ID) invitationId: string,
    @Arg('idempotencyKey') idempotencyKey: string,
    @Ctx() { ctx }: GraphQLContext<NetworkLoaders>,
  ): Promise<Invitation> {
    return this.members.revoke(ctx, enterpriseId, invitationId, idempotencyKey);
  }

  @Mutation(() => Membership, {
    description:
      "Accepts an invitation: the caller's signed-in identity becomes a member with its roles (exchange the token again to use them)",
  })
  acceptInvitation(
    @Arg('token') token: string,
    @Arg('idempotencyKey') idempotencyKey: string,
    @Ctx() { ctx }: GraphQLContext<NetworkLoaders>,
  ): Promise<Membership> {
    return this.members.accept(ctx, token, idempotencyKey);
  }

  @Mutation(() => Membership, { description: "Changes a member's roles: their next token exchange carries them" })
  changeMemberRoles(
    @Arg('enterpriseId', () => ID) enterpriseId: string,
    @Arg('membershipId', () => ID) membershipId: string,
    @Arg('roles', () => [RoleEnum]) roles: Role[],
    @Arg('idempotencyKey') idempotencyKey: string,
    @Ctx() { ctx }: GraphQLContext<NetworkLoaders>,
  ): Promise<Membership> {
    return this.members.changeRoles(ctx, enterpriseId, membershipId, roles, idempotencyKey);
  }

  @Mutation(() => ID, { description: 'Removes a member: their next token exchange is refused. Answers the membership id' })
  removeMember(
    @Arg('enterpriseId', () => ID) enterpriseId: string,
    @Arg('membershipId', () => ID) membershipId: string,
    @Arg('idempotencyKey') idempotencyKey: string,
    @Ctx() { ctx }: GraphQLContext<NetworkLoaders>,
  ): Promise<string> {
    return this.members.remove(ctx, enterpriseId, membershipId, idempotencyKey);
  }
}
