import { Migration } from '@mikro-orm/migrations';

export class Migration20261207191126 extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table "orders"."studio_calendar" ("studio_id" varchar(80) not null, "hours" jsonb not null, "closures" jsonb not null, "make_up_weekday" int not null, "changed_at" timestamptz not null, constraint "studio_calendar_pkey" primary key ("studio_id"));`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "orders"."studio_calendar" cascade;`);
  }
}
