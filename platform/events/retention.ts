/** How long the bus keeps events (how far back a subscriber can resume), unless BUS_RETENTION_DAYS says otherwise. */
export const DEFAULT_RETENTION_MS = 7 * 24 * 3600_000;
