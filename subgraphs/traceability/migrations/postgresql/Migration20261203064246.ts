import { Migration } from '@mikro-orm/migrations';

export class Migration20261203064246 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create schema if not exists "traceability";`);
    this.addSql(
      `create table "traceability"."captured_event" ("captured_by" varchar(80) not null, "event_id" varchar(200) not null, "capture_id" varchar(40) not null, "event_type" varchar(40) not null, "event_time" timestamptz not null, "record_time" timestamptz not null, "biz_step" varchar(200) null, "outcome" text check ("outcome" in ('APPLIED', 'KEPT', 'REFUSED', 'DUPLICATE')) not null, "document" jsonb not null, constraint "captured_event_pkey" primary key ("captured_by", "event_id"));`,
    );
    this.addSql(
      `create index "captured_event_captured_by_record_time_index" on "traceability"."captured_event" ("captured_by", "record_time");`,
    );

    this.addSql(
      `create table "traceability"."capture_job" ("id" varchar(40) not null, "captured_by" varchar(80) not null, "created_at" timestamptz not null, "finished_at" timestamptz null, "receipts" jsonb not null, constraint "capture_job_pkey" primary key ("id"));`,
    );
    this.addSql(`create index "capture_job_captured_by_created_at_index" on "traceability"."capture_job" ("captured_by", "created_at");`);
  }
}
