import type { EntityManager } from '@mikro-orm/core';
import { RESOURCE_EVENTS, type WorkingCalendar } from '../../contracts';
import { eventConsumer } from '../../platform/events/consumer';
import { StudioCalendar } from './entities/studio-calendar';

/** Keeps each studio's working calendar as the capacity subgraph last announced it (whole, in the event). */
export const resourceEventsConsumer = eventConsumer({
  name: 'orders.resources',
  types: [RESOURCE_EVENTS.CALENDAR_CHANGED],
  async handle(em, event) {
    const { studioId, calendar } = event.payload;
    const changedAt = new Date(event.occurredAt);
    const copy = await em.findOne(StudioCalendar, { studioId }, { filters: false });
    if (copy && copy.changedAt > changedAt) return;
    const fields = { hours: calendar.hours, closures: calendar.closures, makeUpWeekday: calendar.makeUpWeekday, changedAt };
    if (copy) em.assign(copy, fields);
    else em.persist(em.create(StudioCalendar, { studioId, ...fields }));
  },
});

/** The studio's working calendar as orders knows it; undefined before the studio set one (it then works around the clock). */
export async function studioCalendar(em: EntityManager, studioId: string): Promise<WorkingCalendar | undefined> {
  const copy = await em.findOne(StudioCalendar, { studioId }, { filters: false });
  return copy ? { hours: copy.hours, closures: copy.closures, makeUpWeekday: copy.makeUpWeekday } : undefined;
}
