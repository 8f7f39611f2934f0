import { Migration } from '@mikro-orm/migrations';

export class Migration20261202100824 extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table "network"."idempotency_record" ("id" varchar(300) not null, "request_hash" varchar(64) not null, "result_id" varchar(80) not null, "created_at" timestamptz not null, constraint "idempotency_record_pkey" primary key ("id"));`,
    );

    this.addSql(
      `create table "network"."outbox_event" ("position" bigserial primary key, "event_id" varchar(36) not null, "type" varchar(80) not null, "source" varchar(40) not null, "subject_type" varchar(40) not null, "subject_id" varchar(80) not null, "actor_subject" varchar(120) not null, "actor_enterprise" varchar(80) null, "occurred_at" timestamptz not null, "payload" jsonb not null, "published_at" timestamptz null);`,
    );
    this.addSql(`alter table "network"."outbox_event" add constraint "outbox_event_event_id_unique" unique ("event_id");`);
    this.addSql(`create index "outbox_event_published_at_index" on "network"."outbox_event" ("published_at");`);

    this.addSql(`alter table "network"."enterprise" add column "updated_at" timestamptz null;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "network"."idempotency_record" cascade;`);

    this.addSql(`drop table if exists "network"."outbox_event" cascade;`);

    this.addSql(`alter table "network"."enterprise" drop column "updated_at";`);
  }
}
