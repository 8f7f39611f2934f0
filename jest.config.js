// Tests are compiled once by `tsc` (npm's pretest) and run as plain JS: type-graphql and
// MikroORM need decorator metadata, which only a full tsc emit gives reliably.

// The workers (and the processes the suites start) with a larger young generation: the suites
// allocate fast (rows, GraphQL results), and fewer scavenges cost about 3 % less CPU.
process.env.NODE_OPTIONS = `${process.env.NODE_OPTIONS ?? ''} --max-semi-space-size=64`.trim();

/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/dist'],
  testMatch: ['**/*.test.js'],
  // tsc's output is plain CommonJS: nothing for babel-jest to do but cost (about 4 CPU-s a suite on a cold cache, as CI's fresh clone has).
  transform: {},
  // Browser suites run after these, with jest.browser.config.js.
  testPathIgnorePatterns: ['\\.browser\\.test\\.js$'],
  testTimeout: 60000,
  // Three on two cores: the suites wait on PostgreSQL, NATS and sockets a good part of the time.
  maxWorkers: 3,
  // Longest suites first, also on a clean clone (see the file).
  testSequencer: '<rootDir>/jest.sequencer.js',
  setupFiles: ['<rootDir>/dist/test/setup.js'],
  // PostgreSQL and NATS for the suites that need them: the environment's, or containers (see the file).
  globalSetup: '<rootDir>/dist/test/support/global-setup.js',
  globalTeardown: '<rootDir>/dist/test/support/global-teardown.js',
};
