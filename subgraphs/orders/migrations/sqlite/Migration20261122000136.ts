import { Migration } from '@mikro-orm/migrations';

export class Migration20261122000136 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create table \`processed_event\` (\`id\` text not null, \`processed_at\` datetime not null, primary key (\`id\`));`);

    this.addSql(
      `create table \`studio_cost_profile\` (\`studio_id\` text not null, \`default_hourly_rate_cents\` integer not null, \`stage_rates\` json not null, \`overhead_percent\` integer not null, \`updated_at\` datetime not null, primary key (\`studio_id\`));`,
    );

    this.addSql(
      `create table \`trace_code\` (\`code\` text not null, \`order_id\` text not null, \`studio_id\` text not null, \`product_code\` text not null, \`unit\` integer not null, \`issued_at\` datetime not null, primary key (\`code\`));`,
    );
    this.addSql(`create index \`trace_code_order_id_index\` on \`trace_code\` (\`order_id\`);`);
  }
}
