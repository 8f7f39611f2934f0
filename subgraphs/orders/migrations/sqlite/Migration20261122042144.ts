import { Migration } from '@mikro-orm/migrations';

export class Migration20261122042144 extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table \`duration_record\` (\`id\` text not null, \`studio_id\` text not null, \`product_type\` text not null, \`kind\` text check (\`kind\` in ('STAGE', 'DELIVERY')) not null, \`code\` text not null, \`operator\` text null, \`standard_minutes\` integer not null, \`actual_minutes\` double not null, \`wait_minutes\` double not null, \`load\` integer not null, \`finished_at\` datetime not null, primary key (\`id\`));`,
    );
    this.addSql(`create index \`duration_record_studio_id_finished_at_index\` on \`duration_record\` (\`studio_id\`, \`finished_at\`);`);

    this.addSql(
      `create table \`order_eta\` (\`order_id\` text not null, \`completion_median\` datetime not null, \`completion_bound\` datetime not null, \`delivery_median\` datetime not null, \`delivery_bound\` datetime not null, \`computed_at\` datetime not null, \`basis\` json not null, \`published_completion_bound\` datetime null, \`published_delivery_bound\` datetime null, primary key (\`order_id\`));`,
    );

    this.addSql(`alter table \`stage_run\` add column \`load_at_start\` integer null;`);
  }
}
