import { topicsOf, type EventEnvelope } from '../../contracts';
import type { BusSubscription, EventBus } from '../../platform/events/bus';
import { cursorNumber } from '../../platform/events/bus';

/** Something that follows one topic: it is offered each event of that topic, in cursor order. */
export interface TopicFollower {
  offer(event: EventEnvelope): void;
  /** Nothing offered is still on its way to the client. */
  readonly idle: boolean;
  /** Events waiting in its queue. */
  readonly queued: number;
}

/**
 * The gateway's one upstream consumer of the bus. Every client subscription registers under its
 * topic here, so upstream reads do not grow with the number of clients (multiplexing); each
 * event is offered to the followers of its topics, synchronously and without waiting on any of
 * them (a slow one only fills its own queue).
 */
export class LiveFeed {
  private readonly topics = new Map<string, Set<TopicFollower>>();
  private readonly watchers: ((event: EventEnvelope) => void)[] = [];
  private subscription?: BusSubscription;
  /** The cursor of the last event offered. */
  private position = 0;

  private constructor(readonly bus: EventBus) {}

  static async start(bus: EventBus): Promise<LiveFeed> {
    const feed = new LiveFeed(bus);
    feed.position = cursorNumber(await bus.head());
    feed.subscription = bus.subscribe({ after: String(feed.position) }, (event) => feed.dispatch(event));
    return feed;
  }

  private dispatch(event: EventEnvelope): void {
    this.position = Math.max(this.position, cursorNumber(event.cursor));
    for (const watcher of this.watchers) watcher(event);
    for (const topic of topicsOf(event)) {
      const followers = this.topics.get(topic);
      if (followers) for (const follower of followers) follower.offer(event);
    }
  }

  /** Calls `watcher` with every event, before its followers are offered it (the gateway's own uses). */
  watch(watcher: (event: EventEnvelope) => void): void {
    this.watchers.push(watcher);
  }

  /** Registers a follower; answers the cursor after which it will be offered every event. */
  follow(topic: string, follower: TopicFollower): number {
    let followers = this.topics.get(topic);
    if (!followers) this.topics.set(topic, (followers = new Set()));
    followers.add(follower);
    return this.position;
  }

  unfollow(topic: string, follower: TopicFollower): void {
    const followers = this.topics.get(topic);
    if (!followers) return;
    followers.delete(follower);
    if (followers.size === 0) this.topics.delete(topic);
  }

  /** The cursor of the last event offered to followers. */
  get offered(): number {
    return this.position;
  }

  /** Whether every event on the bus has been offered and every follower has sent on what it took (a quiesce). */
  async settled(): Promise<boolean> {
    if (!(await (this.subscription?.caughtUp() ?? true))) return false;
    for (const followers of this.topics.values()) for (const follower of followers) if (!follower.idle) return false;
    return true;
  }

  /** Events waiting in every follower's queue (metrics). */
  get queued(): number {
    let count = 0;
    for (const followers of this.topics.values()) for (const follower of followers) count += follower.queued;
    return count;
  }

  /** Followers now registered (diagnostics, benchmarks). */
  get followers(): number {
    let count = 0;
    for (const followers of this.topics.values()) count += followers.size;
    return count;
  }

  close(): void {
    this.subscription?.close();
    this.topics.clear();
  }
}
