/** Bounds of live delivery, per subscription (see README "Live updates"). */
export interface LiveSettings {
  /**
   * Events waiting for one subscriber (resolved or not) before it counts as a slow consumer and
   * its connection is closed with LIVE_CLOSE_CODES.SLOW_CONSUMER.
   */
  maxQueue: number;
  /** Bytes the socket may hold unsent before the gateway stops writing to it and queues instead. */
  highWaterBytes: number;
  /** Events replayed after `after` at most; further back, the subscriber gets CURSOR_EXPIRED. */
  maxReplay: number;
}

export const DEFAULT_LIVE_SETTINGS: LiveSettings = Object.freeze({ maxQueue: 1000, highWaterBytes: 1_000_000, maxReplay: 100_000 });
