import { Migration } from '@mikro-orm/migrations';
import { SUPPLIERS_2026_12 } from '../../../../demo/relationships-2026-12';

/**
 * Each studio's suppliers, projected from the network's relationship events (issue 33, item 1):
 * they decide what a supplier sees of a studio and whom its reorders go to. A database that holds
 * the demo suppliers and studios gets the demo relationships the network's migration wrote (the
 * events of a fresh database's seed fill it otherwise).
 */
export class Migration20261208011500 extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table "suppliers"."studio_supplier" ("studio_id" varchar(80) not null, "supplier_id" varchar(80) not null, "tier" text check ("tier" in ('PRIMARY', 'SECONDARY', 'EMERGENCY')) not null, "annual_volume_yuan" int null, "flexible_band_percent" int null, "ended_at" timestamptz null, "updated_at" timestamptz not null, constraint "studio_supplier_pkey" primary key ("studio_id", "supplier_id"));`,
    );
    this.addSql(`create index "studio_supplier_supplier_id_index" on "suppliers"."studio_supplier" ("supplier_id");`);
    for (const [studioId, supplierId, tier, volume, band] of SUPPLIERS_2026_12)
      this.addSql(
        this.getKnex().raw(
          `insert into "suppliers"."studio_supplier" (studio_id, supplier_id, tier, annual_volume_yuan, flexible_band_percent, updated_at) select ?, ?, ?, ?, ?, now() where exists (select 1 from "suppliers"."supplier" where "id" = ?) and exists (select 1 from "suppliers"."studio_material" where "studio_id" = ?)`,
          [studioId, supplierId, tier, volume, band, supplierId, studioId],
        ),
      );
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "suppliers"."studio_supplier" cascade;`);
  }
}
