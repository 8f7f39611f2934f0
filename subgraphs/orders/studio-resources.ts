import type { EntityManager } from '@mikro-orm/core';
import { RESOURCE_EVENTS } from '../../contracts';
import { badInput } from '../../platform/base/errors';
import { eventConsumer } from '../../platform/events/consumer';
import { StudioOperatorSkills, StudioResourcesImported, StudioWorkCenter } from './entities/studio-resources';

/**
 * Keeps each studio's work centers and operators' skills as the capacity subgraph announces them
 * (codes and stage codes only), so route stages and stage starts are checked against what the
 * studio has. Events may arrive late or twice: a copy changed later than the event stays.
 */
export const studioResourcesConsumer = eventConsumer({
  name: 'orders.studio-resources',
  types: [RESOURCE_EVENTS.WORK_CENTER_CHANGED, RESOURCE_EVENTS.OPERATOR_CHANGED, RESOURCE_EVENTS.RESOURCES_IMPORTED],
  async handle(em, event) {
    const changedAt = new Date(event.occurredAt);
    if (event.type === RESOURCE_EVENTS.WORK_CENTER_CHANGED) {
      const { studioId, code, removed } = event.payload;
      const copy = await em.findOne(StudioWorkCenter, { studioId, code }, { filters: false });
      if (copy && copy.changedAt > changedAt) return;
      if (copy) em.assign(copy, { removed, changedAt });
      else em.persist(em.create(StudioWorkCenter, { studioId, code, removed, changedAt }));
    } else if (event.type === RESOURCE_EVENTS.OPERATOR_CHANGED) {
      const { studioId, code, removed, skills } = event.payload;
      const copy = await em.findOne(StudioOperatorSkills, { studioId, operatorCode: code }, { filters: false });
      if (copy && copy.changedAt > changedAt) return;
      if (copy) em.assign(copy, { skills: [...skills], removed, changedAt });
      else em.persist(em.create(StudioOperatorSkills, { studioId, operatorCode: code, skills: [...skills], removed, changedAt }));
    } else {
      const { studioId, sheets } = event.payload;
      const changed = (sheet: string, counted: (count: (typeof sheets)[number]) => number) =>
        sheets.some((count) => count.sheet === sheet && counted(count) > 0);
      const workCenters = changed('workCenters', (count) => count.created);
      const operators = changed('operators', (count) => count.created + count.updated);
      if (!workCenters && !operators) return;
      const mark = await em.findOne(StudioResourcesImported, { studioId }, { filters: false });
      if (mark)
        em.assign(mark, { workCenters: mark.workCenters || workCenters, operators: mark.operators || operators, importedAt: changedAt });
      else em.persist(em.create(StudioResourcesImported, { studioId, workCenters, operators, importedAt: changedAt }));
    }
  },
});

/**
 * Refuses route stages naming a work center the studio does not have (as far as its copy says):
 * BAD_USER_INPUT, reason UNKNOWN_WORK_CENTER, naming the stage's field.
 */
export async function requireStudioWorkCenters(
  em: EntityManager,
  studioId: string,
  steps: readonly { workCenterCode?: string | null }[],
  fieldOf: (index: number) => string,
): Promise<void> {
  const named = [...new Set(steps.map((step) => step.workCenterCode).filter((code): code is string => !!code))];
  if (named.length === 0) return;
  const known = await em.find(StudioWorkCenter, { studioId, code: { $in: named }, removed: false }, { filters: false });
  const has = new Set(known.map((center) => center.code));
  const index = steps.findIndex((step) => !!step.workCenterCode && !has.has(step.workCenterCode));
  if (index < 0) return;
  const imported = await em.findOne(StudioResourcesImported, { studioId }, { filters: false });
  if (imported?.workCenters) return;
  throw badInput(`${fieldOf(index)}: ${studioId} has no work center "${steps[index].workCenterCode}"`, {
    field: fieldOf(index),
    reason: 'UNKNOWN_WORK_CENTER',
  });
}

/**
 * The operator named by code may start a stage needing `skill`. Checked only against what the
 * studio registered: a studio with no registered operators (or one that just imported them) has
 * nothing to check against, and an operator given by name alone (no code) is recorded as before,
 * unchecked. Refusals are BAD_USER_INPUT naming `field`: UNKNOWN_OPERATOR, OPERATOR_LACKS_SKILL.
 */
export async function requireOperatorSkill(
  em: EntityManager,
  studioId: string,
  operatorCode: string,
  skill: string | null | undefined,
  field: string,
): Promise<void> {
  const registered = await em.find(StudioOperatorSkills, { studioId, removed: false }, { filters: false });
  if (registered.length === 0) return;
  const imported = await em.findOne(StudioResourcesImported, { studioId }, { filters: false });
  if (imported?.operators) return;
  const operator = registered.find((candidate) => candidate.operatorCode === operatorCode);
  if (!operator) throw badInput(`${field}: ${studioId} has no operator "${operatorCode}"`, { field, reason: 'UNKNOWN_OPERATOR' });
  if (skill && !operator.skills.includes(skill))
    throw badInput(`${field}: operator "${operatorCode}" does not have the skill ${skill} this stage needs`, {
      field,
      reason: 'OPERATOR_LACKS_SKILL',
      skill,
    });
}
