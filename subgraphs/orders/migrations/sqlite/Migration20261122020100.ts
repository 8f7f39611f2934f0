import { Migration } from '@mikro-orm/migrations';

export class Migration20261122020100 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create index \`progress_event_event_id_index\` on \`progress_event\` (\`event_id\`);`);
  }
}
