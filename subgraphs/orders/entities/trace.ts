import { Entity, Index, PrimaryKey, Property } from '@mikro-orm/core';
import { Field, Int, ObjectType } from 'type-graphql';

/**
 * The traceability code of one finished product, issued when QC & packing completes: scanning
 * it leads to the order, every stage with its times, operator pen name and readings, the QC
 * results and the material lots consumed.
 */
@ObjectType('Trace', { description: "One finished product's traceability code, and its history" })
@Entity({ tableName: 'trace_code' })
@Index({ properties: ['orderId'] })
export class TraceCode {
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

  @Field(() => String, {
    nullable: true,
    description: "The product's GTIN, from its order line: with it the code is a GS1 Digital Link (01 + 21)",
  })
  @Property({ type: 'string', length: 14, nullable: true })
  gtin?: string | null;

  @Field(() => Int, { description: 'Which unit of its order line, from 1' })
  @Property({ type: 'integer' })
  unit!: number;

  @Field()
  @Property({ type: 'datetime' })
  issuedAt!: Date;
}
