import type { EntityManager } from '@mikro-orm/core';
import type { EventActor } from '../../contracts';
import type { Viewer } from './viewer';
import type { TokenService } from './tokens';
import type { SubgraphSettings } from '../base/settings';

/**
 * What one request carries through resolvers and services: its own entity-manager fork (whose
 * row filter is fed this request's viewer), its own DataLoaders and who is asking. Passed
 * explicitly, never read from a global.
 */
export class RequestContext<TLoaders = unknown> {
  constructor(
    private readonly entityManager: EntityManager | undefined,
    readonly viewer: Viewer,
    readonly loaders: TLoaders,
    readonly requestId: string,
    /** Signs and verifies tokens (customer links and sessions are minted with it). */
    readonly auth: TokenService,
    /** The process's settings, read once at start (timers, retries, the WeChat account). */
    readonly settings: SubgraphSettings,
  ) {}

  get em(): EntityManager {
    if (!this.entityManager) throw new Error('This subgraph has no database');
    return this.entityManager;
  }

  /** Who events written in this request are attributed to. */
  get actor(): EventActor {
    return this.viewer.actor;
  }
}

export interface GraphQLContext<TLoaders = unknown> {
  ctx: RequestContext<TLoaders>;
}
