import { Migration } from '@mikro-orm/migrations';

/** Purchase orders may be SHIPPED (with the lots shipped): SQLite changes a check constraint by rebuilding the table. */
export class Migration20261203063242 extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table \`purchase_order__temp_alter\` (\`id\` text not null, \`studio_id\` text not null, \`supplier_id\` text not null, \`status\` text check (\`status\` in ('PLACED', 'CONFIRMED', 'SHIPPED', 'RECEIVED', 'CANCELLED')) not null, \`lines\` json not null, \`expected_at\` datetime not null, \`placed_at\` datetime not null, \`confirmed_at\` datetime null, \`version\` integer not null default 1, \`shipped_at\` datetime null, \`shipped_lots\` json null, primary key (\`id\`));`,
    );
    this.addSql(
      `insert into \`purchase_order__temp_alter\` (\`id\`, \`studio_id\`, \`supplier_id\`, \`status\`, \`lines\`, \`expected_at\`, \`placed_at\`, \`confirmed_at\`, \`version\`) select \`id\`, \`studio_id\`, \`supplier_id\`, \`status\`, \`lines\`, \`expected_at\`, \`placed_at\`, \`confirmed_at\`, \`version\` from \`purchase_order\`;`,
    );
    this.addSql(`drop table \`purchase_order\`;`);
    this.addSql(`alter table \`purchase_order__temp_alter\` rename to \`purchase_order\`;`);
    this.addSql(`create index \`purchase_order_supplier_id_status_index\` on \`purchase_order\` (\`supplier_id\`, \`status\`);`);
    this.addSql(`create index \`purchase_order_studio_id_status_index\` on \`purchase_order\` (\`studio_id\`, \`status\`);`);
  }
}
