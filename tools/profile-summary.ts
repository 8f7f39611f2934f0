/**
 * `node dist/tools/profile-summary.js FILE.cpuprofile … [--top 15]`
 *
 * What a CPU profile (`node --cpu-prof`, or the benchmarks' BENCH_PROFILE=<dir>) spent its time
 * on, as text: self time by package (a dependency under node_modules, Node's own `node:` code,
 * a folder of ours under dist/, or V8's native work such as garbage collection) and the
 * functions with the most self time. Several files (one process's profiles, or a run's) add up.
 */
import fs from 'node:fs';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
}

interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

/** The package a script belongs to: `pg`, `@mikro-orm/core`, `node:internal`, `weft platform` … */
function packageOf(url: string, functionName: string): string {
  if (!url) return functionName.startsWith('(') ? functionName : '(native)';
  const dependency = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (dependency) return dependency[1];
  if (url.startsWith('node:')) return 'node (built-in)';
  const ours = /\/dist\/([^/]+)\//.exec(url);
  return ours ? `weft ${ours[1]}` : url;
}

function main(): void {
  const args = process.argv.slice(2);
  const topAt = args.indexOf('--top');
  const top = topAt >= 0 ? Number(args[topAt + 1]) : 15;
  const files = args.filter((arg, index) => !arg.startsWith('--') && (topAt < 0 || index !== topAt + 1));
  if (!files.length) {
    console.error('usage: node dist/tools/profile-summary.js FILE.cpuprofile … [--top 15]');
    process.exit(2);
  }
  const byPackage = new Map<string, number>();
  const byFunction = new Map<string, number>();
  let total = 0;
  for (const file of files) {
    const profile = JSON.parse(fs.readFileSync(file, 'utf8')) as CpuProfile;
    const nodes = new Map(profile.nodes.map((node) => [node.id, node]));
    profile.samples.forEach((id, index) => {
      const micros = profile.timeDeltas[index] ?? 0;
      const { functionName, url, lineNumber } = nodes.get(id)!.callFrame;
      // Idle is time the process waited, not spent.
      if (functionName === '(idle)') return;
      total += micros;
      const where = packageOf(url, functionName);
      byPackage.set(where, (byPackage.get(where) ?? 0) + micros);
      const name =
        `${functionName || '(anonymous)'} ${url ? `${url.replace(/^.*\/(?:node_modules|dist)\//, '')}:${lineNumber + 1}` : ''}`.trim();
      byFunction.set(name, (byFunction.get(name) ?? 0) + micros);
    });
  }
  const rows = (map: Map<string, number>) =>
    [...map]
      .sort((a, b) => b[1] - a[1])
      .slice(0, top)
      .map(
        ([name, micros]) => `  ${((micros / total) * 100).toFixed(1).padStart(5)} %  ${(micros / 1e6).toFixed(2).padStart(7)} s  ${name}`,
      )
      .join('\n');
  console.log(
    `${files.length} profile(s), ${(total / 1e6).toFixed(2)} s of CPU sampled (idle left out)\n\nby package (self time):\n${rows(byPackage)}\n\nby function (self time):\n${rows(byFunction)}`,
  );
}

if (require.main === module) main();
