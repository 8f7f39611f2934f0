import { Migration } from '@mikro-orm/migrations';

export class Migration20261202200000 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table \`progress_event\` add column \`workshop_id\` text null;`);
    this.addSql(`alter table \`progress_event\` add column \`recorded_at\` datetime null;`);
    // Entries written before: the stage's workshop now (its holder then is not recorded), else the studio; recorded when they occurred.
    this.addSql(
      `update \`progress_event\` set \`workshop_id\` = coalesce((select \`assigned_to_id\` from \`stage_run\` where \`stage_run\`.\`id\` = \`progress_event\`.\`stage_run_id\`), \`studio_id\`), \`recorded_at\` = \`occurred_at\`;`,
    );
    this.addSql(`create index \`progress_event_workshop_id_index\` on \`progress_event\` (\`workshop_id\`);`);
    this.addSql(`create index \`progress_event_recorded_at_index\` on \`progress_event\` (\`recorded_at\`);`);

    this.addSql(`alter table \`order_line\` add column \`gtin\` text null;`);
    this.addSql(`alter table \`trace_code\` add column \`gtin\` text null;`);
  }
}
