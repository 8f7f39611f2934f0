import { Migration } from '@mikro-orm/migrations';

/**
 * What a studio lets each partner take, projected from the network's relationship events. Empty
 * at first: until a relationship event arrives, offers are shared as before (by alliance).
 */
export class Migration20261207224156 extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      'create table `partner_stage_grant` (`studio_id` text not null, `partner_id` text not null, `stage_codes` json not null, `updated_at` datetime not null, primary key (`studio_id`, `partner_id`));',
    );
  }

  override async down(): Promise<void> {
    this.addSql('drop table if exists `partner_stage_grant`;');
  }
}
