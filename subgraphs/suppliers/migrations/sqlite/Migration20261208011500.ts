import { Migration } from '@mikro-orm/migrations';
import { SUPPLIERS_2026_12 } from '../../../../demo/relationships-2026-12';

const NOW = `(cast(strftime('%s','now') as integer) * 1000)`;

/**
 * Each studio's suppliers, projected from the network's relationship events (issue 33, item 1):
 * they decide what a supplier sees of a studio and whom its reorders go to. A database that holds
 * the demo suppliers and studios gets the demo relationships the network's migration wrote (the
 * events of a fresh database's seed fill it otherwise).
 */
export class Migration20261208011500 extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table \`studio_supplier\` (\`studio_id\` text not null, \`supplier_id\` text not null, \`tier\` text check (\`tier\` in ('PRIMARY', 'SECONDARY', 'EMERGENCY')) not null, \`annual_volume_yuan\` integer null, \`flexible_band_percent\` integer null, \`ended_at\` datetime null, \`updated_at\` datetime not null, primary key (\`studio_id\`, \`supplier_id\`));`,
    );
    this.addSql(`create index \`studio_supplier_supplier_id_index\` on \`studio_supplier\` (\`supplier_id\`);`);
    for (const [studioId, supplierId, tier, volume, band] of SUPPLIERS_2026_12)
      this.addSql(
        this.getKnex().raw(
          `insert into \`studio_supplier\` (studio_id, supplier_id, tier, annual_volume_yuan, flexible_band_percent, updated_at) select ?, ?, ?, ?, ?, ${NOW} where exists (select 1 from \`supplier\` where \`id\` = ?) and exists (select 1 from \`studio_material\` where \`studio_id\` = ?)`,
          [studioId, supplierId, tier, volume, band, supplierId, studioId],
        ),
      );
  }

  override async down(): Promise<void> {
    this.addSql('drop table if exists `studio_supplier`;');
  }
}
