import http from 'node:http';
import https from 'node:https';
import type { LookupFunction } from 'node:net';
import { WEBHOOK_HEADERS } from '../../contracts';
import { checkDestination, DestinationRefused, type CheckedDestination, type DestinationPolicy } from './destinations';
import type { Webhook, NotificationMessage } from './entities';
import { signWebhook } from './signature';
import type { SendOutcome } from './wechat';

/** The whole attempt (resolving, connecting, the answer's status) ends by then. */
const WEBHOOK_TIMEOUT_MS = 10_000;

/**
 * What the enterprise is told of a failed attempt (the message's lastError): a few fixed words,
 * never what the receiver answered or the socket's own error, so a webhook tells its owner
 * nothing about what answers at an address. The cause goes to the hub's log only.
 */
export const DELIVERY_ERRORS = {
  NOT_PUBLIC: 'delivery refused: the host is not a public address',
  UNRESOLVED: 'delivery failed: the host did not resolve',
  TIMED_OUT: 'delivery failed: timed out',
  NO_CONNECTION: 'delivery failed: could not connect',
  status: (status: number) =>
    `delivery failed: HTTP ${Math.floor(status / 100)}xx${status >= 300 && status < 400 ? ' (redirects are not followed)' : ''}`,
} as const;

/** The connection's lookup: the addresses checked for this attempt, and no other answer. */
function pinnedLookup(destination: CheckedDestination): LookupFunction {
  return (_hostname, options, callback) => {
    const addresses = destination.addresses.filter((entry) => !options.family || entry.family === options.family);
    if (addresses.length === 0) callback(Object.assign(new Error('no checked address of that family'), { code: 'ENOTFOUND' }), '');
    else if (options.all) callback(null, addresses);
    else callback(null, addresses[0].address, addresses[0].family);
  };
}

/**
 * POSTs to exactly the checked addresses: a connection of its own (none pooled from an earlier
 * attempt), the URL's host name in Host and TLS SNI and for the certificate, no redirect followed
 * (node:http follows none). Resolves with the answer's status; the body is read and dropped.
 */
function postPinned(destination: CheckedDestination, headers: Record<string, string>, body: string, signal: AbortSignal): Promise<number> {
  return new Promise((resolve, reject) => {
    const client = destination.url.protocol === 'https:' ? https : http;
    const request = client.request(
      destination.url,
      {
        method: 'POST',
        headers: { ...headers, 'content-length': String(Buffer.byteLength(body)) },
        agent: false,
        lookup: pinnedLookup(destination),
        signal,
      },
      (response) => {
        response.on('error', () => undefined);
        response.resume();
        resolve(response.statusCode ?? 0);
      },
    );
    request.on('error', reject);
    request.end(body);
  });
}

/** A webhook message sent once: checked, signed, posted; the outcome with a generic error. */
export async function deliverWebhook(webhook: Webhook, message: NotificationMessage, policy: DestinationPolicy): Promise<SendOutcome> {
  const deadline = AbortSignal.timeout(WEBHOOK_TIMEOUT_MS);
  const body = JSON.stringify(message.body);
  const timestamp = Math.floor(Date.now() / 1000);
  try {
    const destination = await checkDestination(new URL(webhook.url), policy, deadline);
    const status = await postPinned(
      destination,
      {
        'content-type': 'application/json',
        'user-agent': 'Weft-Webhooks/1',
        [WEBHOOK_HEADERS.SIGNATURE]: signWebhook(webhook.secret, timestamp, body),
        [WEBHOOK_HEADERS.TIMESTAMP]: String(timestamp),
        [WEBHOOK_HEADERS.EVENT_ID]: message.eventId,
        [WEBHOOK_HEADERS.EVENT_TYPE]: message.eventType,
        [WEBHOOK_HEADERS.DELIVERY_ID]: message.id,
      },
      body,
      deadline,
    );
    return status >= 200 && status < 300
      ? { status: 'SENT' }
      : { status: 'RETRY', error: DELIVERY_ERRORS.status(status), cause: `HTTP ${status}` };
  } catch (error) {
    if (error instanceof DestinationRefused) return { status: 'RETRY', error: DELIVERY_ERRORS[error.reason], cause: error.reason };
    const code = (error as NodeJS.ErrnoException).code ?? (error as Error).name;
    const timedOut = deadline.aborted || code === 'ETIMEDOUT';
    return { status: 'RETRY', error: timedOut ? DELIVERY_ERRORS.TIMED_OUT : DELIVERY_ERRORS.NO_CONNECTION, cause: code };
  }
}
