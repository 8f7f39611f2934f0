import fs from 'node:fs';
import path from 'node:path';

/**
 * CONTRIBUTING.md lists, for each kind of change, the files to touch; this keeps the list from
 * rotting. Every repository path it writes in backticks (in commands too, where `dist/<x>.js`
 * stands for the source `<x>.ts`) and every relative link, anchor included, must exist. In a
 * path, `<placeholder>` and `*` stand for any one name (at least one must match) and `{a,b}` for
 * each of its alternatives.
 */
const ROOT = path.resolve(__dirname, '..', '..');
const GUIDE = 'CONTRIBUTING.md';

const read = (file: string) => fs.readFileSync(path.join(ROOT, file), 'utf8');
const withoutFences = (markdown: string) => markdown.replace(/^```[^\n]*\n[\s\S]*?^```$/gm, '');

/** A file at the root is named with its extension (`package.json`) or as a dotfile (`.prettierignore`); anything deeper has a slash. */
const ROOT_FILE = /^(?:[\w.-]+\.(?:md|json|js|cjs|mjs|ts|tsx|yml|yaml|sh)|\.[\w.-]+)$/;
const isRepoPath = (token: string) =>
  token !== '' && !token.includes('://') && !/^[/@]/.test(token) && (token.includes('/') || ROOT_FILE.test(token));

/** The repository paths in the text's code spans, as written. */
function pathsIn(markdown: string): string[] {
  const spans = [...withoutFences(markdown).matchAll(/`([^`\n]+)`/g)].map((match) => match[1]);
  return spans
    .flatMap((span) => span.split(/\s+/))
    .map((token) => token.replace(/^[('"]+/, '').replace(/[)'",;:]+$/, ''))
    .filter(isRepoPath);
}

/** The relative link targets in the text (`docs/testing.md#holding-still-the-quiesce`). */
function linksIn(markdown: string): string[] {
  return [...withoutFences(markdown).matchAll(/\]\(([^)\s]+)\)/g)].map((match) => match[1]).filter((target) => !/^[a-z]+:/i.test(target));
}

/** `{a,b}` expanded, each alternative on its own. */
function expandBraces(written: string): string[] {
  const group = /\{([^,{}]*,[^{}]*)\}/.exec(written);
  if (!group) return [written];
  return group[1]
    .split(',')
    .flatMap((choice) => expandBraces(written.slice(0, group.index) + choice + written.slice(group.index + group[0].length)));
}

/** The files and folders a path with placeholders matches (none: it does not exist). */
function matches(written: string): string[] {
  // Compiled output stands for its source: dist/schema/compose.js is schema/compose.ts.
  const source = /^dist(?:\/|$)/.test(written) ? written.replace(/^dist\/?/, '').replace(/\.js$/, '.ts') : written;
  let found = [ROOT];
  for (const segment of source.split('/').filter(Boolean)) {
    if (!/[<*]/.test(segment)) {
      found = found.map((folder) => path.join(folder, segment)).filter((candidate) => fs.existsSync(candidate));
      continue;
    }
    const pattern = new RegExp(
      `^${segment
        .split(/(<[^>]+>|\*)/)
        .map((part) => (part === '*' || /^<.+>$/.test(part) ? '[^/]+' : part.replace(/[.+?^${}()|[\]\\]/g, '\\$&')))
        .join('')}$`,
    );
    found = found
      .filter((folder) => fs.statSync(folder).isDirectory())
      .flatMap((folder) =>
        fs
          .readdirSync(folder)
          .filter((name) => pattern.test(name))
          .map((name) => path.join(folder, name)),
      );
  }
  return found;
}

/** GitHub's anchor for a heading: lower case, punctuation dropped, spaces as hyphens. */
const anchorOf = (heading: string) =>
  heading
    .trim()
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s_-]/gu, '')
    .replace(/\s/g, '-');
const anchorsOf = (markdown: string) =>
  new Set([...withoutFences(markdown).matchAll(/^#{1,6}\s+(\S.*)$/gm)].map((match) => anchorOf(match[1])));

/** What the text names that is not there, each as written. */
function missingIn(markdown: string): string[] {
  const missing = pathsIn(markdown).filter((written) => expandBraces(written).some((each) => matches(each).length === 0));
  for (const link of linksIn(markdown)) {
    const [file, anchor] = link.split('#');
    const target = file === '' ? GUIDE : file;
    if (!fs.existsSync(path.join(ROOT, target))) missing.push(link);
    else if (anchor && target.endsWith('.md') && !anchorsOf(file === '' ? markdown : read(target)).has(anchor)) missing.push(link);
  }
  return missing;
}

describe('the contributor guide', () => {
  const guide = read(GUIDE);

  it('names only paths, links and anchors that exist', () => {
    expect(missingIn(guide)).toEqual([]);
    // The six recipes name the places to touch: far more than a handful of paths.
    expect(new Set(pathsIn(guide)).size).toBeGreaterThan(60);
    expect(linksIn(guide).length).toBeGreaterThan(10);
  });

  it('would notice a renamed file, folder, locale, compiled entrance or heading', () => {
    const sample = [
      '`subgraphs/registry.ts` `subgraphs/registy.ts`',
      '`npm run build && node dist/schema/compose.js` `node dist/schema/compse.js`',
      '`web/src/locales/{en,zh}/<area>.ts` `web/src/locales/{en,fr}/<area>.ts`',
      '`subgraphs/<name>/access-policy.ts` `subgraphs/<name>/access-rules.ts` `.ci/run` `.ci/runs` `.prettierignore` `.prettierignor`',
      '`jest.browser.config.js` `jest.brwser.config.js` `npm run -w web test` `Query.order` `https://example.test/a/b`',
      '## Holding still',
      '[here](#holding-still) [gone](#holding-on) [guide](docs/testing.md) [moved](docs/tests.md) [lost](README.md#no-such-heading)',
    ].join('\n');
    expect(missingIn(sample)).toEqual([
      'subgraphs/registy.ts',
      'dist/schema/compse.js',
      'web/src/locales/{en,fr}/<area>.ts',
      'subgraphs/<name>/access-rules.ts',
      '.ci/runs',
      '.prettierignor',
      'jest.brwser.config.js',
      '#holding-on',
      'docs/tests.md',
      'README.md#no-such-heading',
    ]);
  });

  it('is linked from the README', () => {
    expect(linksIn(read('README.md'))).toContain(GUIDE);
  });
});
