import { AsyncResource } from 'node:async_hooks';
import type { EventEnvelope } from '../../contracts';
import { MemoryEventLog, type EventLog } from './event-log';

export interface BusSubscription {
  /**
   * Whether the handler has seen every event the bus held when asked, and holds none now: what
   * a quiesce waits for (tests, a graceful stop), decided by positions, never by time.
   */
  caughtUp(): Promise<boolean>;
  /** Events on the bus after what the handler has taken (the consumer's lag, for metrics). */
  pending(): Promise<number>;
  close(): void;
}

export interface SubscribeOptions {
  /** Replay every event after this cursor, then continue live. Omitted: live only. */
  after?: string;
  /** Only these event types (all when omitted). */
  types?: readonly string[];
  /**
   * A durable consumer's name: the bus remembers how far its handler got (what it acknowledged),
   * and every process subscribing under the same name shares that position. The first time, it
   * starts at the beginning of the log; `after` is then ignored.
   */
  durable?: string;
}

export type EventHandler = (event: EventEnvelope) => void | Promise<void>;

/** Takes several events at once, in cursor order; if it throws, all of them come again. */
export type BatchHandler = (events: readonly EventEnvelope[]) => Promise<void>;

/**
 * The hub's event bus. `publish` is idempotent by event id (a relay that retries after a crash
 * publishes the same events again) and assigns each new event its hub-wide cursor, in the order
 * published. Handlers see one event at a time, in cursor order; a handler that throws sees the
 * same event again (at least once, never skipped). Two backends keep this contract: the
 * in-process bus below (embedded hub) and NATS JetStream (`nats-bus.ts`, NATS_URL set).
 */
export interface EventBus {
  publish(events: readonly EventEnvelope[]): Promise<void>;
  subscribe(options: SubscribeOptions, handler: EventHandler): BusSubscription;
  /**
   * As subscribe, but the handler takes up to `maxBatch` events at a time (what the bus holds
   * at that moment, never waiting for more), so a consumer can apply them in one transaction.
   * A bus whose consumers take turns across processes (NATS) may hand them over one at a time.
   */
  subscribeInBatches(options: SubscribeOptions, maxBatch: number, handler: BatchHandler): BusSubscription;
  /**
   * Up to `limit` events after the cursor, oldest first: the history a resuming subscriber
   * replays. Throws CursorExpiredError when the log no longer holds what follows the cursor.
   */
  read(after: string, limit: number): Promise<EventEnvelope[]>;
  /** The cursor of the newest event ('0' when there is none). */
  head(): Promise<string>;
  close(): Promise<void>;
}

/** Cursors are positions in one log: decimal strings, compared as numbers. */
export function cursorNumber(cursor: string | undefined | null): number {
  if (cursor === undefined || cursor === null || cursor === '') return 0;
  if (!/^\d{1,15}$/.test(cursor)) throw new InvalidCursorError(cursor);
  return Number(cursor);
}

export class InvalidCursorError extends Error {
  constructor(readonly cursor: string) {
    super(`"${cursor}" is not a cursor this hub issued`);
  }
}

export class CursorExpiredError extends Error {
  constructor(
    readonly cursor: string,
    readonly oldest: string,
  ) {
    super(
      `The events after cursor ${cursor} are no longer kept (the oldest kept is ${oldest}); subscribe without "after" and reload the current state`,
    );
  }
}

/** How long a failed handler waits before it sees the event again. */
const RETRY_MS = 200;

/**
 * One process: the log is an EventLog (kept in the hub's own database in embedded mode, so
 * cursors and durable consumers' positions survive a restart), and delivery happens in process.
 * Publishing is serialised, so cursors follow the order of publication.
 */
export class InProcessEventBus implements EventBus {
  private readonly subscriptions = new Set<InProcessSubscription>();
  private publishing: Promise<unknown> = Promise.resolve();
  /** Recent events in memory, so live delivery does not read the log back. */
  private readonly recent: EventEnvelope[] = [];
  private headCursor = 0;
  /** An append failed without saying whether it committed (see publish). */
  private appendUnsure = false;
  private closed = false;

  /** The oldest cursor a resume may start from (0 until something is pruned; see EventLog.oldest). */
  private oldestCursor = 0;
  private pruner?: NodeJS.Timeout;
  /** The last position write per durable consumer. */
  private readonly acknowledging = new Map<string, Promise<void>>();

  private constructor(private readonly log: EventLog) {}

  /**
   * A bus over the given log (default: memory only, for tools and unit tests). With a
   * retention, events older than it are pruned hourly, as NATS's max age does, except those a
   * durable consumer has still to acknowledge.
   */
  static async open(log: EventLog = new MemoryEventLog(), options: { retentionMs?: number } = {}): Promise<InProcessEventBus> {
    const bus = new InProcessEventBus(log);
    bus.headCursor = await log.head();
    bus.oldestCursor = await log.oldest();
    if (options.retentionMs) {
      const retention = options.retentionMs;
      const prune = () =>
        void bus.prune(new Date(Date.now() - retention)).catch((error: Error) => console.error('[bus] pruning failed:', error.message));
      bus.pruner = setInterval(prune, Math.min(retention, 3600_000));
      bus.pruner.unref();
      prune();
    }
    return bus;
  }

  /** Forgets events accepted before `before` (see EventLog.prune). */
  async prune(before: Date): Promise<void> {
    this.oldestCursor = await this.log.prune(before);
    const keep = this.recent.findIndex((event) => cursorNumber(event.cursor) >= this.oldestCursor);
    if (keep > 0) this.recent.splice(0, keep);
  }

  publish(events: readonly EventEnvelope[]): Promise<void> {
    const done = this.publishing.then(async () => {
      let accepted: EventEnvelope[];
      try {
        accepted = await this.log.append(events);
      } catch (error) {
        // The database went away mid-append: the events may have been committed all the same
        // (the answer was lost). Until an append succeeds, the log is read, not memory.
        this.recent.length = 0;
        this.appendUnsure = true;
        throw error;
      }
      if (this.appendUnsure) {
        // What an unsure append did commit has cursors below these: take the head from the log.
        this.appendUnsure = false;
        this.headCursor = Math.max(this.headCursor, await this.log.head());
      }
      if (accepted.length) {
        this.recent.push(...accepted);
        if (this.recent.length > 20_000) this.recent.splice(0, this.recent.length - 10_000);
        this.headCursor = Math.max(this.headCursor, cursorNumber(accepted[accepted.length - 1].cursor));
      }
      for (const subscription of this.subscriptions) subscription.wake();
    });
    this.publishing = done.catch(() => undefined);
    return done;
  }

  subscribe(options: SubscribeOptions, handler: EventHandler): BusSubscription {
    return this.subscribeInBatches(options, 1, async ([event]) => handler(event));
  }

  subscribeInBatches(options: SubscribeOptions, maxBatch: number, handler: BatchHandler): BusSubscription {
    // A durable consumer seen for the first time starts at the oldest event still kept.
    const start: Promise<number> = options.durable
      ? this.acknowledged(options.durable)
          .then(() => this.log.position(options.durable!))
          .then((position) => position ?? Math.max(0, this.oldestCursor - 1))
      : Promise.resolve(options.after === undefined ? this.headCursor : cursorNumber(options.after));
    // Handlers run in the subscriber's async context, not the publisher's: a relay publishes
    // from inside its own transaction, whose context (MikroORM keeps it in AsyncLocalStorage)
    // must not leak into another subgraph's handler.
    const bound = AsyncResource.bind(handler);
    const subscription = new InProcessSubscription(this, start, options, Math.max(1, maxBatch), bound, () =>
      this.subscriptions.delete(subscription),
    );
    this.subscriptions.add(subscription);
    subscription.wake();
    return subscription;
  }

  async read(after: string, limit: number): Promise<EventEnvelope[]> {
    const from = cursorNumber(after);
    if (this.oldestCursor > 0 && from + 1 < this.oldestCursor) throw new CursorExpiredError(after, String(this.oldestCursor));
    // Memory answers when it holds everything after `from`. Cursors have gaps (a PostgreSQL
    // sequence skips values after a failed append or a crash), so the event is found by search.
    if (this.recent.length && from >= cursorNumber(this.recent[0].cursor) - 1) {
      let low = 0;
      let high = this.recent.length;
      while (low < high) {
        const middle = (low + high) >>> 1;
        if (cursorNumber(this.recent[middle].cursor) <= from) low = middle + 1;
        else high = middle;
      }
      return this.recent.slice(low, low + limit);
    }
    return this.log.read(from, limit);
  }

  async head(): Promise<string> {
    return String(this.headCursor);
  }

  get lastCursor(): number {
    return this.headCursor;
  }

  /**
   * Records a durable consumer's position, after any earlier record of it (never out of order).
   * A write that fails is logged; the next one records the position again.
   */
  acknowledge(durable: string, cursor: number): void {
    const written = this.acknowledged(durable).then(() => this.log.acknowledge(durable, cursor));
    this.acknowledging.set(
      durable,
      written.catch((error: Error) => console.error('[bus] recording a consumer position failed:', error.message)),
    );
  }

  /** Settles when the positions recorded so far for the consumer are written. */
  private acknowledged(durable: string): Promise<void> {
    return this.acknowledging.get(durable) ?? Promise.resolve();
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    if (this.pruner) clearInterval(this.pruner);
    for (const subscription of [...this.subscriptions]) subscription.close();
    await this.publishing;
    await Promise.all(this.acknowledging.values());
    await this.log.close();
  }
}

/**
 * How often a durable consumer's position is written while it works: once per batch was a
 * database write per event under a steady trickle. What a crash loses of it is delivered again,
 * and consumers apply an event once however often it comes (consumeOnce).
 */
const ACKNOWLEDGE_EVERY_MS = 250;

class InProcessSubscription implements BusSubscription {
  private running = false;
  private closed = false;
  private position?: number;
  private acknowledgeTimer?: NodeJS.Timeout;

  constructor(
    private readonly bus: InProcessEventBus,
    private readonly start: Promise<number>,
    private readonly options: SubscribeOptions,
    private readonly maxBatch: number,
    private readonly handler: BatchHandler,
    private readonly onClose: () => void,
  ) {}

  wake(): void {
    if (this.running || this.closed) return;
    this.running = true;
    void this.drain();
  }

  private async drain(): Promise<void> {
    try {
      this.position ??= await this.start;
      while (!this.closed && this.position < this.bus.lastCursor) {
        const batch = await this.bus.read(String(this.position), 500);
        if (batch.length === 0) {
          // Behind the head with nothing to read: never spin; look again shortly.
          await new Promise((resolve) => setTimeout(resolve, RETRY_MS));
          break;
        }
        for (let next = 0; next < batch.length;) {
          if (this.closed) return;
          // The next events the handler takes, up to maxBatch of them; those of other types are
          // passed over, and the position moves past them with the chunk.
          const chunk: EventEnvelope[] = [];
          let end = next;
          for (; end < batch.length && chunk.length < this.maxBatch; end += 1) {
            if (!this.options.types || this.options.types.includes(batch[end].type)) chunk.push(batch[end]);
          }
          if (chunk.length > 0) {
            try {
              await this.handler(chunk);
            } catch {
              // At least once, never skipped: the same events again, shortly.
              await new Promise((resolve) => setTimeout(resolve, RETRY_MS));
              break;
            }
          }
          this.position = cursorNumber(batch[end - 1].cursor);
          next = end;
        }
        if (this.options.durable && !this.closed) this.acknowledgeSoon();
      }
    } catch (error) {
      if (!this.closed) console.error('[bus] delivery failed, will retry:', (error as Error).message);
      await new Promise((resolve) => setTimeout(resolve, RETRY_MS));
    } finally {
      this.running = false;
    }
    if (!this.closed && (this.position === undefined || this.position < this.bus.lastCursor)) this.wake();
  }

  async pending(): Promise<number> {
    return this.closed ? 0 : Math.max(0, this.bus.lastCursor - (this.position ?? 0));
  }

  async caughtUp(): Promise<boolean> {
    return this.closed || (!this.running && this.position !== undefined && this.position >= this.bus.lastCursor);
  }

  private acknowledgeSoon(): void {
    if (this.acknowledgeTimer) return;
    this.acknowledgeTimer = setTimeout(() => this.acknowledgeNow(), ACKNOWLEDGE_EVERY_MS);
    this.acknowledgeTimer.unref();
  }

  private acknowledgeNow(): void {
    if (this.acknowledgeTimer) clearTimeout(this.acknowledgeTimer);
    this.acknowledgeTimer = undefined;
    if (this.options.durable && this.position !== undefined) this.bus.acknowledge(this.options.durable, this.position);
  }

  close(): void {
    this.closed = true;
    // What it has applied is recorded now, so the next subscription under the name goes on after it.
    if (this.acknowledgeTimer) this.acknowledgeNow();
    this.onClose();
  }
}
