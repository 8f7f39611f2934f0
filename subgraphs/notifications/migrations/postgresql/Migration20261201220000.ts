import { Migration } from '@mikro-orm/migrations';

export class Migration20261201220000 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table "notifications"."order_facts" add column "stage_finished_at" jsonb null;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "notifications"."order_facts" drop column "stage_finished_at";`);
  }
}
