import path from 'node:path';
import { DefaultLogger, LockMode, MikroORM } from '@mikro-orm/core';
import type { FilterDef } from '@mikro-orm/core/typings';
import type { MetadataStorage, MigrationObject , EntityManager, LoggerNamespace, LoggerOptions, Options } from '@mikro-orm/core';
import { Migrator } from '@mikro-orm/migrations';
import { recordStatement } from '../base/tracing';
import { ensurePrivateDatabaseFile, ensurePrivateDirectory } from './private-files';

export type Dialect = 'sqlite' | 'postgresql';

export interface DatabaseDefinition {
  /** The subgraph's name: its SQLite file (`<dataDir>/<name>.db`) or its PostgreSQL schema. */
  name: string;
  entities: (abstract new (...args: never[]) => object)[];
  /** Committed migrations per dialect, applied in order at start. */
  migrations: Record<Dialect, MigrationObject[]>;
  /** Filters every query runs through (the access policy's row filter). */
  filters?: FilterDef[];
}

export interface DatabaseLocation {
  /** postgres://… — when set, PostgreSQL; otherwise embedded SQLite under dataDir. */
  databaseUrl?: string;
  dataDir: string;
  /** PostgreSQL connections per subgraph (DB_POOL_MAX, default 10). */
  poolMax?: number;
  /** Print every SQL statement (LOG_SQL). */
  logSql?: boolean;
}

/**
 * Counts the SQL statements a subgraph runs, so tests can prove reads do not grow with the
 * number of rows (no N+1). Statements are printed only when LOG_SQL is set.
 */
export class StatementCounter {
  count = 0;
}

class CountingLogger extends DefaultLogger {
  constructor(
    options: LoggerOptions,
    private readonly counter: StatementCounter,
    private readonly print: boolean,
    private readonly dialect: Dialect,
  ) {
    super(options);
  }
  override log(namespace: LoggerNamespace, message: string, context?: Parameters<DefaultLogger['log']>[2]): void {
    if (namespace === 'query') {
      this.counter.count += 1;
      if (context?.query) recordStatement(this.dialect, context.query, context.took ?? 0);
    }
    if (this.print) super.log(namespace, message, context);
  }
}

export interface Database {
  orm: MikroORM;
  dialect: Dialect;
  statements: StatementCounter;
  close(): Promise<void>;
}

function dialectOf(location: DatabaseLocation): Dialect {
  return location.databaseUrl ? 'postgresql' : 'sqlite';
}

/** The MikroORM options for one subgraph's own tables, in either dialect. */
export async function ormOptions(definition: DatabaseDefinition, location: DatabaseLocation, statements = new StatementCounter()): Promise<Options> {
  const dialect = dialectOf(location);
  const common: Options = {
    // Each database its own context name: MikroORM keeps the running transaction in
    // AsyncLocalStorage by this name, and one subgraph's transaction must never be picked up by
    // another database's code running inside it (the bus's log, another subgraph's handler).
    contextName: definition.name,
    entities: definition.entities,
    filters: Object.fromEntries((definition.filters ?? []).map((filter) => [filter.name, filter])),
    debug: ['query'],
    loggerFactory: (options) => new CountingLogger(options, statements, location.logSql ?? false, dialect),
    extensions: [Migrator],
    allowGlobalContext: false,
    forceUtcTimezone: true,
    migrations: {
      migrationsList: definition.migrations[dialect],
      tableName: 'mikro_orm_migrations',
      transactional: true,
      allOrNothing: true,
      snapshot: false,
      emit: 'ts',
    },
  };
  if (dialect === 'postgresql') {
    const { PostgreSqlDriver } = await import('@mikro-orm/postgresql');
    const schema = definition.name;
    return {
      ...common,
      driver: PostgreSqlDriver,
      clientUrl: location.databaseUrl,
      schema,
      // Migrations are written without schema names; every pooled connection resolves them in
      // the subgraph's own schema (MikroORM 6 would otherwise create the tables in `public`).
      // A lock waited on too long fails (and the change retries) instead of hanging a request,
      // and a transaction left idle gives its locks back.
      pool: {
        min: 0,
        max: location.poolMax ?? 10,
        afterCreate: (connection: { query: (sql: string, done: (error?: Error) => void) => void }, done: (error: Error | undefined, connection: unknown) => void) => {
          connection.query(`SET search_path TO "${schema}"; SET lock_timeout = '15s'; SET idle_in_transaction_session_timeout = '120s'`, (error) => done(error, connection));
        },
      },
    };
  }
  const { LibSqlDriver } = await import('@mikro-orm/libsql');
  return {
    ...common,
    discovery: { afterDiscovered: compareDatesByValue },
    driver: LibSqlDriver,
    dbName: path.join(location.dataDir, `${definition.name}.db`),
  };
}

/**
 * SQLite keeps a `datetime` as milliseconds, and MikroORM snapshots it as a number while the
 * loaded entity's original data holds a Date; a property declared `type: 'datetime'` is then
 * compared with a generic equality that never matches, so every loaded entity with a date was
 * written back (and its version bumped) on each flush. As `Date` (the same `datetime` column on
 * SQLite), MikroORM compares the values, as it does for its own `t.datetime`.
 */
function compareDatesByValue(storage: MetadataStorage): void {
  // After discovery: the columns are already derived, so the schema (and its migrations) stay as they are.
  for (const meta of Object.values(storage.getAll())) {
    for (const prop of Object.values(meta.properties)) if (prop.type === 'datetime') prop.type = 'Date';
  }
}

/** Opens a subgraph's database and brings its schema up to date with the committed migrations. */
export async function openDatabase(definition: DatabaseDefinition, location: DatabaseLocation): Promise<Database> {
  const statements = new StatementCounter();
  const options = await ormOptions(definition, location, statements);
  const dialect = dialectOf(location);
  if (dialect === 'postgresql') await ensurePostgresSchema(location.databaseUrl!, definition.name);
  if (dialect === 'sqlite') {
    ensurePrivateDirectory(location.dataDir);
    ensurePrivateDatabaseFile(options.dbName!);
  }
  const orm = await MikroORM.init(options);
  if (dialect === 'sqlite') {
    // WAL lets readers proceed while one writer commits; the timeout queues concurrent writers.
    await orm.em.getConnection().execute('pragma journal_mode = WAL');
    await orm.em.getConnection().execute('pragma busy_timeout = 5000');
  }
  await orm.getMigrator().up();
  return { orm, dialect, statements, close: () => orm.close(true) };
}

/** Creates the subgraph's own PostgreSQL schema if it is missing (migrations run inside it). */
export async function ensurePostgresSchema(databaseUrl: string, schema: string): Promise<void> {
  const { Client } = await import('pg');
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await client.query(`CREATE SCHEMA IF NOT EXISTS "${schema}"`);
  } catch (error) {
    // Two processes creating the same schema at once: the loser sees a duplicate; that is fine.
    if ((error as { code?: string }).code !== '23505' && (error as { code?: string }).code !== '42P06') throw error;
  } finally {
    await client.end();
  }
}

/**
 * Row locks for a read-modify-write inside a transaction: SELECT … FOR UPDATE on PostgreSQL.
 * SQLite has no row locks and needs none: it runs one writing transaction at a time.
 */
export function forUpdate(em: EntityManager): { lockMode?: LockMode.PESSIMISTIC_WRITE } {
  return em.getPlatform().constructor.name === 'PostgreSqlPlatform' ? { lockMode: LockMode.PESSIMISTIC_WRITE } : {};
}

/**
 * A filter for "contains this text, ignoring case": ILIKE on PostgreSQL, LIKE on SQLite (whose
 * LIKE already ignores ASCII case, and which has no ILIKE). `%` and `_` in the text match as
 * LIKE wildcards: a search can only widen, never reach beyond the rows the caller may see.
 */
export function containsText(em: EntityManager, text: string): { $ilike: string } | { $like: string } {
  const pattern = `%${text}%`;
  return em.getPlatform().constructor.name === 'PostgreSqlPlatform' ? { $ilike: pattern } : { $like: pattern };
}
