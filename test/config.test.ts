import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { CONFIG_SCHEMA, ConfigurationError, readConfig } from '../processes/config';

/** Configuration: one schema (processes/config.ts) read once; docs/operations.md documents it, variable by variable. */
describe('configuration', () => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'weft-config-'));
  afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));
  const read = (env: Record<string, string>) => readConfig({ DATA_DIR: dataDir, ...env });

  /** The variables the operations guide's table names, in its first column. */
  const documented = (): string[] => {
    const guide = fs.readFileSync(path.resolve(__dirname, '..', '..', 'docs', 'operations.md'), 'utf8');
    const table = guide.slice(
      guide.indexOf('| variable | default | meaning |'),
      guide.indexOf('\n\n', guide.indexOf('| variable | default | meaning |')),
    );
    return table
      .split('\n')
      .slice(2)
      .flatMap((row) => [...(row.split('|')[1] ?? '').matchAll(/`([A-Z_]+)`/g)].map((match) => match[1]));
  };

  it('documents every variable the schema reads, and the schema reads every documented one', () => {
    const declared = Object.keys(CONFIG_SCHEMA.shape).sort();
    // Each subgraph's placement (NETWORK_PORT, ORDERS_URL …) is one documented pattern.
    const placement = /^(?:NETWORK|VOCABULARY|ORDERS|SUPPLIERS|CAPACITY|KITCHENS|NOTIFICATIONS|TRACEABILITY)_(?:PORT|URL)$/;
    const inDocs = documented();
    expect(inDocs.filter((name) => placement.test(name)).length).toBe(16);
    expect([...new Set(inDocs.filter((name) => !placement.test(name)))].sort()).toEqual(declared);
  });

  it('stops on a wrong value with a message naming the variable and what it accepts', () => {
    expect(() => read({ DELAY_CHECK_SECONDS: 'abc' })).toThrow(
      'Invalid configuration: DELAY_CHECK_SECONDS must be a positive number of seconds, not "abc"',
    );
    expect(() => read({ NOTIFY_MAX_ATTEMPTS: '0', LOG_LEVEL: 'loud' })).toThrow(
      /LOG_LEVEL must be one of .*, not "loud"; NOTIFY_MAX_ATTEMPTS must be a positive whole number, not "0"/,
    );
    expect(() => read({ GATEWAY_PORT: '70000' })).toThrow('GATEWAY_PORT must be a port number (0–65535), not "70000"');
    expect(() => read({ ORDERS_PORT: 'x' })).toThrow('ORDERS_PORT must be a port number (0–65535), not "x"');
    expect(() => read({ NATS_URL: 'localhost:4222' })).toThrow('NATS_URL must be a nats or tls URL, not "localhost:4222"');
    expect(() => read({ DATABASE_URL: 'mysql://x' })).toThrow(/DATABASE_URL must be a postgres or postgresql URL/);
  });

  it('sends no invitation e-mail unless WEFT_SMTP_URL is set, and refuses a bad one without echoing its password', () => {
    expect(read({}).subgraphs.mail).toBeNull();
    expect(read({ WEFT_SMTP_URL: 'smtps://hub:s3cret@mail.example.com:465' }).subgraphs.mail).toEqual({
      smtpUrl: 'smtps://hub:s3cret@mail.example.com:465',
      from: 'Weft <no-reply@localhost>',
    });
    expect(read({ WEFT_SMTP_URL: 'smtp://mail.example.com', WEFT_SMTP_FROM: 'Moyun <hub@moyun.example>' }).subgraphs.mail?.from).toBe(
      'Moyun <hub@moyun.example>',
    );
    let refusal = '';
    try {
      read({ WEFT_SMTP_URL: 'https://hub:s3cret@mail.example.com' });
    } catch (error) {
      refusal = (error as Error).message;
    }
    expect(refusal).toMatch(/WEFT_SMTP_URL must be a smtp or smtps URL/);
    expect(refusal).not.toContain('s3cret');
  });

  it('in production, refuses to start without AUTH_SECRET and applies no demo default of an entrance', () => {
    const demo = { seedDemo: true, demoSignIn: true };
    expect(() => readConfig({ DATA_DIR: dataDir, WEFT_ENV: 'production' }, demo)).toThrow(
      new ConfigurationError(
        'WEFT_ENV=production needs AUTH_SECRET (32+ random characters, the same on every process of the hub: the key of the tokens it signs)',
      ),
    );
    const production = readConfig({ DATA_DIR: dataDir, WEFT_ENV: 'production', AUTH_SECRET: 'x'.repeat(32) }, demo);
    expect(production).toMatchObject({ production: true, seedDemo: false, web: { demoSignIn: false } });
    // Seeding the demo into a production hub is an explicit choice (docker-compose: SEED_DEMO=true).
    expect(readConfig({ DATA_DIR: dataDir, WEFT_ENV: 'production', AUTH_SECRET: 'x'.repeat(32), SEED_DEMO: 'true' }, demo).seedDemo).toBe(
      true,
    );
    // Outside production the entrance's demo defaults hold (npm start).
    expect(readConfig({ DATA_DIR: dataDir }, demo)).toMatchObject({ production: false, seedDemo: true, web: { demoSignIn: true } });
  });

  it('turns what it reads into the settings passed down: timers, retries, the WeChat account, limits', () => {
    const config = read({
      DELAY_CHECK_SECONDS: '5',
      NOTIFY_POLL_SECONDS: '0.1',
      WECHAT_APP_ID: 'wx1',
      WECHAT_APP_SECRET: 's',
      WECHAT_API_BASE: 'http://127.0.0.1:9/',
      MAX_COST: '800',
      DB_POOL_MAX: '3',
      LOG_SQL: 'true',
    });
    expect(config.subgraphs).toMatchObject({
      delayCheckMs: 5000,
      etaRefreshMs: 600_000,
      notify: { pollMs: 100, retryBaseMs: 30_000, maxAttempts: 8 },
      wechat: { baseUrl: 'http://127.0.0.1:9', appId: 'wx1', appSecret: 's' },
    });
    expect(config.limits.maxCost).toBe(800);
    expect(config.location).toMatchObject({ poolMax: 3, logSql: true });
    expect(read({}).subgraphs.wechat).toBeNull();
    // Webhooks reach only public addresses unless the operator says otherwise.
    expect(read({}).subgraphs.webhooks).toEqual({ allowPrivate: false });
    expect(read({ WEBHOOK_ALLOW_PRIVATE: 'true' }).subgraphs.webhooks).toEqual({ allowPrivate: true });
    // One allocation's bounds and deadline (a test's solver limit is under a second).
    expect(read({}).subgraphs.allocation).toEqual({ maxRequests: 50, maxOffers: 100, maxPlacements: 10_000, deadlineMs: 10_000 });
    expect(read({ ALLOCATION_MAX_REQUESTS: '3', ALLOCATION_DEADLINE_SECONDS: '0.5' }).subgraphs.allocation).toMatchObject({
      maxRequests: 3,
      deadlineMs: 500,
    });
    expect(read({ ORDERS_PORT: '5003' }).subgraphPort('orders', 4003)).toBe(5003);
    expect(read({ ORDERS_URL: 'http://orders:4003/graphql' }).subgraphUrl('orders', 4003)).toBe('http://orders:4003/graphql');
  });
});
