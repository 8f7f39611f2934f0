import { readFileSync } from 'node:fs';
import net from 'node:net';

/** The kernel's ephemeral ports (what `listen(0)` and outgoing connections take), from Linux or its default. */
function ephemeralRange(): [number, number] {
  try {
    const [low, high] = readFileSync('/proc/sys/net/ipv4/ip_local_port_range', 'utf8').trim().split(/\s+/).map(Number);
    if (low > 0 && high >= low) return [low, high];
  } catch {
    // Not Linux: IANA's dynamic range.
  }
  return [49152, 65535];
}

const tryListen = (port: number): Promise<boolean> =>
  new Promise((resolve) => {
    const server = net.createServer();
    server.once('error', () => resolve(false));
    server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
  });

/**
 * A TCP port on 127.0.0.1 that nothing listens on right now, for a server the test starts itself
 * later (a hub's gateway binds only after the demo is seeded). Chosen below the kernel's
 * ephemeral range: a port `listen(0)` handed out could be handed out again to another suite's
 * server or connection before ours binds it, and suites run at the same time.
 */
export async function freePort(): Promise<number> {
  const [ephemeralLow] = ephemeralRange();
  const low = 10_000;
  const high = Math.max(low + 1_000, ephemeralLow) - 1;
  for (let attempt = 0; attempt < 200; attempt += 1) {
    const port = low + Math.floor(Math.random() * (high - low));
    if (await tryListen(port)) return port;
  }
  throw new Error(`No free port between ${low} and ${high} after 200 tries`);
}
