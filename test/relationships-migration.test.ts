import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DEMO_ENTERPRISES } from '../demo/network';
import { createScratchDatabase } from '../hub/scratch-database';
import { openDatabase, type Database, type Dialect } from '../platform/data/database';
import { networkSubgraph } from '../subgraphs/network';
import { Enterprise } from '../subgraphs/network/enterprise';
import { networkMigrations } from '../subgraphs/network/migrations';
import { PartnerRelationship, SupplierRelationship } from '../subgraphs/network/relationship';
import { dialects } from './support/hub';

/** The migration that made a studio's suppliers and partners rows of the network. */
const RELATIONSHIPS = 'Migration20261207220741';

describe.each(dialects())('relationships become rows on an existing database (%s)', (dialect: Dialect) => {
  let database: Database | undefined;
  let drop: (() => Promise<void>) | undefined;
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'weft-relationships-'));

  afterAll(async () => {
    await database?.close();
    await drop?.();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it("gives a database holding the demo network the demo studios' suppliers and partners, and skips enterprises it lacks", async () => {
    const scratch = dialect === 'postgresql' ? await createScratchDatabase(process.env.DATABASE_URL!, 'weft_relationships') : undefined;
    drop = scratch?.drop;
    const location = { dataDir, databaseUrl: scratch?.url };
    const before = (list: typeof networkMigrations.sqlite) =>
      list.slice(
        0,
        list.findIndex((migration) => migration.name === RELATIONSHIPS),
      );
    const entities = networkSubgraph.database!.entities;
    const old = await openDatabase(
      {
        name: 'network',
        entities,
        migrations: { sqlite: before(networkMigrations.sqlite), postgresql: before(networkMigrations.postgresql) },
      },
      location,
    );
    // Today's demo network, but without the tailor's silk supplier: only the columns the table had then
    // (today's entity has later ones, e.g. applied_by_issuer).
    const em = old.orm.em.fork();
    for (const enterprise of DEMO_ENTERPRISES.filter((candidate) => candidate.id !== 'suzhou-silk'))
      await em.insert(Enterprise, { ...enterprise, status: 'ACTIVE', createdAt: new Date() });
    await old.close();

    database = await openDatabase({ name: 'network', entities, migrations: networkMigrations }, location);
    const after = database.orm.em.fork();
    const suppliers = await after.find(SupplierRelationship, {}, { orderBy: { studioId: 'asc', supplierId: 'asc' }, filters: false });
    expect(
      suppliers.map(
        (row) => `${row.studioId}>${row.supplierId}:${row.tier}:${row.annualVolumeYuan ?? '-'}:${row.flexibleBandPercent ?? '-'}`,
      ),
    ).toEqual([
      'moyun-bakery>east-china-emergency-pool:EMERGENCY:-:-',
      'moyun-bakery>jiangnan-flour:PRIMARY:480000:30',
      'moyun-studio>east-china-emergency-pool:EMERGENCY:-:-',
      'moyun-studio>jiangnan-flour:SECONDARY:-:-',
      'moyun-studio>jingdezhen-clay:PRIMARY:360000:30',
      'moyun-studio>nanjing-gold-leaf:PRIMARY:180000:30',
      'moyun-studio>yixing-clay:SECONDARY:-:-',
      'youcaifeng>east-china-emergency-pool:EMERGENCY:-:-',
    ]);
    expect(suppliers.every((row) => row.endedAt === null && row.revision === 1 && row.since instanceof Date)).toBe(true);
    const partners = await after.find(PartnerRelationship, {}, { orderBy: { studioId: 'asc', partnerId: 'asc' }, filters: false });
    expect(partners.map((row) => `${row.studioId}>${row.partnerId}:${row.stageCodes.join('+')}`)).toEqual([
      'moyun-bakery>pudong-cloud-kitchen:KITCHEN_COLD_CHAIN_PASTRY',
      'moyun-bakery>xuhui-cloud-kitchen:KITCHEN_COLD_CHAIN_PASTRY',
      'moyun-studio>gilding-atelier:C50',
      'moyun-studio>jingde-kiln-works:C40+C60',
      'youcaifeng>hangzhou-stitch-lab:C74',
    ]);
  });
});
