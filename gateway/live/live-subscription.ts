import { ExecutionResult, GraphQLError } from 'graphql';
import { topicsOf, type EventEnvelope } from '../../contracts';
import { cursorNumber, CursorExpiredError, InvalidCursorError } from '../../subgraphs/shared/events/bus';
import type { LiveFeed, TopicFollower } from './feed';
import { TransientResolutionError, type LiveOperation } from './live-operation';
import { logger } from '../../subgraphs/shared/logger';
import type { LiveSettings } from './settings';

/** How many queued events are resolved ahead of the one being sent. */
const PREFETCH = 4;
const REPLAY_BATCH = 500;
const RETRY_MS = [200, 500, 1000, 2000, 5000];

interface Queued {
  event: EventEnvelope;
  result?: Promise<ExecutionResult | null>;
}

/**
 * One client subscription: it follows its topic on the gateway's feed, replays what it missed
 * after `after` from the bus, and hands graphql-ws one result per event, in cursor order, with
 * no gap and no duplicate (every event is queued at most once, by cursor). Its queue is bounded:
 * past `maxQueue` undelivered events it calls `onOverflow` (the connection closes, the client
 * resumes from its last cursor), so a slow client never holds up the feed or anyone else.
 */
export class LiveSubscription implements TopicFollower, AsyncIterableIterator<ExecutionResult> {
  private readonly queue: Queued[] = [];
  /** Live events offered while the replay runs; queued after it. */
  private held: EventEnvelope[] | null = null;
  private lastQueued = 0;
  private wake?: () => void;
  private finished = false;
  private failure?: unknown;
  private overflowed = false;
  private retries = 0;

  constructor(
    private readonly operation: LiveOperation,
    private readonly feed: LiveFeed,
    private readonly topic: string,
    private readonly settings: LiveSettings,
    private readonly onOverflow: () => void,
    private readonly onFailure: (error: unknown) => void,
  ) {}

  /** Registers on the feed and replays from `after`; rejects with a GraphQLError (bad or expired cursor). */
  async start(after: string | null | undefined): Promise<void> {
    let from: number | undefined;
    try {
      from = after === null || after === undefined ? undefined : cursorNumber(after);
    } catch (error) {
      if (error instanceof InvalidCursorError) throw new GraphQLError(error.message, { extensions: { code: 'BAD_USER_INPUT', argumentName: 'after' } });
      throw error;
    }
    this.held = from === undefined ? null : [];
    const upto = this.feed.follow(this.topic, this);
    if (from === undefined) {
      this.lastQueued = upto;
      return;
    }
    this.lastQueued = from;
    try {
      let cursor = from;
      let scanned = 0;
      while (cursor < upto && !this.finished) {
        if (scanned >= this.settings.maxReplay) throw new CursorExpiredError(String(from), `${scanned} events later`);
        const batch = await this.feed.bus.read(String(cursor), REPLAY_BATCH);
        if (batch.length === 0) break;
        for (const event of batch) if (topicsOf(event).includes(this.topic)) this.enqueue(event);
        cursor = cursorNumber(batch[batch.length - 1].cursor);
        scanned += batch.length;
      }
    } catch (error) {
      this.feed.unfollow(this.topic, this);
      if (error instanceof CursorExpiredError) throw new GraphQLError(error.message, { extensions: { code: 'CURSOR_EXPIRED', argumentName: 'after' } });
      throw error;
    }
    const held = this.held ?? [];
    this.held = null;
    for (const event of held) this.enqueue(event);
  }

  offer(event: EventEnvelope): void {
    if (this.held) this.held.push(event);
    else this.enqueue(event);
  }

  private enqueue(event: EventEnvelope): void {
    const cursor = cursorNumber(event.cursor);
    if (this.finished || cursor <= this.lastQueued) return;
    this.lastQueued = cursor;
    this.queue.push({ event });
    if (this.queue.length > this.settings.maxQueue && !this.overflowed) {
      this.overflowed = true;
      this.onOverflow();
      return;
    }
    this.wake?.();
  }

  /** Undelivered events (resolved or not). */
  get backlog(): number {
    return this.queue.length;
  }

  async next(): Promise<IteratorResult<ExecutionResult>> {
    for (;;) {
      if (this.finished) return { done: true, value: undefined };
      if (this.queue.length === 0) {
        await new Promise<void>((resolve) => (this.wake = resolve));
        this.wake = undefined;
        continue;
      }
      for (const item of this.queue.slice(0, PREFETCH)) {
        if (item.result) continue;
        item.result = this.operation.resolve(item.event);
        item.result.catch(() => undefined); // awaited in turn below; never an unhandled rejection
      }
      const head = this.queue[0];
      let result: ExecutionResult | null;
      try {
        result = await head.result!;
      } catch (error) {
        if (error instanceof TransientResolutionError && !this.finished) {
          // Never skipped: the same event again once the subgraph answers (the queue keeps filling
          // meanwhile, and past its bound the client is told to resume).
          if (this.retries === 0) logger.warn({ err: error, cursor: head.event.cursor }, 'live event could not be resolved yet; retrying');
          await new Promise((resolve) => setTimeout(resolve, RETRY_MS[Math.min(this.retries++, RETRY_MS.length - 1)]));
          for (const item of this.queue) item.result = undefined;
          continue;
        }
        this.failure = error;
        this.finish();
        this.onFailure(error);
        return { done: true, value: undefined };
      }
      this.retries = 0;
      this.queue.shift();
      if (result) return { done: false, value: result };
    }
  }

  async return(): Promise<IteratorResult<ExecutionResult>> {
    this.finish();
    return { done: true, value: undefined };
  }

  async throw(error?: unknown): Promise<IteratorResult<ExecutionResult>> {
    this.finish();
    throw error;
  }

  [Symbol.asyncIterator](): this {
    return this;
  }

  private finish(): void {
    if (this.finished) return;
    this.finished = true;
    this.feed.unfollow(this.topic, this);
    this.queue.length = 0;
    this.wake?.();
  }

  get error(): unknown {
    return this.failure;
  }
}
