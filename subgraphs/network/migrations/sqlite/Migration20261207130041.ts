import { Migration } from '@mikro-orm/migrations';

export class Migration20261207130041 extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table \`audit_entry\` (\`position\` integer not null primary key autoincrement, \`occurred_at\` datetime not null, \`actor_subject\` text not null, \`actor_roles\` json not null, \`actor_enterprise\` text null, \`operation\` text not null, \`subject_type\` text not null, \`subject_id\` text not null, \`changed\` json not null, \`request_id\` text not null);`,
    );
    this.addSql(`create index \`audit_entry_occurred_at_index\` on \`audit_entry\` (\`occurred_at\`);`);
    this.addSql(`create index \`audit_entry_subject_id_index\` on \`audit_entry\` (\`subject_id\`);`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists \`audit_entry\`;`);
  }
}
