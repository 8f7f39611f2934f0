import type { EntityManager } from '@mikro-orm/core';
import { Field, Float, ID, Int, ObjectType } from 'type-graphql';
import { daysAfter } from '../../platform/data/days';
import { AbcClassEnum, type AbcClass, type Material } from './entities/material';
import { OrderMaterial } from './entities/order-supply';
import { namedSuppliers, supplying } from './studio-suppliers';

/**
 * The suggested safety stock (docs/domains/suppliers.md, "Safety stock"):
 *   safety stock = ⌈ z × σ(daily consumption over the last 8 weeks) × √(lead time in days) ⌉
 * z by ABC class (service level): A 1.65 (95 %), B 1.28 (90 %), C 0.84 (80 %). Daily
 * consumption is what the studio's orders needed of the material, by the China-time day they
 * were imported (cancelled orders left out, days without orders counted as 0); the lead time is
 * that of the supplier a reorder would go to first (primary, secondary, then the emergency pool).
 * A made-to-order material keeps none.
 */
export const SAFETY_STOCK_RULE = Object.freeze({ windowDays: 56, z: { A: 1.65, B: 1.28, C: 0.84 } });

const CHINA_OFFSET_MS = 8 * 3_600_000;
const DAY_MS = 86_400_000;

@ObjectType({ description: 'A suggested safety stock and every figure it comes from, so a studio can judge it' })
export class SafetyStockSuggestion {
  @Field()
  sku!: string;

  @Field(() => ID)
  studioId!: string;

  @Field(() => Int, { description: 'The safety stock now' })
  current!: number;

  @Field(() => Int, { nullable: true, description: 'What the rule suggests; null when no supplier gives a lead time' })
  suggested!: number | null;

  @Field({ description: 'The rule, in words' })
  rule!: string;

  @Field(() => AbcClassEnum)
  abcClass!: AbcClass;

  @Field(() => Float, { description: 'The service factor of the ABC class' })
  z!: number;

  @Field(() => Int, { description: 'Days of history looked at' })
  windowDays!: number;

  @Field({ description: 'The first day of the window (China time)' })
  from!: Date;

  @Field(() => Int, { description: "What the studio's orders needed over the window" })
  totalConsumption!: number;

  @Field(() => Float)
  meanDailyConsumption!: number;

  @Field(() => Float, { description: 'Standard deviation of the daily consumption' })
  dailyConsumptionDeviation!: number;

  @Field(() => Int, { nullable: true })
  leadTimeDays!: number | null;

  @Field(() => ID, { nullable: true, description: 'The supplier whose lead time is used' })
  leadTimeSupplierId!: string | null;
}

/** The daily figures of the window, oldest first, by China-time day. */
export function dailyFigures(demands: readonly Pick<OrderMaterial, 'required' | 'createdAt'>[], now: Date, windowDays: number): number[] {
  const today = Math.floor((now.getTime() + CHINA_OFFSET_MS) / DAY_MS);
  const days = new Array<number>(windowDays).fill(0);
  for (const demand of demands) {
    const index = windowDays - 1 - (today - Math.floor((demand.createdAt.getTime() + CHINA_OFFSET_MS) / DAY_MS));
    if (index >= 0 && index < windowDays) days[index] += demand.required;
  }
  return days;
}

export function deviation(values: readonly number[]): { mean: number; sigma: number } {
  const mean = values.reduce((sum, value) => sum + value, 0) / values.length;
  const variance = values.reduce((sum, value) => sum + (value - mean) ** 2, 0) / values.length;
  return { mean, sigma: Math.sqrt(variance) };
}

export async function suggestSafetyStock(em: EntityManager, material: Material, now: Date): Promise<SafetyStockSuggestion> {
  const { windowDays } = SAFETY_STOCK_RULE;
  const from = daysAfter(now, 1 - windowDays);
  const [demands, named] = await Promise.all([
    em.find(
      OrderMaterial,
      {
        studioId: material.studioId,
        sku: material.sku,
        createdAt: { $gte: daysAfter(now, -windowDays - 1) },
        $or: [{ open: true }, { consumed: { $gt: 0 } }],
      },
      { filters: false, fields: ['required', 'createdAt'] },
    ),
    namedSuppliers(em, material.studioId),
  ]);
  const days = dailyFigures(demands, now, windowDays);
  const { mean, sigma } = deviation(days);
  // The lead time of the supplier the studio would ask first.
  const supplier = supplying(named, material.sku)[0]?.supplier;
  const z = SAFETY_STOCK_RULE.z[material.abcClass];
  const suggested =
    material.stockingPolicy === 'MADE_TO_ORDER' ? 0 : supplier ? Math.ceil(z * sigma * Math.sqrt(supplier.leadTimeDays) - 1e-9) : null;
  return {
    sku: material.sku,
    studioId: material.studioId,
    current: material.safetyStock,
    suggested,
    rule:
      material.stockingPolicy === 'MADE_TO_ORDER'
        ? 'made to order: no safety stock'
        : `ceil(z × σ(daily consumption, last ${windowDays} days) × √(lead time days)), z = ${z} for class ${material.abcClass}`,
    abcClass: material.abcClass,
    z,
    windowDays,
    from,
    totalConsumption: days.reduce((sum, day) => sum + day, 0),
    meanDailyConsumption: Math.round(mean * 1000) / 1000,
    dailyConsumptionDeviation: Math.round(sigma * 1000) / 1000,
    leadTimeDays: supplier?.leadTimeDays ?? null,
    leadTimeSupplierId: supplier?.id ?? null,
  };
}
