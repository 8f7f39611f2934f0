import { Migration } from '@mikro-orm/migrations';

export class Migration20261201220000 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table \`order_facts\` add column \`stage_finished_at\` json null;`);
  }
}
