import { createHash } from 'node:crypto';
import { DeadlockException, Entity, EntityManager, LockWaitTimeoutException, OptimisticLockError, PrimaryKey, Property, UniqueConstraintViolationException } from '@mikro-orm/core';
import { GraphQLError } from 'graphql';
import type { Viewer } from '../access/viewer';
import type { RequestContext } from '../access/context';
import { conflict } from '../base/errors';

const MAX_ATTEMPTS = 8;

/**
 * Runs a change in its own transaction on a fresh fork, retrying when a concurrent change won
 * the race (optimistic-lock or unique-key conflict, a deadlock or lock timeout): the retry
 * re-reads and usually answers as an idempotent replay. Nothing is written unless `change` returns.
 */
export async function inTransaction<T>(ctx: RequestContext<unknown>, change: (em: EntityManager) => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await ctx.em.fork().transactional(change);
    } catch (error) {
      const raced =
        error instanceof OptimisticLockError ||
        error instanceof UniqueConstraintViolationException ||
        error instanceof DeadlockException ||
        error instanceof LockWaitTimeoutException;
      if (!raced) throw error;
      // Still colliding after every attempt (heavy contention): a coded refusal the caller retries
      // with the same idempotency key or sequence, never an internal error.
      if (attempt >= MAX_ATTEMPTS) throw conflict('The change kept colliding with concurrent changes; retry it (with the same idempotency key or sequence)', { retryable: true });
      // Exponential backoff with jitter, so colliding writers spread out: 10 ms, 20 ms … 640 ms.
      await new Promise((resolve) => setTimeout(resolve, 10 * 2 ** (attempt - 1) * (0.5 + Math.random())));
    }
  }
}

/** SHA-256 of a value's canonical JSON (keys sorted), to tell a replay from a different request. */
export function requestHash(value: unknown): string {
  const canonical = (input: unknown): unknown => {
    if (Array.isArray(input)) return input.map(canonical);
    if (input instanceof Date) return input.toISOString();
    if (input && typeof input === 'object') {
      return Object.fromEntries(
        Object.keys(input)
          .filter((key) => (input as Record<string, unknown>)[key] !== undefined)
          .sort()
          .map((key) => [key, canonical((input as Record<string, unknown>)[key])]),
      );
    }
    return input;
  };
  return createHash('sha256').update(JSON.stringify(canonical(value))).digest('hex');
}

/** What a keyed mutation answered, so a retry with the same key answers the same. */
@Entity({ tableName: 'idempotency_record' })
export class IdempotencyRecord {
  /** `<operation>:<key>` */
  @PrimaryKey({ type: 'string', length: 300 })
  id!: string;

  @Property({ type: 'string', length: 64 })
  requestHash!: string;

  @Property({ type: 'string', length: 80 })
  resultId!: string;

  @Property({ type: 'datetime' })
  createdAt!: Date;
}

/**
 * Inside the caller's transaction: replays the stored answer for (caller, operation, key), or
 * performs the change and stores its answer. The same key with a different request is a
 * CONFLICT. Keys are scoped to the caller's enterprise (or subject), so one enterprise's keys
 * never collide with, or reveal, another's.
 */
export async function idempotent(em: EntityManager, viewer: Viewer, operation: string, key: string, request: unknown, perform: () => Promise<string>): Promise<string> {
  const id = `${operation}:${viewer.org ?? viewer.actor.subject}:${key}`;
  const hash = requestHash(request);
  const replay = (previous: IdempotencyRecord): string => {
    if (previous.requestHash !== hash) {
      throw conflict(`Idempotency key "${key}" was already used for a different ${operation} request`, { idempotencyKey: key });
    }
    return previous.resultId;
  };
  const previous = await em.findOne(IdempotencyRecord, { id });
  if (previous) return replay(previous);
  let resultId: string;
  try {
    resultId = await perform();
  } catch (error) {
    // Under PostgreSQL's READ COMMITTED, a concurrent request with the same key can commit
    // between the look-up above and the change, which then sees its effect and refuses (a second
    // cancellation finds the order cancelled). That request's answer is this one's too; nothing
    // of the refused attempt is written.
    if (!(error instanceof GraphQLError)) throw error;
    // A look-up that fails leaves the refusal as it was.
    const committed = await em.findOne(IdempotencyRecord, { id }).catch(() => null);
    if (!committed) throw error;
    em.clear();
    return replay(committed);
  }
  em.persist(em.create(IdempotencyRecord, { id, requestHash: hash, resultId, createdAt: new Date() }));
  return resultId;
}
