import { spawn, spawnSync, type ChildProcess, type SpawnOptions } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { freePort } from './ports';
import { waitFor } from './wait';

/**
 * PostgreSQL and NATS servers of a test's own, on free ports and in temporary folders, so a
 * fault test can stop and restart them without touching the servers the other suites share.
 * They need the machine's binaries (PostgreSQL's initdb / pg_ctl, nats-server); where one is
 * missing, `missing()` names it and the suite says it was skipped.
 */

const onPath = (command: string) => spawnSync('sh', ['-c', `command -v ${command}`]).status === 0;

/** What a private server needs and this machine lacks (empty when everything is there). */
export function missingBinaries(kind: 'postgresql' | 'nats'): string[] {
  const needed = kind === 'postgresql' ? ['initdb', 'pg_ctl'] : ['nats-server'];
  return needed.filter((command) => !onPath(command));
}

/** PostgreSQL refuses to run as root: as root, the server runs as the `postgres` account. */
function postgresAccount(): { uid: number; gid: number } | undefined {
  if (process.getuid?.() !== 0) return undefined;
  const uid = Number(spawnSync('id', ['-u', 'postgres']).stdout.toString().trim());
  const gid = Number(spawnSync('id', ['-g', 'postgres']).stdout.toString().trim());
  if (!uid) throw new Error('running as root, and no postgres account to run a private PostgreSQL as');
  return { uid, gid };
}

function run(command: string, args: string[], options: SpawnOptions = {}): void {
  const result = spawnSync(command, args, { ...options, encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} failed (${result.status}): ${result.stderr || result.stdout}`);
}

export interface PrivatePostgres {
  /** postgres://… of the server's `postgres` database (trust authentication). */
  url: string;
  /** Stops the server (immediate: as a crash would, recovering from its WAL at the next start). */
  stop(): void;
  start(): void;
  /** Stops and removes it. */
  destroy(): void;
}

export async function startPrivatePostgres(): Promise<PrivatePostgres> {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'weft-pg-'));
  const dataDir = path.join(root, 'data');
  const account = postgresAccount();
  if (account) {
    fs.chmodSync(root, 0o755);
    fs.chownSync(root, account.uid, account.gid);
  }
  const as: SpawnOptions = account ? { uid: account.uid, gid: account.gid } : {};
  run('initdb', ['-D', dataDir, '-U', 'postgres', '--auth=trust', '--no-sync', '-E', 'UTF8', '--locale=C'], as);
  const port = await freePort();
  const options = `-p ${port} -k ${root} -c listen_addresses=127.0.0.1 -c max_connections=60 -c fsync=on`;
  const pgCtl = (...args: string[]) => run('pg_ctl', ['-D', dataDir, '-l', path.join(root, 'log'), ...args], as);
  const server: PrivatePostgres = {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    stop: () => pgCtl('stop', '-m', 'immediate', '-w'),
    start: () => pgCtl('start', '-w', '-t', '60', '-o', options),
    destroy: () => {
      spawnSync('pg_ctl', ['-D', dataDir, 'stop', '-m', 'immediate', '-w'], as);
      fs.rmSync(root, { recursive: true, force: true });
    },
  };
  server.start();
  return server;
}

export interface PrivateNats {
  url: string;
  /** Stops the server (SIGKILL: no goodbye to its clients); its JetStream files stay. */
  stop(): Promise<void>;
  start(): Promise<void>;
  destroy(): Promise<void>;
}

export async function startPrivateNats(): Promise<PrivateNats> {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'weft-nats-'));
  const port = await freePort();
  let child: ChildProcess | undefined;
  const listening = async () => {
    const { connect } = await import('nats');
    const probe = await connect({ servers: `nats://127.0.0.1:${port}`, reconnect: false, timeout: 500 }).catch(() => null);
    if (!probe) return false;
    await probe.close();
    return true;
  };
  const server: PrivateNats = {
    url: `nats://127.0.0.1:${port}`,
    start: async () => {
      child = spawn('nats-server', ['-a', '127.0.0.1', '-p', String(port), '-js', '-sd', root], { stdio: 'ignore' });
      await waitFor(listening, 20_000, 'the private NATS server');
    },
    stop: async () => {
      const stopping = child;
      child = undefined;
      if (!stopping || stopping.exitCode !== null) return;
      const exited = new Promise((resolve) => stopping.once('exit', resolve));
      stopping.kill('SIGKILL');
      await exited;
    },
    destroy: async () => {
      await server.stop();
      fs.rmSync(root, { recursive: true, force: true });
    },
  };
  await server.start();
  return server;
}
