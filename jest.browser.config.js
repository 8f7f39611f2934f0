// The browser suites: real pages in Debian's Chromium against a hub the tests start. They run
// after the other suites (`npm test` runs both configs), one file at a time; a file's tests run
// concurrently (it.concurrent), five at once: they wait on pages and sockets much of the time,
// and one hub serves them all (about 60 s one after another, 43 s together, on the 2-core machine).
/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/dist/test/browser'],
  testMatch: ['**/*.browser.test.js'],
  // tsc's output is plain CommonJS: nothing for babel-jest to do but cost (about 4 CPU-s a suite on a cold cache, as CI's fresh clone has).
  transform: {},
  testTimeout: 120000,
  maxWorkers: 1,
  maxConcurrency: 5,
  setupFiles: ['<rootDir>/dist/test/setup.js'],
  // The demo network seeded once; each file's hub starts on a copy (test/support/demo-template.ts).
  globalSetup: '<rootDir>/dist/test/support/browser-global-setup.js',
  globalTeardown: '<rootDir>/dist/test/support/browser-global-teardown.js',
};
