import net from 'node:net';

/**
 * Preloaded into a hub process a test starts (NODE_OPTIONS=--require): prints every connection
 * the process opens beyond loopback as `[outbound] host:port`, so a test can hold the hub to
 * talking only to what it was configured to reach.
 */
const LOOPBACK = /^(?:127\.\d+\.\d+\.\d+|::1|::ffff:127\.\d+\.\d+\.\d+|localhost)$/i;
const connect = net.Socket.prototype.connect;

net.Socket.prototype.connect = function (this: net.Socket, ...args: unknown[]) {
  const [first, second] = args;
  const target =
    typeof first === 'object' && first !== null && !Array.isArray(first)
      ? (first as { host?: string; port?: number; path?: string })
      : { port: first as number, host: typeof second === 'string' ? second : undefined };
  const host = target.host ?? 'localhost';
  if (!('path' in target && target.path) && !LOOPBACK.test(host)) process.stderr.write(`[outbound] ${host}:${target.port}\n`);
  return (connect as (...a: unknown[]) => net.Socket).apply(this, args);
};
