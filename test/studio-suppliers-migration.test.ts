import { SUPPLIERS_2026_12 } from '../demo/relationships-2026-12';
import { type Dialect } from '../platform/data/database';
import { suppliersSubgraph } from '../subgraphs/suppliers';
import { Material } from '../subgraphs/suppliers/entities/material';
import { StudioSupplier } from '../subgraphs/suppliers/entities/studio-supplier';
import { Supplier } from '../subgraphs/suppliers/entities/supplier';
import { dialects } from './support/hub';
import { beforeMigration } from './support/migrations';

/** The migration that gave the suppliers subgraph its projection of the studios' supplier relationships. */
const PROJECTION = 'Migration20261208011500';

describe.each(dialects())("the studios' suppliers reach the suppliers subgraph of an existing database (%s)", (dialect: Dialect) => {
  let scratch: Awaited<ReturnType<typeof beforeMigration>> | undefined;
  afterAll(() => scratch?.drop());

  it('gives a database holding the demo suppliers the relationships the network migration wrote, skipping studios and suppliers it lacks', async () => {
    scratch = await beforeMigration(dialect, suppliersSubgraph, PROJECTION);
    // The demo's suppliers but the tailor's silk supplier, and materials of the two moyun studios only.
    const em = scratch.old.orm.em.fork();
    for (const id of ['jingdezhen-clay', 'yixing-clay', 'nanjing-gold-leaf', 'jiangnan-flour', 'east-china-emergency-pool'])
      em.persist(em.create(Supplier, { id, tier: 'PRIMARY', categories: [], skus: [], leadTimeDays: 3, lastSequence: 0 }));
    for (const [studioId, sku] of [
      ['moyun-studio', 'CLAY-KAOLIN'],
      ['moyun-bakery', 'FLOUR-CAKE'],
    ])
      em.persist(
        em.create(Material, {
          studioId,
          sku,
          nameZh: sku,
          nameEn: sku,
          unit: 'g',
          abcClass: 'B',
          unitCostCents: 2,
          safetyStock: 0,
          updatedAt: new Date(),
        }),
      );
    await em.flush();

    const database = await scratch.migrate();
    const rows = await database.orm.em.fork().find(StudioSupplier, {}, { filters: false });
    const terms = (studioId: string, supplierId: string, tier: string, volume?: number | null, band?: number | null) =>
      `${studioId}>${supplierId}:${tier}:${volume ?? '-'}:${band ?? '-'}`;
    // The frozen list, but youcaifeng (no materials here) and so the silk supplier.
    expect(rows.map((row) => terms(row.studioId, row.supplierId, row.tier, row.annualVolumeYuan, row.flexibleBandPercent)).sort()).toEqual(
      SUPPLIERS_2026_12.filter(([studioId]) => studioId !== 'youcaifeng')
        .map((row) => terms(...row))
        .sort(),
    );
    expect(rows).toHaveLength(7);
    expect(rows.every((row) => row.endedAt === null && row.updatedAt instanceof Date)).toBe(true);
  });
});
