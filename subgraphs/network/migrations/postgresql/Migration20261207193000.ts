import { Migration } from '@mikro-orm/migrations';

/** Enterprises get a status (every existing one ACTIVE), its reason, and who applied for it. */
export class Migration20261207193000 extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `alter table "network"."enterprise" add column "status" text check ("status" in ('APPLIED', 'ACTIVE', 'REJECTED', 'SUSPENDED')) not null default 'ACTIVE', add column "status_reason" varchar(500) null, add column "applied_by" varchar(120) null;`,
    );
    this.addSql(`create index "enterprise_applied_by_index" on "network"."enterprise" ("applied_by");`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop index "network"."enterprise_applied_by_index";`);
    this.addSql(`alter table "network"."enterprise" drop column "status", drop column "status_reason", drop column "applied_by";`);
  }
}
