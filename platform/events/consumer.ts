import { Entity, EntityManager, PrimaryKey, Property } from '@mikro-orm/core';
import { asHubEvent, type EventEnvelope, type EventOf, type EventType } from '../../contracts';
import type { RequestContext } from '../graphql/context';
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
 * Applies an event exactly once per consumer, however often the bus delivers it: the effect and
 * the record that it happened commit together, and a redelivery finds the record and stops.
 * Two deliveries racing each other collide on the record's key and the loser retries into the
 * "already processed" branch.
 */
export function consumeOnce(ctx: RequestContext<any>, consumer: EventConsumer, envelope: EventEnvelope): Promise<void> {
  const id = `${consumer.name}:${envelope.id}`;
  const event = asHubEvent(envelope);
  // A subject filter may cover more types than the consumer takes (NATS 2.9 takes one filter,
  // `order.>`): those are passed over without a transaction, as there is nothing to apply twice.
  if (!event || !consumer.types.includes(event.type)) return Promise.resolve();
  return inTransaction(ctx, async (em) => {
    if (await em.findOne(ProcessedEvent, { id })) return;
    await consumer.handle(em, event, ctx);
    em.persist(em.create(ProcessedEvent, { id, processedAt: new Date() }));
  });
}
