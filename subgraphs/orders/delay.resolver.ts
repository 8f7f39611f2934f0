import { Arg, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { DelayChoice } from '../../contracts';
import type { GraphQLContext } from '../../platform/access/context';
import { badInput } from '../../platform/base/errors';
import { requireEnterpriseId, requireId } from '../../platform/data/ids';
import { delayService } from './delay.service';
import { DelayAlert, DelayAlertStatusEnum, DelayChoiceEnum, DelayPolicy, type DelayAlertStatus } from './entities/delay';
import { Order } from './entities/order';
import { StatusCodeReference } from './entities/references';
import type { OrderLoaders } from './loaders';

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

  @FieldResolver(() => Order, {
    nullable: true,
    description: "The alert's order (studio staff and hub admins): its number and, for the studio, the customer to call",
  })
  order(@Root() alert: DelayAlert, @Ctx() { ctx }: Context): Promise<Order | null> {
    return ctx.loaders.order.load(alert.orderId);
  }

  @FieldResolver(() => StatusCodeReference, { description: 'The delayed stage' })
  statusCode(@Root() alert: DelayAlert): StatusCodeReference {
    return { code: alert.stageCode };
  }

  @Mutation(() => DelayAlert, {
    description: 'The customer answers a delay notice on their order (once; the same answer again is a no-op)',
  })
  respondToDelay(
    @Arg('alertId', () => ID) alertId: string,
    @Arg('choice', () => DelayChoiceEnum) choice: DelayChoice,
    @Arg('idempotencyKey') idempotencyKey: string,
    @Ctx() { ctx }: Context,
  ): Promise<DelayAlert> {
    requireId('alr', alertId, 'alert');
    return delayService.respond(ctx, alertId, choice, idempotencyKey);
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
