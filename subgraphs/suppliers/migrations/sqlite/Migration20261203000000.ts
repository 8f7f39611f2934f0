import { Migration } from '@mikro-orm/migrations';

export class Migration20261203000000 extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table \`traced_product\` (\`code\` text not null, \`order_id\` text not null, \`studio_id\` text not null, primary key (\`code\`));`,
    );
    this.addSql(`create index \`traced_product_order_id_index\` on \`traced_product\` (\`order_id\`);`);
  }
}
