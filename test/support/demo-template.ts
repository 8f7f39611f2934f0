import fs from 'node:fs';

/**
 * The demo network seeded once for every browser file: seeding it through the subgraphs' own
 * paths takes most of a browser hub's start (some 15 s on CI's two cores), and each file only
 * needs its own copy of the result. Jest's global setup (browser config) seeds it into a
 * directory, in a process of its own, and names it in the environment; a hub started without it
 * seeds its own demo as before.
 */
const TEMPLATE_DIR_ENV = 'WEFT_TEST_DEMO_TEMPLATE';
/** The template's data seals personal data with the hub's key: copies must run with the same one. */
const TEMPLATE_SECRET_ENV = 'WEFT_TEST_DEMO_TEMPLATE_SECRET';

export interface DemoTemplate {
  dataDir: string;
  hubSecret: string;
}

export function demoTemplate(): DemoTemplate | undefined {
  const dataDir = process.env[TEMPLATE_DIR_ENV];
  const hubSecret = process.env[TEMPLATE_SECRET_ENV];
  return dataDir && hubSecret && fs.existsSync(dataDir) ? { dataDir, hubSecret } : undefined;
}

/** Names the template in the environment, which Jest's workers inherit. */
export function useDemoTemplate(template: DemoTemplate): void {
  process.env[TEMPLATE_DIR_ENV] = template.dataDir;
  process.env[TEMPLATE_SECRET_ENV] = template.hubSecret;
}

export function removeDemoTemplate(): void {
  const template = demoTemplate();
  if (template) fs.rmSync(template.dataDir, { recursive: true, force: true });
}
