import type { EntityManager } from '@mikro-orm/core';
import DataLoader from 'dataloader';
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
    // Unfiltered, for what the hub works out about a row the viewer may see (whether a stage may
    // start, what its piece bears): never returned as rows themselves.
    wholeRouteByOrder: wholeByParent(em, StageRun),
    wholeLinesByOrder: wholeByParent(em, OrderLine),
  };
}

function wholeByParent(em: EntityManager, entity: typeof StageRun): DataLoader<string, StageRun[]>;
function wholeByParent(em: EntityManager, entity: typeof OrderLine): DataLoader<string, OrderLine[]>;
function wholeByParent(em: EntityManager, entity: typeof StageRun | typeof OrderLine): DataLoader<string, (StageRun | OrderLine)[]> {
  return new DataLoader(async (orderIds) => {
    const rows: (StageRun | OrderLine)[] = await em.find(
      entity as typeof StageRun,
      { orderId: { $in: [...orderIds] } },
      { filters: false, orderBy: [{ position: 'asc' }] },
    );
    return orderIds.map((orderId) => rows.filter((row) => row.orderId === orderId));
  });
}
export type OrderLoaders = ReturnType<typeof createOrderLoaders>;
