import { Migration } from '@mikro-orm/migrations';

export class Migration20261122042951 extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table \`customer_preference\` (\`order_id\` text not null, \`studio_id\` text not null, \`channel\` text check (\`channel\` in ('WECHAT', 'NONE')) not null, \`wechat_open_id\` text null, \`tier\` text check (\`tier\` in ('MINIMAL', 'BASIC', 'DETAILED')) not null, \`quiet_hours\` json null, \`time_zone\` text not null, \`daily_digest\` integer not null, \`digest_hour\` integer not null, \`daily_cap\` integer not null, \`last_digest_day\` text null, \`updated_at\` datetime not null, primary key (\`order_id\`));`,
    );

    this.addSql(
      `create table \`idempotency_record\` (\`id\` text not null, \`request_hash\` text not null, \`result_id\` text not null, \`created_at\` datetime not null, primary key (\`id\`));`,
    );

    this.addSql(
      `create table \`notification_message\` (\`id\` text not null, \`kind\` text check (\`kind\` in ('IMMEDIATE', 'ROUTINE', 'DIGEST', 'WEBHOOK')) not null, \`recipient\` text not null, \`enterprise_id\` text not null, \`webhook_id\` text null, \`order_id\` text null, \`event_id\` text not null, \`event_type\` text not null, \`body\` json not null, \`status\` text check (\`status\` in ('PENDING', 'HELD', 'SENT', 'DIGESTED', 'DEAD', 'UNDELIVERABLE')) not null default 'PENDING', \`attempts\` integer not null default 0, \`next_attempt_at\` datetime null, \`leased_until\` datetime null, \`last_error\` text null, \`created_at\` datetime not null, \`sent_at\` datetime null, \`digest_id\` text null, primary key (\`id\`));`,
    );
    this.addSql(
      `create index \`notification_message_order_id_created_at_index\` on \`notification_message\` (\`order_id\`, \`created_at\`);`,
    );
    this.addSql(
      `create index \`notification_message_status_next_attempt_at_index\` on \`notification_message\` (\`status\`, \`next_attempt_at\`);`,
    );
    this.addSql(
      `create unique index \`notification_message_recipient_event_id_unique\` on \`notification_message\` (\`recipient\`, \`event_id\`);`,
    );

    this.addSql(
      `create table \`order_facts\` (\`order_id\` text not null, \`studio_id\` text not null, \`product_type\` text not null, \`tier_max\` text check (\`tier_max\` in ('MINIMAL', 'BASIC', 'DETAILED')) not null, \`lines\` json not null, \`stages_done\` json not null, \`completed_at\` datetime null, \`share_id\` text null, primary key (\`order_id\`));`,
    );
    this.addSql(`create index \`order_facts_share_id_index\` on \`order_facts\` (\`share_id\`);`);

    this.addSql(`create table \`processed_event\` (\`id\` text not null, \`processed_at\` datetime not null, primary key (\`id\`));`);

    this.addSql(
      `create table \`webhook\` (\`id\` text not null, \`enterprise_id\` text not null, \`url\` text not null, \`secret\` text not null, \`event_types\` json not null, \`active\` integer not null default true, \`created_at\` datetime not null, primary key (\`id\`));`,
    );
    this.addSql(`create index \`webhook_enterprise_id_index\` on \`webhook\` (\`enterprise_id\`);`);

    this.addSql(
      `create table \`wechat_token\` (\`app_id\` text not null, \`token\` text not null, \`expires_at\` datetime not null, primary key (\`app_id\`));`,
    );
  }
}
