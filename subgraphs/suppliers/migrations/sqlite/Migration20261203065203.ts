import { Migration } from '@mikro-orm/migrations';

/** When a purchase order was received (the EPCIS receiving event's time). */
export class Migration20261203065203 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table \`purchase_order\` add column \`received_at\` datetime null;`);
  }
}
