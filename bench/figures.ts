/** The statistics the benchmarks print. */

/** The p-th percentile of values sorted ascending (NaN for none). */
export const percentile = (sorted: number[], p: number) =>
  sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] : NaN;

export const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

/** A goal's verdict as the benchmarks print it: `goal <what>: met` or `NOT met`, with the figures behind it. */
export const goalLine = (goal: string, met: boolean, figures: string) => `goal ${goal}: ${met ? 'met' : 'NOT met'} (${figures})`;
