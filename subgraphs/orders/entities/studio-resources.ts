import { Entity, PrimaryKey, Property } from '@mikro-orm/core';

/**
 * The orders subgraph's copy of a studio's work centers, kept from the capacity subgraph's
 * `resources.work-center.changed` events (subgraphs meet only through the bus): a route stage
 * may only name a work center the studio has. A removed one stays as a row (`removed`), so an
 * older event arriving late cannot bring it back. Not part of the graph.
 */
@Entity({ tableName: 'studio_work_center' })
export class StudioWorkCenter {
  @PrimaryKey({ type: 'string', length: 80 })
  studioId!: string;

  @PrimaryKey({ type: 'string', length: 40 })
  code!: string;

  @Property({ type: 'boolean' })
  removed!: boolean;

  /** When the capacity subgraph changed it: an older event never overwrites a newer copy. */
  @Property({ type: 'datetime' })
  changedAt!: Date;
}

/**
 * The orders subgraph's copy of a studio's registered operators and their skills (stage codes),
 * from `resources.operator.changed` (codes and skills only: names stay in the capacity subgraph).
 */
@Entity({ tableName: 'studio_operator_skills' })
export class StudioOperatorSkills {
  @PrimaryKey({ type: 'string', length: 80 })
  studioId!: string;

  @PrimaryKey({ type: 'string', length: 40 })
  operatorCode!: string;

  @Property({ type: 'json' })
  skills!: string[];

  @Property({ type: 'boolean' })
  removed!: boolean;

  @Property({ type: 'datetime' })
  changedAt!: Date;
}

/**
 * A studio imported work centers or operators from a spreadsheet: the import announces itself
 * with one summary event (`resources.imported`) naming no rows, so this copy may lack a new work
 * center or an operator's new skills. The checks then let what they cannot tell pass rather than
 * refuse what the studio has (a new work center's code; any operator of a studio that imported
 * operators), until the import's events name their rows.
 */
@Entity({ tableName: 'studio_resources_imported' })
export class StudioResourcesImported {
  @PrimaryKey({ type: 'string', length: 80 })
  studioId!: string;

  @Property({ type: 'boolean' })
  workCenters!: boolean;

  @Property({ type: 'boolean' })
  operators!: boolean;

  @Property({ type: 'datetime' })
  importedAt!: Date;
}
