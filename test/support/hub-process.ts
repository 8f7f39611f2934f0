import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { freePort } from './ports';
import { waitFor } from './wait';

export interface HubProcess {
  child: ChildProcess;
  /** Each part's port: GATEWAY, NETWORK, VOCABULARY … */
  ports: Record<string, number>;
  gatewayUrl: string;
  /** Resolves with the exit code once the process has exited. */
  exited: Promise<number | null>;
  stop(): Promise<void>;
}

/**
 * The embedded hub as `npm start` runs it, in a child process (what Jest cannot host: module
 * patching, signals), on free ports and a fresh data directory, without the demo seed; resolves
 * once its gateway is ready. A port found free can be taken by another suite's server before
 * the child binds it; a child that exits before it is ready is started again on other ports.
 */
export async function startHubProcess(env: Record<string, string> = {}): Promise<HubProcess> {
  for (let attempt = 1; ; attempt += 1) {
    const hub = await launchHubProcess(env);
    const gone = () => hub.child.exitCode !== null || hub.child.signalCode !== null;
    await waitFor(
      async () => gone() || (await fetch(`http://127.0.0.1:${hub.ports.GATEWAY}/readyz`).catch(() => null))?.status === 200,
      60_000,
      'the hub',
    );
    if (!gone()) return hub;
    if (attempt >= 3) throw new Error('The hub process exited before it was ready, three times');
  }
}

async function launchHubProcess(env: Record<string, string>): Promise<HubProcess> {
  const ports: Record<string, number> = {};
  for (const name of ['GATEWAY', 'NETWORK', 'VOCABULARY', 'ORDERS', 'SUPPLIERS', 'CAPACITY', 'KITCHENS', 'NOTIFICATIONS', 'WECHAT_STUB'])
    ports[name] = await freePort();
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'weft-process-'));
  const child = spawn(process.execPath, [path.resolve(__dirname, '..', '..', 'processes', 'start-hub.js')], {
    env: {
      PATH: process.env.PATH,
      DATA_DIR: dataDir,
      SEED_DEMO: 'false',
      RATE_LIMITS: 'false',
      LOG_LEVEL: 'warn',
      ...Object.fromEntries(Object.entries(ports).map(([name, port]) => [`${name}_PORT`, String(port)])),
      ...env,
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  exited.finally(() => fs.rmSync(dataDir, { recursive: true, force: true }));
  return {
    child,
    ports,
    gatewayUrl: `http://127.0.0.1:${ports.GATEWAY}/graphql`,
    exited,
    stop: async () => {
      if (child.exitCode === null) child.kill('SIGINT');
      await exited;
    },
  };
}
