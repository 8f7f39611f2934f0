import type { Principal } from '../contracts';

/** What the gateway knows of a request: who is asking, the header to pass on, and the id its logs carry. */
export interface GatewayContext {
  principal: Principal | null;
  authorization?: string;
  /** `x-request-id` as sent (or made here); passed to every subgraph, so one id finds a request in every log. */
  requestId?: string;
  /** The address the request came from (through trusted proxies): what calls without a token are counted by. */
  clientAddress?: string;
  /**
   * Already counted against the caller's rate limit: the per-event and permission queries of a
   * subscription (its start was counted), an SSE request (counted when it came in).
   */
  counted?: boolean;
}
