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
  }
}
