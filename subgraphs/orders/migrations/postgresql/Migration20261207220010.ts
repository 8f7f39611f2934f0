import { Migration } from '@mikro-orm/migrations';
import { catalogueV1Inserts } from '../catalogue-v1';

export class Migration20261207220010 extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table "orders"."catalogue_product" ("studio_id" varchar(80) not null, "product_code" varchar(80) not null, "name_zh" varchar(200) not null, "name_en" varchar(200) not null, "family_code" varchar(40) not null, "route_code" varchar(40) not null, "shop_skus" jsonb not null, "price_cents" int null, "revision" int not null default 1, "updated_at" timestamptz not null, constraint "catalogue_product_pkey" primary key ("studio_id", "product_code"));`,
    );
    this.addSql(
      `create table "orders"."catalogue_route" ("studio_id" varchar(80) not null, "code" varchar(40) not null, "name_zh" varchar(200) null, "name_en" varchar(200) null, "current_version" int not null, "updated_at" timestamptz not null, constraint "catalogue_route_pkey" primary key ("studio_id", "code"));`,
    );
    this.addSql(
      `create table "orders"."product_family" ("studio_id" varchar(80) not null, "code" varchar(40) not null, "name_zh" varchar(200) not null, "name_en" varchar(200) not null, "revision" int not null default 1, "updated_at" timestamptz not null, constraint "product_family_pkey" primary key ("studio_id", "code"));`,
    );
    this.addSql(
      `create table "orders"."product_shop_sku" ("studio_id" varchar(80) not null, "shop_sku" varchar(81) not null, "product_code" varchar(80) not null, constraint "product_shop_sku_pkey" primary key ("studio_id", "shop_sku"));`,
    );
    this.addSql(
      `create index "product_shop_sku_studio_id_product_code_index" on "orders"."product_shop_sku" ("studio_id", "product_code");`,
    );
    this.addSql(
      `create table "orders"."route_version" ("studio_id" varchar(80) not null, "route_code" varchar(40) not null, "version" int not null, "steps" jsonb not null, "created_at" timestamptz not null, "created_by" varchar(200) not null, constraint "route_version_pkey" primary key ("studio_id", "route_code", "version"));`,
    );
    // An order's product type becomes its product family: the same codes, now free strings.
    this.addSql(
      `alter table "orders"."shop_order" add column "product_family" varchar(40) null, add column "route_code" varchar(40) null, add column "route_version" int null;`,
    );
    this.addSql(`update "orders"."shop_order" set "product_family" = "product_type";`);
    this.addSql(`alter table "orders"."shop_order" alter column "product_family" set not null;`);
    this.addSql(`alter table "orders"."shop_order" drop column "product_type";`);
    this.addSql(
      `alter table "orders"."stage_run" add column "work_center_code" varchar(40) null, add column "skill" varchar(20) null, add column "partner_allowed" boolean not null default true;`,
    );
    for (const statement of catalogueV1Inserts((name) => `"orders"."${name}"`, 'now()')) this.addSql(statement);
  }

  override async down(): Promise<void> {
    for (const table of ['catalogue_product', 'catalogue_route', 'product_family', 'product_shop_sku', 'route_version'])
      this.addSql(`drop table if exists "orders"."${table}" cascade;`);
    this.addSql(`alter table "orders"."shop_order" add column "product_type" varchar(40) null;`);
    this.addSql(`update "orders"."shop_order" set "product_type" = "product_family";`);
    this.addSql(`alter table "orders"."shop_order" drop column "product_family", drop column "route_code", drop column "route_version";`);
    this.addSql(`alter table "orders"."stage_run" drop column "work_center_code", drop column "skill", drop column "partner_allowed";`);
  }
}
