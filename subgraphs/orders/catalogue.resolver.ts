import { Arg, Ctx, Field, FieldResolver, ID, Int, Mutation, ObjectType, Query, Resolver, Root } from 'type-graphql';
import type { GraphQLContext } from '../../platform/access/context';
import { badInput } from '../../platform/base/errors';
import { requireEnterpriseId } from '../../platform/data/ids';
import { ImportResult } from '../../platform/graphql/import-result';
import { CatalogueImportInput, CatalogueProductInput, ProductFamilyInput, RouteInput } from './catalogue-inputs';
import { catalogueService } from './catalogue.service';
import { CatalogueProduct, CatalogueRoute, ProductFamily, RouteVersion, type RouteStepDefinition } from './entities/catalogue';
import { StatusCodeReference } from './entities/references';
import type { OrderLoaders } from './loaders';

type Context = GraphQLContext<OrderLoaders>;

@ObjectType('CatalogueRouteStep', { description: 'One stage of a route version' })
class CatalogueRouteStep {
  @Field(() => Int, { description: 'Place in the route, from 1' })
  position!: number;

  @Field(() => StatusCodeReference)
  statusCode!: StatusCodeReference;

  @Field(() => Int)
  standardMinutes!: number;

  @Field()
  qcCheckpoint!: boolean;

  @Field(() => String, { nullable: true })
  workCenterCode!: string | null;

  @Field(() => String, { nullable: true, description: 'The stage code an operator must have among their skills' })
  skill!: string | null;

  @Field()
  partnerAllowed!: boolean;
}

@ObjectType('CatalogueRouteVersion', { description: 'One version of a route: what orders imported while it was current copied' })
class CatalogueRouteVersion {
  @Field(() => Int)
  version!: number;

  @Field()
  createdAt!: Date;

  @Field(() => [CatalogueRouteStep])
  steps!: CatalogueRouteStep[];
}

@ObjectType('StudioCatalogue', { description: "A studio's product families, products and routes" })
class StudioCatalogue {
  @Field(() => ID)
  studioId!: string;

  @Field(() => [ProductFamily])
  families!: ProductFamily[];

  @Field(() => [CatalogueProduct])
  products!: CatalogueProduct[];

  @Field(() => [CatalogueRoute])
  routes!: CatalogueRoute[];
}

const stepsOf = (steps: readonly RouteStepDefinition[]): CatalogueRouteStep[] =>
  steps.map((step, index) => ({ ...step, position: index + 1, statusCode: { code: step.statusCode } }));

/** A studio's catalogue, read and changed by its own staff (changed by its admins and supervisors). */
@Resolver()
export class CatalogueResolver {
  @Query(() => StudioCatalogue, { description: "A studio's catalogue: its own staff (and hub admins) read it" })
  async catalogue(@Arg('studioId', () => ID) studioId: string, @Ctx() { ctx }: Context): Promise<StudioCatalogue> {
    requireEnterpriseId(studioId, 'studioId');
    const [families, products, routes] = await Promise.all([
      ctx.em.find(ProductFamily, { studioId }, { orderBy: { code: 'asc' } }),
      ctx.em.find(CatalogueProduct, { studioId }, { orderBy: { productCode: 'asc' } }),
      ctx.em.find(CatalogueRoute, { studioId }, { orderBy: { code: 'asc' } }),
    ]);
    return { studioId, families, products, routes };
  }

  @Mutation(() => ProductFamily, { description: 'Creates or renames a product family of the studio; the same key again changes nothing' })
  upsertProductFamily(
    @Arg('studioId', () => ID) studioId: string,
    @Arg('input', () => ProductFamilyInput) input: ProductFamilyInput,
    @Arg('idempotencyKey') idempotencyKey: string,
    @Ctx() { ctx }: Context,
  ): Promise<ProductFamily> {
    return catalogueService.upsertFamily(ctx, studioId, input, idempotencyKey);
  }

  @Mutation(() => CatalogueProduct, {
    description: 'Creates a product of the studio or replaces it whole (orders already imported keep their stages)',
  })
  upsertProduct(
    @Arg('studioId', () => ID) studioId: string,
    @Arg('input', () => CatalogueProductInput) input: CatalogueProductInput,
    @Arg('idempotencyKey') idempotencyKey: string,
    @Ctx() { ctx }: Context,
  ): Promise<CatalogueProduct> {
    return catalogueService.upsertProduct(ctx, studioId, input, idempotencyKey);
  }

  @Mutation(() => CatalogueRoute, {
    description:
      'Creates a route, or saves it whole: different stages make a new version, used by orders imported from then on (orders in flight keep theirs)',
  })
  saveRoute(
    @Arg('studioId', () => ID) studioId: string,
    @Arg('input', () => RouteInput) input: RouteInput,
    @Arg('idempotencyKey') idempotencyKey: string,
    @Ctx() { ctx }: Context,
  ): Promise<CatalogueRoute> {
    return catalogueService.saveRoute(ctx, studioId, input, idempotencyKey);
  }

  @Mutation(() => ImportResult, {
    description:
      "The studio's products and routes from a spreadsheet (docs/domains/catalogue.md): validated whole, every refused row named, applied all or nothing",
  })
  importCatalogue(
    @Arg('studioId', () => ID) studioId: string,
    @Arg('input', () => CatalogueImportInput) input: CatalogueImportInput,
    @Arg('idempotencyKey') idempotencyKey: string,
    @Ctx() { ctx }: Context,
  ): Promise<ImportResult> {
    return catalogueService.importCatalogue(ctx, studioId, input, idempotencyKey);
  }
}

@Resolver(() => CatalogueRoute)
export class CatalogueRouteResolver {
  @FieldResolver(() => [CatalogueRouteStep], { description: 'The stages of the current version, or of an earlier one' })
  async steps(
    @Root() route: CatalogueRoute,
    @Ctx() { ctx }: Context,
    @Arg('version', () => Int, { nullable: true }) version?: number,
  ): Promise<CatalogueRouteStep[]> {
    if (version !== undefined && version !== null && (!Number.isInteger(version) || version < 1 || version > route.currentVersion))
      throw badInput(`version must be from 1 to ${route.currentVersion}`, { field: 'version' });
    const found = await ctx.em.findOneOrFail(RouteVersion, {
      studioId: route.studioId,
      routeCode: route.code,
      version: version ?? route.currentVersion,
    });
    return stepsOf(found.steps);
  }

  @FieldResolver(() => [CatalogueRouteVersion], { description: 'Every version, newest first' })
  async versions(@Root() route: CatalogueRoute, @Ctx() { ctx }: Context): Promise<CatalogueRouteVersion[]> {
    const versions = await ctx.em.find(RouteVersion, { studioId: route.studioId, routeCode: route.code }, { orderBy: { version: 'desc' } });
    return versions.map((found) => ({ version: found.version, createdAt: found.createdAt, steps: stepsOf(found.steps) }));
  }
}
