import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { HUB_PORT_VARIABLES } from '../../tools/hub-ports';
import { freePort } from './ports';
import { waitFor } from './wait';

export interface HubProcess {
  child: ChildProcess;
  /** Each part's port: GATEWAY, NETWORK, VOCABULARY … */
  ports: Record<string, number>;
  gatewayUrl: string;
  /** DATA_DIR: created by the hub (removed once it has exited). */
  dataDir: string;
  /** Resolves with the exit code once the process has exited. */
  exited: Promise<number | null>;
  /** Everything it printed so far, stdout and stderr interleaved as they arrived. */
  output(): string;
  stop(): Promise<void>;
}

/**
 * The embedded hub as `npm start` runs it, in a child process (what Jest cannot host: module
 * patching, signals), on free ports and a fresh data directory, without the demo seed; resolves
 * once its gateway is ready. A port found free can be taken by another suite's server before
 * the child binds it; a child that exits before it is ready is started again on other ports.
 * `readyWithinMs`: longer for a hub that seeds the demo first.
 */
export async function startHubProcess(env: Record<string, string> = {}, readyWithinMs = 60_000): Promise<HubProcess> {
  for (let attempt = 1; ; attempt += 1) {
    const hub = await launchHubProcess(env);
    const gone = () => hub.child.exitCode !== null || hub.child.signalCode !== null;
    try {
      await waitFor(
        async () => gone() || (await fetch(`http://127.0.0.1:${hub.ports.GATEWAY}/readyz`).catch(() => null))?.status === 200,
        readyWithinMs,
        'the hub',
      );
    } catch (error) {
      // Not ready in time: stopped, so no hub outlives the suite.
      hub.child.kill('SIGKILL');
      await hub.exited;
      throw error;
    }
    if (!gone()) return hub;
    if (attempt >= 3) throw new Error('The hub process exited before it was ready, three times');
  }
}

/**
 * Starts the hub's process without waiting for it (one that refuses to start exits at once);
 * what it prints is kept (`output()`), and its stderr is passed on to the test's.
 */
export async function launchHubProcess(env: Record<string, string>): Promise<HubProcess> {
  const ports: Record<string, number> = {};
  for (const variable of HUB_PORT_VARIABLES) ports[variable.replace(/_PORT$/, '')] = await freePort();
  // A fresh data directory the hub creates itself, inside a folder of the test's own.
  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'weft-process-'));
  const dataDir = path.join(scratch, 'data');
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
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const chunks: Buffer[] = [];
  child.stdout.on('data', (chunk: Buffer) => chunks.push(chunk));
  child.stderr.on('data', (chunk: Buffer) => {
    chunks.push(chunk);
    process.stderr.write(chunk);
  });
  const exited = new Promise<number | null>((resolve) => child.once('close', (code) => resolve(code)));
  // `exited` never rejects: the scratch folder goes once the child has closed, and nobody waits on that.
  void exited.finally(() => fs.rmSync(scratch, { recursive: true, force: true }));
  return {
    child,
    ports,
    gatewayUrl: `http://127.0.0.1:${ports.GATEWAY}/graphql`,
    dataDir,
    exited,
    output: () => Buffer.concat(chunks).toString('utf8'),
    stop: async () => {
      if (child.exitCode === null) child.kill('SIGINT');
      await exited;
    },
  };
}
