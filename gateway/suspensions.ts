import { asHubEvent, ENTERPRISE_SUSPENDED, NETWORK_EVENTS, type EventEnvelope, type Principal } from '../contracts';
import type { TokenService } from '../platform/access/tokens';
import { hubError } from '../platform/base/errors';
import { logger } from '../platform/base/logger';
import { askNetwork } from './ask-network';

/** Who the gateway is when it asks the network subgraph for the suspended enterprises. */
const GATEWAY_PRINCIPAL: Principal = { subject: 'service:gateway', org: null, roles: ['HUB_ADMIN'] };
const RETRY_MS = 2_000;
/** How often a gateway without a bus asks again: a suspension takes effect there within this. */
export const SUSPENSIONS_POLL_SECONDS = 60;

/** The refusal of every request whose caller acts for a suspended enterprise (HTTP 403). */
export const enterpriseSuspended = (org: string) =>
  hubError('FORBIDDEN', `Enterprise "${org}" is suspended: its members have no access until a hub admin reinstates it`, {
    reason: ENTERPRISE_SUSPENDED,
    enterpriseId: org,
    http: { status: 403 },
  });

/**
 * The enterprises whose members the gateway refuses. The gateway loads no subgraph code: it asks
 * the network subgraph over GraphQL once at start (as a service principal, with a short-lived
 * hub token), then follows `enterprise.status-changed` on the bus it already reads for live
 * updates, so a suspension or a reinstatement takes effect with the next request. Suspending
 * also closes the enterprise's live connections (`onSuspended`).
 */
export class SuspendedEnterprises {
  private readonly ids = new Set<string>();
  private readonly heard = new Set<string>();
  private readonly listeners: ((enterpriseId: string) => void)[] = [];
  private retry?: NodeJS.Timeout;
  private polling?: NodeJS.Timeout;
  private closed = false;

  has(org: string | null | undefined): boolean {
    return !!org && this.ids.has(org);
  }

  /** Throws FORBIDDEN (reason ENTERPRISE_SUSPENDED) for a caller acting for a suspended enterprise. */
  admit<P extends Principal | null>(principal: P): P {
    if (principal?.org && this.ids.has(principal.org)) throw enterpriseSuspended(principal.org);
    return principal;
  }

  onSuspended(listener: (enterpriseId: string) => void): void {
    this.listeners.push(listener);
  }

  /** A bus event: a status change suspends or readmits its enterprise. */
  hear(envelope: EventEnvelope): void {
    const event = asHubEvent(envelope);
    if (event?.type !== NETWORK_EVENTS.ENTERPRISE_STATUS_CHANGED) return;
    const { enterpriseId, status } = event.payload;
    // What the bus says is newer than the start's answer, whichever arrives first.
    this.heard.add(enterpriseId);
    if (status !== 'SUSPENDED') {
      this.ids.delete(enterpriseId);
      return;
    }
    this.suspend(enterpriseId);
  }

  /**
   * A gateway without a bus hears no events: it asks the network subgraph again every
   * `intervalMs` (the bound on a suspension taking effect there).
   */
  poll(networkUrl: string, auth: TokenService, intervalMs: number): void {
    this.polling = setInterval(() => void this.load(networkUrl, auth, true), intervalMs);
    this.polling.unref();
  }

  private suspend(enterpriseId: string): void {
    this.ids.add(enterpriseId);
    for (const listener of this.listeners) listener(enterpriseId);
  }

  /**
   * Asks the network subgraph which enterprises are suspended now; until it answers (it may
   * start after the gateway), asks again every two seconds in the background.
   */
  async load(networkUrl: string, auth: TokenService, replace = false): Promise<void> {
    try {
      const ids = await askNetwork<string[]>(networkUrl, auth, GATEWAY_PRINCIPAL, {
        query: '{ suspendedEnterprises }',
        field: 'suspendedEnterprises',
      });
      if (replace) {
        // Without a bus nothing is heard: the answer is the whole truth, suspensions and reinstatements alike.
        const now = new Set(ids);
        for (const id of now) if (!this.ids.has(id)) this.suspend(id);
        for (const id of [...this.ids]) if (!now.has(id)) this.ids.delete(id);
        return;
      }
      for (const id of ids) if (!this.heard.has(id)) this.ids.add(id);
    } catch (error) {
      if (this.closed) return;
      logger.warn({ err: (error as Error).message }, 'suspended enterprises not loaded yet; asking again');
      this.retry = setTimeout(() => void this.load(networkUrl, auth, replace), RETRY_MS);
      this.retry.unref();
    }
  }

  close(): void {
    this.closed = true;
    if (this.retry) clearTimeout(this.retry);
    if (this.polling) clearInterval(this.polling);
  }
}
