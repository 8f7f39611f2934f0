import { Migration } from '@mikro-orm/migrations';

export class Migration20261203065203 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table "suppliers"."purchase_order" add column "received_at" timestamptz null;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "suppliers"."purchase_order" drop column "received_at";`);
  }
}
