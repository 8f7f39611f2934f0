import { Migration } from '@mikro-orm/migrations';

/**
 * An order keeps its catalogue product's names from its import; the studio's work centers and
 * operators' skills as the capacity subgraph announces them. Existing orders get the names their
 * product has now, by the product code its first line names (or that line's shop SKU).
 */
export class Migration20261208011000 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table \`shop_order\` add column \`catalogue_product_code\` text null;`);
    this.addSql(`alter table \`shop_order\` add column \`product_name_zh\` text null;`);
    this.addSql(`alter table \`shop_order\` add column \`product_name_en\` text null;`);
    this.addSql(
      `create table \`studio_work_center\` (\`studio_id\` text not null, \`code\` text not null, \`removed\` integer not null, \`changed_at\` datetime not null, primary key (\`studio_id\`, \`code\`));`,
    );
    this.addSql(
      `create table \`studio_operator_skills\` (\`studio_id\` text not null, \`operator_code\` text not null, \`skills\` json not null, \`removed\` integer not null, \`changed_at\` datetime not null, primary key (\`studio_id\`, \`operator_code\`));`,
    );
    this.addSql(
      `create table \`studio_resources_imported\` (\`studio_id\` text not null, \`work_centers\` integer not null, \`operators\` integer not null, \`imported_at\` datetime not null, primary key (\`studio_id\`));`,
    );
    this.addSql(
      `update "shop_order" set "catalogue_product_code" = (select p."product_code" from "order_line" l join "catalogue_product" p on p."studio_id" = "shop_order"."studio_id" and (p."product_code" = l."product_code" or p."product_code" = (select k."product_code" from "product_shop_sku" k where k."studio_id" = "shop_order"."studio_id" and k."shop_sku" = l."product_code")) where l."order_id" = "shop_order"."id" order by l."position" limit 1);`,
    );
    this.addSql(
      `update "shop_order" set "product_name_zh" = (select p."name_zh" from "catalogue_product" p where p."studio_id" = "shop_order"."studio_id" and p."product_code" = "shop_order"."catalogue_product_code"), "product_name_en" = (select p."name_en" from "catalogue_product" p where p."studio_id" = "shop_order"."studio_id" and p."product_code" = "shop_order"."catalogue_product_code") where "catalogue_product_code" is not null;`,
    );
  }

  override async down(): Promise<void> {
    for (const table of ['studio_work_center', 'studio_operator_skills', 'studio_resources_imported'])
      this.addSql(`drop table if exists \`${table}\`;`);
    for (const column of ['catalogue_product_code', 'product_name_zh', 'product_name_en'])
      this.addSql(`alter table \`shop_order\` drop column \`${column}\`;`);
  }
}
