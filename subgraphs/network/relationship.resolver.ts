import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Ctx, FieldResolver, ID, Info, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { GraphQLContext } from '../../platform/access/context';
import { answeredPrivately } from '../../platform/graphql/public-answers';
import { Enterprise } from './enterprise';
import { PartnerRelationshipInput, SupplierRelationshipInput } from './inputs';
import type { NetworkLoaders } from './loaders';
import { PartnerRelationship, SupplierRelationship } from './relationship';
import { RelationshipService } from './relationship.service';

type Context = GraphQLContext<NetworkLoaders>;

/** The most relationships one answer lists. */
const LISTED = 500;

/**
 * A studio's suppliers: the rows are the access policy's (a studio's staff its own, a supplier
 * its own relationships and no other supplier's, hub admins all); the arguments only narrow them.
 */
@Resolver(() => SupplierRelationship)
export class SupplierRelationshipResolver {
  private readonly relationships = new RelationshipService();

  @Query(() => [SupplierRelationship], {
    description: "Studios' suppliers you may see (a studio's staff its own; a supplier its own terms only), by studio then supplier",
  })
  supplierRelationships(
    @Ctx() { ctx }: Context,
    @Info() info: GraphQLResolveInfo,
    @Arg('studioId', () => ID, { nullable: true }) studioId?: string,
    @Arg('includeEnded', { nullable: true, description: 'Also the ended ones' }) includeEnded?: boolean,
  ): Promise<SupplierRelationship[]> {
    answeredPrivately(info);
    return ctx.em.find(
      SupplierRelationship,
      { ...(studioId ? { studioId } : {}), ...(includeEnded ? {} : { endedAt: null }) },
      { orderBy: { studioId: 'asc', supplierId: 'asc' }, limit: LISTED },
    );
  }

  @FieldResolver(() => Enterprise, { nullable: true })
  studio(@Root() row: SupplierRelationship, @Ctx() { ctx }: Context): Promise<Enterprise | null> {
    return ctx.loaders.enterprise.load(row.studioId);
  }

  @FieldResolver(() => Enterprise, { nullable: true })
  supplier(@Root() row: SupplierRelationship, @Ctx() { ctx }: Context): Promise<Enterprise | null> {
    return ctx.loaders.enterprise.load(row.supplierId);
  }

  @Mutation(() => SupplierRelationship, {
    description: "Names a studio's supplier or changes its terms (again after ending it revives it); the same terms again change nothing",
  })
  setSupplierRelationship(
    @Arg('studioId', () => ID) studioId: string,
    @Arg('input', () => SupplierRelationshipInput) input: SupplierRelationshipInput,
    @Arg('idempotencyKey') idempotencyKey: string,
    @Ctx() { ctx }: Context,
  ): Promise<SupplierRelationship> {
    return this.relationships.setSupplier(ctx, studioId, input, idempotencyKey);
  }

  @Mutation(() => SupplierRelationship, { description: "Ends a studio's relationship with a supplier (kept, with endedAt)" })
  endSupplierRelationship(
    @Arg('studioId', () => ID) studioId: string,
    @Arg('supplierId', () => ID) supplierId: string,
    @Arg('idempotencyKey') idempotencyKey: string,
    @Ctx() { ctx }: Context,
  ): Promise<SupplierRelationship> {
    return this.relationships.endSupplier(ctx, studioId, supplierId, idempotencyKey);
  }
}

/** A studio's partner workshops and kitchens: a partner sees its own relationships' stage codes. */
@Resolver(() => PartnerRelationship)
export class PartnerRelationshipResolver {
  private readonly relationships = new RelationshipService();

  @Query(() => [PartnerRelationship], {
    description: "Studios' partners you may see (a studio's staff its own; a partner its own stage codes), by studio then partner",
  })
  partnerRelationships(
    @Ctx() { ctx }: Context,
    @Info() info: GraphQLResolveInfo,
    @Arg('studioId', () => ID, { nullable: true }) studioId?: string,
    @Arg('includeEnded', { nullable: true, description: 'Also the ended ones' }) includeEnded?: boolean,
  ): Promise<PartnerRelationship[]> {
    answeredPrivately(info);
    return ctx.em.find(
      PartnerRelationship,
      { ...(studioId ? { studioId } : {}), ...(includeEnded ? {} : { endedAt: null }) },
      { orderBy: { studioId: 'asc', partnerId: 'asc' }, limit: LISTED },
    );
  }

  @FieldResolver(() => Enterprise, { nullable: true })
  studio(@Root() row: PartnerRelationship, @Ctx() { ctx }: Context): Promise<Enterprise | null> {
    return ctx.loaders.enterprise.load(row.studioId);
  }

  @FieldResolver(() => Enterprise, { nullable: true })
  partner(@Root() row: PartnerRelationship, @Ctx() { ctx }: Context): Promise<Enterprise | null> {
    return ctx.loaders.enterprise.load(row.partnerId);
  }

  @Mutation(() => PartnerRelationship, {
    description:
      "Names a studio's partner and the stage codes it may take (again after ending it revives it); the same codes again change nothing",
  })
  setPartnerRelationship(
    @Arg('studioId', () => ID) studioId: string,
    @Arg('input', () => PartnerRelationshipInput) input: PartnerRelationshipInput,
    @Arg('idempotencyKey') idempotencyKey: string,
    @Ctx() { ctx }: Context,
  ): Promise<PartnerRelationship> {
    return this.relationships.setPartner(ctx, studioId, input, idempotencyKey);
  }

  @Mutation(() => PartnerRelationship, {
    description: "Ends a studio's relationship with a partner: it is offered none of the studio's work from then on",
  })
  endPartnerRelationship(
    @Arg('studioId', () => ID) studioId: string,
    @Arg('partnerId', () => ID) partnerId: string,
    @Arg('idempotencyKey') idempotencyKey: string,
    @Ctx() { ctx }: Context,
  ): Promise<PartnerRelationship> {
    return this.relationships.endPartner(ctx, studioId, partnerId, idempotencyKey);
  }
}
