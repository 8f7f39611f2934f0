import { Migration } from '@mikro-orm/migrations';

/**
 * Identity and row rules: customer links; every order row carries its studio (and shipment
 * events their order) so the row filter is one indexed comparison; shop order ids are unique
 * per studio; orders remember their latest milestone. Existing rows are backfilled.
 */
export class Migration20261121234251 extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table "orders"."customer_link" ("id" varchar(40) not null, "order_id" varchar(40) not null, "studio_id" varchar(80) not null, "tier" text check ("tier" in ('MINIMAL', 'BASIC', 'DETAILED')) not null, "expires_at" timestamptz not null, "revoked_at" timestamptz null, "created_at" timestamptz not null, "created_by" varchar(200) not null, constraint "customer_link_pkey" primary key ("id"));`,
    );
    this.addSql(`create index "customer_link_order_id_index" on "orders"."customer_link" ("order_id");`);

    this.addSql(`alter table "orders"."shop_order" drop constraint "shop_order_channel_external_order_id_unique";`);
    this.addSql(
      `alter table "orders"."shop_order" add constraint "shop_order_studio_id_channel_external_order_id_unique" unique ("studio_id", "channel", "external_order_id");`,
    );

    this.addSql(`alter table "orders"."shop_order" add column "milestone_code_value" varchar(20) null;`);
    this.addSql(`update "orders"."shop_order" set "milestone_code_value" = "status_code_value";`);
    this.addSql(`alter table "orders"."shop_order" alter column "milestone_code_value" set not null;`);

    for (const table of ['order_line', 'progress_event', 'shipment']) {
      this.addSql(`alter table "orders"."${table}" add column "studio_id" varchar(80) null;`);
      this.addSql(`update "orders"."${table}" t set "studio_id" = o."studio_id" from "orders"."shop_order" o where o."id" = t."order_id";`);
      this.addSql(`alter table "orders"."${table}" alter column "studio_id" set not null;`);
    }
    this.addSql(`alter table "orders"."shipment_event" add column "order_id" varchar(40) null, add column "studio_id" varchar(80) null;`);
    this.addSql(
      `update "orders"."shipment_event" e set "order_id" = s."order_id", "studio_id" = s."studio_id" from "orders"."shipment" s where s."id" = e."shipment_id";`,
    );
    this.addSql(`alter table "orders"."shipment_event" alter column "order_id" set not null, alter column "studio_id" set not null;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "orders"."customer_link" cascade;`);
    this.addSql(`alter table "orders"."shop_order" drop column "milestone_code_value";`);
    this.addSql(`alter table "orders"."order_line" drop column "studio_id";`);
    this.addSql(`alter table "orders"."progress_event" drop column "studio_id";`);
    this.addSql(`alter table "orders"."shipment" drop column "studio_id";`);
    this.addSql(`alter table "orders"."shipment_event" drop column "order_id", drop column "studio_id";`);
    this.addSql(`alter table "orders"."shop_order" drop constraint "shop_order_studio_id_channel_external_order_id_unique";`);
    this.addSql(
      `alter table "orders"."shop_order" add constraint "shop_order_channel_external_order_id_unique" unique ("channel", "external_order_id");`,
    );
  }
}
