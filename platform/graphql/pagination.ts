import { Directive, Field, ObjectType } from 'type-graphql';
import { badInput } from '../base/errors';

const DEFAULT_PAGE_SIZE = 20;
const MAX_PAGE_SIZE = 100;

/** Shareable: every subgraph that pages its answers defines the same type. */
@Directive('@shareable')
@ObjectType({ description: 'Relay-style page information' })
export class PageInfo {
  @Field()
  hasNextPage!: boolean;

  @Field({ nullable: true })
  endCursor?: string;
}

/** Cursors are opaque to clients: base64url of the sort key they point after. */
export const encodeCursor = (key: string): string => Buffer.from(`k:${key}`, 'utf8').toString('base64url');

export function decodeCursor(cursor: string): string {
  const decoded = Buffer.from(cursor, 'base64url').toString('utf8');
  if (!decoded.startsWith('k:') || decoded.length < 3) throw badInput('Malformed cursor', { field: 'after' });
  return decoded.slice(2);
}

/** A page from rows fetched `size + 1` at a time: the first `size`, whether more follow, and the cursor after the last. */
export function pageOf<T>(rows: readonly T[], size: number, keyOf: (row: T) => string): { nodes: T[]; pageInfo: PageInfo } {
  const nodes = rows.slice(0, size);
  const last = nodes.at(-1);
  return { nodes, pageInfo: { hasNextPage: rows.length > size, endCursor: last === undefined ? undefined : encodeCursor(keyOf(last)) } };
}

export function pageSize(first: number | undefined): number {
  const size = first ?? DEFAULT_PAGE_SIZE;
  if (!Number.isInteger(size) || size < 1 || size > MAX_PAGE_SIZE)
    throw badInput(`first must be between 1 and ${MAX_PAGE_SIZE}`, { field: 'first' });
  return size;
}
