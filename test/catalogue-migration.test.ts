import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createScratchDatabase } from '../hub/scratch-database';
import { openDatabase, type Database, type Dialect } from '../platform/data/database';
import { CatalogueService } from '../subgraphs/orders/catalogue.service';
import { CatalogueProduct, CatalogueRoute, ProductFamily, RouteVersion } from '../subgraphs/orders/entities/catalogue';
import { Order } from '../subgraphs/orders/entities/order';
import { StageRun } from '../subgraphs/orders/entities/stage-run';
import { ordersSubgraph } from '../subgraphs/orders';
import { ordersMigrations } from '../subgraphs/orders/migrations';
import { ROUTE_TEMPLATES } from '../subgraphs/orders/route-templates';
import { dialects } from './support/hub';

/** The migration that made the catalogue tables and turned the route constants into the demo studios' rows. */
const CATALOGUE = { sqlite: 'Migration20261207220009', postgresql: 'Migration20261207220010' };

describe.each(dialects())('the catalogue on an existing database (%s)', (dialect: Dialect) => {
  let database: Database | undefined;
  let drop: (() => Promise<void>) | undefined;
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'weft-catalogue-'));

  afterAll(async () => {
    await database?.close();
    await drop?.();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('keeps its orders (their product type becomes their family, their stages as they were) and gives the demo studios the routes they had', async () => {
    const scratch = dialect === 'postgresql' ? await createScratchDatabase(process.env.DATABASE_URL!, 'weft_catalogue') : undefined;
    drop = scratch?.drop;
    const location = { dataDir, databaseUrl: scratch?.url };
    const before = (list: typeof ordersMigrations.sqlite) =>
      list.slice(
        0,
        list.findIndex((migration) => migration.name === CATALOGUE[dialect]),
      );
    const old = await openDatabase(
      {
        name: 'orders',
        entities: ordersSubgraph.database!.entities,
        migrations: { sqlite: before(ordersMigrations.sqlite), postgresql: before(ordersMigrations.postgresql) },
      },
      location,
    );
    const table = (name: string) => (dialect === 'postgresql' ? `"orders"."${name}"` : `"${name}"`);
    const run = (sql: string) => old.orm.em.getConnection().execute(sql);
    const now = dialect === 'postgresql' ? 'now()' : String(Date.now());
    await run(
      `insert into ${table('shop_order')} (id, studio_id, channel, external_order_id, payload_hash, product_type, customer_name, customer_contact, customer_address, price_cents, currency, customer_tier_max, status, status_code_value, milestone_code_value, created_at, updated_at, last_sequence, version) values ` +
        `('ord_OLD', 'youcaifeng', 'TAOBAO', 'TB-OLD', 'h', 'TAILORED_GARMENT', 'c', 'c', 'a', 100, 'CNY', 'DETAILED', 'RECEIVED', 'A00', 'A00', ${now}, ${now}, 0, 1)`,
    );
    await run(
      `insert into ${table('stage_run')} (id, order_id, studio_id, position, code, standard_minutes, status, assigned_to_id, environment, process_parameters, photo_urls, qc_checkpoint) values ` +
        `('stg_OLD', 'ord_OLD', 'youcaifeng', 1, 'A20', 60, 'PENDING', 'youcaifeng', '[]', '[]', '[]', ${dialect === 'postgresql' ? 'false' : '0'})`,
    );
    // An order whose line names a product the catalogue will have: it gets that product's names.
    await run(
      `insert into ${table('shop_order')} (id, studio_id, channel, external_order_id, payload_hash, product_type, customer_name, customer_contact, customer_address, price_cents, currency, customer_tier_max, status, status_code_value, milestone_code_value, created_at, updated_at, last_sequence, version) values ` +
        `('ord_NAMED', 'moyun-studio', 'TAOBAO', 'TB-NAMED', 'h', 'CALLIGRAPHY_TEAWARE', 'c', 'c', 'a', 100, 'CNY', 'DETAILED', 'RECEIVED', 'A00', 'A00', ${now}, ${now}, 0, 1)`,
    );
    await run(
      `insert into ${table('order_line')} (id, order_id, studio_id, position, product_code, quantity) values ('oln_NAMED', 'ord_NAMED', 'moyun-studio', 0, 'TEA-CUP-CALLIG', 1)`,
    );
    await old.close();

    database = await openDatabase({ name: 'orders', entities: ordersSubgraph.database!.entities, migrations: ordersMigrations }, location);
    const em = database.orm.em.fork();
    const order = await em.findOneOrFail(Order, { id: 'ord_OLD' }, { filters: false });
    expect([order.productFamily, order.productType, order.routeCode ?? null, order.routeVersion ?? null]).toEqual([
      'TAILORED_GARMENT',
      'TAILORED_GARMENT',
      null,
      null,
    ]);
    // No line to name its product by: no names (the web app names it by its family).
    expect([order.productNameZh ?? null, order.productNameEn ?? null]).toEqual([null, null]);
    const named = await em.findOneOrFail(Order, { id: 'ord_NAMED' }, { filters: false });
    expect([named.catalogueProductCode, named.productNameZh, named.productNameEn]).toEqual([
      'TEA-CUP-CALLIG',
      '书法茶杯',
      'Calligraphy tea cup',
    ]);
    const stage = await em.findOneOrFail(StageRun, { id: 'stg_OLD' }, { filters: false });
    expect([stage.code, stage.workCenterCode ?? null, stage.skill ?? null, stage.partnerAllowed]).toEqual(['A20', null, null, true]);

    const families = await em.find(ProductFamily, {}, { filters: false, orderBy: [{ studioId: 'asc' }] });
    expect(families.map((family) => `${family.studioId}/${family.code}`)).toEqual([
      'moyun-bakery/PASTRY_BOX',
      'moyun-studio/CALLIGRAPHY_TEAWARE',
      'youcaifeng/TAILORED_GARMENT',
    ]);
    const products = await em.find(CatalogueProduct, {}, { filters: false, orderBy: [{ studioId: 'asc' }, { productCode: 'asc' }] });
    expect(
      products.map((product) => `${product.studioId}/${product.productCode}:${product.routeCode}:${product.shopSkus.join(',')}`),
    ).toEqual([
      'moyun-bakery/PST-BOX-168:PASTRY_BOX:PST-*',
      'moyun-bakery/PST-BOX-88:PASTRY_BOX:',
      'moyun-studio/TEA-CUP-CALLIG:CALLIGRAPHY_TEAWARE:TEA-*',
      'youcaifeng/TLR-SUIT-WOOL:TAILORED_GARMENT:TLR-*',
    ]);
    expect((await em.find(CatalogueRoute, {}, { filters: false })).every((route) => route.currentVersion === 1)).toBe(true);
    // Version 1 of each route is the constant it came from, step for step.
    for (const template of ROUTE_TEMPLATES) {
      const version = await em.findOneOrFail(RouteVersion, { routeCode: template.productType, version: 1 }, { filters: false });
      expect(version.steps).toEqual(template.steps.map((step) => ({ ...step, workCenterCode: null, skill: null, partnerAllowed: true })));
    }
    // And the orders of a shop SKU the old prefix matched resolve as they did.
    const resolved = await new CatalogueService().resolveProduct(em, 'moyun-studio', 'TEA-POT-PLAIN');
    expect([resolved?.product.productCode, resolved?.route.version]).toEqual(['TEA-CUP-CALLIG', 1]);
  });
});
