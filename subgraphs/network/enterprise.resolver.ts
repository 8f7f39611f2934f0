import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Ctx, FieldResolver, ID, Info, Mutation, Query, Resolver, Root } from 'type-graphql';
import { answeredPrivately } from '../../platform/graphql/public-answers';
import type { EnterpriseKind, EnterpriseStatus } from '../../contracts';
import type { GraphQLContext } from '../../platform/access/context';
import { requireEnterpriseId } from '../../platform/data/ids';
import { Enterprise, EnterpriseKindEnum, EnterpriseStatusEnum } from './enterprise';
import type { NetworkLoaders } from './loaders';
import { DirectoryService } from './directory.service';
import { LISTED_STATUSES } from './enterprise-status';
import { EnterpriseChangeInput, EnterpriseRegistrationInput } from './inputs';

/** The most applications one answer lists (newest first). */
const APPLICATIONS_LISTED = 200;

@Resolver(() => Enterprise)
export class EnterpriseResolver {
  private readonly directory = new DirectoryService();

  @Query(() => Enterprise, { nullable: true, description: 'One enterprise of the directory by id (applications are not in it)' })
  async enterprise(@Arg('id', () => ID) id: string, @Ctx() { ctx }: GraphQLContext<NetworkLoaders>): Promise<Enterprise | null> {
    requireEnterpriseId(id, 'id');
    const found = await ctx.loaders.enterprise.load(id);
    return found && LISTED_STATUSES.includes(found.status) ? found : null;
  }

  @Query(() => [Enterprise], { description: 'Enterprises of the network, optionally of one kind or alliance' })
  async enterprises(
    @Ctx() { ctx }: GraphQLContext<NetworkLoaders>,
    @Arg('kind', () => EnterpriseKindEnum, { nullable: true }) kind?: EnterpriseKind,
    @Arg('alliance', { nullable: true }) alliance?: string,
  ): Promise<Enterprise[]> {
    const rows = await ctx.em.find(
      Enterprise,
      { status: { $in: [...LISTED_STATUSES] }, ...(kind ? { kind } : {}) },
      { orderBy: { id: 'asc' } },
    );
    return alliance ? rows.filter((row) => row.alliances.includes(alliance)) : rows;
  }

  @Query(() => [Enterprise], { description: 'Hub admins: enterprises by status, applications (APPLIED) by default, newest first' })
  enterpriseApplications(
    @Ctx() { ctx }: GraphQLContext<NetworkLoaders>,
    @Arg('status', () => EnterpriseStatusEnum, { defaultValue: 'APPLIED' }) status: EnterpriseStatus,
    @Info() info: GraphQLResolveInfo,
  ): Promise<Enterprise[]> {
    answeredPrivately(info);
    return ctx.em.find(Enterprise, { status }, { orderBy: { createdAt: 'desc', id: 'asc' }, limit: APPLICATIONS_LISTED });
  }

  @Query(() => [Enterprise], { description: 'The applications the caller made, newest first, whatever became of them' })
  myEnterpriseApplications(@Ctx() { ctx }: GraphQLContext<NetworkLoaders>, @Info() info: GraphQLResolveInfo): Promise<Enterprise[]> {
    answeredPrivately(info);
    return ctx.em.find(
      Enterprise,
      { appliedBy: ctx.actor.subject },
      { orderBy: { createdAt: 'desc', id: 'asc' }, limit: APPLICATIONS_LISTED },
    );
  }

  @Query(() => [ID], { description: 'Hub admins and gateways: the ids of suspended enterprises, whose members are refused' })
  async suspendedEnterprises(@Ctx() { ctx }: GraphQLContext<NetworkLoaders>, @Info() info: GraphQLResolveInfo): Promise<string[]> {
    answeredPrivately(info);
    const rows = await ctx.em.find(Enterprise, { status: 'SUSPENDED' }, { fields: ['id'], orderBy: { id: 'asc' } });
    return rows.map((row) => row.id);
  }

  @FieldResolver(() => String, {
    nullable: true,
    description: 'Why it was last rejected or suspended: hub admins and the applicant only (null for anyone else)',
  })
  statusReason(
    @Root() enterprise: Enterprise,
    @Ctx() { ctx }: GraphQLContext<NetworkLoaders>,
    @Info() info: GraphQLResolveInfo,
  ): string | null {
    answeredPrivately(info);
    const mayRead = ctx.viewer.system || ctx.viewer.isHubAdmin || (!!enterprise.appliedBy && enterprise.appliedBy === ctx.actor.subject);
    return mayRead ? enterprise.statusReason : null;
  }

  @Mutation(() => Enterprise, {
    description: "Changes an enterprise's own directory entry (its names, its region); retried with the same key, it changes nothing more",
  })
  changeEnterprise(
    @Arg('id', () => ID) id: string,
    @Arg('input', () => EnterpriseChangeInput) input: EnterpriseChangeInput,
    @Arg('idempotencyKey') idempotencyKey: string,
    @Ctx() { ctx }: GraphQLContext<NetworkLoaders>,
  ): Promise<Enterprise> {
    return this.directory.changeEnterprise(ctx, id, input, idempotencyKey);
  }

  @Mutation(() => Enterprise, { description: 'Hub admins: enters an enterprise in the directory, ACTIVE at once' })
  registerEnterprise(
    @Arg('input', () => EnterpriseRegistrationInput) input: EnterpriseRegistrationInput,
    @Arg('idempotencyKey') idempotencyKey: string,
    @Ctx() { ctx }: GraphQLContext<NetworkLoaders>,
  ): Promise<Enterprise> {
    return this.directory.enter(ctx, input, idempotencyKey, 'registerEnterprise');
  }

  @Mutation(() => Enterprise, { description: 'Applies for an enterprise to join (APPLIED): a hub admin approves or rejects it' })
  applyForEnterprise(
    @Arg('input', () => EnterpriseRegistrationInput) input: EnterpriseRegistrationInput,
    @Arg('idempotencyKey') idempotencyKey: string,
    @Ctx() { ctx }: GraphQLContext<NetworkLoaders>,
  ): Promise<Enterprise> {
    return this.directory.enter(ctx, input, idempotencyKey, 'applyForEnterprise');
  }

  @Mutation(() => Enterprise, { description: 'Hub admins: an application becomes an ACTIVE enterprise' })
  approveEnterprise(
    @Arg('id', () => ID) id: string,
    @Arg('idempotencyKey') idempotencyKey: string,
    @Ctx() { ctx }: GraphQLContext<NetworkLoaders>,
  ): Promise<Enterprise> {
    return this.directory.changeStatus(ctx, id, 'ACTIVE', 'approveEnterprise', null, idempotencyKey);
  }

  @Mutation(() => Enterprise, { description: 'Hub admins: refuses an application, saying why (the applicant sees the reason)' })
  rejectEnterprise(
    @Arg('id', () => ID) id: string,
    @Arg('reason') reason: string,
    @Arg('idempotencyKey') idempotencyKey: string,
    @Ctx() { ctx }: GraphQLContext<NetworkLoaders>,
  ): Promise<Enterprise> {
    return this.directory.changeStatus(ctx, id, 'REJECTED', 'rejectEnterprise', reason, idempotencyKey);
  }

  @Mutation(() => Enterprise, {
    description: "Hub admins: suspends an enterprise, saying why; its members' access stops (docs/access-control.md)",
  })
  suspendEnterprise(
    @Arg('id', () => ID) id: string,
    @Arg('reason') reason: string,
    @Arg('idempotencyKey') idempotencyKey: string,
    @Ctx() { ctx }: GraphQLContext<NetworkLoaders>,
  ): Promise<Enterprise> {
    return this.directory.changeStatus(ctx, id, 'SUSPENDED', 'suspendEnterprise', reason, idempotencyKey);
  }

  @Mutation(() => Enterprise, { description: "Hub admins: reinstates a suspended enterprise; its members' access returns" })
  reinstateEnterprise(
    @Arg('id', () => ID) id: string,
    @Arg('idempotencyKey') idempotencyKey: string,
    @Ctx() { ctx }: GraphQLContext<NetworkLoaders>,
  ): Promise<Enterprise> {
    return this.directory.changeStatus(ctx, id, 'ACTIVE', 'reinstateEnterprise', null, idempotencyKey);
  }
}
