import type { EntityManager } from '@mikro-orm/core';
import { loaderByParent } from '../shared/loaders';
import { CapacityOffer } from './entities/offer';

export function createCapacityLoaders(em: EntityManager) {
  return { offersByEnterprise: loaderByParent(em, CapacityOffer, 'enterpriseId', { id: 'asc' }) };
}
export type CapacityLoaders = ReturnType<typeof createCapacityLoaders>;
