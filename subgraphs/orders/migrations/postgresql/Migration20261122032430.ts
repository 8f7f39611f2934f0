import { Migration } from '@mikro-orm/migrations';

export class Migration20261122032430 extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table "orders"."delay_alert" ("id" varchar(40) not null, "studio_id" varchar(80) not null, "order_id" varchar(40) not null, "stage_run_id" varchar(40) not null, "stage_code" varchar(20) not null, "threshold" int not null, "status" text check ("status" in ('OPEN', 'CLOSED')) not null default 'OPEN', "raised_at" timestamptz not null, "closed_at" timestamptz null, "overrun_percent" int not null, "reason_code" varchar(20) null, "compensation_options" jsonb not null, "customer_response" text check ("customer_response" in ('ACCEPT_DELAY', 'CANCEL_RUSH', 'CONTACT_ME')) null, "responded_at" timestamptz null, constraint "delay_alert_pkey" primary key ("id"));`,
    );
    this.addSql(`create index "delay_alert_order_id_index" on "orders"."delay_alert" ("order_id");`);
    this.addSql(`create index "delay_alert_studio_id_status_index" on "orders"."delay_alert" ("studio_id", "status");`);
    this.addSql(
      `alter table "orders"."delay_alert" add constraint "delay_alert_stage_run_id_threshold_unique" unique ("stage_run_id", "threshold");`,
    );

    this.addSql(
      `create table "orders"."delay_policy" ("studio_id" varchar(80) not null, "compensation_options" jsonb not null, constraint "delay_policy_pkey" primary key ("studio_id"));`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "orders"."delay_alert" cascade;`);

    this.addSql(`drop table if exists "orders"."delay_policy" cascade;`);
  }
}
