import { Migration } from '@mikro-orm/migrations';

export class Migration20261121231700 extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table \`enterprise\` (\`id\` text not null, \`kind\` text check (\`kind\` in ('STUDIO', 'PARTNER_STUDIO', 'SUPPLIER', 'KITCHEN')) not null, \`name_zh\` text not null, \`name_en\` text not null, \`region\` text not null, \`alliances\` json not null, \`created_at\` datetime not null, primary key (\`id\`));`,
    );
  }
}
