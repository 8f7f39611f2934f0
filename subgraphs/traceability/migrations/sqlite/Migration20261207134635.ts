import { Migration } from '@mikro-orm/migrations';

export class Migration20261207134635 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table \`capture_job\` add column \`context\` json null;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table \`capture_job\` drop column \`context\`;`);
  }
}
