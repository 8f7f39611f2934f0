// `npm run build:web`: codegen (typed operations, checked against schema/api), type-check and the
// Vite build of the web app into web/dist — skipped when nothing it reads changed since the last
// build (so `npm start` and `npm test` stay quick). `--force` builds anyway.
import { createHash } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const web = path.dirname(fileURLToPath(import.meta.url));
const root = path.dirname(web);
const stamp = path.join(web, 'dist', '.build-stamp');

/** Everything the build reads, but the generated operations (made from these) and the output. */
const inputs = [
  ...walk(path.join(web, 'src')).filter((file) => !file.includes(`${path.sep}gql${path.sep}`)),
  ...walk(path.join(web, 'public')),
  ...['index.html', 'vite.config.ts', 'codegen.ts', 'tsconfig.json', 'package.json'].map((file) => path.join(web, file)),
  ...walk(path.join(root, 'schema', 'api')),
  path.join(root, 'contracts', 'events.ts'),
  path.join(root, 'package-lock.json'),
];

function walk(dir) {
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .flatMap((entry) => (entry.isDirectory() ? walk(path.join(dir, entry.name)) : [path.join(dir, entry.name)]));
}

const hash = createHash('sha256');
for (const file of inputs.sort()) hash.update(path.relative(root, file)).update('\0').update(fs.readFileSync(file)).update('\0');
const digest = hash.digest('hex');

if (!process.argv.includes('--force') && fs.existsSync(stamp) && fs.readFileSync(stamp, 'utf8') === digest) {
  process.exit(0);
}
const run = (script) => execFileSync('npm', ['run', '--silent', '-w', 'web', script], { cwd: root, stdio: 'inherit' });
console.log('Building the web app (codegen, type-check, vite build)…');
run('codegen');
run('typecheck');
run('build');
fs.writeFileSync(stamp, digest);
