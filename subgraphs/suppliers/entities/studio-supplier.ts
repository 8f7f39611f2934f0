import { Entity, Enum, Index, PrimaryKey, Property } from '@mikro-orm/core';
import { SUPPLIER_TIERS, type SupplierTier } from '../../../contracts';

/**
 * A studio's relationship with a supplier, as the network's relationship events say
 * (relationship.supplier-set / -ended, projected by relationship-events.ts): its tier, a
 * primary's annual contract, and whether it ended. It decides what the supplier sees of the
 * studio (access-policy.ts) and whom the studio's reorders go to (purchase-order.service.ts).
 */
@Entity({ tableName: 'studio_supplier' })
@Index({ properties: ['supplierId'] })
export class StudioSupplier {
  @PrimaryKey({ type: 'string', length: 80 })
  studioId!: string;

  @PrimaryKey({ type: 'string', length: 80 })
  supplierId!: string;

  @Enum({ items: [...SUPPLIER_TIERS], type: 'string' })
  tier!: SupplierTier;

  /** A primary's contract: its annual volume in yuan and its band in percent either way (null for other tiers). */
  @Property({ type: 'integer', nullable: true })
  annualVolumeYuan?: number | null = null;

  @Property({ type: 'integer', nullable: true })
  flexibleBandPercent?: number | null = null;

  /** When the studio ended it: the supplier sees nothing of the studio any more, and is not suggested. */
  @Property({ type: 'datetime', nullable: true })
  endedAt?: Date | null = null;

  @Property({ type: 'datetime' })
  updatedAt!: Date;
}
