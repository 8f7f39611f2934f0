import { Migration } from '@mikro-orm/migrations';

/** The share page names the product as the studio's catalogue did when it was ordered. */
export class Migration20261208011001 extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `alter table "notifications"."order_facts" add column "product_name_zh" varchar(200) null, add column "product_name_en" varchar(200) null;`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "notifications"."order_facts" drop column "product_name_zh", drop column "product_name_en";`);
  }
}
