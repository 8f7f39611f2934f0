import { Migration } from '@mikro-orm/migrations';

export class Migration20261122042144 extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table "orders"."duration_record" ("id" varchar(60) not null, "studio_id" varchar(80) not null, "product_type" varchar(40) not null, "kind" text check ("kind" in ('STAGE', 'DELIVERY')) not null, "code" varchar(20) not null, "operator" varchar(120) null, "standard_minutes" int not null, "actual_minutes" double precision not null, "wait_minutes" double precision not null, "load" int not null, "finished_at" timestamptz not null, constraint "duration_record_pkey" primary key ("id"));`,
    );
    this.addSql(`create index "duration_record_studio_id_finished_at_index" on "orders"."duration_record" ("studio_id", "finished_at");`);

    this.addSql(
      `create table "orders"."order_eta" ("order_id" varchar(40) not null, "completion_median" timestamptz not null, "completion_bound" timestamptz not null, "delivery_median" timestamptz not null, "delivery_bound" timestamptz not null, "computed_at" timestamptz not null, "basis" jsonb not null, "published_completion_bound" timestamptz null, "published_delivery_bound" timestamptz null, constraint "order_eta_pkey" primary key ("order_id"));`,
    );

    this.addSql(`alter table "orders"."stage_run" add column "load_at_start" int null;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "orders"."duration_record" cascade;`);

    this.addSql(`drop table if exists "orders"."order_eta" cascade;`);

    this.addSql(`alter table "orders"."stage_run" drop column "load_at_start";`);
  }
}
