import { Migration } from '@mikro-orm/migrations';

export class Migration20261203064246 extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table \`captured_event\` (\`captured_by\` text not null, \`event_id\` text not null, \`capture_id\` text not null, \`event_type\` text not null, \`event_time\` datetime not null, \`record_time\` datetime not null, \`biz_step\` text null, \`outcome\` text check (\`outcome\` in ('APPLIED', 'KEPT', 'REFUSED', 'DUPLICATE')) not null, \`document\` json not null, primary key (\`captured_by\`, \`event_id\`));`,
    );
    this.addSql(`create index \`captured_event_captured_by_record_time_index\` on \`captured_event\` (\`captured_by\`, \`record_time\`);`);

    this.addSql(
      `create table \`capture_job\` (\`id\` text not null, \`captured_by\` text not null, \`created_at\` datetime not null, \`finished_at\` datetime null, \`receipts\` json not null, primary key (\`id\`));`,
    );
    this.addSql(`create index \`capture_job_captured_by_created_at_index\` on \`capture_job\` (\`captured_by\`, \`created_at\`);`);
  }
}
