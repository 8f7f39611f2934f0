import { Arg, Ctx, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import { epcisIdentifiers } from '../../contracts';
import type { GraphQLContext } from '../../platform/access/context';
import { Order } from './entities/order';
import { StageRun } from './entities/stage-run';
import { TraceCode } from './entities/trace';
import { traceCodeOf } from './product-story';
import type { OrderLoaders } from './loaders';

type Context = GraphQLContext<OrderLoaders>;

@Resolver(() => Order)
export class OrderTraceResolver {
  @FieldResolver(() => [TraceCode], { nullable: true, description: "The finished products' traceability codes (issued at QC & packing)" })
  traceCodes(@Root() order: Order, @Ctx() { ctx }: Context): Promise<TraceCode[]> {
    return ctx.loaders.traceCodesByOrder.load(order.id);
  }
}

@Resolver(() => TraceCode)
export class TraceResolver {
  @Query(() => TraceCode, {
    nullable: true,
    description: "A finished product's history by its traceability code; null when it is not one you may see",
  })
  trace(@Arg('code') code: string, @Ctx() { ctx }: Context): Promise<TraceCode | null> {
    return ctx.em.findOne(TraceCode, { code: traceCodeOf(code) });
  }

  @FieldResolver(() => String, {
    description:
      "The URI a scan opens, under the hub's public URL: a GS1 Digital Link (/01/<gtin>/21/<code>) when the product has a GTIN, else the hub's own /id/product/<code>",
  })
  uri(@Root() trace: TraceCode, @Ctx() { ctx }: Context): string {
    return epcisIdentifiers(ctx.auth.publicUrl.base).product({ gtin: trace.gtin, serial: trace.code });
  }

  @FieldResolver(() => Order, { nullable: true })
  order(@Root() trace: TraceCode, @Ctx() { ctx }: Context): Promise<Order | null> {
    return ctx.loaders.order.load(trace.orderId);
  }

  @FieldResolver(() => [StageRun], {
    nullable: true,
    description: 'Every stage the product went through, with its times, operator, readings and QC, at your tier',
  })
  stages(@Root() trace: TraceCode, @Ctx() { ctx }: Context): Promise<StageRun[]> {
    return ctx.loaders.stagesByOrder.load(trace.orderId);
  }
}
