import { Migration } from '@mikro-orm/migrations';

export class Migration20261207185613 extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table "suppliers"."bill_of_materials" ("studio_id" varchar(80) not null, "product_code" varchar(80) not null, "version" int not null, "updated_at" timestamptz not null, constraint "bill_of_materials_pkey" primary key ("studio_id", "product_code"));`,
    );

    this.addSql(
      `create table "suppliers"."bom_item" ("studio_id" varchar(80) not null, "product_code" varchar(80) not null, "version" int not null, "sku" varchar(60) not null, "quantity_per_unit" int not null, "stage_code" varchar(20) not null, constraint "bom_item_pkey" primary key ("studio_id", "product_code", "version", "sku"));`,
    );

    this.addSql(
      `create table "suppliers"."studio_material" ("studio_id" varchar(80) not null, "sku" varchar(60) not null, "name_zh" varchar(200) not null, "name_en" varchar(200) not null, "unit" varchar(20) not null, "abc_class" text check ("abc_class" in ('A', 'B', 'C')) not null, "unit_cost_cents" int not null, "safety_stock" int not null, "stocking_policy" text check ("stocking_policy" in ('STOCKED', 'MADE_TO_ORDER')) not null default 'STOCKED', "substitutes" jsonb not null, "retired_at" timestamptz null, "revision" int not null default 1, "updated_at" timestamptz not null, constraint "studio_material_pkey" primary key ("studio_id", "sku"));`,
    );
    this.addSql(`create index "studio_material_sku_index" on "suppliers"."studio_material" ("sku");`);

    // Today's rows move over: each material to every studio whose bill names it (one no bill names,
    // to every studio with a bill), its name split into English and Chinese at the first Han
    // character; each bill becomes version 1, consumed at material preparation (as before).
    const materials = await this.execute(`select * from "suppliers"."material"`);
    const studios = await this.execute(`select distinct studio_id, sku from "suppliers"."bom_line"`);
    const everyStudio = [...new Set(studios.map((row) => String(row.studio_id)))];
    for (const material of materials) {
      const name = String(material.name);
      const han = name.search(/\p{Script=Han}/u);
      const nameEn = han > 0 ? name.slice(0, han).trim() : name;
      const nameZh = han >= 0 ? name.slice(han).trim() : name;
      const named = studios.filter((row) => row.sku === material.sku).map((row) => String(row.studio_id));
      for (const studioId of named.length ? named : everyStudio) {
        this.addSql(
          this.getKnex().raw(
            `insert into "suppliers"."studio_material" (studio_id, sku, name_zh, name_en, unit, abc_class, unit_cost_cents, safety_stock, stocking_policy, substitutes, revision, updated_at) values (?, ?, ?, ?, ?, ?, ?, ?, 'STOCKED', '[]', 1, now())`,
            [studioId, material.sku, nameZh, nameEn, material.unit, material.abc_class, material.unit_cost_cents, material.safety_stock],
          ),
        );
      }
    }
    this.addSql(
      `insert into "suppliers"."bill_of_materials" (studio_id, product_code, version, updated_at) select studio_id, product_code, 1, now() from "suppliers"."bom_line" group by studio_id, product_code;`,
    );
    this.addSql(
      `insert into "suppliers"."bom_item" (studio_id, product_code, version, sku, quantity_per_unit, stage_code) select studio_id, product_code, 1, sku, quantity_per_unit, 'B10' from "suppliers"."bom_line";`,
    );

    this.addSql(`drop table if exists "suppliers"."bom_line" cascade;`);

    this.addSql(`drop table if exists "suppliers"."material" cascade;`);

    this.addSql(`alter table "suppliers"."order_material" add column "stage_code" varchar(20) not null default 'B10';`);
  }

  override async down(): Promise<void> {
    this.addSql(
      `create table "suppliers"."bom_line" ("product_code" varchar(80) not null, "sku" varchar(60) not null, "studio_id" varchar(80) not null, "quantity_per_unit" int4 not null, constraint "bom_line_pkey" primary key ("product_code", "sku"));`,
    );

    this.addSql(
      `create table "suppliers"."material" ("sku" varchar(60) not null, "name" varchar(200) not null, "unit" varchar(20) not null, "abc_class" text check ("abc_class" in ('A', 'B', 'C')) not null, "unit_cost_cents" int4 not null, "safety_stock" int4 not null, constraint "material_pkey" primary key ("sku"));`,
    );

    this.addSql(`drop table if exists "suppliers"."bill_of_materials" cascade;`);

    this.addSql(`drop table if exists "suppliers"."bom_item" cascade;`);

    this.addSql(`drop table if exists "suppliers"."studio_material" cascade;`);

    this.addSql(`alter table "suppliers"."order_material" drop column "stage_code";`);
  }
}
