import { Migration } from '@mikro-orm/migrations';

export class Migration20261121231700 extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table \`idempotency_record\` (\`id\` text not null, \`request_hash\` text not null, \`result_id\` text not null, \`created_at\` datetime not null, primary key (\`id\`));`,
    );

    this.addSql(
      `create table \`shop_order\` (\`id\` text not null, \`studio_id\` text not null, \`channel\` text check (\`channel\` in ('TAOBAO', 'JD', 'SHOPIFY', 'WECHAT', 'DIRECT')) not null, \`external_order_id\` text not null, \`payload_hash\` text not null, \`product_type\` text check (\`product_type\` in ('CALLIGRAPHY_TEAWARE', 'TAILORED_GARMENT', 'PASTRY_BOX')) not null, \`customer_name\` text not null, \`customer_contact\` text not null, \`customer_address\` text not null, \`price_cents\` integer not null, \`currency\` text not null default 'CNY', \`customer_tier_max\` text check (\`customer_tier_max\` in ('MINIMAL', 'BASIC', 'DETAILED')) not null, \`status\` text check (\`status\` in ('RECEIVED', 'IN_PRODUCTION', 'READY_TO_SHIP', 'SHIPPED', 'DELIVERED', 'CANCELLED')) not null default 'RECEIVED', \`status_code_value\` text not null, \`due_at\` datetime null, \`cancel_reason\` text null, \`created_at\` datetime not null, \`updated_at\` datetime not null, \`last_sequence\` integer not null default 0, \`version\` integer not null default 1, primary key (\`id\`));`,
    );
    this.addSql(`create index \`shop_order_studio_id_status_id_index\` on \`shop_order\` (\`studio_id\`, \`status\`, \`id\`);`);
    this.addSql(
      `create unique index \`shop_order_channel_external_order_id_unique\` on \`shop_order\` (\`channel\`, \`external_order_id\`);`,
    );

    this.addSql(
      `create table \`order_exception\` (\`id\` text not null, \`order_id\` text not null, \`studio_id\` text not null, \`stage_run_id\` text null, \`code\` text not null, \`note\` text null, \`status\` text check (\`status\` in ('OPEN', 'RESOLVED')) not null default 'OPEN', \`reported_at\` datetime not null, \`resolved_at\` datetime null, \`resolution\` text null, primary key (\`id\`));`,
    );
    this.addSql(`create index \`order_exception_order_id_index\` on \`order_exception\` (\`order_id\`);`);

    this.addSql(
      `create table \`order_line\` (\`id\` text not null, \`order_id\` text not null, \`position\` integer not null, \`product_code\` text not null, \`quantity\` integer not null, \`personalisation\` text null, primary key (\`id\`));`,
    );
    this.addSql(`create index \`order_line_order_id_index\` on \`order_line\` (\`order_id\`);`);

    this.addSql(
      `create table \`outbox_event\` (\`position\` integer not null primary key autoincrement, \`event_id\` text not null, \`type\` text not null, \`source\` text not null, \`subject_type\` text not null, \`subject_id\` text not null, \`actor_subject\` text not null, \`actor_enterprise\` text null, \`occurred_at\` datetime not null, \`payload\` json not null, \`published_at\` datetime null);`,
    );
    this.addSql(`create unique index \`outbox_event_event_id_unique\` on \`outbox_event\` (\`event_id\`);`);
    this.addSql(`create index \`outbox_event_published_at_index\` on \`outbox_event\` (\`published_at\`);`);

    this.addSql(
      `create table \`progress_event\` (\`id\` text not null, \`order_id\` text not null, \`sequence\` integer not null, \`type\` text not null, \`status_code_value\` text null, \`stage_run_id\` text null, \`note\` text null, \`occurred_at\` datetime not null, \`event_id\` text not null, primary key (\`id\`));`,
    );
    this.addSql(`create index \`progress_event_order_id_sequence_index\` on \`progress_event\` (\`order_id\`, \`sequence\`);`);

    this.addSql(
      `create table \`shipment\` (\`id\` text not null, \`order_id\` text not null, \`carrier\` text not null, \`tracking_number\` text not null, \`status\` text check (\`status\` in ('CREATED', 'IN_TRANSIT', 'OUT_FOR_DELIVERY', 'DELIVERED', 'EXCEPTION', 'RETURNED')) not null default 'CREATED', \`created_at\` datetime not null, primary key (\`id\`));`,
    );
    this.addSql(`create index \`shipment_order_id_index\` on \`shipment\` (\`order_id\`);`);

    this.addSql(
      `create table \`shipment_event\` (\`id\` text not null, \`shipment_id\` text not null, \`status\` text check (\`status\` in ('CREATED', 'IN_TRANSIT', 'OUT_FOR_DELIVERY', 'DELIVERED', 'EXCEPTION', 'RETURNED')) not null, \`occurred_at\` datetime not null, \`location\` text null, \`description\` text null, primary key (\`id\`));`,
    );
    this.addSql(`create index \`shipment_event_shipment_id_occurred_at_index\` on \`shipment_event\` (\`shipment_id\`, \`occurred_at\`);`);

    this.addSql(
      `create table \`stage_run\` (\`id\` text not null, \`order_id\` text not null, \`studio_id\` text not null, \`position\` integer not null, \`code\` text not null, \`standard_minutes\` integer not null, \`status\` text check (\`status\` in ('PENDING', 'IN_PROGRESS', 'DONE', 'BLOCKED', 'CANCELLED')) not null default 'PENDING', \`due_at\` datetime null, \`started_at\` datetime null, \`finished_at\` datetime null, \`operator_name\` text null, \`operator_pen_name\` text null, \`assigned_to_id\` text not null, \`environment\` json not null, \`process_parameters\` json not null, \`photo_urls\` json not null, \`qc_checkpoint\` integer not null default false, \`qc_result\` text check (\`qc_result\` in ('PASS', 'FAIL')) null, \`qc_note\` text null, \`cancel_reason\` text null, primary key (\`id\`));`,
    );
    this.addSql(`create index \`stage_run_studio_id_status_index\` on \`stage_run\` (\`studio_id\`, \`status\`);`);
    this.addSql(`create index \`stage_run_order_id_position_index\` on \`stage_run\` (\`order_id\`, \`position\`);`);
  }
}
