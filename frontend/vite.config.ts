import react from '@vitejs/plugin-react';
import { defineConfig } from 'vitest/config';

const backend = { '/api': { target: 'http://127.0.0.1:8000' } };

// Named one by one: a library only some pages load (charts…) must stay in their chunks.
const FIRST_LOAD_LIBRARIES =
  /node_modules[\\/](react|react-dom|scheduler|react-router|i18next|react-i18next|@tanstack|axios|use-sync-external-store)[\\/]/;

export default defineConfig({
  base: '/',
  plugins: [react()],
  resolve: { alias: [{ find: /^@\//, replacement: '/src/' }] },
  server: { proxy: backend },
  preview: { proxy: backend },
  // The manifest tells scripts/first-load-size.mjs what the entry loads before any lazy page.
  build: {
    outDir: 'dist',
    manifest: true,
    rolldownOptions: {
      output: {
        // The libraries every page needs, in one chunk of their own: without it the bundler
        // regroups them whenever a lazy page shares a little more with the entry (the console
        // moved React Router into the entry chunk and cost the first load 400 bytes of gzip),
        // and they change far less often than the app, so a deploy leaves them cached.
        codeSplitting: {
          groups: [{ name: 'vendor', test: FIRST_LOAD_LIBRARIES }],
        },
      },
    },
  },
  test: {
    environment: 'jsdom',
    setupFiles: ['./src/testing/setup-tests.ts'],
    include: ['src/**/*.test.{ts,tsx}'],
  },
});
