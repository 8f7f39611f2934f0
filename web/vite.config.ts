import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// The gateway serves dist/ (gateway/web-app.ts); in `vite dev`, the API is proxied to a running hub.
export default defineConfig({
  plugins: [react()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // The HTML's CSP allows scripts from the hub's origin only: no inline module preload polyfill.
    modulePreload: { polyfill: false },
    sourcemap: false,
  },
  server: {
    proxy: {
      '/graphql': { target: 'http://localhost:4000', ws: true },
      '/app-config.json': 'http://localhost:4000',
      '/demo': 'http://localhost:4000',
      '/og': 'http://localhost:4000',
      '/import': 'http://localhost:4000',
      '/export': 'http://localhost:4000',
    },
  },
});
