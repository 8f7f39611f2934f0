import { Migration } from '@mikro-orm/migrations';

/** The share page names the product as the studio's catalogue did when it was ordered. */
export class Migration20261208011000 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table \`order_facts\` add column \`product_name_zh\` text null;`);
    this.addSql(`alter table \`order_facts\` add column \`product_name_en\` text null;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table \`order_facts\` drop column \`product_name_zh\`;`);
    this.addSql(`alter table \`order_facts\` drop column \`product_name_en\`;`);
  }
}
