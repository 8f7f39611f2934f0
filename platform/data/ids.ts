import { createHash } from 'node:crypto';
import { monotonicFactory, ulid } from 'ulid';
import { ENTERPRISE_ID_PATTERN } from '../../contracts';
import { badInput } from '../base/errors';

/**
 * Entity ids are `<prefix>_<ULID>`: unique without coordination, sortable by creation time
 * (which cursor pagination relies on), and easy to tell apart in logs.
 */
const ULID = '[0-9A-HJKMNP-TV-Z]{26}';
const next = monotonicFactory();

export function newId(prefix: string, time?: number, random?: () => number): string {
  return `${prefix}_${time === undefined ? next() : ulid(time, random)}`;
}

/** A stable UUID (version 5 form, SHA-1 of the name) for a fact the hub derives rather than stores, e.g. "the shipping of purchase order po_…". */
export function nameBasedUuid(name: string): string {
  const hash = createHash('sha1').update(`https://weft.dev/${name}`).digest();
  hash[6] = (hash[6] & 0x0f) | 0x50;
  hash[8] = (hash[8] & 0x3f) | 0x80;
  const hex = hash.subarray(0, 16).toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
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
