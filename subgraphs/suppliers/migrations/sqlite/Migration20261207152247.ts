import { Migration } from '@mikro-orm/migrations';

export class Migration20261207152247 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table \`stock_lot\` add column \`held_for_studio_id\` text null;`);
  }
}
