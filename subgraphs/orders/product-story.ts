import type { EntityManager } from '@mikro-orm/core';
import { Directive, Field, ObjectType } from 'type-graphql';
import { epcisIdentifiers, VOCABULARY } from '../../contracts';
import { badInput } from '../../platform/base/errors';
import { Order } from './entities/order';
import { EnterpriseReference, StatusCodeReference } from './entities/references';
import { StageRun } from './entities/stage-run';
import { TraceCode } from './entities/trace';

const TRACE_CODE = /^WT[0-9A-Z]{26}$/;
export const isTraceCode = (code: string) => TRACE_CODE.test(code);

/**
 * A traceability code as people hand it over: the code printed on the product, or any URI
 * ending in it (a scanned Digital Link, the hub's /id/product/ URI). A malformed one is refused.
 */
export function traceCodeOf(input: string): string {
  const code = input
    .trim()
    .replace(/[?#].*$/, '')
    .replace(/^.*\//, '')
    .toUpperCase();
  if (!TRACE_CODE.test(code)) throw badInput(`"${input}" is not a traceability code (WT…, or its URI)`, { field: 'code' });
  return code;
}

@ObjectType({ description: 'A stage a product went through, as anyone may see it: its standard code and its dates' })
export class StoryStage {
  @Field(() => StatusCodeReference, { description: "The standard code (a studio's own codes read as their standard parent)" })
  statusCode!: StatusCodeReference;

  @Field(() => Date, { nullable: true })
  startedAt!: Date | null;

  @Field(() => Date, { nullable: true })
  finishedAt!: Date | null;
}

/**
 * What scanning a product's code shows anyone, signed in or not: the studio, the product, the
 * standard stages with their dates and whether QC passed (the suppliers subgraph adds where the
 * materials came from). Nothing about the customer, the operators, partners or process secrets.
 */
@Directive('@key(fields: "code")')
@ObjectType({
  description: "A finished product's public story, by the traceability code printed on it. Nothing personal, no trade secrets.",
})
export class ProductStory {
  @Field({ description: 'The code printed on the product' })
  code!: string;

  @Field({ description: 'The URI its code opens: a GS1 Digital Link when the product has a GTIN' })
  uri!: string;

  @Field()
  productCode!: string;

  @Field(() => String, { nullable: true })
  gtin!: string | null;

  @Field({ description: "The product family: a code of the studio's catalogue" })
  productFamily!: string;

  @Field({ deprecationReason: 'Use productFamily' })
  productType!: string;

  @Field(() => String, { nullable: true, description: "The product's Chinese name as the studio's catalogue gave it when it was ordered" })
  productNameZh!: string | null;

  @Field(() => String, { nullable: true, description: "The product's English name as the studio's catalogue gave it when it was ordered" })
  productNameEn!: string | null;

  @Field(() => EnterpriseReference, { description: 'The studio that made it' })
  studio!: EnterpriseReference;

  @Field({ description: 'When it passed QC & packing and its code was issued' })
  issuedAt!: Date;

  @Field(() => [StoryStage], { description: 'The stages it went through, in order' })
  stages!: StoryStage[];

  @Field(() => Boolean, {
    nullable: true,
    description: 'true: every QC checkpoint passed; false: the last result of one was a fail; null: its route has no QC checkpoint',
  })
  qcPassed!: boolean | null;
}

/**
 * The story of one code, read past the row rules (it is public by design) and built only from
 * the fields listed above: null when no product carries the code.
 */
export async function productStoryOf(em: EntityManager, code: string, publicBase: string): Promise<ProductStory | null> {
  const trace = await em.findOne(TraceCode, { code }, { filters: false });
  if (!trace) return null;
  const [order, stages] = await Promise.all([
    em.findOne(Order, { id: trace.orderId }, { filters: false, fields: ['id', 'productFamily', 'productNameZh', 'productNameEn'] }),
    em.find(StageRun, { orderId: trace.orderId }, { filters: false, orderBy: { position: 'asc' } }),
  ]);
  if (!order) return null;
  const done = stages.filter((stage) => stage.status === 'DONE');
  const checkpoints = done.filter((stage) => stage.qcCheckpoint);
  return {
    code: trace.code,
    uri: epcisIdentifiers(publicBase).product({ gtin: trace.gtin, serial: trace.code }),
    productCode: trace.productCode,
    gtin: trace.gtin ?? null,
    productFamily: order.productFamily,
    productType: order.productFamily,
    productNameZh: order.productNameZh ?? null,
    productNameEn: order.productNameEn ?? null,
    studio: { id: trace.studioId },
    issuedAt: trace.issuedAt,
    stages: done.map((stage) => ({
      statusCode: { code: VOCABULARY.standardStatusOf(stage.code).code },
      startedAt: stage.startedAt ?? null,
      finishedAt: stage.finishedAt ?? null,
    })),
    qcPassed: checkpoints.length ? checkpoints.every((stage) => stage.qcResult === 'PASS') : null,
  };
}
