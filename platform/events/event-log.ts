import { BigIntType, Entity, Index, OptionalProps, PrimaryKey, Property } from '@mikro-orm/core';
import { Migration } from '@mikro-orm/migrations';
import type { EventEnvelope } from '../../contracts';
import { Database, DatabaseLocation, openDatabase } from '../data/database';

/**
 * Where the in-process bus keeps its log: events in cursor order, deduplicated by event id, and
 * the position each durable consumer acknowledged.
 */
export interface EventLog {
  /** Appends the events not seen before, in order; answers them with their new cursors. */
  append(events: readonly EventEnvelope[]): Promise<EventEnvelope[]>;
  read(after: number, limit: number): Promise<EventEnvelope[]>;
  head(): Promise<number>;
  position(consumer: string): Promise<number | undefined>;
  acknowledge(consumer: string, cursor: number): Promise<void>;
  /**
   * The oldest cursor a reader may still resume from (0 when nothing was ever pruned): every
   * event below it was pruned. Not the lowest cursor kept — cursors may skip numbers.
   */
  oldest(): Promise<number>;
  /**
   * Forgets events accepted before `before`, but never one a durable consumer has not yet
   * acknowledged; answers the new oldest cursor.
   */
  prune(before: Date): Promise<number>;
  close(): Promise<void>;
}

/** A log that lives as long as the process (tools, unit tests). */
export class MemoryEventLog implements EventLog {
  private readonly events: { event: EventEnvelope; acceptedAt: Date }[] = [];
  private readonly ids = new Set<string>();
  private readonly positions = new Map<string, number>();
  /** Events pruned from the front. */
  private dropped = 0;

  async append(events: readonly EventEnvelope[]): Promise<EventEnvelope[]> {
    const accepted: EventEnvelope[] = [];
    for (const event of events) {
      if (this.ids.has(event.id)) continue;
      this.ids.add(event.id);
      const stored = { ...event, cursor: String(this.dropped + this.events.length + 1) };
      this.events.push({ event: stored, acceptedAt: new Date() });
      accepted.push(stored);
    }
    return accepted;
  }

  async read(after: number, limit: number): Promise<EventEnvelope[]> {
    const start = Math.max(0, after - this.dropped);
    return this.events.slice(start, start + limit).map((entry) => entry.event);
  }

  async head(): Promise<number> {
    return this.dropped + this.events.length;
  }

  async oldest(): Promise<number> {
    return this.dropped ? this.dropped + 1 : 0;
  }

  async prune(before: Date): Promise<number> {
    const floor = Math.min(...this.positions.values(), Number.POSITIVE_INFINITY);
    let count = 0;
    while (count < this.events.length && this.events[count].acceptedAt < before && this.dropped + count + 1 <= floor) count += 1;
    for (const { event } of this.events.splice(0, count)) this.ids.delete(event.id);
    this.dropped += count;
    return this.oldest();
  }

  async position(consumer: string): Promise<number | undefined> {
    return this.positions.get(consumer);
  }

  async acknowledge(consumer: string, cursor: number): Promise<void> {
    this.positions.set(consumer, Math.max(cursor, this.positions.get(consumer) ?? 0));
  }

  async close(): Promise<void> {}
}

@Entity({ tableName: 'bus_event' })
export class BusEvent {
  [OptionalProps]?: 'cursor';

  @PrimaryKey({ type: new BigIntType('number'), autoincrement: true })
  cursor!: number;

  @Property({ type: 'string', length: 36, unique: true })
  eventId!: string;

  @Property({ type: 'json' })
  envelope!: EventEnvelope;

  /** When the bus accepted it: what retention counts from. */
  @Index()
  @Property({ type: 'datetime', nullable: true })
  acceptedAt?: Date | null;
}

@Entity({ tableName: 'bus_consumer' })
export class BusConsumer {
  @PrimaryKey({ type: 'string', length: 160 })
  name!: string;

  @Property({ type: new BigIntType('number') })
  position!: number;
}

class SqliteBusMigration extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      'create table `bus_event` (`cursor` integer not null primary key autoincrement, `event_id` text not null, `envelope` json not null);',
    );
    this.addSql('create unique index `bus_event_event_id_unique` on `bus_event` (`event_id`);');
    this.addSql('create table `bus_consumer` (`name` text not null, `position` integer not null, primary key (`name`));');
  }
}

class SqliteBusRetentionMigration extends Migration {
  override async up(): Promise<void> {
    this.addSql('alter table `bus_event` add column `accepted_at` datetime null;');
    this.addSql('create index `bus_event_accepted_at_index` on `bus_event` (`accepted_at`);');
  }
}

class PostgresBusRetentionMigration extends Migration {
  override async up(): Promise<void> {
    this.addSql('alter table "bus_event" add column "accepted_at" timestamptz null;');
    this.addSql('create index "bus_event_accepted_at_index" on "bus_event" ("accepted_at");');
  }
}

class PostgresBusMigration extends Migration {
  override async up(): Promise<void> {
    this.addSql('create table "bus_event" ("cursor" bigserial primary key, "event_id" varchar(36) not null, "envelope" jsonb not null);');
    this.addSql('alter table "bus_event" add constraint "bus_event_event_id_unique" unique ("event_id");');
    this.addSql(
      'create table "bus_consumer" ("name" varchar(160) not null, "position" bigint not null, constraint "bus_consumer_pkey" primary key ("name"));',
    );
  }
}

/** The row of the consumers' table that says where pruning reached (no consumer has this name). */
const PRUNED_THROUGH = '~pruned-through';

/**
 * The embedded hub's log, in its own database ("bus": `<dataDir>/bus.db`, or schema `bus` on
 * PostgreSQL). One process writes it (the in-process bus serialises its appends), so cursors
 * commit in order.
 */
export class SqlEventLog implements EventLog {
  private constructor(private readonly database: Database) {}

  static async open(location: DatabaseLocation): Promise<SqlEventLog> {
    const database = await openDatabase(
      {
        name: 'bus',
        entities: [BusEvent, BusConsumer],
        migrations: {
          sqlite: [
            { name: 'Migration20261122020000', class: SqliteBusMigration },
            { name: 'Migration20261122031500', class: SqliteBusRetentionMigration },
          ],
          postgresql: [
            { name: 'Migration20261122020000', class: PostgresBusMigration },
            { name: 'Migration20261122031500', class: PostgresBusRetentionMigration },
          ],
        },
      },
      location,
    );
    return new SqlEventLog(database);
  }

  async append(events: readonly EventEnvelope[]): Promise<EventEnvelope[]> {
    if (events.length === 0) return [];
    return this.database.orm.em.fork().transactional(async (em) => {
      const ids = events.map((event) => event.id);
      const known = new Set((await em.find(BusEvent, { eventId: { $in: ids } }, { fields: ['eventId'] })).map((row) => row.eventId));
      const fresh = events.filter((event, index) => !known.has(event.id) && ids.indexOf(event.id) === index);
      const acceptedAt = new Date();
      const rows = fresh.map((event) => em.create(BusEvent, { eventId: event.id, envelope: withoutCursor(event), acceptedAt }));
      await em.flush();
      return rows.map((row) => ({ ...row.envelope, cursor: String(row.cursor) }));
    });
  }

  async read(after: number, limit: number): Promise<EventEnvelope[]> {
    const rows = await this.database.orm.em.fork().find(BusEvent, { cursor: { $gt: after } }, { orderBy: { cursor: 'asc' }, limit });
    return rows.map((row) => ({ ...row.envelope, cursor: String(row.cursor) }));
  }

  async head(): Promise<number> {
    const [row] = await this.database.orm.em.fork().find(BusEvent, {}, { orderBy: { cursor: 'desc' }, limit: 1, fields: ['cursor'] });
    return row?.cursor ?? 0;
  }

  async position(consumer: string): Promise<number | undefined> {
    return (await this.database.orm.em.fork().findOne(BusConsumer, { name: consumer }))?.position;
  }

  async acknowledge(consumer: string, cursor: number): Promise<void> {
    await this.database.orm.em.fork().upsert(BusConsumer, { name: consumer, position: cursor });
  }

  async oldest(): Promise<number> {
    const pruned = await this.position(PRUNED_THROUGH);
    return pruned ? pruned + 1 : 0;
  }

  async prune(before: Date): Promise<number> {
    await this.database.orm.em.fork().transactional(async (em) => {
      const consumers = await em.find(BusConsumer, { name: { $ne: PRUNED_THROUGH } });
      const floor = consumers.length ? Math.min(...consumers.map((consumer) => consumer.position)) : Number.MAX_SAFE_INTEGER;
      const [last] = await em.find(
        BusEvent,
        { acceptedAt: { $lt: before }, cursor: { $lte: floor } },
        { orderBy: { cursor: 'desc' }, limit: 1, fields: ['cursor'] },
      );
      if (!last) return;
      await em.nativeDelete(BusEvent, { cursor: { $lte: last.cursor } });
      // Where pruning reached, kept beside the consumers' positions (cursors have gaps, so the
      // lowest cursor left would not tell a pruned event from one never written).
      await em.upsert(BusConsumer, { name: PRUNED_THROUGH, position: last.cursor });
    });
    return this.oldest();
  }

  close(): Promise<void> {
    return this.database.close();
  }
}

function withoutCursor(event: EventEnvelope): EventEnvelope {
  const { cursor: _cursor, ...rest } = event;
  return rest;
}
