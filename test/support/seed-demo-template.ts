import '../setup';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { TokenService } from '../../platform/access/tokens';
import type { DemoTemplate } from './demo-template';
import { startTestHub } from './hub';

export async function seedDemoTemplate(): Promise<DemoTemplate> {
  const hubSecret = randomBytes(32).toString('base64url');
  const hub = await startTestHub('sqlite', { seedDemo: true, auth: new TokenService({ hubSecret }) });
  // Every event the seed wrote consumed before the files are closed (the copies start with none pending).
  await hub.hub.settle();
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'weft-demo-template-'));
  await hub.hub.close();
  fs.cpSync(hub.location.dataDir, dataDir, { recursive: true });
  fs.rmSync(hub.location.dataDir, { recursive: true, force: true });
  return { dataDir, hubSecret };
}

// Seeds the demo template and prints where it is (browser-global-setup.ts runs this).
seedDemoTemplate().then(
  (template) => {
    process.stdout.write(`${JSON.stringify(template)}\n`);
    process.exit(0);
  },
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
