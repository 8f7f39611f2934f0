/**
 * Synthetic production history: orders of studios walking their routes, with the effects a
 * forecast has to learn. `bench/eta` trains on part of it and scores held-out orders; the demo
 * network seeds its forecasting history from it. Reproducible: one seed, one history.
 *
 * What shapes a stage run (all multiplicative on its standard duration):
 * - skew: a log-normal (median +8 %, σ 0.28) — most runs near standard, a long tail;
 * - the operator: each studio has five, each with their own pace (σ 0.15 around 1); one operator
 *   works all of an order's studio stages;
 * - load: the studio's work in progress follows a two-week cycle with daily noise; heavy load
 *   slows work a little (+10 % per 100 % over usual) and lengthens the wait before each stage
 *   (exponential, mean 40 min × load²);
 * - exceptions: 4 % of runs hit one (a kiln fault, a missing material) and take 1.6–3.6 × longer.
 * After the route, dispatch waits about 6 h and transit takes about 2.2 days (σ 0.3).
 */
import { seededRandom } from '../../../platform/data/seeded-random';
import { templateForProductType, type ProductType } from '../route-templates';
import type { DurationSample, OrderSnapshot, StageState } from './model';

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;

export interface SyntheticStudio {
  studioId: string;
  productType: ProductType;
  ordersPerDay: number;
  /** Stages in progress at usual load. */
  usualLoad: number;
  /** The studio's operators (five made-up names when absent). */
  operators?: readonly string[];
}

export interface SyntheticStage {
  code: string;
  standardMinutes: number;
  operator: string;
  readyAt: number;
  startedAt: number;
  finishedAt: number;
  load: number;
}

export interface SyntheticOrder {
  id: string;
  studioId: string;
  productType: ProductType;
  createdAt: number;
  stages: SyntheticStage[];
  routeDoneAt: number;
  deliveredAt: number;
}

export interface HistoryOptions {
  seed?: number;
  /** Days of history, ending at `end`. */
  days: number;
  end: number;
  studios: SyntheticStudio[];
}

const OPERATORS_PER_STUDIO = 5;
/** The demo studios' operators: the demo orders are worked by the same people. */
export const DEMO_OPERATORS = ['王芳', '李强', '张敏', '刘洋', '陈静', '赵磊'] as const;

export const DEMO_HISTORY_STUDIOS: SyntheticStudio[] = [
  { studioId: 'moyun-studio', productType: 'CALLIGRAPHY_TEAWARE', ordersPerDay: 3, usualLoad: 7, operators: DEMO_OPERATORS },
  { studioId: 'moyun-bakery', productType: 'PASTRY_BOX', ordersPerDay: 8, usualLoad: 7, operators: DEMO_OPERATORS },
  { studioId: 'youcaifeng', productType: 'TAILORED_GARMENT', ordersPerDay: 2, usualLoad: 7, operators: DEMO_OPERATORS },
];

function gaussian(random: () => number): number {
  return Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
}

/** The studio's load (work in progress over usual) at a time: a two-week cycle with daily noise. */
function loadLevel(studioIndex: number, time: number, dailyNoise: (day: number) => number): number {
  const cycle = Math.sin((2 * Math.PI * time) / (14 * DAY) + studioIndex);
  return Math.max(0.3, 1 + 0.4 * cycle + dailyNoise(Math.floor(time / DAY)));
}

export interface SyntheticHistory {
  orders: SyntheticOrder[];
  /** The studio's stages in progress at a time, as the hub counts them (what a forecast is given). */
  loadAt(studioId: string, time: number): number;
}

export function generateHistory(options: HistoryOptions): SyntheticHistory {
  const random = seededRandom(options.seed ?? 7);
  const start = options.end - options.days * DAY;
  const orders: SyntheticOrder[] = [];
  const observed = new Map<string, (time: number) => number>();
  options.studios.forEach((studio, studioIndex) => {
    const names = studio.operators ?? Array.from({ length: OPERATORS_PER_STUDIO }, (_, index) => `${studio.studioId}-op${index + 1}`);
    const operators = names.map((name) => ({ name, pace: Math.exp(0.15 * gaussian(random)) }));
    const noise = new Map<number, number>();
    const dailyNoise = (day: number) => {
      if (!noise.has(day)) noise.set(day, 0.15 * gaussian(random));
      return noise.get(day)!;
    };
    const wipAt = (time: number) => Math.max(0, Math.round(studio.usualLoad * loadLevel(studioIndex, time, dailyNoise)));
    observed.set(studio.studioId, wipAt);
    const route = templateForProductType(studio.productType).steps;
    let time = start;
    let sequence = 0;
    for (;;) {
      // Arrivals follow the load: busy weeks bring more orders.
      time += (-Math.log(1 - random()) * DAY) / (studio.ordersPerDay * loadLevel(studioIndex, time, dailyNoise));
      if (time >= options.end) break;
      sequence += 1;
      const operator = operators[Math.floor(random() * operators.length)];
      let ready = time;
      const stages: SyntheticStage[] = route.map((step) => {
        const load = loadLevel(studioIndex, ready, dailyNoise);
        const wait = -Math.log(1 - random()) * 40 * load * load;
        const exception = random() < 0.04 ? 1.6 + 2 * random() : 1;
        const duration =
          step.standardMinutes * Math.exp(0.08 + 0.28 * gaussian(random)) * operator.pace * (1 + 0.1 * (load - 1)) * exception;
        const startedAt = ready + wait * MINUTE;
        const stage = {
          code: step.statusCode,
          standardMinutes: step.standardMinutes,
          operator: operator.name,
          readyAt: ready,
          startedAt,
          finishedAt: startedAt + duration * MINUTE,
          load: wipAt(startedAt),
        };
        ready = stage.finishedAt;
        return stage;
      });
      const routeDoneAt = ready;
      const deliveredAt = routeDoneAt + (-Math.log(1 - random()) * 6 * 60 + 2.2 * 24 * 60 * Math.exp(0.3 * gaussian(random))) * MINUTE;
      orders.push({
        id: `${studio.studioId}-${sequence}`,
        studioId: studio.studioId,
        productType: studio.productType,
        createdAt: time,
        stages,
        routeDoneAt,
        deliveredAt,
      });
    }
  });
  return { orders, loadAt: (studioId, time) => observed.get(studioId)?.(time) ?? 0 };
}

/** What the history records of its orders finished (and delivered) before `until`. */
export function samplesOf(orders: SyntheticOrder[], until = Infinity): (DurationSample & { finishedAt: Date })[] {
  const samples: (DurationSample & { finishedAt: Date })[] = [];
  for (const order of orders) {
    for (const stage of order.stages) {
      if (stage.finishedAt > until) break;
      samples.push({
        studioId: order.studioId,
        productType: order.productType,
        kind: 'STAGE',
        code: stage.code,
        operator: stage.operator,
        standardMinutes: stage.standardMinutes,
        actualMinutes: (stage.finishedAt - stage.startedAt) / MINUTE,
        waitMinutes: (stage.startedAt - stage.readyAt) / MINUTE,
        load: stage.load,
        finishedAt: new Date(stage.finishedAt),
      });
    }
    if (order.deliveredAt <= until) {
      samples.push({
        studioId: order.studioId,
        productType: order.productType,
        kind: 'DELIVERY',
        code: 'DELIVERY',
        operator: null,
        standardMinutes: 0,
        actualMinutes: (order.deliveredAt - order.routeDoneAt) / MINUTE,
        waitMinutes: 0,
        load: 0,
        finishedAt: new Date(order.deliveredAt),
      });
    }
  }
  return samples;
}

/** The order as the hub would see it at `now`. */
export function snapshotAt(order: SyntheticOrder, now: number, currentLoad: number): OrderSnapshot {
  return {
    id: order.id,
    studioId: order.studioId,
    productType: order.productType,
    currentLoad,
    routeDoneAt: order.routeDoneAt <= now ? new Date(order.routeDoneAt) : null,
    deliveredAt: order.deliveredAt <= now ? new Date(order.deliveredAt) : null,
    stages: order.stages.map((stage) => {
      const status: StageState = stage.finishedAt <= now ? 'DONE' : stage.startedAt <= now ? 'IN_PROGRESS' : 'PENDING';
      return {
        code: stage.code,
        standardMinutes: stage.standardMinutes,
        status,
        startedAt: status === 'PENDING' ? null : new Date(stage.startedAt),
        finishedAt: status === 'DONE' ? new Date(stage.finishedAt) : null,
        operator: status === 'PENDING' ? null : stage.operator,
      };
    }),
  };
}
