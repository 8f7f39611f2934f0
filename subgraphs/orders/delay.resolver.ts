import { Arg, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { VOCABULARY, type DelayChoice } from '../../contracts';
import type { GraphQLContext } from '../../platform/access/context';
import { badInput } from '../../platform/base/errors';
import { requireEnterpriseId, requireId } from '../../platform/data/ids';
import { delayChoicesOf, delayService } from './delay.service';
import { DelayAlert, DelayAlertStatusEnum, DelayChoiceEnum, DelayPolicy, type DelayAlertStatus } from './entities/delay';
import { Order } from './entities/order';
import { StatusCodeReference } from './entities/references';
import type { OrderLoaders } from './loaders';
import { StageRun } from './entities/stage-run';

type Context = GraphQLContext<OrderLoaders>;

const MAX_OPTIONS = 10;
const MAX_OPTION_LENGTH = 200;

@Resolver(() => DelayAlert)
export class DelayAlertResolver {
  @Query(() => [DelayAlert], { description: "A studio's delay alerts, newest first" })
  delayAlerts(
    @Arg('studioId', () => ID) studioId: string,
    @Ctx() { ctx }: Context,
    @Arg('status', () => DelayAlertStatusEnum, { nullable: true }) status?: DelayAlertStatus,
  ): Promise<DelayAlert[]> {
    requireEnterpriseId(studioId, 'studioId');
    return ctx.em.find(
      DelayAlert,
      { studioId, ...(status ? { status } : {}) },
      { orderBy: [{ raisedAt: 'desc' }, { id: 'desc' }], limit: 500 },
    );
  }

  @Query(() => DelayPolicy, {
    nullable: true,
    description: 'What a studio offers customers when a stage runs late (null: nothing set yet); setDelayCompensation changes it',
  })
  delayPolicy(@Arg('studioId', () => ID) studioId: string, @Ctx() { ctx }: Context): Promise<DelayPolicy | null> {
    requireEnterpriseId(studioId, 'studioId');
    return ctx.em.findOne(DelayPolicy, { studioId });
  }

  @FieldResolver(() => Order, {
    nullable: true,
    description: "The alert's order (studio staff and hub admins): its number and, for the studio, the customer to call",
  })
  order(@Root() alert: DelayAlert, @Ctx() { ctx }: Context): Promise<Order | null> {
    return ctx.loaders.order.load(alert.orderId);
  }

  @FieldResolver(() => StatusCodeReference, {
    nullable: true,
    description: "The delayed stage (the studio's and hub admins'; a customer reads visibleStage, the stage their tier shows)",
  })
  statusCode(@Root() alert: DelayAlert): StatusCodeReference {
    return { code: alert.stageCode };
  }

  @FieldResolver(() => [DelayChoiceEnum], { description: 'The answers this notice offers (CANCEL_RUSH only on an order with a rush)' })
  choices(@Root() alert: DelayAlert): DelayChoice[] {
    return delayChoicesOf(alert);
  }

  @FieldResolver(() => StatusCodeReference, {
    nullable: true,
    description:
      "The delayed stage as the reader may see it: the stage itself, or for a customer whose tier does not show it the next stage of the route that it does; null when the customer's tier shows no stage",
  })
  async visibleStage(@Root() alert: DelayAlert, @Ctx() { ctx }: Context): Promise<StatusCodeReference | null> {
    const customer = ctx.viewer.principal?.customer;
    if (!customer) return { code: alert.stageCode };
    // The loader answers a customer with the stages their tier shows (the row rule), in route order.
    const visible = await ctx.loaders.stagesByOrder.load(alert.orderId);
    if (visible.some((stage) => stage.id === alert.stageRunId)) return { code: VOCABULARY.standardStatusOf(alert.stageCode).code };
    const delayed = await ctx.em.fork().findOne(StageRun, { id: alert.stageRunId }, { filters: false, fields: ['position'] });
    const next = delayed ? visible.find((stage) => stage.position > delayed.position) : undefined;
    return next ? { code: VOCABULARY.standardStatusOf(next.code).code } : null;
  }

  @Mutation(() => DelayAlert, {
    description:
      'The customer answers a delay notice on their order (once; the same answer again is a no-op), accepting it with one of its compensation options if they like',
  })
  respondToDelay(
    @Arg('alertId', () => ID) alertId: string,
    @Arg('choice', () => DelayChoiceEnum) choice: DelayChoice,
    @Arg('idempotencyKey') idempotencyKey: string,
    @Ctx() { ctx }: Context,
    @Arg('compensation', () => String, { nullable: true, description: 'One of the notice’s compensationOptions (with ACCEPT_DELAY)' })
    compensation?: string | null,
  ): Promise<DelayAlert> {
    requireId('alr', alertId, 'alert');
    if (compensation && compensation.length > MAX_OPTION_LENGTH)
      throw badInput(`A compensation has at most ${MAX_OPTION_LENGTH} characters`, { field: 'compensation' });
    return delayService.respond(ctx, alertId, choice, idempotencyKey, compensation ?? null);
  }

  @Mutation(() => DelayPolicy, {
    description: 'What the studio offers when a stage runs late (at most 10 options, each up to 200 characters); later notices carry it',
  })
  setDelayCompensation(
    @Arg('studioId', () => ID) studioId: string,
    @Arg('options', () => [String]) options: string[],
    @Ctx() { ctx }: Context,
  ): Promise<DelayPolicy> {
    if (options.length > MAX_OPTIONS) throw badInput(`At most ${MAX_OPTIONS} compensation options`, { field: 'options' });
    if (options.some((option) => option.trim() === '' || option.length > MAX_OPTION_LENGTH))
      throw badInput(`Each option needs 1 to ${MAX_OPTION_LENGTH} characters`, { field: 'options' });
    return delayService.setCompensation(ctx, studioId, options);
  }
}

@Resolver(() => Order)
export class OrderDelayResolver {
  @FieldResolver(() => [DelayAlert], {
    nullable: true,
    description: "The order's delay alerts (customers: the notices to them), oldest first",
  })
  delayAlerts(@Root() order: Order, @Ctx() { ctx }: Context): Promise<DelayAlert[]> {
    return ctx.em.find(DelayAlert, { orderId: order.id }, { orderBy: [{ raisedAt: 'asc' }, { id: 'asc' }] });
  }
}
