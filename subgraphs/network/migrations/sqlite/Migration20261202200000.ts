import { Migration } from '@mikro-orm/migrations';

export class Migration20261202200000 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table \`enterprise\` add column \`gln\` text null;`);
  }
}
