import { Migration } from '@mikro-orm/migrations';

export class Migration20261122042951 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create schema if not exists "notifications";`);
    this.addSql(
      `create table "notifications"."customer_preference" ("order_id" varchar(40) not null, "studio_id" varchar(80) not null, "channel" text check ("channel" in ('WECHAT', 'NONE')) not null, "wechat_open_id" varchar(64) null, "tier" text check ("tier" in ('MINIMAL', 'BASIC', 'DETAILED')) not null, "quiet_hours" jsonb null, "time_zone" varchar(64) not null, "daily_digest" boolean not null, "digest_hour" int not null, "daily_cap" int not null, "last_digest_day" varchar(10) null, "updated_at" timestamptz not null, constraint "customer_preference_pkey" primary key ("order_id"));`,
    );

    this.addSql(
      `create table "notifications"."idempotency_record" ("id" varchar(300) not null, "request_hash" varchar(64) not null, "result_id" varchar(80) not null, "created_at" timestamptz not null, constraint "idempotency_record_pkey" primary key ("id"));`,
    );

    this.addSql(
      `create table "notifications"."notification_message" ("id" varchar(40) not null, "kind" text check ("kind" in ('IMMEDIATE', 'ROUTINE', 'DIGEST', 'WEBHOOK')) not null, "recipient" varchar(100) not null, "enterprise_id" varchar(80) not null, "webhook_id" varchar(40) null, "order_id" varchar(40) null, "event_id" varchar(80) not null, "event_type" varchar(80) not null, "body" jsonb not null, "status" text check ("status" in ('PENDING', 'HELD', 'SENT', 'DIGESTED', 'DEAD', 'UNDELIVERABLE')) not null default 'PENDING', "attempts" int not null default 0, "next_attempt_at" timestamptz null, "leased_until" timestamptz null, "last_error" varchar(1000) null, "created_at" timestamptz not null, "sent_at" timestamptz null, "digest_id" varchar(40) null, constraint "notification_message_pkey" primary key ("id"));`,
    );
    this.addSql(
      `create index "notification_message_order_id_created_at_index" on "notifications"."notification_message" ("order_id", "created_at");`,
    );
    this.addSql(
      `create index "notification_message_status_next_attempt_at_index" on "notifications"."notification_message" ("status", "next_attempt_at");`,
    );
    this.addSql(
      `alter table "notifications"."notification_message" add constraint "notification_message_recipient_event_id_unique" unique ("recipient", "event_id");`,
    );

    this.addSql(
      `create table "notifications"."order_facts" ("order_id" varchar(40) not null, "studio_id" varchar(80) not null, "product_type" varchar(40) not null, "tier_max" text check ("tier_max" in ('MINIMAL', 'BASIC', 'DETAILED')) not null, "lines" jsonb not null, "stages_done" jsonb not null, "completed_at" timestamptz null, "share_id" varchar(40) null, constraint "order_facts_pkey" primary key ("order_id"));`,
    );
    this.addSql(`create index "order_facts_share_id_index" on "notifications"."order_facts" ("share_id");`);

    this.addSql(
      `create table "notifications"."processed_event" ("id" varchar(120) not null, "processed_at" timestamptz not null, constraint "processed_event_pkey" primary key ("id"));`,
    );

    this.addSql(
      `create table "notifications"."webhook" ("id" varchar(40) not null, "enterprise_id" varchar(80) not null, "url" varchar(2000) not null, "secret" varchar(100) not null, "event_types" jsonb not null, "active" boolean not null default true, "created_at" timestamptz not null, constraint "webhook_pkey" primary key ("id"));`,
    );
    this.addSql(`create index "webhook_enterprise_id_index" on "notifications"."webhook" ("enterprise_id");`);

    this.addSql(
      `create table "notifications"."wechat_token" ("app_id" varchar(64) not null, "token" varchar(600) not null, "expires_at" timestamptz not null, constraint "wechat_token_pkey" primary key ("app_id"));`,
    );
  }
}
