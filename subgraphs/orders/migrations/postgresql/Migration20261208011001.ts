import { Migration } from '@mikro-orm/migrations';

/**
 * An order keeps its catalogue product's names from its import; the studio's work centers and
 * operators' skills as the capacity subgraph announces them. Existing orders get the names their
 * product has now, by the product code its first line names (or that line's shop SKU).
 */
export class Migration20261208011001 extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `alter table "orders"."shop_order" add column "catalogue_product_code" varchar(80) null, add column "product_name_zh" varchar(200) null, add column "product_name_en" varchar(200) null;`,
    );
    this.addSql(
      `create table "orders"."studio_work_center" ("studio_id" varchar(80) not null, "code" varchar(40) not null, "removed" boolean not null, "changed_at" timestamptz not null, constraint "studio_work_center_pkey" primary key ("studio_id", "code"));`,
    );
    this.addSql(
      `create table "orders"."studio_operator_skills" ("studio_id" varchar(80) not null, "operator_code" varchar(40) not null, "skills" jsonb not null, "removed" boolean not null, "changed_at" timestamptz not null, constraint "studio_operator_skills_pkey" primary key ("studio_id", "operator_code"));`,
    );
    this.addSql(
      `create table "orders"."studio_resources_imported" ("studio_id" varchar(80) not null, "work_centers" boolean not null, "operators" boolean not null, "imported_at" timestamptz not null, constraint "studio_resources_imported_pkey" primary key ("studio_id"));`,
    );
    this.addSql(
      `update "orders"."shop_order" set "catalogue_product_code" = (select p."product_code" from "orders"."order_line" l join "orders"."catalogue_product" p on p."studio_id" = "orders"."shop_order"."studio_id" and (p."product_code" = l."product_code" or p."product_code" = (select k."product_code" from "orders"."product_shop_sku" k where k."studio_id" = "orders"."shop_order"."studio_id" and k."shop_sku" = l."product_code")) where l."order_id" = "orders"."shop_order"."id" order by l."position" limit 1);`,
    );
    this.addSql(
      `update "orders"."shop_order" set "product_name_zh" = (select p."name_zh" from "orders"."catalogue_product" p where p."studio_id" = "orders"."shop_order"."studio_id" and p."product_code" = "orders"."shop_order"."catalogue_product_code"), "product_name_en" = (select p."name_en" from "orders"."catalogue_product" p where p."studio_id" = "orders"."shop_order"."studio_id" and p."product_code" = "orders"."shop_order"."catalogue_product_code") where "catalogue_product_code" is not null;`,
    );
  }

  override async down(): Promise<void> {
    for (const table of ['studio_work_center', 'studio_operator_skills', 'studio_resources_imported'])
      this.addSql(`drop table if exists "orders"."${table}" cascade;`);
    this.addSql(
      `alter table "orders"."shop_order" drop column "catalogue_product_code", drop column "product_name_zh", drop column "product_name_en";`,
    );
  }
}
