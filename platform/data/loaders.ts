import DataLoader from 'dataloader';
import type { EntityManager, EntityName, FilterQuery, QueryOrderMap } from '@mikro-orm/core';

/**
 * Per-request batch loaders: however many parents a query touches, each loader runs one SQL
 * statement per tick. Build them in a subgraph's `createLoaders`, once per request.
 */
export function loaderById<T extends object>(em: EntityManager, entity: EntityName<T>, key = 'id'): DataLoader<string, T | null> {
  return new DataLoader(async (ids) => {
    const rows = await em.find(entity, { [key]: { $in: [...ids] } } as FilterQuery<T>);
    const byId = new Map(rows.map((row) => [String((row as Record<string, unknown>)[key]), row]));
    return ids.map((id) => byId.get(id) ?? null);
  });
}

/** Children grouped by a parent id column, e.g. stages by order. */
export function loaderByParent<T extends object>(
  em: EntityManager,
  entity: EntityName<T>,
  parentKey: string,
  orderBy: QueryOrderMap<T>,
): DataLoader<string, T[]> {
  return new DataLoader(async (parentIds) => {
    const rows = await em.find(entity, { [parentKey]: { $in: [...parentIds] } } as FilterQuery<T>, { orderBy: [orderBy] });
    const groups = new Map<string, T[]>(parentIds.map((id) => [id, []]));
    for (const row of rows) groups.get(String((row as Record<string, unknown>)[parentKey]))?.push(row);
    return parentIds.map((id) => groups.get(id) ?? []);
  });
}
