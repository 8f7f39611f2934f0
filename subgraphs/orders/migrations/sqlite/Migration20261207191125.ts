import { Migration } from '@mikro-orm/migrations';

export class Migration20261207191125 extends Migration {
  override async up(): Promise<void> {
    // Each studio's working calendar as the capacity subgraph announces it (resource-events.ts).
    this.addSql(
      `create table \`studio_calendar\` (\`studio_id\` text not null, \`hours\` json not null, \`closures\` json not null, \`make_up_weekday\` integer not null, \`changed_at\` datetime not null, primary key (\`studio_id\`));`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists \`studio_calendar\`;`);
  }
}
