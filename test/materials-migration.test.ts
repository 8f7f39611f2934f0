import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createScratchDatabase } from '../hub/scratch-database';
import { openDatabase, type Database, type Dialect } from '../platform/data/database';
import { BillOfMaterials, BomLine, Material } from '../subgraphs/suppliers/entities/material';
import { OrderMaterial } from '../subgraphs/suppliers/entities/order-supply';
import { suppliersSubgraph } from '../subgraphs/suppliers';
import { suppliersMigrations } from '../subgraphs/suppliers/migrations';
import { dialects } from './support/hub';

/** The migration that moved the network catalogue into each studio's materials and versioned bills. */
const MOVE = 'Migration20261207185613';

describe.each(dialects())('materials move into each studio on an existing database (%s)', (dialect: Dialect) => {
  let database: Database | undefined;
  let drop: (() => Promise<void>) | undefined;
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'weft-materials-'));

  afterAll(async () => {
    await database?.close();
    await drop?.();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it("keeps today's rows: each material with the studios whose bills name it, each bill as version 1 consumed at B10", async () => {
    const scratch = dialect === 'postgresql' ? await createScratchDatabase(process.env.DATABASE_URL!, 'weft_materials') : undefined;
    drop = scratch?.drop;
    const location = { dataDir, databaseUrl: scratch?.url };
    const before = (list: typeof suppliersMigrations.sqlite) =>
      list.slice(
        0,
        list.findIndex((migration) => migration.name === MOVE),
      );
    const old = await openDatabase(
      {
        name: 'suppliers',
        entities: suppliersSubgraph.database!.entities,
        migrations: { sqlite: before(suppliersMigrations.sqlite), postgresql: before(suppliersMigrations.postgresql) },
      },
      location,
    );
    const table = (name: string) => (dialect === 'postgresql' ? `"suppliers"."${name}"` : `"${name}"`);
    const run = (sql: string) => old.orm.em.getConnection().execute(sql);
    await run(
      `insert into ${table('material')} (sku, name, unit, abc_class, unit_cost_cents, safety_stock) values ` +
        `('GIFT-BOX', 'Gift box 礼盒', 'piece', 'C', 800, 40), ('CLAY-KAOLIN', 'Kaolin porcelain clay 高岭瓷泥', 'g', 'B', 2, 20000), ('TWINE', 'Twine', 'm', 'C', 5, 10)`,
    );
    await run(
      `insert into ${table('bom_line')} (product_code, sku, studio_id, quantity_per_unit) values ` +
        `('TEA-CUP', 'CLAY-KAOLIN', 'moyun-studio', 400), ('TEA-CUP', 'GIFT-BOX', 'moyun-studio', 1), ('PST-BOX', 'GIFT-BOX', 'moyun-bakery', 1)`,
    );
    await old.close();

    database = await openDatabase(
      { name: 'suppliers', entities: suppliersSubgraph.database!.entities, migrations: suppliersMigrations },
      location,
    );
    const em = database.orm.em.fork();
    const materials = await em.find(Material, {}, { orderBy: [{ studioId: 'asc' }, { sku: 'asc' }], filters: false });
    expect(
      materials.map((material) => `${material.studioId}/${material.sku}:${material.nameEn}|${material.nameZh}:${material.safetyStock}`),
    ).toEqual([
      'moyun-bakery/GIFT-BOX:Gift box|礼盒:40',
      'moyun-bakery/TWINE:Twine|Twine:10',
      'moyun-studio/CLAY-KAOLIN:Kaolin porcelain clay|高岭瓷泥:20000',
      'moyun-studio/GIFT-BOX:Gift box|礼盒:40',
      'moyun-studio/TWINE:Twine|Twine:10',
    ]);
    expect(materials[3].name).toBe('Gift box 礼盒');
    expect(materials.every((material) => material.stockingPolicy === 'STOCKED' && material.revision === 1)).toBe(true);
    const bills = await em.find(BillOfMaterials, {}, { orderBy: [{ studioId: 'asc' }, { productCode: 'asc' }], filters: false });
    expect(bills.map((bill) => `${bill.studioId}/${bill.productCode}:v${bill.version}`)).toEqual([
      'moyun-bakery/PST-BOX:v1',
      'moyun-studio/TEA-CUP:v1',
    ]);
    const lines = await em.find(BomLine, {}, { orderBy: [{ productCode: 'asc' }, { sku: 'asc' }], filters: false });
    expect(lines.map((line) => `${line.productCode}/${line.sku}:${line.quantityPerUnit}@${line.stageCode}`)).toEqual([
      'PST-BOX/GIFT-BOX:1@B10',
      'TEA-CUP/CLAY-KAOLIN:400@B10',
      'TEA-CUP/GIFT-BOX:1@B10',
    ]);
    expect(await em.count(OrderMaterial, {}, { filters: false })).toBe(0);
  });
});
