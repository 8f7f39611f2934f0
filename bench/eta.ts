/**
 * `npm run bench:eta [-- --days 240 --train 0.7 --seed 7 --draws 1000]`: how good the completion
 * forecasts are. It generates synthetic history (subgraphs/orders/eta/synthetic-history.ts:
 * skewed durations, operator paces, load effects, occasional exceptions) for the three demo
 * studios, fits the model on the first `train` share of the period, and forecasts every held-out
 * order at three points of its life: at intake, midway through the stage a third along its
 * route, and midway through the stage two thirds along. It prints the share of actual
 * completions (and deliveries) before the 90 % bound (goal 88–92 %), and the median's mean
 * absolute error against the naive forecast, now plus the remaining standard durations (goal:
 * at least 30 % lower). A benchmark, not a test: nothing here asserts.
 */
import { ETA_CONFIDENCE, fitEtaModel, forecastOrder, naiveCompletion } from '../subgraphs/orders/eta/model';
import {
  DEMO_HISTORY_STUDIOS,
  generateHistory,
  samplesOf,
  snapshotAt,
  type SyntheticOrder,
} from '../subgraphs/orders/eta/synthetic-history';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
/** What the naive forecast adds for delivery: the same three days the model falls back to. */
const NAIVE_DELIVERY = 3 * DAY;

function option(name: string, fallback: number): number {
  const index = process.argv.indexOf(`--${name}`);
  return index >= 0 ? Number(process.argv[index + 1]) : fallback;
}

interface Score {
  n: number;
  covered: number;
  deliveryCovered: number;
  modelError: number;
  naiveError: number;
  deliveryModelError: number;
  deliveryNaiveError: number;
}

const empty = (): Score => ({
  n: 0,
  covered: 0,
  deliveryCovered: 0,
  modelError: 0,
  naiveError: 0,
  deliveryModelError: 0,
  deliveryNaiveError: 0,
});

const POINTS: { name: string; at(order: SyntheticOrder): number }[] = [
  { name: 'at intake', at: (order) => order.createdAt + 60_000 },
  { name: 'a third along', at: (order) => midway(order, Math.floor(order.stages.length / 3)) },
  { name: 'two thirds along', at: (order) => midway(order, Math.floor((2 * order.stages.length) / 3)) },
];

function midway(order: SyntheticOrder, index: number): number {
  const stage = order.stages[index];
  return (stage.startedAt + stage.finishedAt) / 2;
}

function main(): void {
  const days = option('days', 240);
  const trainShare = option('train', 0.7);
  const draws = option('draws', 1000);
  const end = Date.UTC(2026, 10, 1);
  const history = generateHistory({ seed: option('seed', 7), days, end, studios: DEMO_HISTORY_STUDIOS });
  const split = end - days * DAY * (1 - trainShare);
  const training = samplesOf(
    history.orders.filter((order) => order.createdAt < split),
    split,
  );
  const started = Date.now();
  const model = fitEtaModel(training);
  const fitMs = Date.now() - started;
  const heldOut = history.orders.filter((order) => order.createdAt >= split && order.deliveredAt <= end);
  console.log(
    `history: ${history.orders.length} orders over ${days} days; trained on ${training.length} runs before the split (fit ${fitMs} ms); ${heldOut.length} held-out orders\n`,
  );

  const scores = new Map<string, Score>(POINTS.map((point) => [point.name, empty()]));
  const total = empty();
  let forecastMs = 0;
  for (const order of heldOut) {
    for (const point of POINTS) {
      const now = point.at(order);
      const snapshot = snapshotAt(order, now, history.loadAt(order.studioId, now));
      const begun = Date.now();
      const forecast = forecastOrder(model, snapshot, new Date(now), draws);
      forecastMs += Date.now() - begun;
      const naive = naiveCompletion(snapshot, new Date(now)).getTime();
      for (const score of [scores.get(point.name)!, total]) {
        score.n += 1;
        if (order.routeDoneAt <= forecast.completion.bound.getTime()) score.covered += 1;
        if (order.deliveredAt <= forecast.delivery.bound.getTime()) score.deliveryCovered += 1;
        score.modelError += Math.abs(forecast.completion.median.getTime() - order.routeDoneAt) / HOUR;
        score.naiveError += Math.abs(naive - order.routeDoneAt) / HOUR;
        score.deliveryModelError += Math.abs(forecast.delivery.median.getTime() - order.deliveredAt) / HOUR;
        score.deliveryNaiveError += Math.abs(naive + NAIVE_DELIVERY - order.deliveredAt) / HOUR;
      }
    }
  }

  const percent = (part: number, whole: number) => `${((100 * part) / whole).toFixed(1)} %`;
  const rows = [...scores.entries(), ['all points', total] as const];
  console.log(
    `| point | forecasts | completion before ${ETA_CONFIDENCE * 100} % bound | delivery before bound | completion MAE model / naive (h) | reduction | delivery MAE model / naive (h) | reduction |`,
  );
  console.log('|---|---|---|---|---|---|---|---|');
  for (const [name, score] of rows) {
    const modelMae = score.modelError / score.n;
    const naiveMae = score.naiveError / score.n;
    const deliveryModel = score.deliveryModelError / score.n;
    const deliveryNaive = score.deliveryNaiveError / score.n;
    console.log(
      `| ${name} | ${score.n} | ${percent(score.covered, score.n)} | ${percent(score.deliveryCovered, score.n)} | ${modelMae.toFixed(1)} / ${naiveMae.toFixed(1)} | ${percent(naiveMae - modelMae, naiveMae)} | ${deliveryModel.toFixed(1)} / ${deliveryNaive.toFixed(1)} | ${percent(deliveryNaive - deliveryModel, deliveryNaive)} |`,
    );
  }
  const coverage = total.covered / total.n;
  const reduction = 1 - total.modelError / total.naiveError;
  console.log(
    `\ncoverage of the ${ETA_CONFIDENCE * 100} % bound: ${(coverage * 100).toFixed(1)} % (goal 88–92 %): ${coverage >= 0.88 && coverage <= 0.92 ? 'met' : 'NOT met'}`,
  );
  console.log(`median error vs naive: ${(reduction * 100).toFixed(1)} % lower (goal ≥ 30 %): ${reduction >= 0.3 ? 'met' : 'NOT met'}`);
  console.log(`forecast time: ${((forecastMs / total.n) * 1000).toFixed(0)} µs per forecast (${draws} draws)`);
}

main();
