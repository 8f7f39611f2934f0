import { Entity, Index, OptionalProps, PrimaryKey, Property } from '@mikro-orm/core';
import { Field, Int, ObjectType } from 'type-graphql';

/** Where a product's traceability code resolves: a GS1 Digital Link–style URI (serial, AI 21) under the hub's domain. */
const TRACE_URI_BASE = 'https://id.weft.dev/21/';

/**
 * The traceability code of one finished product, issued when QC & packing completes: scanning
 * it leads to the order, every stage with its times, operator pen name and readings, the QC
 * results and the material lots consumed.
 */
@ObjectType('Trace', { description: "One finished product's traceability code, and its history" })
@Entity({ tableName: 'trace_code' })
@Index({ properties: ['orderId'] })
export class TraceCode {
  [OptionalProps]?: 'uri';

  @Field({ description: 'The code printed on the product' })
  @PrimaryKey({ type: 'string', length: 40 })
  code!: string;

  @Property({ type: 'string', length: 40 })
  orderId!: string;

  @Property({ type: 'string', length: 80 })
  studioId!: string;

  @Field()
  @Property({ type: 'string', length: 80 })
  productCode!: string;

  @Field(() => Int, { description: 'Which unit of its order line, from 1' })
  @Property({ type: 'integer' })
  unit!: number;

  @Field()
  @Property({ type: 'datetime' })
  issuedAt!: Date;

  @Field({ description: 'The URI a scan opens (GS1 Digital Link style, serial AI 21)' })
  get uri(): string {
    return `${TRACE_URI_BASE}${this.code}`;
  }
}
