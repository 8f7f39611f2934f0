import { Migration } from '@mikro-orm/migrations';

export class Migration20261207185835 extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table "capacity"."studio_operator" ("id" varchar(40) not null, "enterprise_id" varchar(80) not null, "code" varchar(40) not null, "pen_name" varchar(40) not null, "real_name" varchar(80) not null, "skills" jsonb not null, "shift_hours" jsonb not null, "leave" jsonb not null, "updated_at" timestamptz not null, "version" int not null default 1, constraint "studio_operator_pkey" primary key ("id"));`,
    );
    this.addSql(
      `alter table "capacity"."studio_operator" add constraint "studio_operator_enterprise_id_code_unique" unique ("enterprise_id", "code");`,
    );

    this.addSql(
      `create table "capacity"."work_center" ("id" varchar(40) not null, "enterprise_id" varchar(80) not null, "code" varchar(40) not null, "name_zh" varchar(80) not null, "name_en" varchar(80) not null, "kind" text check ("kind" in ('KILN', 'OVEN', 'CUTTING_TABLE', 'SEWING_STATION', 'WORKBENCH', 'PAINTING_DESK', 'PACKING_TABLE', 'OTHER')) not null, "capacity_per_batch" int not null, "batch_minutes" int not null, "setup_minutes" int not null, "updated_at" timestamptz not null, "version" int not null default 1, constraint "work_center_pkey" primary key ("id"));`,
    );
    this.addSql(
      `alter table "capacity"."work_center" add constraint "work_center_enterprise_id_code_unique" unique ("enterprise_id", "code");`,
    );

    this.addSql(
      `create table "capacity"."working_calendar" ("enterprise_id" varchar(80) not null, "hours" jsonb not null, "closures" jsonb not null, "make_up_weekday" int not null default 1, "updated_at" timestamptz not null, "version" int not null default 1, constraint "working_calendar_pkey" primary key ("enterprise_id"));`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "capacity"."studio_operator" cascade;`);

    this.addSql(`drop table if exists "capacity"."work_center" cascade;`);

    this.addSql(`drop table if exists "capacity"."working_calendar" cascade;`);
  }
}
