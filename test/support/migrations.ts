import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { MigrationObject } from '@mikro-orm/core';
import { createScratchDatabase } from '../../hub/scratch-database';
import { openDatabase, type Database, type Dialect } from '../../platform/data/database';
import type { SubgraphDefinition } from '../../platform/runtime/subgraph';

/**
 * One subgraph's scratch database as it stood before a migration (to fill with the rows a
 * deployment would hold), then migrated the rest of the way: how a migration meets an existing
 * database.
 */
export async function beforeMigration(dialect: Dialect, subgraph: SubgraphDefinition<any>, migration: string) {
  const database = subgraph.database!;
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), `weft-${subgraph.name}-`));
  const scratch = dialect === 'postgresql' ? await createScratchDatabase(process.env.DATABASE_URL!, `weft_${subgraph.name}`) : undefined;
  const location = { dataDir, databaseUrl: scratch?.url };
  const upTo = (list: MigrationObject[]) =>
    list.slice(
      0,
      list.findIndex((candidate) => candidate.name === migration),
    );
  const old = await openDatabase(
    {
      name: subgraph.name,
      entities: database.entities,
      migrations: { sqlite: upTo(database.migrations.sqlite), postgresql: upTo(database.migrations.postgresql) },
    },
    location,
  );
  let migrated: Database | undefined;
  return {
    old,
    /** Closes the old one and opens it again with every migration. */
    async migrate(): Promise<Database> {
      await old.close();
      migrated = await openDatabase({ name: subgraph.name, entities: database.entities, migrations: database.migrations }, location);
      return migrated;
    },
    async drop(): Promise<void> {
      await migrated?.close();
      await scratch?.drop();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
