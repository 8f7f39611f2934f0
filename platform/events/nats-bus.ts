import type { JetStreamClient, JetStreamManager, JsMsg, NatsConnection } from 'nats';
import { AckPolicy, connect, DeliverPolicy, nanos, RetentionPolicy, StorageType, type ConsumerMessages } from 'nats';
import type { EventEnvelope } from '../../contracts';
import { logger } from '../base/logger';
import type { BusSubscription, EventBus, EventHandler, SubscribeOptions } from './bus';
import { type BatchHandler, cursorNumber, CursorExpiredError } from './bus';
import { DEFAULT_RETENTION_MS } from './retention';

export interface NatsBusOptions {
  url: string;
  /** The JetStream stream holding the hub's events (default WEFT_EVENTS). */
  stream?: string;
  /** Subject prefix; an event goes to `<prefix>.<source>.<type>` (default weft.events). */
  subjectPrefix?: string;
  /** How long the stream keeps events, i.e. how far back a client can resume (default 7 days). */
  retentionMs?: number;
  /** Within this window a republished event id is dropped by the server (default 10 minutes). */
  duplicateWindowMs?: number;
  /** Names this process in NATS's monitoring. */
  name?: string;
}

const RETRY_MS = 200;
const PULL_EXPIRES_MS = 5_000;
/**
 * How long the server waits for a durable consumer's ack before it delivers the message again.
 * Short, because a message lost on its way (NATS restarting as it sent it) holds the consumer
 * that long; a handler at work says so every third of it, so a slow one is never redelivered.
 */
const ACK_WAIT_MS = 6_000;
const decoder = new TextDecoder();
const encoder = new TextEncoder();

/** NATS consumer names allow letters, digits, `-` and `_` only. */
const consumerName = (name: string) => name.replace(/[^\w-]/g, '_');

function envelopeOf(message: { data: Uint8Array; seq: number }): EventEnvelope {
  return { ...(JSON.parse(decoder.decode(message.data)) as EventEnvelope), cursor: String(message.seq) };
}

/**
 * The hub's bus on NATS JetStream, for deployments of several processes. Each event is one
 * message; its stream sequence is its cursor, and its event id is the message id, so a relay
 * that publishes the same events again (after a crash) is deduplicated by the server.
 *
 * - Durable subscriptions (subgraph consumers) share one durable pull consumer per name across
 *   every instance, with one message in flight at a time: events apply in stream order even with
 *   several instances, and an instance that dies leaves its message to be redelivered.
 * - Live subscriptions (a gateway's feed) read with an ordered consumer of their own.
 */
export class NatsEventBus implements EventBus {
  private readonly subscriptions = new Set<NatsSubscription>();

  private constructor(
    readonly connection: NatsConnection,
    private readonly manager: JetStreamManager,
    readonly jetstream: JetStreamClient,
    readonly stream: string,
    private readonly prefix: string,
  ) {}

  static async connect(options: NatsBusOptions): Promise<NatsEventBus> {
    const connection = await connect({ servers: options.url, name: options.name ?? 'weft', maxReconnectAttempts: -1 });
    const manager = await connection.jetstreamManager();
    const stream = options.stream ?? 'WEFT_EVENTS';
    const prefix = options.subjectPrefix ?? 'weft.events';
    const config = {
      name: stream,
      subjects: [`${prefix}.>`],
      retention: RetentionPolicy.Limits,
      storage: StorageType.File,
      max_age: nanos(options.retentionMs ?? DEFAULT_RETENTION_MS),
      duplicate_window: nanos(options.duplicateWindowMs ?? 10 * 60_000),
    };
    try {
      await manager.streams.info(stream);
      await manager.streams.update(stream, config);
    } catch (error) {
      if (!/stream not found/i.test((error as Error).message)) throw error;
      await manager.streams.add(config).catch(async (raced: Error) => {
        // Another process created it first.
        if (!/already in use|exists/i.test(raced.message)) throw raced;
      });
    }
    return new NatsEventBus(connection, manager, connection.jetstream(), stream, prefix);
  }

  async publish(events: readonly EventEnvelope[]): Promise<void> {
    // Published on one connection, the messages keep their order in the stream.
    await Promise.all(
      events.map((event) => {
        const { cursor: _cursor, ...envelope } = event;
        return this.jetstream.publish(`${this.prefix}.${event.source}.${event.type}`, encoder.encode(JSON.stringify(envelope)), {
          msgID: event.id,
        });
      }),
    );
  }

  /**
   * One event at a time here: a durable consumer holds one message in flight (max_ack_pending 1),
   * so that its instances in several processes take the events in turn, in order.
   */
  subscribeInBatches(options: SubscribeOptions, _maxBatch: number, handler: BatchHandler): BusSubscription {
    return this.subscribe(options, (event) => handler([event]));
  }

  subscribe(options: SubscribeOptions, handler: EventHandler): BusSubscription {
    const subscription = new NatsSubscription(this, options, handler, () => this.subscriptions.delete(subscription));
    this.subscriptions.add(subscription);
    void subscription.run();
    return subscription;
  }

  /** The event type a message was published under: its subject is `<prefix>.<source>.<type>` (see publish). */
  typeOf(subject: string): string {
    return subject.slice(subject.indexOf('.', this.prefix.length + 1) + 1);
  }

  /**
   * The one subject filter that covers a consumer's types (NATS 2.9 takes one): the type itself,
   * or the types' common leading tokens (`order.>`), so the server skips what it never handles.
   */
  filterFor(types: readonly string[] | undefined): string {
    if (!types?.length) return `${this.prefix}.>`;
    if (types.length === 1) return `${this.prefix}.*.${types[0]}`;
    const split = types.map((type) => type.split('.'));
    const common: string[] = [];
    for (let index = 0; split.every((tokens) => tokens.length > index + 1 && tokens[index] === split[0][index]); index += 1)
      common.push(split[0][index]);
    return common.length ? `${this.prefix}.*.${common.join('.')}.>` : `${this.prefix}.>`;
  }

  /** A durable consumer shared by every process subscribing under the name (created once). */
  async durableConsumer(name: string, types?: readonly string[]) {
    const durable = consumerName(name);
    try {
      const info = await this.manager.consumers.info(this.stream, durable);
      // Consumers made by an earlier version waited 30 s: bring them to this one's wait.
      if (info.config.ack_wait !== nanos(ACK_WAIT_MS))
        await this.manager.consumers.update(this.stream, durable, { ack_wait: nanos(ACK_WAIT_MS) });
    } catch {
      await this.manager.consumers.add(this.stream, {
        durable_name: durable,
        ack_policy: AckPolicy.Explicit,
        deliver_policy: DeliverPolicy.All,
        filter_subject: this.filterFor(types),
        max_ack_pending: 1,
        ack_wait: nanos(ACK_WAIT_MS),
      });
    }
    return this.jetstream.consumers.get(this.stream, durable);
  }

  /** A durable consumer's state on the server (what it has still to take and to acknowledge). */
  consumerInfo(name: string) {
    return this.manager.consumers.info(this.stream, consumerName(name));
  }

  /** An ordered consumer reading from just after the cursor. */
  orderedConsumer(after: number) {
    return this.jetstream.consumers.get(this.stream, { deliver_policy: DeliverPolicy.StartSequence, opt_start_seq: after + 1 });
  }

  async read(after: string, limit: number): Promise<EventEnvelope[]> {
    const from = cursorNumber(after);
    const { state } = await this.manager.streams.info(this.stream);
    if (state.messages > 0 && from + 1 < state.first_seq) throw new CursorExpiredError(after, String(state.first_seq));
    const count = Math.min(limit, state.last_seq - from);
    if (count <= 0) return [];
    const consumer = await this.orderedConsumer(from);
    const events: EventEnvelope[] = [];
    try {
      while (events.length < count) {
        const batch = await consumer.fetch({ max_messages: count - events.length, expires: 2_000 });
        let got = 0;
        for await (const message of batch) {
          events.push(envelopeOf(message));
          got += 1;
        }
        if (got === 0) break;
      }
    } finally {
      await consumer.delete().catch(() => undefined);
    }
    return events;
  }

  async head(): Promise<string> {
    const { state } = await this.manager.streams.info(this.stream);
    return String(state.last_seq);
  }

  async close(): Promise<void> {
    for (const subscription of [...this.subscriptions]) subscription.close();
    await this.connection.drain().catch(() => undefined);
  }
}

class NatsSubscription implements BusSubscription {
  private closed = false;
  private messages?: ConsumerMessages;
  /** The last cursor handled (non-durable): a resubscription continues after it. */
  private position?: number;
  private delivering = false;

  constructor(
    private readonly bus: NatsEventBus,
    private readonly options: SubscribeOptions,
    private readonly handler: EventHandler,
    private readonly onClose: () => void,
  ) {}

  async run(): Promise<void> {
    while (!this.closed) {
      try {
        const consumer = this.options.durable
          ? await this.bus.durableConsumer(this.options.durable, this.options.types)
          : await this.bus.orderedConsumer(
              (this.position ??= this.options.after === undefined ? cursorNumber(await this.bus.head()) : cursorNumber(this.options.after)),
            );
        // Pulls that expire after 5 s carry heartbeats every 2.5 s: a pull lost in a NATS
        // restart (JetStream not ready when the client reconnects) is noticed and re-issued in
        // seconds, not after the default 30 s.
        this.messages = await consumer.consume({ max_messages: this.options.durable ? 1 : 256, expires: PULL_EXPIRES_MS });
        if (this.closed) return this.messages.stop();
        for await (const message of this.messages) {
          await this.deliver(message);
          if (this.closed) break;
        }
      } catch (error) {
        if (this.closed) return;
        logger.warn({ err: error, durable: this.options.durable }, 'NATS subscription failed; resubscribing');
        await new Promise((resolve) => setTimeout(resolve, RETRY_MS));
      }
    }
  }

  async pending(): Promise<number> {
    if (this.closed) return 0;
    if (!this.options.durable) return Math.max(0, cursorNumber(await this.bus.head()) - (this.position ?? 0));
    const info = await this.bus.consumerInfo(this.options.durable);
    return info.num_pending + info.num_ack_pending;
  }

  async caughtUp(): Promise<boolean> {
    if (this.closed) return true;
    if (this.delivering) return false;
    if (!this.options.durable) return this.position !== undefined && this.position >= cursorNumber(await this.bus.head());
    const info = await this.bus.consumerInfo(this.options.durable);
    return info.num_pending === 0 && info.num_ack_pending === 0;
  }

  private async deliver(message: JsMsg): Promise<void> {
    this.delivering = true;
    try {
      await this.handle(message);
    } finally {
      this.delivering = false;
    }
  }

  private async handle(message: JsMsg): Promise<void> {
    // A type this subscription does not take, which the subject filter lets through (NATS 2.9: one
    // filter, `order.>`), is told from the subject and passed over without parsing the message.
    const takes = !this.options.types || this.options.types.includes(this.bus.typeOf(message.subject));
    if (takes) {
      const event = envelopeOf(message);
      // Never skipped: retry in place (keeping the order), telling the server we are still at it.
      const working = this.options.durable ? setInterval(() => message.working(), ACK_WAIT_MS / 3) : undefined;
      try {
        for (;;) {
          try {
            await this.handler(event);
            break;
          } catch {
            if (this.closed) return;
            await new Promise((resolve) => setTimeout(resolve, RETRY_MS));
          }
        }
      } finally {
        clearInterval(working);
      }
    }
    if (!this.options.durable) this.position = message.seq;
    else if (takes) await this.acknowledge(message);
    // Passed over: an ack the server does not confirm (a confirmed one costs a round trip, for
    // most of what such consumers receive). Should it be lost, the server delivers the message
    // again after ACK_WAIT_MS and it is passed over again.
    else message.ack();
  }

  /**
   * Confirmed acknowledgement, retried: an ack lost while NATS restarts would hold the consumer
   * (one message in flight) until the server redelivers after ACK_WAIT_MS. Past that, the
   * message comes again anyway, and handlers apply an event once.
   */
  private async acknowledge(message: JsMsg): Promise<void> {
    const giveUp = Date.now() + ACK_WAIT_MS;
    while (!this.closed && Date.now() < giveUp) {
      try {
        await message.ackAck({ timeout: 2_000 });
        return;
      } catch {
        await new Promise((resolve) => setTimeout(resolve, RETRY_MS));
      }
    }
  }

  close(): void {
    this.closed = true;
    this.messages?.stop();
    this.onClose();
  }
}
