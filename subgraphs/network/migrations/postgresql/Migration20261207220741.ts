import { Migration } from '@mikro-orm/migrations';
import { PARTNERS_2026_12, SUPPLIERS_2026_12 } from '../../../../demo/relationships-2026-12';

const BOTH_LISTED =
  'where exists (select 1 from "network"."enterprise" where "id" = ?) and exists (select 1 from "network"."enterprise" where "id" = ?)';

/**
 * A studio's suppliers (tier, a primary's annual contract) and partners (the stage codes each may
 * take) become rows of the network (issue 33, item 1). A database that holds the demo network gets
 * the demo studios' relationships, as the seed would set them; a fresh one gets them from the seed.
 */
export class Migration20261207220741 extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table "network"."partner_relationship" ("studio_id" varchar(80) not null, "partner_id" varchar(80) not null, "stage_codes" jsonb not null, "since" timestamptz not null, "ended_at" timestamptz null, "revision" int not null default 1, "updated_at" timestamptz not null, constraint "partner_relationship_pkey" primary key ("studio_id", "partner_id"));`,
    );
    this.addSql(
      `create table "network"."supplier_relationship" ("studio_id" varchar(80) not null, "supplier_id" varchar(80) not null, "tier" text check ("tier" in ('PRIMARY', 'SECONDARY', 'EMERGENCY')) not null, "annual_volume_yuan" int null, "flexible_band_percent" int null, "since" timestamptz not null, "ended_at" timestamptz null, "revision" int not null default 1, "updated_at" timestamptz not null, constraint "supplier_relationship_pkey" primary key ("studio_id", "supplier_id"));`,
    );
    for (const [studioId, supplierId, tier, volume, band] of SUPPLIERS_2026_12)
      this.addSql(
        this.getKnex().raw(
          `insert into "network"."supplier_relationship" (studio_id, supplier_id, tier, annual_volume_yuan, flexible_band_percent, since, revision, updated_at) select ?, ?, ?, ?::int, ?::int, now(), 1, now() ${BOTH_LISTED}`,
          [studioId, supplierId, tier, volume, band, studioId, supplierId],
        ),
      );
    for (const [studioId, partnerId, stageCodes] of PARTNERS_2026_12)
      this.addSql(
        this.getKnex().raw(
          `insert into "network"."partner_relationship" (studio_id, partner_id, stage_codes, since, revision, updated_at) select ?, ?, ?::jsonb, now(), 1, now() ${BOTH_LISTED}`,
          [studioId, partnerId, JSON.stringify(stageCodes), studioId, partnerId],
        ),
      );
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "network"."partner_relationship" cascade;`);
    this.addSql(`drop table if exists "network"."supplier_relationship" cascade;`);
  }
}
