import { Migration } from '@mikro-orm/migrations';
import { PARTNERS_2026_12, SUPPLIERS_2026_12 } from '../../../../demo/relationships-2026-12';

const NOW = `(cast(strftime('%s','now') as integer) * 1000)`;
const BOTH_LISTED = 'where exists (select 1 from `enterprise` where `id` = ?) and exists (select 1 from `enterprise` where `id` = ?)';

/**
 * A studio's suppliers (tier, a primary's annual contract) and partners (the stage codes each may
 * take) become rows of the network (issue 33, item 1). A database that holds the demo network gets
 * the demo studios' relationships, as the seed would set them; a fresh one gets them from the seed.
 */
export class Migration20261207220741 extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table \`partner_relationship\` (\`studio_id\` text not null, \`partner_id\` text not null, \`stage_codes\` json not null, \`since\` datetime not null, \`ended_at\` datetime null, \`revision\` integer not null default 1, \`updated_at\` datetime not null, primary key (\`studio_id\`, \`partner_id\`));`,
    );
    this.addSql(
      `create table \`supplier_relationship\` (\`studio_id\` text not null, \`supplier_id\` text not null, \`tier\` text check (\`tier\` in ('PRIMARY', 'SECONDARY', 'EMERGENCY')) not null, \`annual_volume_yuan\` integer null, \`flexible_band_percent\` integer null, \`since\` datetime not null, \`ended_at\` datetime null, \`revision\` integer not null default 1, \`updated_at\` datetime not null, primary key (\`studio_id\`, \`supplier_id\`));`,
    );
    for (const [studioId, supplierId, tier, volume, band] of SUPPLIERS_2026_12)
      this.addSql(
        this.getKnex().raw(
          `insert into \`supplier_relationship\` (studio_id, supplier_id, tier, annual_volume_yuan, flexible_band_percent, since, revision, updated_at) select ?, ?, ?, ?, ?, ${NOW}, 1, ${NOW} ${BOTH_LISTED}`,
          [studioId, supplierId, tier, volume, band, studioId, supplierId],
        ),
      );
    for (const [studioId, partnerId, stageCodes] of PARTNERS_2026_12)
      this.addSql(
        this.getKnex().raw(
          `insert into \`partner_relationship\` (studio_id, partner_id, stage_codes, since, revision, updated_at) select ?, ?, ?, ${NOW}, 1, ${NOW} ${BOTH_LISTED}`,
          [studioId, partnerId, JSON.stringify(stageCodes), studioId, partnerId],
        ),
      );
  }

  override async down(): Promise<void> {
    this.addSql('drop table if exists `partner_relationship`;');
    this.addSql('drop table if exists `supplier_relationship`;');
  }
}
