import { defineConfig } from 'vitest/config';

// Unit tests of the app's own logic (no browser: the browser suite covers the pages).
export default defineConfig({ test: { include: ['src/**/*.test.ts'], environment: 'node' } });
