import { Migration } from '@mikro-orm/migrations';

export class Migration20261203122542 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create index \`stage_run_assigned_to_id_status_index\` on \`stage_run\` (\`assigned_to_id\`, \`status\`);`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop index \`stage_run_assigned_to_id_status_index\`;`);
  }
}
