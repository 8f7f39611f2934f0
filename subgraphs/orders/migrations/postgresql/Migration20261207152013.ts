import { Migration } from '@mikro-orm/migrations';

export class Migration20261207152013 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table "orders"."delay_alert" add column "chosen_compensation" varchar(200) null;`);
    this.addSql(`alter table "orders"."shop_order" add column "promised_at" timestamptz null;`);
    // Orders taken before promises were kept: the plan at intake, as intake now makes it — created plus the standard
    // durations of their route (stages skipped by a route change left out).
    this.addSql(
      `update "orders"."shop_order" set "promised_at" = "created_at" + interval '1 minute' * (select coalesce(sum("standard_minutes"), 0) from "orders"."stage_run" where "stage_run"."order_id" = "shop_order"."id" and ("stage_run"."status" <> 'CANCELLED' or "stage_run"."cancel_reason" = 'order cancelled')) where "promised_at" is null;`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "orders"."delay_alert" drop column "chosen_compensation";`);
    this.addSql(`alter table "orders"."shop_order" drop column "promised_at";`);
  }
}
