import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Entity, PrimaryKey, Property } from '@mikro-orm/core';
import { Migration } from '@mikro-orm/migrations';
import { dialects } from './support/hub';
import { createScratchDatabase } from '../hub/scratch-database';
import { openDatabase, type Database, type Dialect } from '../platform/data/database';

@Entity({ tableName: 'reading' })
class Reading {
  @PrimaryKey({ type: 'string', length: 20 })
  id!: string;

  @Property({ type: 'datetime' })
  takenAt!: Date;

  @Property({ type: 'integer', version: true })
  version!: number;
}

const createReading = (timestamp: string) =>
  class CreateReading extends Migration {
    override async up(): Promise<void> {
      this.addSql(
        `create table "reading" ("id" varchar(20) not null primary key, "taken_at" ${timestamp} not null, "version" integer not null default 1)`,
      );
    }
  };

describe.each(dialects())('an entity with a date, loaded and flushed (%s)', (dialect: Dialect) => {
  let database: Database;
  let drop: (() => Promise<void>) | undefined;
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'weft-dates-'));

  beforeAll(async () => {
    const scratch = dialect === 'postgresql' ? await createScratchDatabase(process.env.DATABASE_URL!, 'weft_dates') : undefined;
    drop = scratch?.drop;
    database = await openDatabase(
      {
        name: 'dates',
        entities: [Reading],
        migrations: {
          sqlite: [{ name: 'CreateReading', class: createReading('datetime') }],
          postgresql: [{ name: 'CreateReading', class: createReading('timestamptz') }],
        },
      },
      { dataDir, databaseUrl: scratch?.url },
    );
    const em = database.orm.em.fork();
    em.persist(em.create(Reading, { id: 'r1', takenAt: new Date('2026-11-12T15:01:50.510Z'), version: 1 }));
    await em.flush();
  });
  afterAll(async () => {
    await database?.close();
    await drop?.();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  // SQLite keeps dates as milliseconds; an unchanged date used to be written back on every flush.
  it('writes nothing when nothing changed, and the date when it did', async () => {
    const em = database.orm.em.fork();
    const reading = await em.findOneOrFail(Reading, { id: 'r1' });
    const before = database.statements.count;
    await em.flush();
    expect(database.statements.count - before).toBe(0);
    expect(reading.version).toBe(1);

    reading.takenAt = new Date('2026-11-13T08:00:00.000Z');
    await em.flush();
    const again = await database.orm.em.fork().findOneOrFail(Reading, { id: 'r1' });
    expect(again.takenAt.toISOString()).toBe('2026-11-13T08:00:00.000Z');
    expect(again.version).toBe(2);
  });
});
