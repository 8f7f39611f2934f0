import type { EntityManager } from '@mikro-orm/core';
import type { EventActor } from '../../contracts';

/**
 * What one request carries through resolvers and services: its own entity-manager fork, its
 * own DataLoaders and who is acting. Passed explicitly, never read from a global.
 */
export class RequestContext<TLoaders = unknown> {
  constructor(
    private readonly entityManager: EntityManager | undefined,
    readonly actor: EventActor,
    readonly loaders: TLoaders,
    readonly requestId: string,
  ) {}

  get em(): EntityManager {
    if (!this.entityManager) throw new Error('This subgraph has no database');
    return this.entityManager;
  }
}

export interface GraphQLContext<TLoaders = unknown> {
  ctx: RequestContext<TLoaders>;
}

export const SYSTEM_ACTOR: EventActor = Object.freeze({ subject: 'system', enterprise: null });
/** Until identity lands, every request acts as this anonymous caller. */
export const ANONYMOUS_ACTOR: EventActor = Object.freeze({ subject: 'anonymous', enterprise: null });
