// The browser suites: real pages in Debian's Chromium against a hub the tests start. They run
// after the other suites (`npm test` runs both configs), one at a time.
/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/dist/test/browser'],
  testMatch: ['**/*.browser.test.js'],
  // tsc's output is plain CommonJS: nothing for babel-jest to do but cost (about 4 CPU-s a suite on a cold cache, as CI's fresh clone has).
  transform: {},
  testTimeout: 120000,
  maxWorkers: 1,
  setupFiles: ['<rootDir>/dist/test/setup.js'],
};
