import type { Principal } from '../contracts';

/** What the gateway knows of a request: who is asking, and the header to pass on. */
export interface GatewayContext {
  principal: Principal | null;
  authorization?: string;
}
