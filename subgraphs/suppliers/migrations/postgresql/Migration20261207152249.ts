import { Migration } from '@mikro-orm/migrations';

export class Migration20261207152249 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table "suppliers"."stock_lot" add column "held_for_studio_id" varchar(80) null;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "suppliers"."stock_lot" drop column "held_for_studio_id";`);
  }
}
