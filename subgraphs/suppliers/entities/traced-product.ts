import { Entity, Index, PrimaryKey, Property } from '@mikro-orm/core';

/**
 * A finished product's traceability code and the order it was made for, as the orders
 * subgraph announced it (TRACE_CODES_ISSUED): how a public story's code leads here to the lots
 * the order consumed, without the order's id ever leaving the hub.
 */
@Entity({ tableName: 'traced_product' })
@Index({ properties: ['orderId'] })
export class TracedProduct {
  @PrimaryKey({ type: 'string', length: 40 })
  code!: string;

  @Property({ type: 'string', length: 40 })
  orderId!: string;

  @Property({ type: 'string', length: 80 })
  studioId!: string;
}
