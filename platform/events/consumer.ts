import { Entity, EntityManager, PrimaryKey, Property } from '@mikro-orm/core';
import { asHubEvent, type EventEnvelope, type EventOf, type EventType, type HubEvent } from '../../contracts';
import type { RequestContext } from '../access/context';
import { inTransaction } from '../data/transactions';

/** An event a consumer of this subgraph has applied: written in the same transaction as its effect. */
@Entity({ tableName: 'processed_event' })
export class ProcessedEvent {
  /** `<consumer>:<event id>` */
  @PrimaryKey({ type: 'string', length: 120 })
  id!: string;

  @Property({ type: 'datetime' })
  processedAt!: Date;
}

/** A subgraph's reaction to events other subgraphs publish, typed by the event types it takes. */
export interface EventConsumer<T extends EventType = EventType> {
  /** Stable name: what the processed-event records are kept under. */
  name: string;
  types: readonly T[];
  /** Applies the event inside the given transaction (acting as the hub itself). */
  handle(em: EntityManager, event: EventOf<T>, ctx: RequestContext<any>): Promise<void>;
}

/** Declares a consumer: its handler's events are typed by the `types` it lists. */
export const eventConsumer = <T extends EventType>(consumer: EventConsumer<T>): EventConsumer<T> => consumer;

/**
 * Applies events exactly once per consumer, however often the bus delivers them: the effects and
 * the records that they happened commit together, and a redelivery finds the records and stops.
 * Two deliveries racing each other collide on a record's key and the loser retries into the
 * "already processed" branch. A batch is one transaction (one commit instead of one per event);
 * each event's effects are flushed before the next is handled, so it sees them. If the batch
 * fails for any other reason, its events are applied one at a time, so the ones before the
 * failing event are kept and the failure names its event.
 */
export async function consumeOnce(ctx: RequestContext<any>, consumer: EventConsumer, envelopes: readonly EventEnvelope[]): Promise<void> {
  // The buses hand a subscription only the types it names; this keeps a handler typed by its
  // `types` from ever seeing another, whoever calls it, and opens no transaction for nothing.
  const events = envelopes.map(asHubEvent).filter((event): event is HubEvent => event !== null && consumer.types.includes(event.type));
  if (events.length === 0) return;
  const apply = (batch: HubEvent[]) =>
    inTransaction(ctx, async (em) => {
      const ids = batch.map((event) => `${consumer.name}:${event.id}`);
      const applied = new Set((await em.find(ProcessedEvent, { id: { $in: ids } })).map((record) => record.id));
      const records: ProcessedEvent[] = [];
      for (const [index, event] of batch.entries()) {
        if (applied.has(ids[index])) continue;
        applied.add(ids[index]);
        await consumer.handle(em, event, ctx);
        records.push(em.create(ProcessedEvent, { id: ids[index], processedAt: new Date() }, { persist: false }));
        if (index < batch.length - 1) {
          await em.flush();
          // Written: the next event reads what it needs again. A map kept across the batch would
          // grow with every event, and each flush walks all of it (quadratic in the batch).
          em.clear();
        }
      }
      // The records go in together at the end (one statement, not one per event), in the same
      // transaction as the effects.
      em.persist(records);
    });
  if (events.length === 1) return apply(events);
  try {
    await apply(events);
  } catch {
    for (const event of events) await apply([event]);
  }
}
