import { Migration } from '@mikro-orm/migrations';

export class Migration20261203063242 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table "suppliers"."purchase_order" drop constraint if exists "purchase_order_status_check";`);

    this.addSql(`alter table "suppliers"."purchase_order" add column "shipped_at" timestamptz null, add column "shipped_lots" jsonb null;`);
    this.addSql(
      `alter table "suppliers"."purchase_order" add constraint "purchase_order_status_check" check("status" in ('PLACED', 'CONFIRMED', 'SHIPPED', 'RECEIVED', 'CANCELLED'));`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "suppliers"."purchase_order" drop constraint if exists "purchase_order_status_check";`);

    this.addSql(`alter table "suppliers"."purchase_order" drop column "shipped_at", drop column "shipped_lots";`);

    this.addSql(
      `alter table "suppliers"."purchase_order" add constraint "purchase_order_status_check" check("status" in ('PLACED', 'CONFIRMED', 'RECEIVED', 'CANCELLED'));`,
    );
  }
}
