import { Migration } from '@mikro-orm/migrations';

export class Migration20261122002011 extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table \`cloud_kitchen\` (\`id\` text not null, \`certifications\` json not null, \`cold_chain\` integer not null, \`delivery_radius_km\` integer not null, \`region\` text not null, primary key (\`id\`));`,
    );

    this.addSql(
      `create table \`fulfillment_cycle\` (\`id\` text not null, \`studio_id\` text not null, \`period\` text not null, \`planned\` integer not null, \`produced\` integer not null, \`delivered\` integer not null, \`wasted\` integer not null, primary key (\`id\`));`,
    );
    this.addSql(`create unique index \`fulfillment_cycle_studio_id_period_unique\` on \`fulfillment_cycle\` (\`studio_id\`, \`period\`);`);

    this.addSql(
      `create table \`subscription\` (\`id\` text not null, \`plan_id\` text not null, \`studio_id\` text not null, \`status\` text check (\`status\` in ('ACTIVE', 'CANCELLED')) not null, \`started_on\` text not null, \`ended_on\` text null, primary key (\`id\`));`,
    );
    this.addSql(`create index \`subscription_plan_id_status_index\` on \`subscription\` (\`plan_id\`, \`status\`);`);

    this.addSql(
      `create table \`subscription_plan\` (\`id\` text not null, \`studio_id\` text not null, \`name\` text not null, \`price_cents\` integer not null, \`contents\` json not null, \`boxes_per_week\` integer not null, primary key (\`id\`));`,
    );

    this.addSql(
      `create table \`weekly_plan\` (\`id\` text not null, \`studio_id\` text not null, \`week_start\` text not null, \`days\` json not null, \`flexible_day\` text not null, primary key (\`id\`));`,
    );
  }
}
