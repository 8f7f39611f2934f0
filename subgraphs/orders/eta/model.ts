/**
 * Completion forecasts, learned from history. Pure: no I/O, no clock — the orders subgraph and
 * `bench/eta` feed it the same way.
 *
 * For each studio, a completed stage run's duration is read as
 *   actual = standard × keyMedian × operatorEffect × residual
 * where the key is (product type, stage code), or the stage code alone across the studio's
 * products when that is thin. The wait before a stage starts is drawn from the studio's history
 * at a similar load (work in progress against its usual level). A forecast is a Monte Carlo sum
 * over the order's remaining stages, each draw with one operator for the studio's stages (the
 * order's own when known, else one drawn from the studio's operators), so draws keep the
 * correlation an operator brings. A running stage is drawn conditioned on having already run as
 * long as it has. Where a key has too little history, the standard duration with a fixed spread
 * stands in, and the basis says so.
 */

import { seededRandom } from '../../../platform/data/seeded-random';

export const ETA_CONFIDENCE = 0.9;
/** Completed runs a key needs before its history is trusted over the standard duration. */
export const MIN_KEY_SAMPLES = 12;
/** Runs an operator needs in a studio before their own pace is applied. */
const MIN_OPERATOR_SAMPLES = 10;
/** Spread assumed for a stage without history: a log-normal around its standard duration. */
const FALLBACK_SIGMA = 0.3;
/** Route done → delivered, when a studio has no deliveries on record: about three days. */
const FALLBACK_DELIVERY_MINUTES = 3 * 24 * 60;
const FALLBACK_DELIVERY_SIGMA = 0.35;
/** Load bins, as work in progress over the studio's median: light, usual, heavy. */
const LOAD_EDGES = [0.85, 1.2] as const;

export type SampleKind = 'STAGE' | 'DELIVERY';

/** One completed stage run (or one delivery) of the history a model learns from. */
export interface DurationSample {
  studioId: string;
  productType: string;
  kind: SampleKind;
  /** The stage's status code; `DELIVERY` for route done → delivered. */
  code: string;
  operator: string | null;
  standardMinutes: number;
  actualMinutes: number;
  /** From the stage being ready (the one before it done) to its start. */
  waitMinutes: number;
  /** The studio's stages in progress when it started. */
  load: number;
}

interface KeyStats {
  count: number;
  median: number;
  /** actual / (standard × median), sorted: what a draw without a known operator uses. */
  normalized: number[];
  /** normalized / operator effect, sorted. */
  residuals: number[];
}

interface StudioModel {
  keys: Map<string, KeyStats>;
  operatorEffects: Map<string, number>;
  /** Operators as often as they ran a stage: drawing from it draws an operator of the studio. */
  operatorPool: string[];
  medianLoad: number;
  waitsByLoad: number[][];
  waits: number[];
  deliveries: number[];
}

export interface EtaModel {
  studios: Map<string, StudioModel>;
}

export type StageState = 'PENDING' | 'IN_PROGRESS' | 'BLOCKED' | 'DONE' | 'CANCELLED';

export interface StageSnapshot {
  code: string;
  standardMinutes: number;
  status: StageState;
  startedAt?: Date | null;
  finishedAt?: Date | null;
  operator?: string | null;
  /** Held by a partner: the studio's operators and queue do not apply. */
  heldElsewhere?: boolean;
}

export interface OrderSnapshot {
  id: string;
  studioId: string;
  productType: string;
  /** In route order. */
  stages: StageSnapshot[];
  /** When the last stage finished, if it has. */
  routeDoneAt?: Date | null;
  deliveredAt?: Date | null;
  /** The studio's stages in progress now. */
  currentLoad: number;
}

export type EtaMethod = 'HISTORY' | 'PARTLY_HISTORY' | 'STANDARD_DURATIONS';

export interface EtaBasis {
  method: EtaMethod;
  /** Remaining stages drawn from history / remaining stages. */
  stagesFromHistory: number;
  stagesRemaining: number;
  /** Completed runs behind the keys used. */
  samples: number;
  operatorAdjusted: boolean;
  /** Work in progress now over the studio's usual level; null without history. */
  loadFactor: number | null;
  note: string;
}

export interface EtaRange {
  median: Date;
  /** ETA_CONFIDENCE likely before this. */
  bound: Date;
}

export interface Forecast {
  completion: EtaRange;
  delivery: EtaRange;
  basis: EtaBasis;
}

const sorted = (values: number[]) => [...values].sort((a, b) => a - b);

function quantile(sortedValues: ArrayLike<number>, q: number): number {
  if (sortedValues.length === 0) return NaN;
  const position = (sortedValues.length - 1) * q;
  const low = Math.floor(position);
  const high = Math.min(low + 1, sortedValues.length - 1);
  return sortedValues[low] + (sortedValues[high] - sortedValues[low]) * (position - low);
}

const median = (values: number[]) => quantile(sorted(values), 0.5);
const productKey = (productType: string, code: string) => `${productType}|${code}`;
const codeKey = (code: string) => `*|${code}`;

function loadBin(ratio: number): number {
  return ratio < LOAD_EDGES[0] ? 0 : ratio < LOAD_EDGES[1] ? 1 : 2;
}

function groupBy<T>(items: T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const name = key(item);
    const group = groups.get(name);
    if (group) group.push(item);
    else groups.set(name, [item]);
  }
  return groups;
}

function fitStudio(samples: DurationSample[]): StudioModel {
  const stages = samples.filter((sample) => sample.kind === 'STAGE' && sample.standardMinutes > 0 && sample.actualMinutes > 0);
  const ratio = (sample: DurationSample) => sample.actualMinutes / sample.standardMinutes;
  const byProduct = groupBy(stages, (sample) => productKey(sample.productType, sample.code));
  const byCode = groupBy(stages, (sample) => codeKey(sample.code));
  const medians = new Map<string, number>();
  for (const [key, group] of [...byProduct, ...byCode]) medians.set(key, median(group.map(ratio)));

  // Each run relative to the narrowest key with enough history: the operator's pace shows there.
  const normalizedOf = (sample: DurationSample): number | null => {
    for (const key of [productKey(sample.productType, sample.code), codeKey(sample.code)]) {
      if ((byProduct.get(key) ?? byCode.get(key))!.length >= MIN_KEY_SAMPLES) return ratio(sample) / medians.get(key)!;
    }
    return null;
  };
  const operatorEffects = new Map<string, number>();
  for (const [operator, runs] of groupBy(
    stages.filter((sample) => sample.operator),
    (sample) => sample.operator!,
  )) {
    const normalized = runs.map(normalizedOf).filter((value): value is number => value !== null);
    if (normalized.length >= MIN_OPERATOR_SAMPLES) operatorEffects.set(operator, median(normalized));
  }
  const effectOf = (operator: string | null) => (operator ? (operatorEffects.get(operator) ?? 1) : 1);

  const keys = new Map<string, KeyStats>();
  for (const [key, group] of [...byProduct, ...byCode]) {
    const keyMedian = medians.get(key)!;
    const normalized = group.map((sample) => ratio(sample) / keyMedian);
    keys.set(key, {
      count: group.length,
      median: keyMedian,
      normalized: sorted(normalized),
      residuals: sorted(group.map((sample, index) => normalized[index] / effectOf(sample.operator))),
    });
  }

  const loads = stages.map((sample) => sample.load).filter((load) => load > 0);
  const medianLoad = loads.length > 0 ? Math.max(1, median(loads)) : 1;
  const waitsByLoad: number[][] = [[], [], []];
  for (const sample of stages) waitsByLoad[loadBin(sample.load / medianLoad)].push(Math.max(0, sample.waitMinutes));
  return {
    keys,
    operatorEffects,
    operatorPool: stages.filter((sample) => sample.operator && operatorEffects.has(sample.operator)).map((sample) => sample.operator!),
    medianLoad,
    waitsByLoad: waitsByLoad.map(sorted),
    waits: sorted(stages.map((sample) => Math.max(0, sample.waitMinutes))),
    deliveries: sorted(
      samples.filter((sample) => sample.kind === 'DELIVERY' && sample.actualMinutes > 0).map((sample) => sample.actualMinutes),
    ),
  };
}

/** Learns a model per studio from completed stage runs and deliveries. */
export function fitEtaModel(samples: DurationSample[]): EtaModel {
  const studios = new Map<string, StudioModel>();
  for (const [studioId, group] of groupBy(samples, (sample) => sample.studioId)) studios.set(studioId, fitStudio(group));
  return { studios };
}

/** A stable seed per order, so the same state forecasts the same dates. */
function seedOf(text: string): number {
  let hash = 2166136261;
  for (let index = 0; index < text.length; index += 1) hash = Math.imul(hash ^ text.charCodeAt(index), 16777619);
  return hash >>> 0;
}

/**
 * The standard normal's quantile function (Acklam's rational approximation, relative error
 * below 1.2e-9), for the log-normal tables below.
 */
function normalQuantile(p: number): number {
  const a = [-39.69683028665376, 220.9460984245205, -275.9285104469687, 138.357751867269, -30.66479806614716, 2.506628277459239];
  const b = [-54.47609879822406, 161.5858368580409, -155.6989798598866, 66.80131188771972, -13.28068155288572];
  const c = [-0.007784894002430293, -0.3223964580411365, -2.400758277161838, -2.549732539343734, 4.374664141464968, 2.938163982698783];
  const d = [0.007784695709041462, 0.3224671290700398, 2.445134137142996, 3.754408661907416];
  const tail = (q: number) =>
    (((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5]) / ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1);
  if (p < 0.02425) return tail(Math.sqrt(-2 * Math.log(p)));
  if (p > 1 - 0.02425) return -tail(Math.sqrt(-2 * Math.log(1 - p)));
  const q = p - 0.5;
  const r = q * q;
  return (
    ((((((a[0] * r + a[1]) * r + a[2]) * r + a[3]) * r + a[4]) * r + a[5]) * q) /
    (((((b[0] * r + b[1]) * r + b[2]) * r + b[3]) * r + b[4]) * r + 1)
  );
}

/** Quantiles a log-normal table holds: enough that 1,000 draws cannot tell it from the curve. */
const LOG_NORMAL_POINTS = 2048;
const logNormalTables = new Map<number, Float64Array>();

/**
 * A log-normal around 1 with spread `sigma`, as its quantiles in ascending order: a stage (or a
 * delivery) without history is drawn from it as one with history is drawn from its runs —
 * one random index, no logarithms per draw, conditioned on elapsed time the same way.
 */
function logNormalTable(sigma: number): Float64Array {
  let table = logNormalTables.get(sigma);
  if (!table) {
    table = new Float64Array(LOG_NORMAL_POINTS);
    for (let index = 0; index < LOG_NORMAL_POINTS; index += 1)
      table[index] = Math.exp(sigma * normalQuantile((index + 0.5) / LOG_NORMAL_POINTS));
    logNormalTables.set(sigma, table);
  }
  return table;
}

const pick = (values: ArrayLike<number>, random: () => number) => values[Math.floor(random() * values.length)];

/** A draw from `scale × values` (sorted), given that it already exceeds `elapsed`: the remaining part. */
function remainingAfter(values: ArrayLike<number>, scale: number, elapsed: number, random: () => number): number {
  if (elapsed <= 0) return scale * pick(values, random);
  // The first value that exceeds elapsed / scale: draw among those beyond it.
  let low = 0;
  let high = values.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (values[middle] * scale > elapsed) high = middle;
    else low = middle + 1;
  }
  // Past (nearly) all of history: a little more, in proportion to how long it typically takes.
  if (values.length - low < 3) return scale * 0.15 * pick(values, random);
  return values[low + Math.floor(random() * (values.length - low))] * scale - elapsed;
}

const MINUTE = 60_000;

/**
 * The forecast of one order at `now`: median and ETA_CONFIDENCE bound of completion (its route
 * done) and delivery, from `draws` Monte Carlo draws.
 */
export function forecastOrder(model: EtaModel, order: OrderSnapshot, now: Date, draws = 1000): Forecast {
  const studio = model.studios.get(order.studioId);
  const random = seededRandom(seedOf(`${order.id}:${now.getTime()}`));
  const remaining = order.routeDoneAt ? [] : order.stages.filter((stage) => stage.status !== 'DONE' && stage.status !== 'CANCELLED');
  const keyOf = (code: string) => {
    const narrow = studio?.keys.get(productKey(order.productType, code));
    if (narrow && narrow.count >= MIN_KEY_SAMPLES) return narrow;
    const wide = studio?.keys.get(codeKey(code));
    return wide && wide.count >= MIN_KEY_SAMPLES ? wide : null;
  };
  const keys = remaining.map((stage) => keyOf(stage.code));
  // The order's operator: whoever last ran one of its studio-held stages.
  const known = [...order.stages].reverse().find((stage) => !stage.heldElsewhere && stage.operator && stage.startedAt)?.operator ?? null;
  const knownEffect = known ? (studio?.operatorEffects.get(known) ?? null) : null;
  const loadFactor = studio && studio.waits.length > 0 ? order.currentLoad / studio.medianLoad : null;
  const waitBin = studio && loadFactor !== null ? studio.waitsByLoad[loadBin(loadFactor)] : null;
  const waits = waitBin && waitBin.length >= MIN_KEY_SAMPLES ? waitBin : (studio?.waits ?? null);
  // Ready since: a pending stage whose predecessors are settled has been waiting this long.
  const lastFinished = Math.max(0, ...order.stages.filter((stage) => stage.finishedAt).map((stage) => stage.finishedAt!.getTime()));
  const fallback = logNormalTable(FALLBACK_SIGMA);
  // What each remaining stage draws from, worked out once for every draw.
  const plans = remaining.map((stage, index) => {
    const key = keys[index];
    const running = stage.status === 'IN_PROGRESS' || stage.status === 'BLOCKED';
    return {
      key,
      heldElsewhere: Boolean(stage.heldElsewhere),
      standardMinutes: stage.standardMinutes,
      running,
      waits: !running && waits && waits.length > 0 && !stage.heldElsewhere ? waits : null,
      // What a draw is conditioned on: a running stage has run this long; the first pending one
      // (none running) has waited this long since the last one finished.
      elapsed: running
        ? (now.getTime() - (stage.startedAt ?? now).getTime()) / MINUTE
        : index === 0 && lastFinished > 0
          ? Math.max(0, (now.getTime() - lastFinished) / MINUTE)
          : 0,
    };
  });
  const sinceDone = order.routeDoneAt ? (now.getTime() - order.routeDoneAt.getTime()) / MINUTE : 0;
  const deliveryHistory = studio && studio.deliveries.length >= MIN_KEY_SAMPLES;
  const deliveryValues = deliveryHistory ? studio.deliveries : logNormalTable(FALLBACK_DELIVERY_SIGMA);
  const deliveryScale = deliveryHistory ? 1 : FALLBACK_DELIVERY_MINUTES;

  const completions = new Float64Array(draws);
  const deliveries = new Float64Array(draws);
  for (let draw = 0; draw < draws; draw += 1) {
    const operatorEffect =
      knownEffect ??
      (studio && studio.operatorPool.length > 0
        ? studio.operatorEffects.get(studio.operatorPool[Math.floor(random() * studio.operatorPool.length)])!
        : null);
    let minutes = 0;
    for (const plan of plans) {
      const own = !plan.heldElsewhere && operatorEffect !== null;
      const values = plan.key ? (own ? plan.key.residuals : plan.key.normalized) : fallback;
      const scale = plan.standardMinutes * (plan.key ? plan.key.median * (own ? operatorEffect : 1) : 1);
      if (plan.running) {
        minutes += remainingAfter(values, scale, plan.elapsed, random);
      } else {
        if (plan.waits) minutes += remainingAfter(plan.waits, 1, plan.elapsed, random);
        minutes += scale * pick(values, random);
      }
    }
    completions[draw] = minutes;
    deliveries[draw] = minutes + remainingAfter(deliveryValues, deliveryScale, sinceDone, random);
  }
  completions.sort();
  deliveries.sort();
  const at = (minutes: number) => new Date(now.getTime() + Math.round(minutes) * MINUTE);
  const fromHistory = keys.filter(Boolean).length;
  const samples = keys.reduce((sum, key) => sum + (key?.count ?? 0), 0);
  const method: EtaMethod =
    remaining.length === 0 || fromHistory === remaining.length
      ? studio
        ? 'HISTORY'
        : 'STANDARD_DURATIONS'
      : fromHistory > 0
        ? 'PARTLY_HISTORY'
        : 'STANDARD_DURATIONS';
  const routeDone = order.routeDoneAt ?? null;
  return {
    completion: routeDone
      ? { median: routeDone, bound: routeDone }
      : { median: at(quantile(completions, 0.5)), bound: at(quantile(completions, ETA_CONFIDENCE)) },
    delivery: order.deliveredAt
      ? { median: order.deliveredAt, bound: order.deliveredAt }
      : { median: at(quantile(deliveries, 0.5)), bound: at(quantile(deliveries, ETA_CONFIDENCE)) },
    basis: {
      method,
      stagesFromHistory: fromHistory,
      stagesRemaining: remaining.length,
      samples,
      operatorAdjusted: knownEffect !== null,
      loadFactor: loadFactor === null ? null : Math.round(loadFactor * 100) / 100,
      note: noteOf(method, fromHistory, remaining.length, samples, knownEffect !== null, loadFactor),
    },
  };
}

function noteOf(
  method: EtaMethod,
  fromHistory: number,
  remaining: number,
  samples: number,
  operatorAdjusted: boolean,
  loadFactor: number | null,
): string {
  if (remaining === 0) return 'The route is done; delivery is forecast from the studio’s past deliveries';
  const parts =
    method === 'STANDARD_DURATIONS'
      ? ['Too little history yet: standard durations with a typical spread']
      : method === 'PARTLY_HISTORY'
        ? [
            `${fromHistory} of ${remaining} remaining stages from ${samples} completed runs; the others from standard durations (history thin)`,
          ]
        : [`From ${samples} completed runs of these stages`];
  if (operatorAdjusted) parts.push("adjusted for the operator's pace");
  if (loadFactor !== null) parts.push(`the studio's work in progress is ${Math.round(loadFactor * 100)} % of its usual`);
  return parts.join('; ');
}

/** The naive forecast a bench compares against: now plus the remaining standard durations. */
export function naiveCompletion(order: OrderSnapshot, now: Date): Date {
  let minutes = 0;
  for (const stage of order.stages) {
    if (stage.status === 'DONE' || stage.status === 'CANCELLED') continue;
    const elapsed = stage.startedAt ? (now.getTime() - stage.startedAt.getTime()) / MINUTE : 0;
    minutes += Math.max(0, stage.standardMinutes - elapsed);
  }
  return new Date(now.getTime() + minutes * MINUTE);
}
