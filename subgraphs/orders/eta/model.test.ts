import {
  fitEtaModel,
  forecastOrder,
  MIN_KEY_SAMPLES,
  naiveCompletion,
  type DurationSample,
  type OrderSnapshot,
  type StageSnapshot,
} from './model';

const HOUR = 3_600_000;
const NOW = new Date('2026-12-01T00:00:00Z');

/** `count` runs of a stage taking `ratio` × its standard 60 minutes (cycling through the ratios). */
function runs(code: string, ratios: number[], count: number, extra: Partial<DurationSample> = {}): DurationSample[] {
  return Array.from({ length: count }, (_, index) => ({
    studioId: 'studio-a',
    productType: 'CALLIGRAPHY_TEAWARE',
    kind: 'STAGE' as const,
    code,
    operator: null,
    standardMinutes: 60,
    actualMinutes: 60 * ratios[index % ratios.length],
    waitMinutes: 0,
    load: 4,
    ...extra,
  }));
}

const pending = (code: string): StageSnapshot => ({ code, standardMinutes: 60, status: 'PENDING' });

function order(stages: StageSnapshot[], extra: Partial<OrderSnapshot> = {}): OrderSnapshot {
  return { id: 'ord-1', studioId: 'studio-a', productType: 'CALLIGRAPHY_TEAWARE', stages, currentLoad: 4, ...extra };
}

const hoursFromNow = (date: Date) => (date.getTime() - NOW.getTime()) / HOUR;

describe('completion forecasts', () => {
  test('without history: standard durations with a spread, and the basis says so', () => {
    const forecast = forecastOrder(fitEtaModel([]), order([pending('C10'), pending('C20')]), NOW);
    expect(forecast.basis.method).toBe('STANDARD_DURATIONS');
    expect(forecast.basis.note).toMatch(/too little history/i);
    expect(hoursFromNow(forecast.completion.median)).toBeCloseTo(2, 0);
    expect(forecast.completion.bound.getTime()).toBeGreaterThan(forecast.completion.median.getTime());
    // Delivery falls back to about three days after completion.
    expect(hoursFromNow(forecast.delivery.median)).toBeGreaterThan(60);
  });

  test('history that always takes 1.5 × standard moves the median to 1.5 ×', () => {
    const model = fitEtaModel([...runs('C10', [1.5], 20), ...runs('C20', [1.5], 20)]);
    const forecast = forecastOrder(model, order([pending('C10'), pending('C20')]), NOW);
    expect(forecast.basis.method).toBe('HISTORY');
    expect(forecast.basis.samples).toBe(40);
    expect(hoursFromNow(forecast.completion.median)).toBeCloseTo(3, 1);
  });

  test('thin history for one stage: that stage from its standard duration, PARTLY_HISTORY', () => {
    const model = fitEtaModel([...runs('C10', [2], 20), ...runs('C20', [2], MIN_KEY_SAMPLES - 1)]);
    const forecast = forecastOrder(model, order([pending('C10'), pending('C20')]), NOW);
    expect(forecast.basis).toMatchObject({ method: 'PARTLY_HISTORY', stagesFromHistory: 1, stagesRemaining: 2 });
    expect(hoursFromNow(forecast.completion.median)).toBeGreaterThan(2.6);
    expect(hoursFromNow(forecast.completion.median)).toBeLessThan(3.4);
  });

  test("a slow operator's order is forecast later than a fast one's", () => {
    const model = fitEtaModel([
      ...runs('C10', [2, 2.2], 20, { operator: 'slow' }),
      ...runs('C10', [1, 1.1], 20, { operator: 'fast' }),
      ...runs('C20', [1, 1.2, 1.5, 2], 40),
    ]);
    const started = (operator: string): StageSnapshot => ({
      code: 'C10',
      standardMinutes: 60,
      status: 'DONE',
      startedAt: new Date(NOW.getTime() - 2 * HOUR),
      finishedAt: NOW,
      operator,
    });
    const slow = forecastOrder(model, order([started('slow'), pending('C10')]), NOW);
    const fast = forecastOrder(model, order([started('fast'), pending('C10')]), NOW);
    expect(slow.basis.operatorAdjusted).toBe(true);
    expect(hoursFromNow(slow.completion.median)).toBeGreaterThan(1.8);
    expect(hoursFromNow(fast.completion.median)).toBeLessThan(1.3);
  });

  test('a running stage is forecast from the runs that lasted longer than it has so far', () => {
    const model = fitEtaModel(runs('C10', [1, 1, 1, 3], 40));
    const running = (elapsedHours: number) =>
      order([{ code: 'C10', standardMinutes: 60, status: 'IN_PROGRESS', startedAt: new Date(NOW.getTime() - elapsedHours * HOUR) }]);
    // Half an hour in: most runs finish at one hour.
    expect(hoursFromNow(forecastOrder(model, running(0.5), NOW).completion.median)).toBeCloseTo(0.5, 1);
    // Past the usual hour, only the three-hour runs are left: two more hours.
    expect(hoursFromNow(forecastOrder(model, running(1.2), NOW).completion.median)).toBeCloseTo(1.8, 1);
    // Longer than any run on record: still a forecast after now.
    expect(forecastOrder(model, running(5), NOW).completion.median.getTime()).toBeGreaterThan(NOW.getTime());
  });

  test('waits before stages follow the load: a busier studio means later', () => {
    const light = runs('C10', [1], 30, { waitMinutes: 10, load: 2 });
    const heavy = runs('C10', [1], 30, { waitMinutes: 240, load: 8 });
    const model = fitEtaModel([...light, ...heavy]);
    const quiet = forecastOrder(model, order([pending('C10')], { currentLoad: 2 }), NOW);
    const busy = forecastOrder(model, order([pending('C10')], { currentLoad: 8 }), NOW);
    expect(hoursFromNow(quiet.completion.median)).toBeCloseTo(1 + 10 / 60, 1);
    expect(hoursFromNow(busy.completion.median)).toBeCloseTo(5, 1);
    expect(busy.basis.loadFactor).toBeGreaterThan(quiet.basis.loadFactor!);
  });

  test('the same order in the same state forecasts the same dates; a done route forecasts only delivery', () => {
    const model = fitEtaModel(runs('C10', [1, 2], 30));
    const snapshot = order([pending('C10')]);
    expect(forecastOrder(model, snapshot, NOW)).toEqual(forecastOrder(model, snapshot, NOW));
    const doneAt = new Date(NOW.getTime() - HOUR);
    const done = forecastOrder(
      model,
      order([{ code: 'C10', standardMinutes: 60, status: 'DONE', startedAt: doneAt, finishedAt: doneAt }], { routeDoneAt: doneAt }),
      NOW,
    );
    expect(done.completion).toEqual({ median: doneAt, bound: doneAt });
    expect(done.delivery.median.getTime()).toBeGreaterThan(NOW.getTime());
  });

  test('the naive forecast is the remaining standard durations', () => {
    const snapshot = order([
      { code: 'C10', standardMinutes: 60, status: 'IN_PROGRESS', startedAt: new Date(NOW.getTime() - 0.25 * HOUR) },
      pending('C20'),
    ]);
    expect(hoursFromNow(naiveCompletion(snapshot, NOW))).toBeCloseTo(1.75, 5);
  });
});
