import { ORDER_EVENTS, STATUS } from '../../contracts';
import type { RequestContext } from '../../platform/access/context';
import { failedPrecondition, notFound } from '../../platform/base/errors';
import { newId, requireId } from '../../platform/data/ids';
import { idempotent, inTransaction } from '../../platform/data/transactions';
import { Shipment, ShipmentEvent } from './entities/progress';
import type { ShipmentEventInput, ShipmentInput } from './inputs';
import { appendProgress } from './progress-log';
import { ID_PREFIX, loadOrder } from './order-loaders';
import { type Clock, systemClock } from './clock';
import { allows, ORDER_MACHINE, SHIPMENT_MACHINE } from './lifecycle/machines';
import { transition } from './lifecycle/transition';

/** Parcels to the customer and their tracking events. */
export class ShipmentService {
  constructor(private readonly clock: Clock = systemClock) {}

  /** Ships an order whose route is done; the order becomes SHIPPED (status code F10). */
  async addShipment(ctx: RequestContext<unknown>, orderId: string, input: ShipmentInput, idempotencyKey: string): Promise<Shipment> {
    requireId(ID_PREFIX.order, orderId, 'order');
    const id = await inTransaction(ctx, (em) =>
      idempotent(em, ctx.viewer, 'addShipment', idempotencyKey, { orderId, ...input }, async () => {
        const order = await loadOrder(em, orderId);
        if (order.status !== 'READY_TO_SHIP' && order.status !== 'SHIPPED') {
          throw failedPrecondition('ROUTE_NOT_DONE', `Order "${order.id}" is ${order.status}: ship it once every stage is done`, {
            status: order.status,
          });
        }
        const now = this.clock();
        const shipment = em.create(Shipment, {
          id: newId(ID_PREFIX.shipment, now.getTime()),
          orderId: order.id,
          studioId: order.studioId,
          carrier: input.carrier,
          trackingNumber: input.trackingNumber,
          status: 'CREATED',
          createdAt: now,
        });
        em.persist(shipment);
        transition(em, ORDER_MACHINE, order, 'SHIPPED', order, {
          statusCode: STATUS.SHIPPED,
          progress: () => ({
            type: ORDER_EVENTS.SHIPMENT_ADDED,
            actor: ctx.actor,
            at: now,
            statusCode: STATUS.SHIPPED,
            payload: { shipmentId: shipment.id, carrier: shipment.carrier, statusCode: STATUS.SHIPPED },
          }),
        });
        return shipment.id;
      }),
    );
    return (await ctx.em.fork().findOne(Shipment, { id }))!;
  }

  /** A carrier's tracking event; DELIVERED completes the order (status code F20). */
  async recordShipmentEvent(
    ctx: RequestContext<unknown>,
    shipmentId: string,
    input: ShipmentEventInput,
    idempotencyKey: string,
  ): Promise<Shipment> {
    requireId(ID_PREFIX.shipment, shipmentId, 'shipment');
    const id = await inTransaction(ctx, (em) =>
      idempotent(em, ctx.viewer, 'recordShipmentEvent', idempotencyKey, { shipmentId, ...input }, async () => {
        const shipment = await em.findOne(Shipment, { id: shipmentId });
        if (!shipment) throw notFound('Shipment', shipmentId);
        if (shipment.status === 'DELIVERED' || shipment.status === 'RETURNED') {
          throw failedPrecondition('SHIPMENT_CLOSED', `Shipment "${shipmentId}" is ${shipment.status.toLowerCase()}`);
        }
        const order = await loadOrder(em, shipment.orderId);
        const now = this.clock();
        const occurredAt = input.occurredAt ?? now;
        em.persist(
          em.create(ShipmentEvent, {
            id: newId(ID_PREFIX.shipmentEvent, occurredAt.getTime()),
            shipmentId,
            orderId: order.id,
            studioId: order.studioId,
            status: input.status,
            occurredAt,
            location: input.location ?? null,
            description: input.description ?? null,
          }),
        );
        transition(em, SHIPMENT_MACHINE, shipment, input.status, order);
        if (input.status === 'DELIVERED' && allows(ORDER_MACHINE, order.status, 'DELIVERED')) {
          transition(em, ORDER_MACHINE, order, 'DELIVERED', order, {
            statusCode: STATUS.DELIVERED,
            progress: () => ({
              type: ORDER_EVENTS.DELIVERED,
              actor: ctx.actor,
              at: now,
              statusCode: STATUS.DELIVERED,
              payload: { shipmentId, shipmentStatus: input.status, statusCode: STATUS.DELIVERED },
            }),
          });
        } else {
          appendProgress(em, order, {
            type: ORDER_EVENTS.SHIPMENT_EVENT,
            actor: ctx.actor,
            at: now,
            statusCode: null,
            payload: { shipmentId, shipmentStatus: input.status },
          });
        }
        return shipment.id;
      }),
    );
    return (await ctx.em.fork().findOne(Shipment, { id }))!;
  }
}
