import type { EventBus } from '../platform/events/bus';

/** A part of the hub that can tell whether it holds still (a subgraph, the gateway's live feed). */
export interface Settling {
  settled(): Promise<boolean>;
}

/**
 * Waits until every part holds still and the bus's head stays put across a whole pass of them
 * (consumers write events of their own, which start the next pass): decided by positions, not by
 * waiting a while. What tests and a graceful stop wait for.
 */
export async function settle(parts: readonly Settling[], bus: EventBus, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const head = await bus.head();
    let still = true;
    for (const part of parts) if (!(await part.settled())) still = false;
    if (still && (await bus.head()) === head) return;
    if (Date.now() > deadline) throw new Error(`The hub did not settle within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}
