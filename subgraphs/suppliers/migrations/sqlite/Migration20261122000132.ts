import { Migration } from '@mikro-orm/migrations';

export class Migration20261122000132 extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table \`bom_line\` (\`product_code\` text not null, \`sku\` text not null, \`studio_id\` text not null, \`quantity_per_unit\` integer not null, primary key (\`product_code\`, \`sku\`));`,
    );

    this.addSql(
      `create table \`idempotency_record\` (\`id\` text not null, \`request_hash\` text not null, \`result_id\` text not null, \`created_at\` datetime not null, primary key (\`id\`));`,
    );

    this.addSql(
      `create table \`material\` (\`sku\` text not null, \`name\` text not null, \`unit\` text not null, \`abc_class\` text check (\`abc_class\` in ('A', 'B', 'C')) not null, \`unit_cost_cents\` integer not null, \`safety_stock\` integer not null, primary key (\`sku\`));`,
    );

    this.addSql(
      `create table \`order_material\` (\`id\` text not null, \`order_id\` text not null, \`studio_id\` text not null, \`sku\` text not null, \`required\` integer not null, \`reserved\` integer not null default 0, \`consumed\` integer not null default 0, \`status\` text check (\`status\` in ('AVAILABLE', 'ON_ORDER', 'LOW', 'SHORT')) not null, \`expected_at\` datetime null, \`open\` integer not null default true, \`created_at\` datetime not null, primary key (\`id\`));`,
    );
    this.addSql(`create index \`order_material_sku_open_index\` on \`order_material\` (\`sku\`, \`open\`);`);
    this.addSql(`create unique index \`order_material_order_id_sku_unique\` on \`order_material\` (\`order_id\`, \`sku\`);`);

    this.addSql(
      `create table \`order_supply\` (\`id\` text not null, \`studio_id\` text not null, \`customer_tier_max\` text check (\`customer_tier_max\` in ('MINIMAL', 'BASIC', 'DETAILED')) not null, \`open\` integer not null default true, \`created_at\` datetime not null, primary key (\`id\`));`,
    );

    this.addSql(
      `create table \`outbox_event\` (\`position\` integer not null primary key autoincrement, \`event_id\` text not null, \`type\` text not null, \`source\` text not null, \`subject_type\` text not null, \`subject_id\` text not null, \`actor_subject\` text not null, \`actor_enterprise\` text null, \`occurred_at\` datetime not null, \`payload\` json not null, \`published_at\` datetime null);`,
    );
    this.addSql(`create unique index \`outbox_event_event_id_unique\` on \`outbox_event\` (\`event_id\`);`);
    this.addSql(`create index \`outbox_event_published_at_index\` on \`outbox_event\` (\`published_at\`);`);

    this.addSql(`create table \`processed_event\` (\`id\` text not null, \`processed_at\` datetime not null, primary key (\`id\`));`);

    this.addSql(
      `create table \`purchase_order\` (\`id\` text not null, \`studio_id\` text not null, \`supplier_id\` text not null, \`status\` text check (\`status\` in ('PLACED', 'CONFIRMED', 'RECEIVED', 'CANCELLED')) not null, \`lines\` json not null, \`expected_at\` datetime not null, \`placed_at\` datetime not null, \`confirmed_at\` datetime null, \`version\` integer not null default 1, primary key (\`id\`));`,
    );
    this.addSql(`create index \`purchase_order_supplier_id_status_index\` on \`purchase_order\` (\`supplier_id\`, \`status\`);`);
    this.addSql(`create index \`purchase_order_studio_id_status_index\` on \`purchase_order\` (\`studio_id\`, \`status\`);`);

    this.addSql(
      `create table \`reservation\` (\`id\` text not null, \`order_id\` text not null, \`studio_id\` text not null, \`sku\` text not null, \`lot_id\` text not null, \`lot_code\` text not null, \`supplier_id\` text not null, \`quantity\` integer not null, \`unit_cost_cents\` integer not null, \`status\` text check (\`status\` in ('RESERVED', 'RELEASED', 'CONSUMED')) not null, \`created_at\` datetime not null, primary key (\`id\`));`,
    );
    this.addSql(`create index \`reservation_lot_id_status_index\` on \`reservation\` (\`lot_id\`, \`status\`);`);
    this.addSql(`create index \`reservation_order_id_index\` on \`reservation\` (\`order_id\`);`);

    this.addSql(
      `create table \`stock_lot\` (\`id\` text not null, \`supplier_id\` text not null, \`sku\` text not null, \`lot_code\` text not null, \`received_at\` datetime not null, \`on_hand\` integer not null, \`reserved\` integer not null default 0, \`unit_cost_cents\` integer null, \`last_sequence\` integer not null, \`version\` integer not null default 1, primary key (\`id\`));`,
    );
    this.addSql(`create index \`stock_lot_sku_received_at_index\` on \`stock_lot\` (\`sku\`, \`received_at\`);`);
    this.addSql(`create unique index \`stock_lot_supplier_id_lot_code_unique\` on \`stock_lot\` (\`supplier_id\`, \`lot_code\`);`);

    this.addSql(
      `create table \`supplier\` (\`id\` text not null, \`tier\` text check (\`tier\` in ('PRIMARY', 'SECONDARY', 'EMERGENCY')) not null, \`categories\` json not null, \`skus\` json not null, \`lead_time_days\` integer not null, \`last_sequence\` integer not null default 0, primary key (\`id\`));`,
    );
  }
}
