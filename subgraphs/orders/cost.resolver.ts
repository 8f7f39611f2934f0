import { ArrayMaxSize, Max, Min, ValidateNested } from 'class-validator';
import {
  Arg,
  Ctx,
  Directive,
  Field,
  FieldResolver,
  Float,
  ID,
  InputType,
  Int,
  Mutation,
  ObjectType,
  Query,
  Resolver,
  Root,
} from 'type-graphql';
import type { GraphQLContext } from '../../platform/access/context';
import { requireEnterpriseId } from '../../platform/data/ids';
import { inTransaction } from '../../platform/data/transactions';
import { StudioCostProfile } from './entities/cost-profile';
import { Order } from './entities/order';
import type { OrderLoaders } from './loaders';
import { requireStatusCodeFor } from './studio-codes';

type Context = GraphQLContext<OrderLoaders>;
const HOUR = 3_600_000;

@ObjectType({ description: 'What an order cost its studio, and what it earned (studio only)' })
class OrderCost {
  @Field(() => Int, { description: 'Material held or consumed, from the suppliers subgraph' })
  materialsCents!: number;

  @Field(() => Float, { description: 'Hours of the stages done' })
  labourHours!: number;

  @Field(() => Int)
  labourCents!: number;

  @Field(() => Int)
  overheadCents!: number;

  @Field(() => Int)
  totalCents!: number;

  @Field(() => Int)
  priceCents!: number;

  @Field(() => Int)
  marginCents!: number;

  @Field(() => Float, { nullable: true, description: 'Margin as a percentage of the price' })
  marginPercent!: number | null;
}

@InputType()
class StageRateInput {
  @Field() code!: string;
  @Field(() => Int) @Min(0) @Max(10_000_000) hourlyRateCents!: number;
}

@InputType()
class CostProfileInput {
  @Field(() => Int) @Min(0) @Max(10_000_000) defaultHourlyRateCents!: number;
  @Field(() => Int) @Min(0) @Max(1000) overheadPercent!: number;
  @Field(() => [StageRateInput], { defaultValue: [] }) @ArrayMaxSize(100) @ValidateNested({ each: true }) stageRates!: StageRateInput[];
}

/** Studios without a profile of their own are costed with these. */
const DEFAULT_COST_PROFILE = {
  defaultHourlyRateCents: 6000,
  overheadPercent: 25,
  stageRates: [] as { code: string; hourlyRateCents: number }[],
};

@Resolver(() => Order)
export class OrderCostResolver {
  /**
   * Composed across subgraphs without moving the price: the gateway fetches the material cost
   * from the suppliers subgraph (`@requires`) and hands it here, where the price lives.
   */
  @Directive('@requires(fields: "materialCostCents")')
  @FieldResolver(() => OrderCost, { nullable: true, description: 'Materials, labour, overhead and margin (studio only)' })
  async cost(@Root() order: Order, @Ctx() { ctx }: Context): Promise<OrderCost> {
    const [stages, profile] = await Promise.all([ctx.loaders.stagesByOrder.load(order.id), ctx.loaders.costProfile.load(order.studioId)]);
    const rates = profile ?? DEFAULT_COST_PROFILE;
    let labourHours = 0;
    let labour = 0;
    for (const stage of stages) {
      if (stage.status !== 'DONE' || !stage.startedAt || !stage.finishedAt) continue;
      const hours = (stage.finishedAt.getTime() - stage.startedAt.getTime()) / HOUR;
      labourHours += hours;
      labour += hours * (rates.stageRates.find((rate) => rate.code === stage.code)?.hourlyRateCents ?? rates.defaultHourlyRateCents);
    }
    const labourCents = Math.round(labour);
    const overheadCents = Math.round((labourCents * rates.overheadPercent) / 100);
    const materialsCents = order.materialCostCents ?? 0;
    const totalCents = materialsCents + labourCents + overheadCents;
    const marginCents = order.priceCents - totalCents;
    return {
      materialsCents,
      labourHours: Math.round(labourHours * 100) / 100,
      labourCents,
      overheadCents,
      totalCents,
      priceCents: order.priceCents,
      marginCents,
      marginPercent: order.priceCents > 0 ? Math.round((marginCents / order.priceCents) * 10_000) / 100 : null,
    };
  }
}

@Resolver(() => StudioCostProfile)
export class CostProfileResolver {
  @Query(() => StudioCostProfile, { nullable: true, description: "A studio's costing (null: the hub's defaults apply)" })
  studioCostProfile(@Arg('studioId', () => ID) studioId: string, @Ctx() { ctx }: Context): Promise<StudioCostProfile | null> {
    requireEnterpriseId(studioId, 'studioId');
    return ctx.loaders.costProfile.load(studioId);
  }

  @Mutation(() => StudioCostProfile, {
    description: "Sets a studio's labour rates and overhead share; setting the same again changes nothing",
  })
  async setStudioCostProfile(
    @Arg('studioId', () => ID) studioId: string,
    @Arg('input', () => CostProfileInput) input: CostProfileInput,
    @Ctx() { ctx }: Context,
  ): Promise<StudioCostProfile> {
    requireEnterpriseId(studioId, 'studioId');
    const stageRates = input.stageRates.map((rate) => ({
      code: requireStatusCodeFor(studioId, rate.code),
      hourlyRateCents: rate.hourlyRateCents,
    }));
    return inTransaction(ctx, async (em) => {
      const profile =
        (await em.findOne(StudioCostProfile, { studioId }, { filters: false })) ??
        em.create(StudioCostProfile, { studioId, defaultHourlyRateCents: 0, overheadPercent: 0, stageRates: [], updatedAt: new Date() });
      profile.defaultHourlyRateCents = input.defaultHourlyRateCents;
      profile.overheadPercent = input.overheadPercent;
      profile.stageRates = stageRates;
      profile.updatedAt = new Date();
      em.persist(profile);
      return profile;
    });
  }
}
