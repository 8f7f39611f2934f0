import { Migration } from '@mikro-orm/migrations';

export class Migration20261203000000 extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table "suppliers"."traced_product" ("code" varchar(40) not null, "order_id" varchar(40) not null, "studio_id" varchar(80) not null, constraint "traced_product_pkey" primary key ("code"));`,
    );
    this.addSql(`create index "traced_product_order_id_index" on "suppliers"."traced_product" ("order_id");`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "suppliers"."traced_product" cascade;`);
  }
}
