import react from '@vitejs/plugin-react';
import { defineConfig } from 'vitest/config';

const backend = { '/api': { target: 'http://127.0.0.1:8000' } };

export default defineConfig({
  base: '/',
  plugins: [react()],
  resolve: { alias: [{ find: /^@\//, replacement: '/src/' }] },
  server: { proxy: backend },
  preview: { proxy: backend },
  // The manifest tells scripts/first-load-size.mjs what the entry loads before any lazy page.
  build: { outDir: 'dist', manifest: true },
  test: {
    environment: 'jsdom',
    setupFiles: ['./src/testing/setup-tests.ts'],
    include: ['src/**/*.test.{ts,tsx}'],
  },
});
