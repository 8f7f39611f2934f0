import { Migration } from '@mikro-orm/migrations';

export class Migration20261121231701 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create schema if not exists "orders";`);
    this.addSql(
      `create table "orders"."idempotency_record" ("id" varchar(300) not null, "request_hash" varchar(64) not null, "result_id" varchar(80) not null, "created_at" timestamptz not null, constraint "idempotency_record_pkey" primary key ("id"));`,
    );

    this.addSql(
      `create table "orders"."shop_order" ("id" varchar(40) not null, "studio_id" varchar(80) not null, "channel" text check ("channel" in ('TAOBAO', 'JD', 'SHOPIFY', 'WECHAT', 'DIRECT')) not null, "external_order_id" varchar(100) not null, "payload_hash" varchar(64) not null, "product_type" text check ("product_type" in ('CALLIGRAPHY_TEAWARE', 'TAILORED_GARMENT', 'PASTRY_BOX')) not null, "customer_name" varchar(200) not null, "customer_contact" varchar(200) not null, "customer_address" varchar(500) not null, "price_cents" int not null, "currency" varchar(3) not null default 'CNY', "customer_tier_max" text check ("customer_tier_max" in ('MINIMAL', 'BASIC', 'DETAILED')) not null, "status" text check ("status" in ('RECEIVED', 'IN_PRODUCTION', 'READY_TO_SHIP', 'SHIPPED', 'DELIVERED', 'CANCELLED')) not null default 'RECEIVED', "status_code_value" varchar(20) not null, "due_at" timestamptz null, "cancel_reason" varchar(500) null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "last_sequence" int not null default 0, "version" int not null default 1, constraint "shop_order_pkey" primary key ("id"));`,
    );
    this.addSql(`create index "shop_order_studio_id_status_id_index" on "orders"."shop_order" ("studio_id", "status", "id");`);
    this.addSql(
      `alter table "orders"."shop_order" add constraint "shop_order_channel_external_order_id_unique" unique ("channel", "external_order_id");`,
    );

    this.addSql(
      `create table "orders"."order_exception" ("id" varchar(40) not null, "order_id" varchar(40) not null, "studio_id" varchar(80) not null, "stage_run_id" varchar(40) null, "code" varchar(20) not null, "note" varchar(1000) null, "status" text check ("status" in ('OPEN', 'RESOLVED')) not null default 'OPEN', "reported_at" timestamptz not null, "resolved_at" timestamptz null, "resolution" varchar(1000) null, constraint "order_exception_pkey" primary key ("id"));`,
    );
    this.addSql(`create index "order_exception_order_id_index" on "orders"."order_exception" ("order_id");`);

    this.addSql(
      `create table "orders"."order_line" ("id" varchar(40) not null, "order_id" varchar(40) not null, "position" int not null, "product_code" varchar(80) not null, "quantity" int not null, "personalisation" varchar(500) null, constraint "order_line_pkey" primary key ("id"));`,
    );
    this.addSql(`create index "order_line_order_id_index" on "orders"."order_line" ("order_id");`);

    this.addSql(
      `create table "orders"."outbox_event" ("position" bigserial primary key, "event_id" varchar(36) not null, "type" varchar(80) not null, "source" varchar(40) not null, "subject_type" varchar(40) not null, "subject_id" varchar(80) not null, "actor_subject" varchar(120) not null, "actor_enterprise" varchar(80) null, "occurred_at" timestamptz not null, "payload" jsonb not null, "published_at" timestamptz null);`,
    );
    this.addSql(`alter table "orders"."outbox_event" add constraint "outbox_event_event_id_unique" unique ("event_id");`);
    this.addSql(`create index "outbox_event_published_at_index" on "orders"."outbox_event" ("published_at");`);

    this.addSql(
      `create table "orders"."progress_event" ("id" varchar(40) not null, "order_id" varchar(40) not null, "sequence" int not null, "type" varchar(80) not null, "status_code_value" varchar(20) null, "stage_run_id" varchar(40) null, "note" varchar(1000) null, "occurred_at" timestamptz not null, "event_id" varchar(36) not null, constraint "progress_event_pkey" primary key ("id"));`,
    );
    this.addSql(`create index "progress_event_order_id_sequence_index" on "orders"."progress_event" ("order_id", "sequence");`);

    this.addSql(
      `create table "orders"."shipment" ("id" varchar(40) not null, "order_id" varchar(40) not null, "carrier" varchar(80) not null, "tracking_number" varchar(80) not null, "status" text check ("status" in ('CREATED', 'IN_TRANSIT', 'OUT_FOR_DELIVERY', 'DELIVERED', 'EXCEPTION', 'RETURNED')) not null default 'CREATED', "created_at" timestamptz not null, constraint "shipment_pkey" primary key ("id"));`,
    );
    this.addSql(`create index "shipment_order_id_index" on "orders"."shipment" ("order_id");`);

    this.addSql(
      `create table "orders"."shipment_event" ("id" varchar(40) not null, "shipment_id" varchar(40) not null, "status" text check ("status" in ('CREATED', 'IN_TRANSIT', 'OUT_FOR_DELIVERY', 'DELIVERED', 'EXCEPTION', 'RETURNED')) not null, "occurred_at" timestamptz not null, "location" varchar(200) null, "description" varchar(500) null, constraint "shipment_event_pkey" primary key ("id"));`,
    );
    this.addSql(`create index "shipment_event_shipment_id_occurred_at_index" on "orders"."shipment_event" ("shipment_id", "occurred_at");`);

    this.addSql(
      `create table "orders"."stage_run" ("id" varchar(40) not null, "order_id" varchar(40) not null, "studio_id" varchar(80) not null, "position" int not null, "code" varchar(20) not null, "standard_minutes" int not null, "status" text check ("status" in ('PENDING', 'IN_PROGRESS', 'DONE', 'BLOCKED', 'CANCELLED')) not null default 'PENDING', "due_at" timestamptz null, "started_at" timestamptz null, "finished_at" timestamptz null, "operator_name" varchar(120) null, "operator_pen_name" varchar(120) null, "assigned_to_id" varchar(80) not null, "environment" jsonb not null, "process_parameters" jsonb not null, "photo_urls" jsonb not null, "qc_checkpoint" boolean not null default false, "qc_result" text check ("qc_result" in ('PASS', 'FAIL')) null, "qc_note" varchar(1000) null, "cancel_reason" varchar(500) null, constraint "stage_run_pkey" primary key ("id"));`,
    );
    this.addSql(`create index "stage_run_studio_id_status_index" on "orders"."stage_run" ("studio_id", "status");`);
    this.addSql(`create index "stage_run_order_id_position_index" on "orders"."stage_run" ("order_id", "position");`);
  }
}
