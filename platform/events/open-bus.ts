import type { DatabaseLocation } from '../data/database';
import type { EventBus } from './bus';
import { InProcessEventBus } from './bus';
import { SqlEventLog } from './event-log';
import { NatsEventBus } from './nats-bus';
import { DEFAULT_RETENTION_MS } from './retention';

export interface BusSettings {
  /** NATS_URL: the bus is NATS JetStream, shared by every process of the hub. */
  natsUrl?: string;
  /** NATS_STREAM (default WEFT_EVENTS): lets several hubs, or test runs, share one NATS server. */
  natsStream?: string;
  /** Names the connection in NATS monitoring. */
  name?: string;
  /** BUS_RETENTION_DAYS: how long events are kept, i.e. how far back a subscriber can resume. */
  retentionMs?: number;
}

/**
 * The bus a process of the hub uses: NATS JetStream when NATS_URL is set; otherwise the
 * in-process bus over a log in the hub's own database (one process holds the whole hub).
 */
export async function openEventBus(settings: BusSettings, location: DatabaseLocation): Promise<EventBus> {
  if (settings.natsUrl) {
    const stream = settings.natsStream ?? 'WEFT_EVENTS';
    return NatsEventBus.connect({
      url: settings.natsUrl,
      stream,
      subjectPrefix: stream === 'WEFT_EVENTS' ? 'weft.events' : `weft.${stream}`,
      name: settings.name,
      retentionMs: settings.retentionMs,
    });
  }
  return InProcessEventBus.open(await SqlEventLog.open(location), { retentionMs: settings.retentionMs ?? DEFAULT_RETENTION_MS });
}
