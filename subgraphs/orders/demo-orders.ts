import type { RequestContext } from '../../platform/access/context';
import { seededRandom } from '../../platform/data/seeded-random';
import { DEMO_ORDER_COUNT, DEMO_STUDIO_PRODUCTS, demoOrderId, demoProductOf } from '../../demo/orders';
import { demoCustomer } from '../../demo/customers';
import { StudioCostProfile } from './entities/cost-profile';
import { DelayPolicy } from './entities/delay';
import { Order } from './entities/order';
import { ExceptionService } from './exception.service';
import { OrderService } from './order.service';
import { seedDemoCatalogue } from './demo-catalogue';
import { ShipmentService } from './shipment.service';
import { StageService } from './stage.service';
import { DurationRecord } from './entities/eta';
import { etaService } from './eta/eta.service';
import { DEMO_HISTORY_STUDIOS, DEMO_OPERATORS, generateHistory, samplesOf } from './eta/synthetic-history';
import { loadRoute } from './order-loaders';

const MINUTE = 60_000;
const PEN_NAMES = ['墨白', '青岚', '松烟', '竹影', '云舒', '听雨'];

/** How the demo studios cost their work: hand gilding and calligraphy are the dear hours. */
const DEMO_COST_PROFILES = [
  // Firing is kiln time, tended at a low rate; calligraphy and gilding are the master's hours.
  {
    studioId: 'moyun-studio',
    defaultHourlyRateCents: 3000,
    overheadPercent: 30,
    stageRates: [
      { code: 'C10', hourlyRateCents: 9000 },
      { code: 'C50', hourlyRateCents: 7000 },
      { code: 'C40', hourlyRateCents: 500 },
      { code: 'C60', hourlyRateCents: 500 },
    ],
  },
  {
    studioId: 'moyun-bakery',
    defaultHourlyRateCents: 2500,
    overheadPercent: 20,
    stageRates: [
      { code: 'C83', hourlyRateCents: 4000 },
      { code: 'C84', hourlyRateCents: 300 },
    ],
  },
  {
    studioId: 'youcaifeng',
    defaultHourlyRateCents: 4000,
    overheadPercent: 25,
    stageRates: [
      { code: 'C71', hourlyRateCents: 8000 },
      { code: 'C74', hourlyRateCents: 6000 },
    ],
  },
];

/** What the demo studios offer when a stage runs late (delay notices carry it), in their own words, as a studio writes them. */
const DEMO_DELAY_COMPENSATION: Record<string, string[]> = {
  'moyun-studio': ['九折优惠', '免费礼盒包装', '顺丰加急发货'],
  'moyun-bakery': ['赠送马卡龙'],
  youcaifeng: ['免费改衣一次'],
};

/** Stages the demo studios hand to partners (on every other order): who holds what. */
const PARTNER_STAGES: Record<string, { code: string; partnerId: string }> = {
  'moyun-studio': { code: 'C50', partnerId: 'gilding-atelier' },
  'moyun-bakery': { code: 'C82', partnerId: 'xuhui-cloud-kitchen' },
  youcaifeng: { code: 'C74', partnerId: 'hangzhou-stitch-lab' },
};

/** Readings taken while a stage ran: the workshop for hand work, the kiln or oven for firing and baking. */
function environmentFor(code: string, random: () => number) {
  if (code === 'C40' || code === 'C60')
    return [
      { name: 'kiln temperature', value: 1280 + Math.round(random() * 40), unit: '°C' },
      { name: 'humidity', value: 55 + Math.round(random() * 10), unit: '%' },
    ];
  if (code === 'C82') return [{ name: 'oven temperature', value: 175 + Math.round(random() * 10), unit: '°C' }];
  if (/^C[1-5]0$/.test(code) || code === 'X-MOYUN-01')
    return [
      { name: 'workshop temperature', value: 20 + Math.round(random() * 6), unit: '°C' },
      { name: 'humidity', value: 45 + Math.round(random() * 15), unit: '%' },
    ];
  return undefined;
}

/** Days of past production the demo studios' forecasts learn from. */
const DEMO_HISTORY_DAYS = 90;

/**
 * The demo studios' past production (synthetic: see eta/synthetic-history.ts), as completed
 * runs and deliveries, so forecasts mean something from the first order.
 */
async function seedDemoHistory(ctx: RequestContext<unknown>, now: number): Promise<void> {
  const end = now - 5 * 24 * 60 * MINUTE;
  const history = generateHistory({ seed: 20261122, days: DEMO_HISTORY_DAYS, end, studios: DEMO_HISTORY_STUDIOS });
  const records = samplesOf(history.orders, end).map((sample, index) => ({ ...sample, id: `hist_${String(index + 1).padStart(6, '0')}` }));
  await ctx.em.fork().transactional(async (em) => {
    for (let index = 0; index < records.length; index += 1000) await em.insertMany(DurationRecord, records.slice(index, index + 1000));
  });
  etaService.forget();
}

/**
 * Seeds the demo network's orders through the real services, on a clock that walks each order
 * through its history: every stage of every route is somewhere, some orders run late, some
 * carry exceptions, some shipped, delivered or cancelled. Reproducible: one seed, one network.
 */
export async function seedDemoOrders(ctx: RequestContext<unknown>, count = DEMO_ORDER_COUNT): Promise<void> {
  if ((await ctx.em.fork().count(Order, {})) > 0) return;
  // The catalogue first, as a studio sets itself up: the orders below are imported against it.
  await seedDemoCatalogue(ctx);
  await ctx.em.fork().transactional(async (em) => {
    for (const profile of DEMO_COST_PROFILES) em.persist(em.create(StudioCostProfile, { ...profile, updatedAt: new Date() }));
    for (const [studioId, compensationOptions] of Object.entries(DEMO_DELAY_COMPENSATION))
      em.persist(em.create(DelayPolicy, { studioId, compensationOptions }));
  });
  const random = seededRandom(20261121);
  const now = Date.now();
  await seedDemoHistory(ctx, now);
  let time = now;
  const clock = () => new Date(time);
  const orders = new OrderService(clock);
  const stages = new StageService(clock);
  const exceptions = new ExceptionService(clock);
  const shipments = new ShipmentService(clock);

  for (let index = 0; index < count; index += 1) {
    const product = demoProductOf(index);
    // Cycle through "where the order is": -1 received, 0..n-1 stage k running, n route done,
    // n+1 shipped, n+2 delivered, n+3 cancelled.
    const routeLength = product.productCode.startsWith('PST-') ? 7 : 9;
    const where = (Math.floor(index / DEMO_STUDIO_PRODUCTS.length) % (routeLength + 5)) - 1;
    const late = index % 5 === 2;
    const jitter = () => 0.8 + random() * 0.5;

    // Start far enough back for the history to end now.
    time = now - (where + 2) * 26 * 60 * MINUTE - random() * 6 * 60 * MINUTE;
    const order = await orders.importShopOrder(
      ctx,
      {
        channel: (['TAOBAO', 'JD', 'SHOPIFY', 'WECHAT'] as const)[index % 4],
        externalOrderId: `DEMO-${String(index + 1).padStart(4, '0')}`,
        studioId: product.studioId,
        customer: demoCustomer(index),
        priceCents: product.priceCents,
        customerTierMax: index % 7 === 3 ? 'BASIC' : 'DETAILED',
        lines: [
          { productCode: product.productCode, gtin: product.gtin, quantity: 1 + (index % 3), personalisation: product.personalisation },
        ],
      },
      { id: demoOrderId(index) },
    );
    const route = await loadRoute(ctx.em.fork(), order.id);
    const partnerStage = PARTNER_STAGES[product.studioId];
    const handedOver = route.find((stage) => stage.code === partnerStage.code);
    if (handedOver && index % 2 === 0) await stages.assignStage(ctx, handedOver.id, partnerStage.partnerId, `seed-assign-${order.id}`);
    const operator = { name: DEMO_OPERATORS[index % DEMO_OPERATORS.length], penName: PEN_NAMES[index % PEN_NAMES.length] };
    const cancelled = where === route.length + 3;
    const doneCount = cancelled ? 2 : where < 0 ? 0 : Math.min(where, route.length);
    for (const stage of route.slice(0, doneCount)) {
      await stages.startStage(ctx, stage.id, operator);
      time += stage.standardMinutes * MINUTE * jitter();
      if (stage.qcCheckpoint) await stages.recordQcResult(ctx, stage.id, 'PASS', 'ok', `seed-qc-${stage.id}`);
      await stages.completeStage(ctx, stage.id, {
        environment: environmentFor(stage.code, random),
        processParameters:
          stage.code === 'C50'
            ? [
                { name: 'gold leaf purity', value: '98%', tradeSecret: false },
                { name: 'firing curve', value: 'curve-7B', tradeSecret: true },
              ]
            : undefined,
      });
      time += random() * 60 * MINUTE;
    }
    if (where >= 0 && where < route.length) {
      const running = route[where];
      // The running stage started so that it is now 30% into its time, or 60% over it (late).
      time = Math.max(time, now - running.standardMinutes * MINUTE * (late ? 1.6 : 0.3));
      await stages.startStage(ctx, running.id, operator);
      if (late) {
        await exceptions.reportException(
          ctx,
          {
            orderId: order.id,
            stageRunId: running.id,
            code: running.code.startsWith('C4') || running.code.startsWith('C6') ? 'EQP-02' : 'CAP-01',
            note: 'running behind the standard time',
          },
          `seed-exc-${order.id}`,
        );
      }
    }
    time = Math.min(Math.max(time, now - 4 * 60 * MINUTE), now);
    if (where === route.length + 1 || where === route.length + 2) {
      const shipment = await shipments.addShipment(
        ctx,
        order.id,
        { carrier: 'SF Express', trackingNumber: `SF${1000000 + index}` },
        `seed-ship-${order.id}`,
      );
      await shipments.recordShipmentEvent(ctx, shipment.id, { status: 'IN_TRANSIT', location: 'Jingdezhen hub' }, `seed-sev1-${order.id}`);
      if (where === route.length + 2)
        await shipments.recordShipmentEvent(ctx, shipment.id, { status: 'DELIVERED', location: 'Shanghai' }, `seed-sev2-${order.id}`);
    }
    if (cancelled) await orders.cancelOrder(ctx, order.id, 'customer changed their mind', `seed-cancel-${order.id}`);
    if (index % 11 === 5 && where >= 0 && where < route.length) {
      const exception = await exceptions.reportException(
        ctx,
        { orderId: order.id, code: 'CUS-02', note: 'waiting for the customer to confirm the proof' },
        `seed-cus-${order.id}`,
      );
      if (index % 2 === 0) await exceptions.resolveException(ctx, exception.id, 'customer confirmed', `seed-res-${order.id}`);
    }
  }
  time = now;
}
