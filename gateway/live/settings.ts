/** Bounds of live delivery, per subscription (see docs/live-updates.md). */
export interface LiveSettings {
  /**
   * Live events waiting for one subscriber beyond what its socket already holds: past this, it
   * is a slow consumer and its connection is closed with LIVE_CLOSE_CODES.SLOW_CONSUMER.
   */
  maxQueue: number;
  /** Events replayed after `after` at most; further back, the subscriber gets CURSOR_EXPIRED. */
  maxReplay: number;
  /** How often the gateway pings each live connection; one that does not answer is dropped. */
  keepAliveMs: number;
}

export const DEFAULT_LIVE_SETTINGS: LiveSettings = Object.freeze({ maxQueue: 1000, maxReplay: 100_000, keepAliveMs: 12_000 });
