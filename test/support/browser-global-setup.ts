import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { useDemoTemplate, type DemoTemplate } from './demo-template';

/**
 * The browser files' demo network, seeded once (see demo-template.ts) in a process of its own:
 * the hub's libraries keep state on globals, which Jest's in-band test context would then share.
 */
export default function setup(): void {
  const output = execFileSync(process.execPath, [path.join(__dirname, 'seed-demo-template.js')], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  useDemoTemplate(JSON.parse(output.trim().split('\n').at(-1)!) as DemoTemplate);
}
