// Orders the suites longest first, so that no long one starts last and leaves the other workers
// idle at the end. Jest does this from its cache of earlier runs; on a clean clone (CI) it has
// none and goes by file size, which puts the permission matrix (its cells are in other files)
// last. These are the suites' times in a full run (seconds, PostgreSQL + NATS, 3 Dec 2026); a
// suite not listed, and every suite Jest has timed here before, keeps Jest's own order.
// Refresh with the `endTime - startTime` of `npx jest --json --outputFile=…` when suites change a lot.
const Sequencer = require('@jest/test-sequencer').default;
const path = require('node:path');

const SECONDS = {
  'dist/test/live.integration.test.js': 89,
  'dist/test/inventory-load.integration.test.js': 84,
  'dist/test/permissions.integration.test.js': 70,
  'dist/test/demo.integration.test.js': 52,
  'dist/test/fuzz.integration.test.js': 51,
  'dist/test/suppliers.integration.test.js': 42,
  'dist/test/restarts.integration.test.js': 41,
  'dist/test/orders.integration.test.js': 38,
  'dist/test/epcis.integration.test.js': 36,
  'dist/test/notifications.integration.test.js': 35,
  'dist/test/epcis-capture.integration.test.js': 28,
  'dist/test/identity.integration.test.js': 22,
  'dist/test/multi-instance.integration.test.js': 19,
  'dist/test/delays.integration.test.js': 19,
  'dist/test/capacity.integration.test.js': 18,
  'dist/test/eta.integration.test.js': 16,
  'dist/test/n-plus-one.integration.test.js': 15,
  'dist/test/sse.integration.test.js': 13,
  'dist/test/tracing.integration.test.js': 12,
  'dist/test/rate-limits.integration.test.js': 11,
  'dist/test/concurrency.integration.test.js': 11,
};

class LongestFirst extends Sequencer {
  time(test) {
    const known = SECONDS[path.relative(test.context.config.rootDir, test.path).split(path.sep).join('/')];
    return super.time(test) ?? (known === undefined ? undefined : known * 1000);
  }
}

module.exports = LongestFirst;
