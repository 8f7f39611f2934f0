import { Migration } from '@mikro-orm/migrations';

export class Migration20261207185613 extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table \`bill_of_materials\` (\`studio_id\` text not null, \`product_code\` text not null, \`version\` integer not null, \`updated_at\` datetime not null, primary key (\`studio_id\`, \`product_code\`));`,
    );

    this.addSql(
      `create table \`bom_item\` (\`studio_id\` text not null, \`product_code\` text not null, \`version\` integer not null, \`sku\` text not null, \`quantity_per_unit\` integer not null, \`stage_code\` text not null, primary key (\`studio_id\`, \`product_code\`, \`version\`, \`sku\`));`,
    );

    this.addSql(
      `create table \`studio_material\` (\`studio_id\` text not null, \`sku\` text not null, \`name_zh\` text not null, \`name_en\` text not null, \`unit\` text not null, \`abc_class\` text check (\`abc_class\` in ('A', 'B', 'C')) not null, \`unit_cost_cents\` integer not null, \`safety_stock\` integer not null, \`stocking_policy\` text check (\`stocking_policy\` in ('STOCKED', 'MADE_TO_ORDER')) not null default 'STOCKED', \`substitutes\` json not null, \`retired_at\` datetime null, \`revision\` integer not null default 1, \`updated_at\` datetime not null, primary key (\`studio_id\`, \`sku\`));`,
    );
    this.addSql(`create index \`studio_material_sku_index\` on \`studio_material\` (\`sku\`);`);

    // Today's rows move over: each material to every studio whose bill names it (one no bill names,
    // to every studio with a bill), its name split into English and Chinese at the first Han
    // character; each bill becomes version 1, consumed at material preparation (as before).
    const materials = await this.execute(`select * from \`material\``);
    const studios = await this.execute(`select distinct studio_id, sku from \`bom_line\``);
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
            `insert into \`studio_material\` (studio_id, sku, name_zh, name_en, unit, abc_class, unit_cost_cents, safety_stock, stocking_policy, substitutes, revision, updated_at) values (?, ?, ?, ?, ?, ?, ?, ?, 'STOCKED', '[]', 1, (cast(strftime('%s','now') as integer) * 1000))`,
            [studioId, material.sku, nameZh, nameEn, material.unit, material.abc_class, material.unit_cost_cents, material.safety_stock],
          ),
        );
      }
    }
    this.addSql(
      `insert into \`bill_of_materials\` (studio_id, product_code, version, updated_at) select studio_id, product_code, 1, (cast(strftime('%s','now') as integer) * 1000) from \`bom_line\` group by studio_id, product_code;`,
    );
    this.addSql(
      `insert into \`bom_item\` (studio_id, product_code, version, sku, quantity_per_unit, stage_code) select studio_id, product_code, 1, sku, quantity_per_unit, 'B10' from \`bom_line\`;`,
    );

    this.addSql(`drop table if exists \`bom_line\`;`);

    this.addSql(`drop table if exists \`material\`;`);

    this.addSql(`alter table \`order_material\` add column \`stage_code\` text not null default 'B10';`);
  }
}
