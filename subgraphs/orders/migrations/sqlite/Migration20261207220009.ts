import { Migration } from '@mikro-orm/migrations';
import { catalogueV1Inserts } from '../catalogue-v1';

export class Migration20261207220009 extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table \`catalogue_product\` (\`studio_id\` text not null, \`product_code\` text not null, \`name_zh\` text not null, \`name_en\` text not null, \`family_code\` text not null, \`route_code\` text not null, \`shop_skus\` json not null, \`price_cents\` integer null, \`revision\` integer not null default 1, \`updated_at\` datetime not null, primary key (\`studio_id\`, \`product_code\`));`,
    );
    this.addSql(
      `create table \`catalogue_route\` (\`studio_id\` text not null, \`code\` text not null, \`name_zh\` text null, \`name_en\` text null, \`current_version\` integer not null, \`updated_at\` datetime not null, primary key (\`studio_id\`, \`code\`));`,
    );
    this.addSql(
      `create table \`product_family\` (\`studio_id\` text not null, \`code\` text not null, \`name_zh\` text not null, \`name_en\` text not null, \`revision\` integer not null default 1, \`updated_at\` datetime not null, primary key (\`studio_id\`, \`code\`));`,
    );
    this.addSql(
      `create table \`product_shop_sku\` (\`studio_id\` text not null, \`shop_sku\` text not null, \`product_code\` text not null, primary key (\`studio_id\`, \`shop_sku\`));`,
    );
    this.addSql(
      `create index \`product_shop_sku_studio_id_product_code_index\` on \`product_shop_sku\` (\`studio_id\`, \`product_code\`);`,
    );
    this.addSql(
      `create table \`route_version\` (\`studio_id\` text not null, \`route_code\` text not null, \`version\` integer not null, \`steps\` json not null, \`created_at\` datetime not null, \`created_by\` text not null, primary key (\`studio_id\`, \`route_code\`, \`version\`));`,
    );
    // An order's product type becomes its product family: the same codes, now free strings (the
    // old column's CHECK is its own, so SQLite drops it with the column).
    this.addSql(`alter table \`shop_order\` add column \`product_family\` text not null default '';`);
    this.addSql(`update \`shop_order\` set \`product_family\` = \`product_type\`;`);
    this.addSql(`alter table \`shop_order\` drop column \`product_type\`;`);
    this.addSql(`alter table \`shop_order\` add column \`route_code\` text null;`);
    this.addSql(`alter table \`shop_order\` add column \`route_version\` integer null;`);
    this.addSql(`alter table \`stage_run\` add column \`work_center_code\` text null;`);
    this.addSql(`alter table \`stage_run\` add column \`skill\` text null;`);
    this.addSql(`alter table \`stage_run\` add column \`partner_allowed\` integer not null default true;`);
    for (const statement of catalogueV1Inserts((name) => `\`${name}\``, String(Date.now()))) this.addSql(statement);
  }

  override async down(): Promise<void> {
    for (const table of ['catalogue_product', 'catalogue_route', 'product_family', 'product_shop_sku', 'route_version'])
      this.addSql(`drop table if exists \`${table}\`;`);
    this.addSql(`alter table \`shop_order\` add column \`product_type\` text not null default '';`);
    this.addSql(`update \`shop_order\` set \`product_type\` = \`product_family\`;`);
    this.addSql(`alter table \`shop_order\` drop column \`product_family\`;`);
    this.addSql(`alter table \`shop_order\` drop column \`route_code\`;`);
    this.addSql(`alter table \`shop_order\` drop column \`route_version\`;`);
    for (const column of ['work_center_code', 'skill', 'partner_allowed'])
      this.addSql(`alter table \`stage_run\` drop column \`${column}\`;`);
  }
}
