import { Arg, Ctx, FieldResolver, ID, Mutation, Resolver, Root } from 'type-graphql';
import type { GraphQLContext } from '../../platform/access/context';
import { Shipment, ShipmentEvent } from './entities/progress';
import { ShipmentEventInput, ShipmentInput } from './inputs';
import type { OrderLoaders } from './loaders';
import { ShipmentService } from './shipment.service';

type Context = GraphQLContext<OrderLoaders>;

@Resolver(() => Shipment)
export class ShipmentResolver {
  constructor(private readonly shipments = new ShipmentService()) {}

  @Mutation(() => Shipment, { description: 'Ships an order whose route is done' })
  addShipment(
    @Arg('orderId', () => ID) orderId: string,
    @Arg('input', () => ShipmentInput) input: ShipmentInput,
    @Arg('idempotencyKey') idempotencyKey: string,
    @Ctx() { ctx }: Context,
  ): Promise<Shipment> {
    return this.shipments.addShipment(ctx, orderId, input, idempotencyKey);
  }

  @Mutation(() => Shipment, { description: "Records a carrier's tracking event; DELIVERED completes the order" })
  recordShipmentEvent(
    @Arg('shipmentId', () => ID) shipmentId: string,
    @Arg('input', () => ShipmentEventInput) input: ShipmentEventInput,
    @Arg('idempotencyKey') idempotencyKey: string,
    @Ctx() { ctx }: Context,
  ): Promise<Shipment> {
    return this.shipments.recordShipmentEvent(ctx, shipmentId, input, idempotencyKey);
  }

  @FieldResolver(() => [ShipmentEvent])
  events(@Root() shipment: Shipment, @Ctx() { ctx }: Context): Promise<ShipmentEvent[]> {
    return ctx.loaders.eventsByShipment.load(shipment.id);
  }
}
