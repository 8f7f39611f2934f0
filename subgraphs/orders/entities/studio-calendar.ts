import { Entity, PrimaryKey, Property } from '@mikro-orm/core';
import type { CalendarClosure, WorkingHours } from '../../../contracts';

/**
 * The orders subgraph's copy of a studio's working calendar, kept from the capacity subgraph's
 * `resources.calendar.changed` events (subgraphs meet only through the bus): due dates are
 * planned in its working time. Not part of the graph.
 */
@Entity({ tableName: 'studio_calendar' })
export class StudioCalendar {
  @PrimaryKey({ type: 'string', length: 80 })
  studioId!: string;

  @Property({ type: 'json' })
  hours!: WorkingHours[];

  @Property({ type: 'json' })
  closures!: CalendarClosure[];

  @Property({ type: 'integer' })
  makeUpWeekday!: number;

  /** When the copied calendar was changed: an older event never overwrites a newer copy. */
  @Property({ type: 'datetime' })
  changedAt!: Date;
}
