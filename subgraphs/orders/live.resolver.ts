import { Arg, Ctx, Field, ID, ObjectType, Query, Resolver, Root, Subscription } from 'type-graphql';
import type { LiveEventKind } from '../../contracts';
import type { GraphQLContext } from '../../platform/access/context';
import { AFTER_DESCRIPTION, LiveEvent, LiveEventKindEnum, liveSubscription } from '../../platform/graphql/live-event';
import { Order } from './entities/order';
import { ProgressEvent } from './entities/progress';
import type { OrderLoaders } from './loaders';

type Context = GraphQLContext<OrderLoaders>;

@ObjectType({ description: 'One change of an order as `orderProgress` delivers it: stages, exceptions, shipments, materials, allocations' })
export class OrderProgressEvent extends LiveEvent {
  @Field(() => ID)
  orderId!: string;

  @Field(() => Order, { nullable: true, description: 'The order as it is now, as far as the subscriber may see it' })
  order?: Order | null;

  @Field(() => ProgressEvent, {
    nullable: true,
    description: "The order's progress entry this event wrote (null for events of other subgraphs)",
  })
  entry?: ProgressEvent | null;
}

@ObjectType({ description: "One event of a studio's work as `studioEvents` delivers it" })
export class StudioEvent extends LiveEvent {
  @Field(() => ID)
  studioId!: string;

  @Field(() => ID, { nullable: true })
  orderId?: string | null;

  @Field(() => Order, { nullable: true })
  order?: Order | null;

  @Field(() => ProgressEvent, { nullable: true })
  entry?: ProgressEvent | null;
}

@ObjectType({ description: 'One event of a stage an enterprise holds, as `heldStageEvents` delivers it' })
export class HeldStageEvent extends LiveEvent {
  @Field(() => ID)
  orderId!: string;

  @Field(() => ID)
  stageRunId!: string;

  @Field(() => ProgressEvent, { nullable: true, description: 'The progress entry the event wrote, as far as you may see it' })
  entry?: ProgressEvent | null;
}

/** The orders subgraph's live surface: declared here, served by the gateway (see platform/graphql/live-event.ts). */
@Resolver()
export class OrderLiveResolver {
  @Subscription(() => OrderProgressEvent, liveSubscription('orderProgress'))
  orderProgress(
    @Root() event: OrderProgressEvent,
    @Arg('orderId', () => ID) _orderId: string,
    @Arg('after', () => String, { nullable: true, description: AFTER_DESCRIPTION }) _after?: string,
  ): OrderProgressEvent {
    return event;
  }

  @Subscription(() => StudioEvent, liveSubscription('studioEvents'))
  studioEvents(
    @Root() event: StudioEvent,
    @Arg('studioId', () => ID) _studioId: string,
    @Arg('kinds', () => [LiveEventKindEnum], { nullable: true }) _kinds?: LiveEventKind[],
    @Arg('after', () => String, { nullable: true, description: AFTER_DESCRIPTION }) _after?: string,
  ): StudioEvent {
    return event;
  }

  @Subscription(() => HeldStageEvent, liveSubscription('heldStageEvents'))
  heldStageEvents(
    @Root() event: HeldStageEvent,
    @Arg('enterpriseId', () => ID) _enterpriseId: string,
    @Arg('after', () => String, { nullable: true, description: AFTER_DESCRIPTION }) _after?: string,
  ): HeldStageEvent {
    return event;
  }

  @Query(() => ProgressEvent, {
    nullable: true,
    description: 'The progress entry written with an event (by its event id); null when you may not see it',
  })
  progressEvent(@Arg('eventId', () => ID) eventId: string, @Ctx() { ctx }: Context): Promise<ProgressEvent | null> {
    return ctx.em.findOne(ProgressEvent, { eventId });
  }
}
