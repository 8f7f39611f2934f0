import { GraphQLError } from 'graphql';

/**
 * The stable `extensions.code`s the hub answers with. Clients branch on these, never on messages.
 * FAILED_PRECONDITION: the input is well formed but the entity's state does not allow the change
 * (a stage out of route order, a QC checkpoint not passed); `extensions.reason` says which rule.
 * CURSOR_EXPIRED: a live subscription's `after` is older than the bus keeps (docs/live-updates.md).
 * PAYLOAD_TOO_LARGE: a request body past MAX_BODY_BYTES (answered 413, docs/operations.md).
 */
export type ErrorCode =
  | 'BAD_USER_INPUT'
  | 'NOT_FOUND'
  | 'CONFLICT'
  | 'FAILED_PRECONDITION'
  | 'FORBIDDEN'
  | 'UNAUTHENTICATED'
  | 'BAD_REQUEST'
  | 'CURSOR_EXPIRED'
  | 'SERVICE_UNAVAILABLE'
  | 'PAYLOAD_TOO_LARGE'
  | 'INTERNAL_SERVER_ERROR';

export function hubError(code: ErrorCode, message: string, extra: Record<string, unknown> = {}): GraphQLError {
  // `code` goes last: an extra named like it can never override the stable code.
  return new GraphQLError(message, { extensions: { ...extra, code } });
}

export const badInput = (message: string, extra?: Record<string, unknown>) => hubError('BAD_USER_INPUT', message, extra);
export const notFound = (what: string, id: string) => hubError('NOT_FOUND', `${what} "${id}" was not found`, { id });
export const conflict = (message: string, extra?: Record<string, unknown>) => hubError('CONFLICT', message, extra);
export const failedPrecondition = (reason: string, message: string, extra?: Record<string, unknown>) =>
  hubError('FAILED_PRECONDITION', message, { reason, ...extra });
