import { Arg, Ctx, Field, FieldResolver, Float, ID, Int, Mutation, ObjectType, Query, Resolver, Root } from 'type-graphql';
import type { GraphQLContext } from '../../platform/access/context';
import { badInput } from '../../platform/base/errors';
import { newId, requireEnterpriseId } from '../../platform/data/ids';
import { inTransaction } from '../../platform/data/transactions';
import { CloudKitchen, EnterpriseKitchen, FulfillmentCycle, Subscription, SubscriptionPlan, WeeklyProductionPlan } from './entities';

type Context = GraphQLContext<unknown>;
const PERIOD = /^\d{4}-W\d{2}$/;

@ObjectType({ description: 'How many subscribers of a plan stay' })
class PlanRetention {
  @Field(() => SubscriptionPlan)
  plan!: SubscriptionPlan;

  @Field(() => Int)
  active!: number;

  @Field(() => Int, { description: 'Every subscription the plan ever had' })
  total!: number;

  @Field(() => Float, { nullable: true, description: 'Active / total' })
  retentionRate!: number | null;
}

@Resolver()
export class KitchensResolver {
  @Query(() => [CloudKitchen], { description: 'The cloud kitchens of the network' })
  cloudKitchens(@Ctx() { ctx }: Context): Promise<CloudKitchen[]> {
    return ctx.em.find(CloudKitchen, {}, { orderBy: { id: 'asc' } });
  }

  @Query(() => [SubscriptionPlan], { description: "A pastry studio's subscription plans, cheapest first" })
  subscriptionPlans(@Arg('studioId', () => ID) studioId: string, @Ctx() { ctx }: Context): Promise<SubscriptionPlan[]> {
    requireEnterpriseId(studioId, 'studioId');
    return ctx.em.find(SubscriptionPlan, { studioId }, { orderBy: { priceCents: 'asc' } });
  }

  @Query(() => [PlanRetention], { description: 'Retention per plan' })
  async planRetention(@Arg('studioId', () => ID) studioId: string, @Ctx() { ctx }: Context): Promise<PlanRetention[]> {
    requireEnterpriseId(studioId, 'studioId');
    const plans = await ctx.em.find(SubscriptionPlan, { studioId }, { orderBy: { priceCents: 'asc' } });
    const subscriptions = await ctx.em.find(Subscription, { studioId });
    return plans.map((plan) => {
      const ofPlan = subscriptions.filter((subscription) => subscription.planId === plan.id);
      const active = ofPlan.filter((subscription) => subscription.status === 'ACTIVE').length;
      return {
        plan,
        active,
        total: ofPlan.length,
        retentionRate: ofPlan.length ? Math.round((active / ofPlan.length) * 10_000) / 10_000 : null,
      };
    });
  }

  @Query(() => [FulfillmentCycle], { description: "A studio's fulfilment cycles with their KPIs, newest first" })
  fulfillmentCycles(@Arg('studioId', () => ID) studioId: string, @Ctx() { ctx }: Context): Promise<FulfillmentCycle[]> {
    requireEnterpriseId(studioId, 'studioId');
    return ctx.em.find(FulfillmentCycle, { studioId }, { orderBy: { period: 'desc' }, limit: 104 });
  }

  @Query(() => WeeklyProductionPlan, { nullable: true, description: "A studio's latest weekly production plan" })
  weeklyProductionPlan(@Arg('studioId', () => ID) studioId: string, @Ctx() { ctx }: Context): Promise<WeeklyProductionPlan | null> {
    requireEnterpriseId(studioId, 'studioId');
    return ctx.em.findOne(WeeklyProductionPlan, { studioId }, { orderBy: { weekStart: 'desc' } });
  }

  @Mutation(() => FulfillmentCycle, { description: "Records a cycle's figures; recording the same period again replaces them" })
  async recordFulfillmentCycle(
    @Arg('studioId', () => ID) studioId: string,
    @Arg('period') period: string,
    @Arg('planned', () => Int) planned: number,
    @Arg('produced', () => Int) produced: number,
    @Arg('delivered', () => Int) delivered: number,
    @Arg('wasted', () => Int) wasted: number,
    @Ctx() { ctx }: Context,
  ): Promise<FulfillmentCycle> {
    requireEnterpriseId(studioId, 'studioId');
    if (!PERIOD.test(period)) throw badInput('period must be an ISO week, e.g. 2026-W47', { field: 'period' });
    for (const [field, value] of Object.entries({ planned, produced, delivered, wasted })) {
      if (!Number.isInteger(value) || value < 0) throw badInput(`${field} must be a whole number, zero or more`, { field });
    }
    if (delivered + wasted > produced) throw badInput('Delivered and wasted boxes cannot exceed those produced', { field: 'delivered' });
    return inTransaction(ctx, async (em) => {
      const cycle =
        (await em.findOne(FulfillmentCycle, { studioId, period }, { filters: false })) ??
        em.create(FulfillmentCycle, { id: newId('cyc'), studioId, period, planned, produced, delivered, wasted });
      Object.assign(cycle, { planned, produced, delivered, wasted });
      em.persist(cycle);
      return cycle;
    });
  }
}

@Resolver(() => EnterpriseKitchen)
export class EnterpriseKitchenResolver {
  @FieldResolver(() => CloudKitchen, { nullable: true, description: "The enterprise's kitchen terms, when it is a cloud kitchen" })
  cloudKitchen(@Root() enterprise: EnterpriseKitchen, @Ctx() { ctx }: Context): Promise<CloudKitchen | null> {
    return ctx.em.findOne(CloudKitchen, { id: enterprise.id });
  }
}
