import { Entity, PrimaryKey, Property } from '@mikro-orm/core';

/**
 * What a studio lets a partner take, as the network's relationship events say
 * (relationship.partner-set / -ended, projected by relationship-events.ts): the allocator offers
 * the studio's work to the partner only for these codes. No row: the studio has not named the
 * partner, and the offer's sharing (its alliances, its enterprises) decides as before.
 */
@Entity({ tableName: 'partner_stage_grant' })
export class PartnerStageGrant {
  @PrimaryKey({ type: 'string', length: 80 })
  studioId!: string;

  @PrimaryKey({ type: 'string', length: 80 })
  partnerId!: string;

  /** The stage codes (or kitchen capabilities) the partner may take; empty once the relationship ended. */
  @Property({ type: 'json' })
  stageCodes: string[] = [];

  @Property({ type: 'datetime' })
  updatedAt!: Date;
}
