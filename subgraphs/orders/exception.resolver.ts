import { Arg, Ctx, FieldResolver, ID, Mutation, Resolver, Root } from 'type-graphql';
import type { GraphQLContext } from '../../platform/access/context';
import { ExceptionCodeReference } from './entities/references';
import { OrderException } from './entities/progress';
import type { OrderLoaders } from './loaders';
import { ExceptionService } from './exception.service';

type Context = GraphQLContext<OrderLoaders>;

@Resolver(() => OrderException)
export class OrderExceptionResolver {
  constructor(private readonly exceptions = new ExceptionService()) {}

  @Mutation(() => OrderException, { description: 'Reports an exception with a taxonomy code (standard or the studio extension)' })
  reportException(
    @Arg('orderId', () => ID) orderId: string,
    @Arg('code') code: string,
    @Arg('idempotencyKey') idempotencyKey: string,
    @Ctx() { ctx }: Context,
    @Arg('stageRunId', () => ID, { nullable: true }) stageRunId?: string,
    @Arg('note', { nullable: true }) note?: string,
  ): Promise<OrderException> {
    return this.exceptions.reportException(ctx, { orderId, code, stageRunId, note }, idempotencyKey);
  }

  @Mutation(() => OrderException)
  resolveException(
    @Arg('exceptionId', () => ID) exceptionId: string,
    @Arg('resolution') resolution: string,
    @Arg('idempotencyKey') idempotencyKey: string,
    @Ctx() { ctx }: Context,
  ): Promise<OrderException> {
    return this.exceptions.resolveException(ctx, exceptionId, resolution, idempotencyKey);
  }

  @FieldResolver(() => ExceptionCodeReference)
  code(@Root() exception: OrderException): ExceptionCodeReference {
    return { code: exception.code };
  }

  @FieldResolver(() => ID)
  orderId(@Root() exception: OrderException): string {
    return exception.orderId;
  }
}
