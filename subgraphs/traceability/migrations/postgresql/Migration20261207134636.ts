import { Migration } from '@mikro-orm/migrations';

export class Migration20261207134636 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table "traceability"."capture_job" add column "context" jsonb null;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "traceability"."capture_job" drop column "context";`);
  }
}
