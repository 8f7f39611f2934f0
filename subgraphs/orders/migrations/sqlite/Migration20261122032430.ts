import { Migration } from '@mikro-orm/migrations';

export class Migration20261122032430 extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table \`delay_alert\` (\`id\` text not null, \`studio_id\` text not null, \`order_id\` text not null, \`stage_run_id\` text not null, \`stage_code\` text not null, \`threshold\` integer not null, \`status\` text check (\`status\` in ('OPEN', 'CLOSED')) not null default 'OPEN', \`raised_at\` datetime not null, \`closed_at\` datetime null, \`overrun_percent\` integer not null, \`reason_code\` text null, \`compensation_options\` json not null, \`customer_response\` text check (\`customer_response\` in ('ACCEPT_DELAY', 'CANCEL_RUSH', 'CONTACT_ME')) null, \`responded_at\` datetime null, primary key (\`id\`));`,
    );
    this.addSql(`create index \`delay_alert_order_id_index\` on \`delay_alert\` (\`order_id\`);`);
    this.addSql(`create index \`delay_alert_studio_id_status_index\` on \`delay_alert\` (\`studio_id\`, \`status\`);`);
    this.addSql(`create unique index \`delay_alert_stage_run_id_threshold_unique\` on \`delay_alert\` (\`stage_run_id\`, \`threshold\`);`);

    this.addSql(
      `create table \`delay_policy\` (\`studio_id\` text not null, \`compensation_options\` json not null, primary key (\`studio_id\`));`,
    );
  }
}
