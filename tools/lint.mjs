// `npm run lint`: ESLint over the repository (eslint.config.mjs), failing on any error, and the
// warnings held to the count committed in tools/lint-warnings.json, which may only go down:
// - more warnings than the count fails, listing them (fix the new ones; never raise the number);
// - fewer fails too, asking for the lower number to be committed (`node tools/lint.mjs --write-count`),
//   so a fixed warning cannot come back unnoticed.
// No ESLint cache: the typed rules read other files' types, which a per-file cache cannot see
// change, and CI runs in a fresh clone where a cache would be empty anyway.
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const countFile = join(root, 'tools', 'lint-warnings.json');
const writeCount = process.argv.includes('--write-count');
const showWarnings = process.argv.includes('--warnings');

const started = Date.now();
const eslint = new ESLint({ cwd: root });
const results = await eslint.lintFiles(['.']);
const errors = results.reduce((sum, result) => sum + result.errorCount, 0);
const warnings = results.reduce((sum, result) => sum + result.warningCount, 0);
const stylish = await eslint.loadFormatter('stylish');

const byRule = new Map();
for (const result of results)
  for (const message of result.messages) if (message.severity === 1) byRule.set(message.ruleId, (byRule.get(message.ruleId) ?? 0) + 1);
const onlyErrors = ESLint.getErrorResults(results);
const committed = JSON.parse(readFileSync(countFile, 'utf8')).warnings;
const seconds = ((Date.now() - started) / 1000).toFixed(0);

if (writeCount) {
  writeFileSync(countFile, `${JSON.stringify({ warnings }, null, 2)}\n`);
  console.log(`tools/lint-warnings.json: ${committed} → ${warnings}`);
}
if (errors > 0) {
  console.log(await stylish.format(onlyErrors));
  console.log(`Lint: ${errors} error(s) (${seconds} s). Fix them; an inline disable needs a "-- reason".`);
  process.exit(1);
}
if (showWarnings || (warnings > committed && !writeCount)) console.log(await stylish.format(results));
const summary = [...byRule]
  .sort((a, b) => b[1] - a[1])
  .map(([rule, count]) => `${rule} ${count}`)
  .join(', ');
if (writeCount) process.exit(0);
if (warnings > committed) {
  console.log(`Lint: ${warnings} warnings, more than the ${committed} in tools/lint-warnings.json (${summary}).`);
  console.log('Fix the new ones (listed above); the count may only go down.');
  process.exit(1);
}
if (warnings < committed) {
  console.log(`Lint: ${warnings} warnings, fewer than the ${committed} in tools/lint-warnings.json: well done.`);
  console.log('Lower the count so they stay fixed: node tools/lint.mjs --write-count, and commit tools/lint-warnings.json.');
  process.exit(1);
}
console.log(`Lint: no errors, ${warnings} warnings as counted (${seconds} s${summary ? `; ${summary}` : ''}).`);
