import { Migration } from '@mikro-orm/migrations';

export class Migration20261202200000 extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `alter table "orders"."progress_event" add column "workshop_id" varchar(80) null, add column "recorded_at" timestamptz null;`,
    );
    // Entries written before: the stage's workshop now (its holder then is not recorded), else the studio; recorded when they occurred.
    this.addSql(
      `update "orders"."progress_event" set "workshop_id" = coalesce((select "assigned_to_id" from "orders"."stage_run" where "stage_run"."id" = "progress_event"."stage_run_id"), "studio_id"), "recorded_at" = "occurred_at";`,
    );
    this.addSql(`create index "progress_event_workshop_id_index" on "orders"."progress_event" ("workshop_id");`);
    this.addSql(`create index "progress_event_recorded_at_index" on "orders"."progress_event" ("recorded_at");`);

    this.addSql(`alter table "orders"."order_line" add column "gtin" varchar(14) null;`);
    this.addSql(`alter table "orders"."trace_code" add column "gtin" varchar(14) null;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop index "orders"."progress_event_workshop_id_index";`);
    this.addSql(`drop index "orders"."progress_event_recorded_at_index";`);
    this.addSql(`alter table "orders"."progress_event" drop column "workshop_id", drop column "recorded_at";`);
    this.addSql(`alter table "orders"."order_line" drop column "gtin";`);
    this.addSql(`alter table "orders"."trace_code" drop column "gtin";`);
  }
}
