import { randomUUID } from 'node:crypto';
import { BigIntType, ChangeSetType, Entity, EntityManager, Index, MikroORM, PrimaryKey, Property, OptionalProps } from '@mikro-orm/core';
import type { EventSubscriber } from '@mikro-orm/core';
import {
  assertNoPersonalData,
  EVENT_ENVELOPE_VERSION,
  type EventActor,
  type EventEnvelope,
  type EventPayload,
  type EventPayloads,
  type EventSubject,
  type EventType,
} from '../../contracts';
import { z } from 'zod';
import type { Dialect } from '../data/database';
import type { EventBus } from './bus';

/** What `pg_try_advisory_xact_lock` answers: one row. */
const LOCK_ROWS = z.tuple([z.object({ locked: z.boolean() })]);

/**
 * The transactional outbox: a subgraph writes each state change's event in the same
 * transaction as the change, so an event exists exactly when its change committed. The relay
 * hands committed rows to the bus; a row stays until the bus has accepted it.
 */
@Entity({ tableName: 'outbox_event' })
export class OutboxEvent {
  [OptionalProps]?: 'position';

  /** Write order within this subgraph (not the hub-wide cursor, which the bus assigns). */
  @PrimaryKey({ type: new BigIntType('number'), autoincrement: true })
  position!: number;

  @Property({ type: 'string', length: 36, unique: true })
  eventId!: string;

  @Property({ type: 'string', length: 80 })
  type!: string;

  @Property({ type: 'string', length: 40 })
  source!: string;

  @Property({ type: 'string', length: 40 })
  subjectType!: string;

  @Property({ type: 'string', length: 80 })
  subjectId!: string;

  @Property({ type: 'string', length: 120 })
  actorSubject!: string;

  @Property({ type: 'string', length: 80, nullable: true })
  actorEnterprise?: string | null;

  @Property({ type: 'datetime' })
  occurredAt!: Date;

  @Property({ type: 'json' })
  payload!: EventPayload;

  @Index()
  @Property({ type: 'datetime', nullable: true })
  publishedAt?: Date | null;
}

/** An event to write, its payload checked against its type's (contracts' EventPayloads). */
export type NewEvent<T extends EventType = EventType> = T extends EventType
  ? { type: T; subject: EventSubject; actor: EventActor; payload: EventPayloads[T]; occurredAt?: Date }
  : never;

/** Adds an event to the unit of work; it is written by the same flush as the change it describes. */
export function recordEvent<T extends EventType>(em: EntityManager, source: string, event: NewEvent<T>): OutboxEvent {
  assertNoPersonalData(event.payload);
  const row = em.create(OutboxEvent, {
    eventId: randomUUID(),
    type: event.type,
    source,
    subjectType: event.subject.type,
    subjectId: event.subject.id,
    actorSubject: event.actor.subject,
    actorEnterprise: event.actor.enterprise,
    occurredAt: event.occurredAt ?? new Date(),
    payload: event.payload,
    publishedAt: null,
  });
  em.persist(row);
  return row;
}

function toEnvelope(row: OutboxEvent): EventEnvelope {
  return {
    id: row.eventId,
    type: row.type,
    version: EVENT_ENVELOPE_VERSION,
    source: row.source,
    subject: { type: row.subjectType, id: row.subjectId },
    actor: { subject: row.actorSubject, enterprise: row.actorEnterprise ?? null },
    occurredAt: row.occurredAt.toISOString(),
    payload: row.payload,
  };
}

/**
 * Moves committed outbox rows to the bus. It selects rows not yet published (never "after the
 * last position seen": on PostgreSQL rows commit out of position order), and on PostgreSQL takes
 * a transaction-scoped advisory lock so only one relay per subgraph publishes at a time, in order.
 * A crash between publish and marking re-publishes the rows; the bus drops them by event id.
 */
export class OutboxRelay {
  private timer?: NodeJS.Timeout;
  private running?: Promise<void>;
  private again = false;
  private stopped = false;

  constructor(
    private readonly orm: MikroORM,
    private readonly dialect: Dialect,
    private readonly source: string,
    private readonly bus: EventBus,
    private readonly options: { batchSize?: number; intervalMs?: number } = {},
  ) {}

  /** Starts relaying (once; later calls change nothing). */
  start(): this {
    if (this.timer || this.stopped) return this;
    // Kick only when a flush wrote new outbox rows (the relay's own "published" updates must not
    // wake it again), and once more when their transaction commits.
    let wroteEvents = false;
    const subscriber: EventSubscriber = {
      afterFlush: ({ uow }) => {
        if (uow.getChangeSets().some((changeSet) => changeSet.entity instanceof OutboxEvent && changeSet.type === ChangeSetType.CREATE)) {
          wroteEvents = true;
          this.kick();
        }
      },
      afterTransactionCommit: () => {
        if (!wroteEvents) return;
        wroteEvents = false;
        this.kick();
      },
    };
    this.orm.em.getEventManager().registerSubscriber(subscriber);
    this.timer = setInterval(() => this.kick(), this.options.intervalMs ?? 500);
    this.timer.unref();
    this.kick();
    return this;
  }

  /** Asks for a drain soon; cheap to call often. */
  kick(): void {
    if (this.stopped) return;
    if (this.running) {
      this.again = true;
      return;
    }
    this.running = this.loop().finally(() => {
      this.running = undefined;
      if (this.again && !this.stopped) {
        this.again = false;
        this.kick();
      }
    });
  }

  private async loop(): Promise<void> {
    try {
      while (!this.stopped && (await this.drainOnce()) > 0) {
        // keep going while there is a backlog
      }
    } catch (error) {
      // The rows stay unpublished and the timer retries; log so an operator sees a stuck relay.
      console.error(`[outbox:${this.source}] relay failed, will retry:`, (error as Error).message);
    }
  }

  /** Publishes one batch; answers how many rows it moved. */
  async drainOnce(): Promise<number> {
    const batchSize = this.options.batchSize ?? 200;
    return this.orm.em.fork().transactional(async (em) => {
      if (this.dialect === 'postgresql') {
        const answer: unknown = await em
          .getConnection()
          .execute('select pg_try_advisory_xact_lock(hashtext(?)) as locked', [`weft-outbox:${this.source}`]);
        const [{ locked }] = LOCK_ROWS.parse(answer);
        if (!locked) return 0;
      }
      const rows = await em.find(OutboxEvent, { publishedAt: null }, { orderBy: { position: 'asc' }, limit: batchSize });
      if (rows.length === 0) return 0;
      await this.bus.publish(rows.map(toEnvelope));
      const now = new Date();
      for (const row of rows) row.publishedAt = now;
      return rows.length;
    });
  }

  /** How long the oldest event not yet published has waited, in seconds (0 when none waits): the outbox lag. */
  async lagSeconds(): Promise<number> {
    const [oldest] = await this.orm.em
      .fork()
      .find(OutboxEvent, { publishedAt: null }, { orderBy: { position: 'asc' }, limit: 1, fields: ['occurredAt'] });
    return oldest ? Math.max(0, (Date.now() - oldest.occurredAt.getTime()) / 1000) : 0;
  }

  /**
   * Publishes everything committed so far, waiting out a drain in progress (on PostgreSQL
   * another instance may hold the lock): returns once no row is left unpublished.
   */
  async flush(): Promise<void> {
    for (;;) {
      await this.running;
      // Mostly there is nothing to publish (a quiesce asks often): one count, not a transaction.
      if (this.stopped || (await this.orm.em.fork().count(OutboxEvent, { publishedAt: null })) === 0) return;
      const moved = await this.drainOnce();
      // Another instance holds the lock and is publishing: give it a moment.
      if (moved === 0) await new Promise((resolve) => setTimeout(resolve, 10));
    }
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearInterval(this.timer);
    await this.running;
  }
}
