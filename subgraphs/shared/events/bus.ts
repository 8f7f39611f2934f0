import { AsyncResource } from 'node:async_hooks';
import type { EventEnvelope } from '../../../contracts';

export interface BusSubscription {
  close(): void;
}

export interface SubscribeOptions {
  /** Replay every event after this cursor, then continue live. Omitted: live only. */
  after?: string;
  /** Only these event types (all when omitted). */
  types?: readonly string[];
}

/**
 * The hub's event bus. `publish` is idempotent by event id (a relay that retries after a crash
 * publishes the same events again) and assigns each new event its hub-wide cursor. The
 * in-process bus serves the embedded hub; a NATS JetStream backend implements the same contract.
 */
export interface EventBus {
  publish(events: readonly EventEnvelope[]): Promise<void>;
  subscribe(options: SubscribeOptions, handler: (event: EventEnvelope) => void | Promise<void>): BusSubscription;
  close(): Promise<void>;
}

/**
 * One process, one log in memory. Handlers run one event at a time per subscription, in cursor
 * order; a failing handler is retried (it sees the event again) rather than skipped.
 */
export class InProcessEventBus implements EventBus {
  private readonly log: EventEnvelope[] = [];
  private readonly seen = new Set<string>();
  private readonly subscriptions = new Set<InProcessSubscription>();

  async publish(events: readonly EventEnvelope[]): Promise<void> {
    for (const event of events) {
      if (this.seen.has(event.id)) continue;
      this.seen.add(event.id);
      this.log.push({ ...event, cursor: String(this.log.length + 1) });
    }
    for (const subscription of this.subscriptions) subscription.wake();
  }

  subscribe(options: SubscribeOptions, handler: (event: EventEnvelope) => void | Promise<void>): BusSubscription {
    const start = options.after === undefined ? this.log.length : Math.max(0, Number.parseInt(options.after, 10) || 0);
    // Handlers run in the subscriber's async context, not the publisher's: a relay publishes
    // from inside its own transaction, whose context (MikroORM keeps it in AsyncLocalStorage)
    // must not leak into another subgraph's handler.
    const bound = AsyncResource.bind(handler);
    const subscription = new InProcessSubscription(this.log, start, options.types, bound, () => this.subscriptions.delete(subscription));
    this.subscriptions.add(subscription);
    subscription.wake();
    return subscription;
  }

  /** Events accepted so far (for diagnostics and tests). */
  get size(): number {
    return this.log.length;
  }

  async close(): Promise<void> {
    for (const subscription of [...this.subscriptions]) subscription.close();
  }
}

class InProcessSubscription implements BusSubscription {
  private running = false;
  private closed = false;

  constructor(
    private readonly log: EventEnvelope[],
    private position: number,
    private readonly types: readonly string[] | undefined,
    private readonly handler: (event: EventEnvelope) => void | Promise<void>,
    private readonly onClose: () => void,
  ) {}

  wake(): void {
    if (this.running || this.closed) return;
    this.running = true;
    void this.drain();
  }

  private async drain(): Promise<void> {
    try {
      while (!this.closed && this.position < this.log.length) {
        const event = this.log[this.position];
        if (!this.types || this.types.includes(event.type)) {
          try {
            await this.handler(event);
          } catch {
            // Retry the same event shortly: delivery is at least once, never skipped.
            await new Promise((resolve) => setTimeout(resolve, 200));
            continue;
          }
        }
        this.position += 1;
      }
    } finally {
      this.running = false;
    }
    if (!this.closed && this.position < this.log.length) this.wake();
  }

  close(): void {
    this.closed = true;
    this.onClose();
  }
}
