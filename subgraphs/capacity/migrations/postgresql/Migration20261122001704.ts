import { Migration } from '@mikro-orm/migrations';

export class Migration20261122001704 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create schema if not exists "capacity";`);
    this.addSql(
      `create table "capacity"."alliance_member" ("alliance" varchar(80) not null, "enterprise_id" varchar(80) not null, constraint "alliance_member_pkey" primary key ("alliance", "enterprise_id"));`,
    );

    this.addSql(
      `create table "capacity"."allocation" ("id" varchar(40) not null, "request_id" varchar(40) not null, "offer_id" varchar(40) not null, "enterprise_id" varchar(80) not null, "studio_id" varchar(80) not null, "order_id" varchar(40) null, "stage_run_id" varchar(40) null, "capability" varchar(40) not null, "day" varchar(10) not null, "units" int not null, "unit_price_cents" int not null, "days_late" int not null, "status" text check ("status" in ('ACTIVE', 'DECLINED', 'RELEASED')) not null, "started" boolean not null default false, "created_at" timestamptz not null, constraint "allocation_pkey" primary key ("id"));`,
    );
    this.addSql(`create index "allocation_order_id_index" on "capacity"."allocation" ("order_id");`);
    this.addSql(`create index "allocation_enterprise_id_status_index" on "capacity"."allocation" ("enterprise_id", "status");`);
    this.addSql(`create index "allocation_request_id_index" on "capacity"."allocation" ("request_id");`);

    this.addSql(
      `create table "capacity"."capacity_offer" ("id" varchar(40) not null, "enterprise_id" varchar(80) not null, "capability" varchar(40) not null, "base_units_per_day" int not null, "max_units_per_day" int not null, "available_from" varchar(10) not null, "available_to" varchar(10) not null, "unit_price_cents" int not null, "quality_score" double precision not null, "region" varchar(40) not null, "share_with_alliances" jsonb not null, "share_with_enterprises" jsonb not null, "status" text check ("status" in ('ACTIVE', 'WITHDRAWN')) not null default 'ACTIVE', "created_at" timestamptz not null, "version" int not null default 1, constraint "capacity_offer_pkey" primary key ("id"));`,
    );
    this.addSql(`create index "capacity_offer_capability_status_index" on "capacity"."capacity_offer" ("capability", "status");`);

    this.addSql(
      `create table "capacity"."idempotency_record" ("id" varchar(300) not null, "request_hash" varchar(64) not null, "result_id" varchar(80) not null, "created_at" timestamptz not null, constraint "idempotency_record_pkey" primary key ("id"));`,
    );

    this.addSql(
      `create table "capacity"."offer_booking" ("offer_id" varchar(40) not null, "day" varchar(10) not null, "booked_units" int not null, constraint "offer_booking_pkey" primary key ("offer_id", "day"));`,
    );

    this.addSql(
      `create table "capacity"."outbox_event" ("position" bigserial primary key, "event_id" varchar(36) not null, "type" varchar(80) not null, "source" varchar(40) not null, "subject_type" varchar(40) not null, "subject_id" varchar(80) not null, "actor_subject" varchar(120) not null, "actor_enterprise" varchar(80) null, "occurred_at" timestamptz not null, "payload" jsonb not null, "published_at" timestamptz null);`,
    );
    this.addSql(`alter table "capacity"."outbox_event" add constraint "outbox_event_event_id_unique" unique ("event_id");`);
    this.addSql(`create index "outbox_event_published_at_index" on "capacity"."outbox_event" ("published_at");`);

    this.addSql(
      `create table "capacity"."overflow_request" ("id" varchar(40) not null, "studio_id" varchar(80) not null, "capability" varchar(40) not null, "units" int not null, "indivisible" boolean not null, "order_id" varchar(40) null, "stage_run_id" varchar(40) null, "earliest_start" varchar(10) not null, "due_date" varchar(10) not null, "price_cap_cents" int not null, "min_quality" double precision not null, "status" text check ("status" in ('OPEN', 'PARTIAL', 'ALLOCATED', 'CANCELLED')) not null default 'OPEN', "unmet_units" int not null default 0, "unmet_reason" varchar(20) null, "surge_key" varchar(200) null, "created_at" timestamptz not null, "version" int not null default 1, constraint "overflow_request_pkey" primary key ("id"));`,
    );
    this.addSql(`create index "overflow_request_studio_id_status_index" on "capacity"."overflow_request" ("studio_id", "status");`);

    this.addSql(
      `create table "capacity"."processed_event" ("id" varchar(120) not null, "processed_at" timestamptz not null, constraint "processed_event_pkey" primary key ("id"));`,
    );
  }
}
