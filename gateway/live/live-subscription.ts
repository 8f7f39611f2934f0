import type { ExecutionResult } from 'graphql';
import { badInput, hubError } from '../../platform/base/errors';
import { topicsOf, type EventEnvelope } from '../../contracts';
import { cursorNumber, CursorExpiredError, InvalidCursorError } from '../../platform/events/bus';
import type { LiveFeed, TopicFollower } from './feed';
import { TransientResolutionError, type LiveOperation } from './live-operation';
import { logger } from '../../platform/base/logger';
import type { LiveSettings } from './settings';

/** How many queued events are resolved ahead of the one being sent. */
const PREFETCH = 4;
const REPLAY_BATCH = 500;
const RETRY_MS = [200, 500, 1000, 2000, 5000];

interface Queued {
  event: EventEnvelope;
  /** Read from history while catching up (not counted against the live bound). */
  replayed: boolean;
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
  /** While catching up: the cursor the history has been read to (undefined once live). */
  private history?: number;
  private lastQueued = 0;
  private wake?: () => void;
  private finished = false;
  private overflowed = false;
  private retries = 0;
  /** Queued events that came from history. */
  private replayed = 0;

  constructor(
    private readonly operation: LiveOperation,
    private readonly feed: LiveFeed,
    private readonly topic: string,
    private readonly settings: LiveSettings,
    private readonly onOverflow: () => void,
    private readonly onFailure: (error: unknown) => void,
  ) {}

  /**
   * Registers on the feed; with `after`, first catches up from the bus's history (read as the
   * client consumes it, so a long replay holds one batch in memory), then goes live. Rejects
   * with a GraphQLError for a malformed cursor, or one too old to replay (CURSOR_EXPIRED).
   */
  async start(after: string | null | undefined): Promise<void> {
    let from: number | undefined;
    try {
      from = after === null || after === undefined ? undefined : cursorNumber(after);
    } catch (error) {
      if (error instanceof InvalidCursorError) throw badInput(error.message, { argumentName: 'after' });
      throw error;
    }
    const upto = this.feed.follow(this.topic, this);
    if (from === undefined) {
      this.lastQueued = upto;
      return;
    }
    this.lastQueued = from;
    this.history = from;
    try {
      if (upto - from > this.settings.maxReplay)
        throw new CursorExpiredError(
          String(from),
          `${upto - this.settings.maxReplay} (at most ${this.settings.maxReplay} events are replayed)`,
        );
      await this.catchUp();
    } catch (error) {
      this.feed.unfollow(this.topic, this);
      if (error instanceof CursorExpiredError) throw hubError('CURSOR_EXPIRED', error.message, { argumentName: 'after' });
      throw error;
    }
  }

  /**
   * Reads the next batch of history. Once it reaches what the feed has offered, the subscription
   * goes live in the same tick (the feed offers synchronously, so nothing slips in between);
   * what the history gave beyond that, the feed's offers skip by cursor.
   */
  private async catchUp(): Promise<void> {
    const from = this.history ?? this.lastQueued;
    const batch = await this.feed.bus.read(String(from), REPLAY_BATCH);
    for (const event of batch) if (topicsOf(event).includes(this.topic)) this.enqueue(event);
    const reached = batch.length ? cursorNumber(batch[batch.length - 1].cursor) : from;
    this.history = batch.length === 0 || reached >= this.feed.offered ? undefined : reached;
  }

  offer(event: EventEnvelope): void {
    if (this.history === undefined) this.enqueue(event);
  }

  get queued(): number {
    return this.queue.length;
  }

  /** Live, nothing queued, and waiting for the next event (what it delivered has gone to the socket). */
  get idle(): boolean {
    return this.finished || (this.history === undefined && this.queue.length === 0 && this.wake !== undefined);
  }

  private enqueue(event: EventEnvelope): void {
    const cursor = cursorNumber(event.cursor);
    if (this.finished || cursor <= this.lastQueued) return;
    this.lastQueued = cursor;
    // What this subscriber never gets (other kinds, events outside their view) takes no room.
    if (!this.operation.accepts(event)) return;
    const replayed = this.history !== undefined;
    this.queue.push({ event, replayed });
    if (replayed) this.replayed += 1;
    // The bound is for live delivery; a replay reads history only as fast as the client takes it.
    if (!replayed && this.queue.length - this.replayed > this.settings.maxQueue && !this.overflowed) {
      // Stop here: the close frame goes out after what the socket already holds, so a client
      // that reads on sees every event up to the close, then the code, then resumes.
      this.overflowed = true;
      this.finish();
      this.onOverflow();
      return;
    }
    this.wake?.();
  }

  async next(): Promise<IteratorResult<ExecutionResult>> {
    for (;;) {
      if (this.finished) return { done: true, value: undefined };
      if (this.queue.length === 0 && this.history !== undefined) {
        try {
          await this.catchUp();
        } catch (error) {
          this.finish();
          this.onFailure(error);
          return { done: true, value: undefined };
        }
        continue;
      }
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
        this.finish();
        this.onFailure(error);
        return { done: true, value: undefined };
      }
      this.retries = 0;
      if (this.queue.shift()!.replayed) this.replayed -= 1;
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
}
