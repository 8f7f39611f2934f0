import { Migration } from '@mikro-orm/migrations';

/** Openids move from the customer's preferences to the order's WeChat binding (the shop gives them now); messages get a language. */
export class Migration20261207133124 extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table "notifications"."wechat_binding" ("order_id" varchar(40) not null, "studio_id" varchar(80) not null, "open_id" varchar(64) not null, "bound_at" timestamptz not null, constraint "wechat_binding_pkey" primary key ("order_id"));`,
    );
    this.addSql(
      `insert into "notifications"."wechat_binding" ("order_id", "studio_id", "open_id", "bound_at") select "order_id", "studio_id", "wechat_open_id", "updated_at" from "notifications"."customer_preference" where "wechat_open_id" is not null;`,
    );
    this.addSql(`alter table "notifications"."customer_preference" drop column "wechat_open_id";`);
    this.addSql(
      `alter table "notifications"."customer_preference" add column "language" text check ("language" in ('ZH', 'EN')) not null default 'ZH';`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "notifications"."customer_preference" drop column "language";`);
    this.addSql(`alter table "notifications"."customer_preference" add column "wechat_open_id" varchar(64) null;`);
    this.addSql(
      `update "notifications"."customer_preference" set "wechat_open_id" = (select "open_id" from "notifications"."wechat_binding" where "wechat_binding"."order_id" = "customer_preference"."order_id");`,
    );
    this.addSql(`drop table if exists "notifications"."wechat_binding" cascade;`);
  }
}
