import type { EntityManager } from '@mikro-orm/core';
import { loaderById } from '../../platform/data/loaders';
import { Enterprise } from './enterprise';

export function createNetworkLoaders(em: EntityManager) {
  return { enterprise: loaderById(em, Enterprise) };
}
export type NetworkLoaders = ReturnType<typeof createNetworkLoaders>;
