import { Arg, Ctx, FieldResolver, ID, Mutation, Resolver, Root } from 'type-graphql';
import type { GraphQLContext } from '../shared/context';
import { ExceptionCodeReference, StatusCodeReference } from './entities/references';
import { OrderException, ProgressEvent, Shipment, ShipmentEvent } from './entities/progress';
import { ShipmentEventInput, ShipmentInput } from './inputs';
import type { OrderLoaders } from './loaders';
import { ExceptionService } from './exception.service';
import { ShipmentService } from './shipment.service';

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

@Resolver(() => ProgressEvent)
export class ProgressEventResolver {
  @FieldResolver(() => StatusCodeReference, { nullable: true })
  statusCode(@Root() event: ProgressEvent): StatusCodeReference | null {
    return event.statusCodeValue ? { code: event.statusCodeValue } : null;
  }
}
