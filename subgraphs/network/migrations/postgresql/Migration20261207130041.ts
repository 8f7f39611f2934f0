import { Migration } from '@mikro-orm/migrations';

export class Migration20261207130041 extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table "network"."audit_entry" ("position" bigserial primary key, "occurred_at" timestamptz not null, "actor_subject" varchar(120) not null, "actor_roles" jsonb not null, "actor_enterprise" varchar(80) null, "operation" varchar(80) not null, "subject_type" varchar(40) not null, "subject_id" varchar(80) not null, "changed" jsonb not null, "request_id" varchar(80) not null);`,
    );
    this.addSql(`create index "audit_entry_occurred_at_index" on "network"."audit_entry" ("occurred_at");`);
    this.addSql(`create index "audit_entry_subject_id_index" on "network"."audit_entry" ("subject_id");`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "network"."audit_entry" cascade;`);
  }
}
