import { Migration } from '@mikro-orm/migrations';

export class Migration20261122001704 extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table \`alliance_member\` (\`alliance\` text not null, \`enterprise_id\` text not null, primary key (\`alliance\`, \`enterprise_id\`));`,
    );

    this.addSql(
      `create table \`allocation\` (\`id\` text not null, \`request_id\` text not null, \`offer_id\` text not null, \`enterprise_id\` text not null, \`studio_id\` text not null, \`order_id\` text null, \`stage_run_id\` text null, \`capability\` text not null, \`day\` text not null, \`units\` integer not null, \`unit_price_cents\` integer not null, \`days_late\` integer not null, \`status\` text check (\`status\` in ('ACTIVE', 'DECLINED', 'RELEASED')) not null, \`started\` integer not null default false, \`created_at\` datetime not null, primary key (\`id\`));`,
    );
    this.addSql(`create index \`allocation_order_id_index\` on \`allocation\` (\`order_id\`);`);
    this.addSql(`create index \`allocation_enterprise_id_status_index\` on \`allocation\` (\`enterprise_id\`, \`status\`);`);
    this.addSql(`create index \`allocation_request_id_index\` on \`allocation\` (\`request_id\`);`);

    this.addSql(
      `create table \`capacity_offer\` (\`id\` text not null, \`enterprise_id\` text not null, \`capability\` text not null, \`base_units_per_day\` integer not null, \`max_units_per_day\` integer not null, \`available_from\` text not null, \`available_to\` text not null, \`unit_price_cents\` integer not null, \`quality_score\` double not null, \`region\` text not null, \`share_with_alliances\` json not null, \`share_with_enterprises\` json not null, \`status\` text check (\`status\` in ('ACTIVE', 'WITHDRAWN')) not null default 'ACTIVE', \`created_at\` datetime not null, \`version\` integer not null default 1, primary key (\`id\`));`,
    );
    this.addSql(`create index \`capacity_offer_capability_status_index\` on \`capacity_offer\` (\`capability\`, \`status\`);`);

    this.addSql(
      `create table \`idempotency_record\` (\`id\` text not null, \`request_hash\` text not null, \`result_id\` text not null, \`created_at\` datetime not null, primary key (\`id\`));`,
    );

    this.addSql(
      `create table \`offer_booking\` (\`offer_id\` text not null, \`day\` text not null, \`booked_units\` integer not null, primary key (\`offer_id\`, \`day\`));`,
    );

    this.addSql(
      `create table \`outbox_event\` (\`position\` integer not null primary key autoincrement, \`event_id\` text not null, \`type\` text not null, \`source\` text not null, \`subject_type\` text not null, \`subject_id\` text not null, \`actor_subject\` text not null, \`actor_enterprise\` text null, \`occurred_at\` datetime not null, \`payload\` json not null, \`published_at\` datetime null);`,
    );
    this.addSql(`create unique index \`outbox_event_event_id_unique\` on \`outbox_event\` (\`event_id\`);`);
    this.addSql(`create index \`outbox_event_published_at_index\` on \`outbox_event\` (\`published_at\`);`);

    this.addSql(
      `create table \`overflow_request\` (\`id\` text not null, \`studio_id\` text not null, \`capability\` text not null, \`units\` integer not null, \`indivisible\` integer not null, \`order_id\` text null, \`stage_run_id\` text null, \`earliest_start\` text not null, \`due_date\` text not null, \`price_cap_cents\` integer not null, \`min_quality\` double not null, \`status\` text check (\`status\` in ('OPEN', 'PARTIAL', 'ALLOCATED', 'CANCELLED')) not null default 'OPEN', \`unmet_units\` integer not null default 0, \`unmet_reason\` text null, \`surge_key\` text null, \`created_at\` datetime not null, \`version\` integer not null default 1, primary key (\`id\`));`,
    );
    this.addSql(`create index \`overflow_request_studio_id_status_index\` on \`overflow_request\` (\`studio_id\`, \`status\`);`);

    this.addSql(`create table \`processed_event\` (\`id\` text not null, \`processed_at\` datetime not null, primary key (\`id\`));`);
  }
}
