import type { EntityManager } from '@mikro-orm/core';
import { VOCABULARY, type EventActor, type OrderEventDetails, type OrderEventType } from '../../contracts';
import { recordEvent, type NewEvent } from '../../platform/events/outbox';
import { newId } from '../../platform/data/ids';
import type { Order } from './entities/order';
import { ProgressEvent } from './entities/progress';
import { StageRun } from './entities/stage-run';

export const SOURCE = 'orders';

/** One entry of an order's progress log: its event's type and what that type adds to the order's base. */
export type ProgressEntry<T extends OrderEventType = OrderEventType> = T extends OrderEventType
  ? {
      type: T;
      actor: EventActor;
      at: Date;
      statusCode?: string | null;
      stageRunId?: string | null;
      note?: string | null;
      payload: OrderEventDetails[T];
    }
  : never;

/**
 * Every change to an order goes through here: it appends the order's progress log and writes
 * the matching outbox event, both in the caller's transaction, moves the order's milestone
 * along with its status code, and bumps the order (its version guards concurrent writers).
 */
export function appendProgress<T extends OrderEventType>(em: EntityManager, order: Order, entry: ProgressEntry<T>): ProgressEvent {
  if (VOCABULARY.statusCodesVisibleAt('BASIC').includes(order.statusCodeValue)) order.milestoneCodeValue = order.statusCodeValue;
  order.lastSequence += 1;
  order.updatedAt = entry.at;
  // The base and the entry's details make its type's payload (the compiler cannot join them over a generic type).
  const payload = {
    orderId: order.id,
    studioId: order.studioId,
    sequence: order.lastSequence,
    ...entry.payload,
  };
  const outbox = recordEvent(em, SOURCE, {
    type: entry.type,
    subject: { type: 'Order', id: order.id },
    actor: entry.actor,
    occurredAt: entry.at,
    payload,
  } as NewEvent);
  const progress = em.create(ProgressEvent, {
    id: newId('pev', entry.at.getTime()),
    orderId: order.id,
    studioId: order.studioId,
    sequence: order.lastSequence,
    type: entry.type,
    statusCodeValue: entry.statusCode ?? null,
    stageRunId: entry.stageRunId ?? null,
    workshopId: workshopOf(em, order, entry.stageRunId),
    note: entry.note ?? null,
    occurredAt: entry.at,
    recordedAt: new Date(),
    eventId: outbox.eventId,
  });
  em.persist(progress);
  return progress;
}

/**
 * Where an entry happened: the workshop holding its stage at the time (the callers have the
 * stage loaded, so it is read from this transaction's identity map), else the studio itself.
 */
function workshopOf(em: EntityManager, order: Order, stageRunId: string | null | undefined): string {
  const stage = stageRunId ? em.getUnitOfWork().getById<StageRun>(StageRun.name, stageRunId) : undefined;
  return stage?.assignedToId ?? order.studioId;
}
