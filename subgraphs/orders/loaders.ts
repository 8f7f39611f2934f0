import type { EntityManager } from '@mikro-orm/core';
import { loaderById, loaderByParent } from '../../platform/data/loaders';
import { Order, OrderLine } from './entities/order';
import { OrderException, ProgressEvent, Shipment, ShipmentEvent } from './entities/progress';
import { StageRun } from './entities/stage-run';
import { StudioCostProfile } from './entities/cost-profile';
import { TraceCode } from './entities/trace';
import { OrderEta } from './entities/eta';

export function createOrderLoaders(em: EntityManager) {
  return {
    order: loaderById(em, Order),
    linesByOrder: loaderByParent(em, OrderLine, 'orderId', { position: 'asc' }),
    stagesByOrder: loaderByParent(em, StageRun, 'orderId', { position: 'asc' }),
    progressByOrder: loaderByParent(em, ProgressEvent, 'orderId', { sequence: 'asc' }),
    exceptionsByOrder: loaderByParent(em, OrderException, 'orderId', { reportedAt: 'asc' }),
    shipmentsByOrder: loaderByParent(em, Shipment, 'orderId', { createdAt: 'asc' }),
    eventsByShipment: loaderByParent(em, ShipmentEvent, 'shipmentId', { occurredAt: 'asc' }),
    costProfile: loaderById(em, StudioCostProfile, 'studioId'),
    traceCodesByOrder: loaderByParent(em, TraceCode, 'orderId', { code: 'asc' }),
    etaByOrder: loaderById(em, OrderEta, 'orderId'),
  };
}
export type OrderLoaders = ReturnType<typeof createOrderLoaders>;
