import type { EntityManager } from '@mikro-orm/core';
import { loaderByParent } from '../../platform/data/loaders';
import { CapacityOffer } from './entities/offer';
import { Allocation, OverflowRequest } from './entities/request';

export function createCapacityLoaders(em: EntityManager) {
  return {
    offersByEnterprise: loaderByParent(em, CapacityOffer, 'enterpriseId', { id: 'asc' }),
    allocationsByEnterprise: loaderByParent(em, Allocation, 'enterpriseId', { day: 'asc' }),
    requestsByStudio: loaderByParent(em, OverflowRequest, 'studioId', { id: 'desc' }),
  };
}
export type CapacityLoaders = ReturnType<typeof createCapacityLoaders>;
