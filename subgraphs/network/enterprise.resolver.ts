import { Arg, Ctx, ID, Mutation, Query, Resolver } from 'type-graphql';
import type { EnterpriseKind } from '../../contracts';
import type { GraphQLContext } from '../../platform/access/context';
import { requireEnterpriseId } from '../../platform/data/ids';
import { Enterprise, EnterpriseKindEnum } from './enterprise';
import type { NetworkLoaders } from './loaders';
import { DirectoryService } from './directory.service';
import { EnterpriseChangeInput } from './inputs';

@Resolver(() => Enterprise)
export class EnterpriseResolver {
  private readonly directory = new DirectoryService();

  @Query(() => Enterprise, { nullable: true, description: 'One enterprise by id' })
  async enterprise(@Arg('id', () => ID) id: string, @Ctx() { ctx }: GraphQLContext<NetworkLoaders>): Promise<Enterprise | null> {
    requireEnterpriseId(id, 'id');
    return ctx.loaders.enterprise.load(id);
  }

  @Query(() => [Enterprise], { description: 'Enterprises of the network, optionally of one kind or alliance' })
  async enterprises(
    @Ctx() { ctx }: GraphQLContext<NetworkLoaders>,
    @Arg('kind', () => EnterpriseKindEnum, { nullable: true }) kind?: EnterpriseKind,
    @Arg('alliance', { nullable: true }) alliance?: string,
  ): Promise<Enterprise[]> {
    const rows = await ctx.em.find(Enterprise, kind ? { kind } : {}, { orderBy: { id: 'asc' } });
    return alliance ? rows.filter((row) => row.alliances.includes(alliance)) : rows;
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
}
