import { lookup } from 'node:dns/promises';
import { once } from 'node:events';
import ipaddr from 'ipaddr.js';
import type { ResolveHost, SubgraphSettings } from '../../platform/base/settings';

/**
 * Where the hub may send an enterprise's webhooks. A webhook URL is the tenant's to choose, so
 * unless WEBHOOK_ALLOW_PRIVATE says otherwise the hub reaches only public addresses: never its
 * own loopback, the private networks it sits in, link-local (cloud metadata at 169.254.169.254),
 * carrier-grade NAT (Alibaba Cloud's metadata at 100.100.100.200), unique-local IPv6 or any other
 * special-purpose range. Checked at registration and again at each send, on the addresses the
 * connection is then pinned to (a name that resolves elsewhere by then does not matter).
 */

/** The system's resolver, every address of the name (what `net.connect` would try). */
export const systemResolveHost: ResolveHost = (hostname) => lookup(hostname, { all: true, verbatim: true });

/** The part of IPv6 handed out as global unicast (2000::/3); the rest is special-purpose or unassigned. */
const GLOBAL_UNICAST_V6 = ipaddr.parseCIDR('2000::/3');

/**
 * A public address: one ipaddr.js files under no special-purpose range (IANA's registries), an
 * IPv4-mapped IPv6 address judged as the IPv4 address it maps, IPv6 within global unicast. A
 * string that is not an address is not public.
 */
export function isPublicAddress(address: string): boolean {
  if (!ipaddr.isValid(address)) return false;
  const parsed = ipaddr.process(address);
  if (parsed.range() !== 'unicast') return false;
  return parsed instanceof ipaddr.IPv4 || parsed.match(GLOBAL_UNICAST_V6);
}

/** Why a destination was refused: its name did not resolve, or it resolved to an address that is not public. */
export type RefusalReason = 'UNRESOLVED' | 'NOT_PUBLIC';

export class DestinationRefused extends Error {
  constructor(readonly reason: RefusalReason) {
    super(reason === 'UNRESOLVED' ? 'the host does not resolve' : 'the host is not a public address');
  }
}

/** A destination that passed: the addresses to connect to, and none other. */
export interface CheckedDestination {
  url: URL;
  addresses: { address: string; family: number }[];
}

/** WEBHOOK_ALLOW_PRIVATE, and how hosts are resolved. */
export type DestinationPolicy = SubgraphSettings['webhooks'];

/** The host of a URL as an address, when it is written as one ("[::1]" → "::1"). */
function literalAddress(url: URL): { address: string; family: number } | null {
  const host = url.hostname.replace(/^\[(.*)\]$/, '$1');
  if (!ipaddr.isValid(host)) return null;
  return { address: host, family: ipaddr.parse(host).kind() === 'ipv6' ? 6 : 4 };
}

/**
 * Resolves the URL's host once and refuses it unless every address is public (or private ones
 * are allowed). A name with one public and one private address is refused: either may be used.
 * A resolution still running when `deadline` fires counts as unresolved.
 */
export async function checkDestination(url: URL, policy: DestinationPolicy, deadline: AbortSignal): Promise<CheckedDestination> {
  const literal = literalAddress(url);
  let addresses: CheckedDestination['addresses'];
  if (literal) addresses = [literal];
  else {
    try {
      deadline.throwIfAborted();
      addresses = await Promise.race([
        (policy.resolveHost ?? systemResolveHost)(url.hostname),
        once(deadline, 'abort').then(() => Promise.reject(deadline.reason instanceof Error ? deadline.reason : new Error('aborted'))),
      ]);
    } catch {
      throw new DestinationRefused('UNRESOLVED');
    }
  }
  if (addresses.length === 0) throw new DestinationRefused('UNRESOLVED');
  if (!policy.allowPrivate && !addresses.every((entry) => isPublicAddress(entry.address))) throw new DestinationRefused('NOT_PUBLIC');
  return { url, addresses };
}
