import { Migration } from '@mikro-orm/migrations';

export class Migration20261122000132 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create schema if not exists "suppliers";`);
    this.addSql(
      `create table "suppliers"."bom_line" ("product_code" varchar(80) not null, "sku" varchar(60) not null, "studio_id" varchar(80) not null, "quantity_per_unit" int not null, constraint "bom_line_pkey" primary key ("product_code", "sku"));`,
    );

    this.addSql(
      `create table "suppliers"."idempotency_record" ("id" varchar(300) not null, "request_hash" varchar(64) not null, "result_id" varchar(80) not null, "created_at" timestamptz not null, constraint "idempotency_record_pkey" primary key ("id"));`,
    );

    this.addSql(
      `create table "suppliers"."material" ("sku" varchar(60) not null, "name" varchar(200) not null, "unit" varchar(20) not null, "abc_class" text check ("abc_class" in ('A', 'B', 'C')) not null, "unit_cost_cents" int not null, "safety_stock" int not null, constraint "material_pkey" primary key ("sku"));`,
    );

    this.addSql(
      `create table "suppliers"."order_material" ("id" varchar(40) not null, "order_id" varchar(40) not null, "studio_id" varchar(80) not null, "sku" varchar(60) not null, "required" int not null, "reserved" int not null default 0, "consumed" int not null default 0, "status" text check ("status" in ('AVAILABLE', 'ON_ORDER', 'LOW', 'SHORT')) not null, "expected_at" timestamptz null, "open" boolean not null default true, "created_at" timestamptz not null, constraint "order_material_pkey" primary key ("id"));`,
    );
    this.addSql(`create index "order_material_sku_open_index" on "suppliers"."order_material" ("sku", "open");`);
    this.addSql(`alter table "suppliers"."order_material" add constraint "order_material_order_id_sku_unique" unique ("order_id", "sku");`);

    this.addSql(
      `create table "suppliers"."order_supply" ("id" varchar(40) not null, "studio_id" varchar(80) not null, "customer_tier_max" text check ("customer_tier_max" in ('MINIMAL', 'BASIC', 'DETAILED')) not null, "open" boolean not null default true, "created_at" timestamptz not null, constraint "order_supply_pkey" primary key ("id"));`,
    );

    this.addSql(
      `create table "suppliers"."outbox_event" ("position" bigserial primary key, "event_id" varchar(36) not null, "type" varchar(80) not null, "source" varchar(40) not null, "subject_type" varchar(40) not null, "subject_id" varchar(80) not null, "actor_subject" varchar(120) not null, "actor_enterprise" varchar(80) null, "occurred_at" timestamptz not null, "payload" jsonb not null, "published_at" timestamptz null);`,
    );
    this.addSql(`alter table "suppliers"."outbox_event" add constraint "outbox_event_event_id_unique" unique ("event_id");`);
    this.addSql(`create index "outbox_event_published_at_index" on "suppliers"."outbox_event" ("published_at");`);

    this.addSql(
      `create table "suppliers"."processed_event" ("id" varchar(120) not null, "processed_at" timestamptz not null, constraint "processed_event_pkey" primary key ("id"));`,
    );

    this.addSql(
      `create table "suppliers"."purchase_order" ("id" varchar(40) not null, "studio_id" varchar(80) not null, "supplier_id" varchar(80) not null, "status" text check ("status" in ('PLACED', 'CONFIRMED', 'RECEIVED', 'CANCELLED')) not null, "lines" jsonb not null, "expected_at" timestamptz not null, "placed_at" timestamptz not null, "confirmed_at" timestamptz null, "version" int not null default 1, constraint "purchase_order_pkey" primary key ("id"));`,
    );
    this.addSql(`create index "purchase_order_supplier_id_status_index" on "suppliers"."purchase_order" ("supplier_id", "status");`);
    this.addSql(`create index "purchase_order_studio_id_status_index" on "suppliers"."purchase_order" ("studio_id", "status");`);

    this.addSql(
      `create table "suppliers"."reservation" ("id" varchar(40) not null, "order_id" varchar(40) not null, "studio_id" varchar(80) not null, "sku" varchar(60) not null, "lot_id" varchar(40) not null, "lot_code" varchar(80) not null, "supplier_id" varchar(80) not null, "quantity" int not null, "unit_cost_cents" int not null, "status" text check ("status" in ('RESERVED', 'RELEASED', 'CONSUMED')) not null, "created_at" timestamptz not null, constraint "reservation_pkey" primary key ("id"));`,
    );
    this.addSql(`create index "reservation_lot_id_status_index" on "suppliers"."reservation" ("lot_id", "status");`);
    this.addSql(`create index "reservation_order_id_index" on "suppliers"."reservation" ("order_id");`);

    this.addSql(
      `create table "suppliers"."stock_lot" ("id" varchar(40) not null, "supplier_id" varchar(80) not null, "sku" varchar(60) not null, "lot_code" varchar(80) not null, "received_at" timestamptz not null, "on_hand" int not null, "reserved" int not null default 0, "unit_cost_cents" int null, "last_sequence" int not null, "version" int not null default 1, constraint "stock_lot_pkey" primary key ("id"));`,
    );
    this.addSql(`create index "stock_lot_sku_received_at_index" on "suppliers"."stock_lot" ("sku", "received_at");`);
    this.addSql(
      `alter table "suppliers"."stock_lot" add constraint "stock_lot_supplier_id_lot_code_unique" unique ("supplier_id", "lot_code");`,
    );

    this.addSql(
      `create table "suppliers"."supplier" ("id" varchar(80) not null, "tier" text check ("tier" in ('PRIMARY', 'SECONDARY', 'EMERGENCY')) not null, "categories" jsonb not null, "skus" jsonb not null, "lead_time_days" int not null, "last_sequence" int not null default 0, constraint "supplier_pkey" primary key ("id"));`,
    );
  }
}
