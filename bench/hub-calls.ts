/** What the benches send the hub, and how they read their own options. */

/** `--name value` from the command line, or the fallback. */
export function option(name: string, fallback: string): string {
  const args = process.argv.slice(2);
  const index = args.indexOf(`--${name}`);
  return index >= 0 && args[index + 1] ? args[index + 1] : fallback;
}

/** One GraphQL request with a bearer token; the parsed answer (data and errors). */
export async function gql(url: string, token: string, query: string, variables: Record<string, unknown> = {}): Promise<any> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ query, variables }),
  });
  return response.json();
}

/** Runs `work(0 … count-1)` with at most `concurrency` at once. */
export async function inParallel(count: number, concurrency: number, work: (index: number) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < count) await work(next++);
    }),
  );
}

export type StageStep = 'start' | 'qc' | 'complete';

/** The steps a stage goes through: QC only where it is a checkpoint. */
export const stageSteps = (stage: { qcCheckpoint: boolean }): StageStep[] =>
  stage.qcCheckpoint ? ['start', 'qc', 'complete'] : ['start', 'complete'];

/** The mutation that takes a stage (variable `$id`) through one step. */
export function stageStepMutation(step: StageStep, stageId: string): string {
  if (step === 'start') return `mutation($id: ID!) { startStage(stageRunId: $id, operator: { name: "王芳", penName: "墨白" }) { id } }`;
  if (step === 'qc') return `mutation($id: ID!) { recordQcResult(stageRunId: $id, result: PASS, idempotencyKey: "${stageId}-qc") { id } }`;
  return `mutation($id: ID!) { completeStage(stageRunId: $id) { id } }`;
}
