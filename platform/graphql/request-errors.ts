import { randomUUID } from 'node:crypto';
import type http from 'node:http';
import type { ApolloServerPlugin, BaseContext } from '@apollo/server';
import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import { logger } from '../base/logger';

/**
 * Headers that prove a request is not "simple" (a form post or an <img> cannot send them), so
 * Apollo's CSRF prevention lets a GET query carrying one through: a bearer token, or Apollo's own
 * preflight headers. Mutations never run over GET.
 */
export const CSRF_PROOF_HEADERS = ['authorization', 'apollo-require-preflight', 'x-apollo-operation-name'];

/** The request id a caller sent (`x-request-id`, kept when it is sane), or a new one. */
export function requestIdOf(request: http.IncomingMessage): string {
  const sent = request.headers['x-request-id'];
  return typeof sent === 'string' && /^[\w.:-]{1,128}$/.test(sent) ? sent : randomUUID();
}

const isInternal = (code: unknown) => code === undefined || code === 'INTERNAL_SERVER_ERROR';

/** PostgreSQL's SQLSTATEs for a server out of connection slots (53300), going, gone or starting (57P01–57P03, class 08). */
const UNAVAILABLE_STATES = /^(?:53300|57P0[123]|08\d{3})$/;
const UNREACHABLE = new Set(['ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT', 'EHOSTUNREACH']);

/**
 * The database saturated or away, not a bug: no pooled connection came free in time
 * (KnexTimeoutError), PostgreSQL has no connection slot left (53300), or the server is
 * restarting (its connection cut, refused, or "starting up"). Safe to send again: a change whose
 * commit went unanswered replays by its idempotency key or sequence.
 */
function databaseUnavailable(error: unknown): boolean {
  let original = (error instanceof GraphQLError ? error.originalError : error) as
    { name?: string; code?: string; message?: string; thrownValue?: unknown } | undefined;
  // The pool rejects a refused connection with a plain object, which graphql-js wraps.
  if (original?.name === 'NonErrorThrown' && original.thrownValue && typeof original.thrownValue === 'object')
    original = original.thrownValue;
  if (!original) return false;
  if (original.name === 'KnexTimeoutError') return true;
  if (typeof original.code === 'string' && (UNAVAILABLE_STATES.test(original.code) || UNREACHABLE.has(original.code))) return true;
  // knex ends a transaction whose connection broke; the change's next query then finds it complete.
  return /Connection terminated|connection error|Timeout acquiring a connection|Transaction query already complete/i.test(
    original.message ?? '',
  );
}

/** Keeps internal failures out of responses (the plugin below logs them), passes every coded error through without a stack. */
export function formatError(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError {
  if (databaseUnavailable(error))
    return {
      message: 'The database is busy or unavailable; retry shortly',
      path: formatted.path,
      locations: formatted.locations,
      extensions: { code: 'SERVICE_UNAVAILABLE', retryable: true },
    };
  if (isInternal(formatted.extensions?.code)) {
    return {
      message: 'Internal server error',
      path: formatted.path,
      locations: formatted.locations,
      extensions: { code: 'INTERNAL_SERVER_ERROR' },
    };
  }
  const { stacktrace: _stacktrace, ...extensions } = formatted.extensions ?? {};
  return { ...formatted, extensions };
}

/**
 * Internal errors are for real bugs: each is logged once, at error level with its stack and the
 * request id (a subgraph's refusal, at warn without one), and the answer carries that id (`extensions.requestId`, and the `x-request-id`
 * header on every answer) so an operator finds it in the logs.
 */
export function requestErrorsPlugin<TContext extends BaseContext>(
  requestIdOfContext: (context: TContext) => string,
): ApolloServerPlugin<TContext> {
  return {
    async requestDidStart() {
      return {
        async didEncounterErrors({ errors, contextValue, operationName }) {
          for (const error of errors) {
            // A subgraph's internal error was logged there, with this request id.
            if (isInternal(error.extensions?.code) && error.extensions?.serviceName) continue;
            if (databaseUnavailable(error)) {
              logger.warn(
                { err: error.originalError, requestId: requestIdOfContext(contextValue) },
                'database busy or unavailable: answered SERVICE_UNAVAILABLE',
              );
              continue;
            }
            if (!isInternal(error.extensions?.code)) {
              // A subgraph refused what the gateway passed on (a value it cannot read): once, at warn, no stack.
              const serviceName = error.extensions?.serviceName;
              if (serviceName)
                logger.warn(
                  {
                    subgraph: serviceName,
                    code: error.extensions?.code,
                    message: error.message,
                    path: error.path,
                    requestId: requestIdOfContext(contextValue),
                  },
                  'subgraph refused the request',
                );
              continue;
            }
            const original = error instanceof GraphQLError ? (error.originalError ?? error) : error;
            logger.error(
              { err: original, path: error.path, operationName, requestId: requestIdOfContext(contextValue) },
              'unexpected error',
            );
          }
        },
        async willSendResponse({ response, contextValue }) {
          const requestId = requestIdOfContext(contextValue);
          response.http.headers.set('x-request-id', requestId);
          if (response.body.kind !== 'single') return;
          const result = response.body.singleResult;
          if (!result.errors?.some((error) => isInternal(error.extensions?.code))) return;
          result.errors = result.errors.map((error) =>
            isInternal(error.extensions?.code) ? { ...error, extensions: { ...error.extensions, requestId } } : error,
          );
        },
      };
    },
  };
}
