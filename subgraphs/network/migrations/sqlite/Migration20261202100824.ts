import { Migration } from '@mikro-orm/migrations';

export class Migration20261202100824 extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table \`idempotency_record\` (\`id\` text not null, \`request_hash\` text not null, \`result_id\` text not null, \`created_at\` datetime not null, primary key (\`id\`));`,
    );

    this.addSql(
      `create table \`outbox_event\` (\`position\` integer not null primary key autoincrement, \`event_id\` text not null, \`type\` text not null, \`source\` text not null, \`subject_type\` text not null, \`subject_id\` text not null, \`actor_subject\` text not null, \`actor_enterprise\` text null, \`occurred_at\` datetime not null, \`payload\` json not null, \`published_at\` datetime null);`,
    );
    this.addSql(`create unique index \`outbox_event_event_id_unique\` on \`outbox_event\` (\`event_id\`);`);
    this.addSql(`create index \`outbox_event_published_at_index\` on \`outbox_event\` (\`published_at\`);`);

    this.addSql(`alter table \`enterprise\` add column \`updated_at\` datetime null;`);
  }
}
