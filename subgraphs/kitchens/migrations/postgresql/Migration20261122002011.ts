import { Migration } from '@mikro-orm/migrations';

export class Migration20261122002011 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create schema if not exists "kitchens";`);
    this.addSql(
      `create table "kitchens"."cloud_kitchen" ("id" varchar(80) not null, "certifications" jsonb not null, "cold_chain" boolean not null, "delivery_radius_km" int not null, "region" varchar(40) not null, constraint "cloud_kitchen_pkey" primary key ("id"));`,
    );

    this.addSql(
      `create table "kitchens"."fulfillment_cycle" ("id" varchar(40) not null, "studio_id" varchar(80) not null, "period" varchar(10) not null, "planned" int not null, "produced" int not null, "delivered" int not null, "wasted" int not null, constraint "fulfillment_cycle_pkey" primary key ("id"));`,
    );
    this.addSql(
      `alter table "kitchens"."fulfillment_cycle" add constraint "fulfillment_cycle_studio_id_period_unique" unique ("studio_id", "period");`,
    );

    this.addSql(
      `create table "kitchens"."subscription" ("id" varchar(40) not null, "plan_id" varchar(60) not null, "studio_id" varchar(80) not null, "status" text check ("status" in ('ACTIVE', 'CANCELLED')) not null, "started_on" varchar(10) not null, "ended_on" varchar(10) null, constraint "subscription_pkey" primary key ("id"));`,
    );
    this.addSql(`create index "subscription_plan_id_status_index" on "kitchens"."subscription" ("plan_id", "status");`);

    this.addSql(
      `create table "kitchens"."subscription_plan" ("id" varchar(60) not null, "studio_id" varchar(80) not null, "name" varchar(120) not null, "price_cents" int not null, "contents" jsonb not null, "boxes_per_week" int not null, constraint "subscription_plan_pkey" primary key ("id"));`,
    );

    this.addSql(
      `create table "kitchens"."weekly_plan" ("id" varchar(40) not null, "studio_id" varchar(80) not null, "week_start" varchar(10) not null, "days" jsonb not null, "flexible_day" varchar(3) not null, constraint "weekly_plan_pkey" primary key ("id"));`,
    );
  }
}
