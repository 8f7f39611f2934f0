import { Migration } from '@mikro-orm/migrations';

export class Migration20261203122543 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create index "stage_run_assigned_to_id_status_index" on "orders"."stage_run" ("assigned_to_id", "status");`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop index "orders"."stage_run_assigned_to_id_status_index";`);
  }
}
