import { monotonicFactory, ulid } from 'ulid';
import { ENTERPRISE_ID_PATTERN } from '../../contracts';
import { badInput } from '../graphql/errors';

/**
 * Entity ids are `<prefix>_<ULID>`: unique without coordination, sortable by creation time
 * (which cursor pagination relies on), and easy to tell apart in logs.
 */
const ULID = '[0-9A-HJKMNP-TV-Z]{26}';
const next = monotonicFactory();

export function newId(prefix: string, time?: number, random?: () => number): string {
  return `${prefix}_${time === undefined ? next() : ulid(time, random)}`;
}

export function isId(prefix: string, value: string): boolean {
  return new RegExp(`^${prefix}_${ULID}$`).test(value);
}

/** Throws BAD_USER_INPUT for an id that cannot be one of `prefix`'s. */
export function requireId(prefix: string, value: string, what: string): string {
  if (!isId(prefix, value)) throw badInput(`"${value}" is not a valid ${what} id`, { field: what });
  return value;
}

/** Enterprise ids are the network's stable slugs (`moyun-studio`), not ULIDs. */
export function requireEnterpriseId(value: string, field: string): string {
  if (!ENTERPRISE_ID_PATTERN.test(value)) throw badInput(`"${value}" is not a valid enterprise id`, { field });
  return value;
}
