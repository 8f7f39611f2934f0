import type { ChildProcess } from 'node:child_process';
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { SUBGRAPHS } from '../subgraphs/registry';

/** The hub's parts as separate processes, as in production: what the benchmarks run against. */

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export async function waitReady(url: string, timeoutMs = 120_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not up yet
    }
    await sleep(250);
  }
  throw new Error(`${url} not ready in ${timeoutMs} ms`);
}

/**
 * Starts a compiled script of the hub (`processes/start-gateway.js` …) or any command in a process of its
 * own. BENCH_PROFILE=<dir>: CPU profiles of every node process, to read with Chrome's DevTools.
 */
export function launch(command: { script: string } | { bin: string; cwd?: string }, argv: string[], env: NodeJS.ProcessEnv): ChildProcess {
  const profile = process.env.BENCH_PROFILE ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_PROFILE}`] : [];
  const [file, cwd] = 'script' in command ? [path.join(__dirname, '..', command.script), undefined] : [command.bin, command.cwd];
  return spawn(process.execPath, [...profile, file, ...argv], {
    cwd,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
}

/** CPU seconds a process has used so far (user + system, from /proc). */
export function cpuSecondsOf(pid: number): number {
  const fields = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
  return (Number(fields[11]) + Number(fields[12])) / 100;
}

/** CPU seconds used so far by every process of a command (`postgres`: all its backends); 0 when none runs. */
export function cpuSecondsOfCommand(command: string): number {
  let seconds = 0;
  for (const pid of fs.readdirSync('/proc').filter((entry) => /^\d+$/.test(entry))) {
    try {
      if (fs.readFileSync(`/proc/${pid}/comm`, 'utf8').trim() === command) seconds += cpuSecondsOf(Number(pid));
    } catch {
      // gone meanwhile
    }
  }
  return seconds;
}

/** SIGTERM, then SIGKILL for what has not exited (after 1 s; 20 s when profiling, so profiles get written). */
export async function stopAll(processes: ChildProcess[]): Promise<void> {
  const running = processes.filter((child) => child.exitCode === null);
  const exited = Promise.all(running.map((child) => new Promise((resolve) => child.once('exit', resolve))));
  for (const child of running) child.kill('SIGTERM');
  await Promise.race([exited, sleep(process.env.BENCH_PROFILE ? 20_000 : 1000)]);
  for (const child of running) if (child.exitCode === null) child.kill('SIGKILL');
}

/**
 * CPU seconds so far of a benchmark's parts, by name: the gateway (or, embedded, the whole
 * hub), each subgraph process, and the servers beside them on the same cores (every PostgreSQL
 * backend together; nats-server where the parts run on NATS).
 */
export function cpuOfParts(hub: ChildProcess, embedded: boolean, subgraphs: Record<string, ChildProcess>): Record<string, number> {
  return {
    [embedded ? 'hub' : 'gateway']: cpuSecondsOf(hub.pid!),
    ...Object.fromEntries(Object.entries(subgraphs).map(([name, child]) => [name, cpuSecondsOf(child.pid!)])),
    postgres: cpuSecondsOfCommand('postgres'),
    ...(embedded ? {} : { 'nats-server': cpuSecondsOfCommand('nats-server') }),
  };
}

/**
 * The gateway as the benchmarks run it in front of subgraph processes (`urls`: their
 * `<NAME>_URL`s): rate limits off, warnings only; `env` adds to or overrides that.
 */
export function launchGateway(port: number, urls: Record<string, string>, env: NodeJS.ProcessEnv): ChildProcess {
  return launch({ script: 'processes/start-gateway.js' }, [], {
    ...urls,
    GATEWAY_PORT: String(port),
    RATE_LIMITS: 'false',
    LOG_LEVEL: 'warn',
    ...env,
  });
}

/**
 * The one-process hub as `npm start` runs it: gateway and every subgraph in one process, on the
 * in-process bus (NATS_URL cleared), the demo network seeded on first start (deterministic ids,
 * so a restart on the same data finds it again), rate limits and demo sign-in off.
 */
export function launchEmbeddedHub(port: number, env: NodeJS.ProcessEnv): ChildProcess {
  return launch({ script: 'processes/start-hub.js' }, [], {
    ...env,
    NATS_URL: '',
    GATEWAY_PORT: String(port),
    RATE_LIMITS: 'false',
    WEFT_ENV: '',
    DEMO_SIGN_IN: 'false',
    LOG_LEVEL: 'warn',
  });
}

/**
 * Waits until a process has been idle (under 5 % of a core) for a whole second: how the
 * benchmarks tell that the embedded hub's consumers are done, where no NATS consumer reports
 * what it has pending. Answers the seconds until the idle second began.
 */
export async function idleAfter(pid: number, timeoutMs = 120_000): Promise<number> {
  const began = Date.now();
  let idleSince: number | undefined;
  let last = cpuSecondsOf(pid);
  while (Date.now() - began < timeoutMs) {
    await sleep(250);
    const now = cpuSecondsOf(pid);
    if (now - last < 0.0125) idleSince ??= Date.now() - 250;
    else idleSince = undefined;
    last = now;
    if (idleSince !== undefined && Date.now() - idleSince >= 1000) return (idleSince - began) / 1000;
  }
  return (Date.now() - began) / 1000;
}

export interface SubgraphProcesses {
  /** `<NAME>_URL` for each subgraph, as the gateway is told. */
  urls: Record<string, string>;
  processes: Record<string, ChildProcess>;
}

/**
 * Every subgraph in its own process (`node dist/processes/start-subgraph.js <name>`), on consecutive ports
 * after `basePort`; `seed` says which ones write their demo data at start.
 */
export async function startSubgraphProcesses(
  basePort: number,
  env: NodeJS.ProcessEnv,
  seed: (name: string) => boolean,
): Promise<SubgraphProcesses> {
  const urls: Record<string, string> = {};
  const processes: Record<string, ChildProcess> = {};
  SUBGRAPHS.forEach((definition, index) => {
    const name = definition.name.toUpperCase();
    const port = basePort + 1 + index;
    urls[`${name}_URL`] = `http://127.0.0.1:${port}/graphql`;
    processes[definition.name] = launch({ script: 'processes/start-subgraph.js' }, [definition.name], {
      ...env,
      [`${name}_PORT`]: String(port),
      SEED_DEMO: String(seed(definition.name)),
      LOG_LEVEL: 'warn',
    });
  });
  for (const url of Object.values(urls)) await waitReady(url.replace('/graphql', '/healthz'));
  return { urls, processes };
}
