import { Migration } from '@mikro-orm/migrations';

export class Migration20261207185834 extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table \`studio_operator\` (\`id\` text not null, \`enterprise_id\` text not null, \`code\` text not null, \`pen_name\` text not null, \`real_name\` text not null, \`skills\` json not null, \`shift_hours\` json not null, \`leave\` json not null, \`updated_at\` datetime not null, \`version\` integer not null default 1, primary key (\`id\`));`,
    );
    this.addSql(`create unique index \`studio_operator_enterprise_id_code_unique\` on \`studio_operator\` (\`enterprise_id\`, \`code\`);`);

    this.addSql(
      `create table \`work_center\` (\`id\` text not null, \`enterprise_id\` text not null, \`code\` text not null, \`name_zh\` text not null, \`name_en\` text not null, \`kind\` text check (\`kind\` in ('KILN', 'OVEN', 'CUTTING_TABLE', 'SEWING_STATION', 'WORKBENCH', 'PAINTING_DESK', 'PACKING_TABLE', 'OTHER')) not null, \`capacity_per_batch\` integer not null, \`batch_minutes\` integer not null, \`setup_minutes\` integer not null, \`updated_at\` datetime not null, \`version\` integer not null default 1, primary key (\`id\`));`,
    );
    this.addSql(`create unique index \`work_center_enterprise_id_code_unique\` on \`work_center\` (\`enterprise_id\`, \`code\`);`);

    this.addSql(
      `create table \`working_calendar\` (\`enterprise_id\` text not null, \`hours\` json not null, \`closures\` json not null, \`make_up_weekday\` integer not null default 1, \`updated_at\` datetime not null, \`version\` integer not null default 1, primary key (\`enterprise_id\`));`,
    );

    this.addSql(`pragma foreign_keys = off;`);
    this.addSql(
      `create table \`allocation__temp_alter\` (\`id\` text not null, \`request_id\` text not null, \`offer_id\` text not null, \`enterprise_id\` text not null, \`studio_id\` text not null, \`order_id\` text null, \`stage_run_id\` text null, \`capability\` text not null, \`day\` text not null, \`units\` integer not null, \`unit_price_cents\` integer not null, \`days_late\` integer not null, \`status\` text check (\`status\` in ('ACTIVE', 'DECLINED', 'RELEASED')) not null, \`started\` integer not null default false, \`created_at\` datetime not null, primary key (\`id\`));`,
    );
    this.addSql(
      `insert into \`allocation__temp_alter\` select \`id\`, \`request_id\`, \`offer_id\`, \`enterprise_id\`, \`studio_id\`, \`order_id\`, \`stage_run_id\`, \`capability\`, \`day\`, \`units\`, \`unit_price_cents\`, \`days_late\`, \`status\`, \`started\`, \`created_at\` from \`allocation\`;`,
    );
    this.addSql(`drop table \`allocation\`;`);
    this.addSql(`alter table \`allocation__temp_alter\` rename to \`allocation\`;`);
    this.addSql(`create index \`allocation_order_id_index\` on \`allocation\` (\`order_id\`);`);
    this.addSql(`create index \`allocation_enterprise_id_status_index\` on \`allocation\` (\`enterprise_id\`, \`status\`);`);
    this.addSql(`create index \`allocation_request_id_index\` on \`allocation\` (\`request_id\`);`);
    this.addSql(`pragma foreign_keys = on;pragma foreign_keys = off;`);
    this.addSql(
      `create table \`outbox_event__temp_alter\` (\`position\` integer not null primary key autoincrement, \`event_id\` text not null, \`type\` text not null, \`source\` text not null, \`subject_type\` text not null, \`subject_id\` text not null, \`actor_subject\` text not null, \`actor_enterprise\` text null, \`occurred_at\` datetime not null, \`payload\` json not null, \`published_at\` datetime null);`,
    );
    this.addSql(
      `insert into \`outbox_event__temp_alter\` select \`position\`, \`event_id\`, \`type\`, \`source\`, \`subject_type\`, \`subject_id\`, \`actor_subject\`, \`actor_enterprise\`, \`occurred_at\`, \`payload\`, \`published_at\` from \`outbox_event\`;`,
    );
    this.addSql(`drop table \`outbox_event\`;`);
    this.addSql(`alter table \`outbox_event__temp_alter\` rename to \`outbox_event\`;`);
    this.addSql(`create unique index \`outbox_event_event_id_unique\` on \`outbox_event\` (\`event_id\`);`);
    this.addSql(`create index \`outbox_event_published_at_index\` on \`outbox_event\` (\`published_at\`);`);
    this.addSql(`pragma foreign_keys = on;pragma foreign_keys = off;`);
    this.addSql(
      `create table \`overflow_request__temp_alter\` (\`id\` text not null, \`studio_id\` text not null, \`capability\` text not null, \`units\` integer not null, \`indivisible\` integer not null, \`order_id\` text null, \`stage_run_id\` text null, \`earliest_start\` text not null, \`due_date\` text not null, \`price_cap_cents\` integer not null, \`min_quality\` double not null, \`status\` text check (\`status\` in ('OPEN', 'PARTIAL', 'ALLOCATED', 'CANCELLED')) not null default 'OPEN', \`unmet_units\` integer not null default 0, \`unmet_reason\` text null, \`surge_key\` text null, \`created_at\` datetime not null, \`version\` integer not null default 1, primary key (\`id\`));`,
    );
    this.addSql(
      `insert into \`overflow_request__temp_alter\` select \`id\`, \`studio_id\`, \`capability\`, \`units\`, \`indivisible\`, \`order_id\`, \`stage_run_id\`, \`earliest_start\`, \`due_date\`, \`price_cap_cents\`, \`min_quality\`, \`status\`, \`unmet_units\`, \`unmet_reason\`, \`surge_key\`, \`created_at\`, \`version\` from \`overflow_request\`;`,
    );
    this.addSql(`drop table \`overflow_request\`;`);
    this.addSql(`alter table \`overflow_request__temp_alter\` rename to \`overflow_request\`;`);
    this.addSql(`create index \`overflow_request_studio_id_status_index\` on \`overflow_request\` (\`studio_id\`, \`status\`);`);
    this.addSql(`pragma foreign_keys = on;`);
  }
}
