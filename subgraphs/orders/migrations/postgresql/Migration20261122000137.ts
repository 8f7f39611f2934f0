import { Migration } from '@mikro-orm/migrations';

export class Migration20261122000137 extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table "orders"."processed_event" ("id" varchar(120) not null, "processed_at" timestamptz not null, constraint "processed_event_pkey" primary key ("id"));`,
    );

    this.addSql(
      `create table "orders"."studio_cost_profile" ("studio_id" varchar(80) not null, "default_hourly_rate_cents" int not null, "stage_rates" jsonb not null, "overhead_percent" int not null, "updated_at" timestamptz not null, constraint "studio_cost_profile_pkey" primary key ("studio_id"));`,
    );

    this.addSql(
      `create table "orders"."trace_code" ("code" varchar(40) not null, "order_id" varchar(40) not null, "studio_id" varchar(80) not null, "product_code" varchar(80) not null, "unit" int not null, "issued_at" timestamptz not null, constraint "trace_code_pkey" primary key ("code"));`,
    );
    this.addSql(`create index "trace_code_order_id_index" on "orders"."trace_code" ("order_id");`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "orders"."processed_event" cascade;`);

    this.addSql(`drop table if exists "orders"."studio_cost_profile" cascade;`);

    this.addSql(`drop table if exists "orders"."trace_code" cascade;`);
  }
}
