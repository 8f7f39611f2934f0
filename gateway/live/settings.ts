/** Bounds of live delivery, per subscription, per caller and per gateway (see docs/live-updates.md). */
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
  /**
   * SSE single-connection mode: how long a reserved stream (`PUT <path>/stream`) waits for its
   * client to open it; one still unopened then is ended (graphql-sse itself never ends one).
   */
  sseReservationMs: number;
  /** SSE reservations (open or waiting) one principal may hold at once; past it a PUT is 429. */
  sseReservationsPerPrincipal: number;
  /** SSE reservations this gateway holds at once, everyone's together; past it a PUT is 503. */
  sseReservations: number;
  /**
   * graphql-ws connections open at once from one client address (behind a trusted proxy, the
   * address it forwards): past it an upgrade is answered 429. Generous: customers behind a
   * carrier's NAT share an address, and a browser opens one per tab and endpoint.
   */
  connectionsPerAddress: number;
}

export const DEFAULT_LIVE_SETTINGS: LiveSettings = Object.freeze({
  maxQueue: 1000,
  maxReplay: 100_000,
  keepAliveMs: 12_000,
  sseReservationMs: 10_000,
  sseReservationsPerPrincipal: 20,
  sseReservations: 10_000,
  connectionsPerAddress: 200,
});
