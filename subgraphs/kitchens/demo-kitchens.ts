import type { RequestContext } from '../../platform/access/context';
import { dayOf, daysAfter, DAY_MS } from '../../platform/data/days';
import { seededRandom } from '../../platform/data/seeded-random';
import { CloudKitchen, FulfillmentCycle, Subscription, SubscriptionPlan, WeeklyProductionPlan } from './entities';

/** ISO week of a date, e.g. 2026-W47. */
function isoWeek(date: Date): string {
  const day = new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate()));
  const weekday = day.getUTCDay() || 7;
  day.setUTCDate(day.getUTCDate() + 4 - weekday);
  const yearStart = Date.UTC(day.getUTCFullYear(), 0, 1);
  return `${day.getUTCFullYear()}-W${String(Math.ceil(((day.getTime() - yearStart) / DAY_MS + 1) / 7)).padStart(2, '0')}`;
}

/** Seeds the demo kitchens, 墨韵糕点's three plans, their subscribers, six weeks of cycles and this week's plan. */
export async function seedDemoKitchens(ctx: RequestContext<unknown>): Promise<void> {
  const em = ctx.em.fork();
  if ((await em.count(CloudKitchen, {})) > 0) return;
  const random = seededRandom(88168288);
  const now = new Date();
  await em.transactional(async (tx) => {
    tx.persist(
      tx.create(CloudKitchen, {
        id: 'xuhui-cloud-kitchen',
        certifications: ['SC food production licence', 'HACCP'],
        coldChain: true,
        deliveryRadiusKm: 15,
        region: 'CN-SH',
      }),
    );
    tx.persist(
      tx.create(CloudKitchen, {
        id: 'pudong-cloud-kitchen',
        certifications: ['SC food production licence'],
        coldChain: true,
        deliveryRadiusKm: 20,
        region: 'CN-SH',
      }),
    );
    const plans = [
      {
        id: 'moyun-bakery-88',
        name: '轻享 Light',
        priceCents: 8_800,
        contents: ['4 seasonal pastries'],
        boxesPerWeek: 1,
        subscribers: 60,
        churn: 0.3,
      },
      {
        id: 'moyun-bakery-168',
        name: '经典 Signature',
        priceCents: 16_800,
        contents: ['8 pastries', 'a tin of tea'],
        boxesPerWeek: 1,
        subscribers: 45,
        churn: 0.18,
      },
      {
        id: 'moyun-bakery-288',
        name: '尊享 Premium',
        priceCents: 28_800,
        contents: ['12 pastries', 'a seasonal cake', 'hand-written card'],
        boxesPerWeek: 1,
        subscribers: 20,
        churn: 0.1,
      },
    ];
    for (const plan of plans) {
      tx.persist(
        tx.create(SubscriptionPlan, {
          id: plan.id,
          studioId: 'moyun-bakery',
          name: plan.name,
          priceCents: plan.priceCents,
          contents: plan.contents,
          boxesPerWeek: plan.boxesPerWeek,
        }),
      );
      for (let index = 0; index < plan.subscribers; index += 1) {
        const started = daysAfter(now, -(10 + Math.floor(random() * 170)));
        const cancelled = random() < plan.churn;
        tx.persist(
          tx.create(Subscription, {
            id: `sub_${plan.id}_${index}`,
            planId: plan.id,
            studioId: 'moyun-bakery',
            status: cancelled ? 'CANCELLED' : 'ACTIVE',
            startedOn: dayOf(started),
            endedOn: cancelled ? dayOf(daysAfter(started, 30)) : null,
          }),
        );
      }
    }
    for (let week = 6; week >= 1; week -= 1) {
      const planned = 95 + Math.floor(random() * 10);
      const produced = planned + Math.floor(random() * 4);
      const wasted = Math.floor(random() * 4);
      const delivered = Math.min(planned, produced - wasted) - Math.floor(random() * 3);
      tx.persist(
        tx.create(FulfillmentCycle, {
          id: `cyc_demo_${week}`,
          studioId: 'moyun-bakery',
          period: isoWeek(daysAfter(now, -7 * week)),
          planned,
          produced,
          delivered,
          wasted,
        }),
      );
    }
    const monday = daysAfter(now, -((now.getUTCDay() || 7) - 1));
    tx.persist(
      tx.create(WeeklyProductionPlan, {
        id: 'wpl_demo',
        studioId: 'moyun-bakery',
        weekStart: dayOf(monday),
        days: [
          ['MON', 18],
          ['TUE', 16],
          ['WED', 16],
          ['THU', 20],
          ['FRI', 24],
          ['SAT', 0],
          ['SUN', 6],
        ].map(([day, boxes]) => ({ day: day as string, boxes: boxes as number })),
        flexibleDay: 'SAT',
      }),
    );
  });
}
