import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { GraphQLContext } from '../../../platform/access/context';
import { Eta } from '../entities/eta';
import { Order } from '../entities/order';
import type { OrderLoaders } from '../loaders';
import { etaService } from './eta.service';

@Resolver(() => Order)
export class OrderEtaResolver {
  @FieldResolver(() => Eta, {
    nullable: true,
    description:
      'Predicted completion and delivery with a 90 % bound, re-estimated on each progress event (customers from tier BASIC); null once cancelled',
  })
  eta(@Root() order: Order, @Ctx() { ctx }: GraphQLContext<OrderLoaders>): Promise<Eta | null> {
    return etaService.etaOf(ctx.em, order, (orderId) => ctx.loaders.etaByOrder.load(orderId), ctx.settings);
  }
}
