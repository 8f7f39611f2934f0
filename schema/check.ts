import { execFileSync } from 'node:child_process';
import { CriticalityLevel, diff } from '@graphql-inspector/core';
import { apiSchemaOf, composeSupergraph } from './composition';

/**
 * `npm run schema:check [-- <git-ref>]`: composes the supergraph from code and reports every
 * change against the supergraph committed at <git-ref> (default HEAD), failing on breaking ones.
 */
async function main(): Promise<void> {
  const ref = process.argv[2] ?? 'HEAD';
  let committed: string;
  try {
    committed = execFileSync('git', ['show', `${ref}:schema/supergraph.graphql`], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
    });
  } catch {
    console.log(`No supergraph committed at ${ref}: nothing to compare against.`);
    return;
  }
  const { supergraphSdl } = await composeSupergraph();
  const changes = await diff(apiSchemaOf(committed), apiSchemaOf(supergraphSdl));
  const breaking = changes.filter((change) => change.criticality.level === CriticalityLevel.Breaking);
  for (const change of changes) console.log(`${change.criticality.level.padEnd(13)} ${change.message}`);
  console.log(`${changes.length} change(s) against ${ref}, ${breaking.length} breaking.`);
  if (breaking.length > 0) process.exitCode = 1;
}

main().catch((error) => {
  console.error((error as Error).message);
  process.exit(1);
});
